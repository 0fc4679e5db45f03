#!/usr/bin/env bash
# Issue #10 in a batch, as a table of rows (case | command | exit code |
# what stderr must say): the warnings of `untm align` (an empty side, lengths
# no translation has) come per document on stderr, even with -q, and in the
# report, without failing the batch; a side whose script contradicts its
# language fails that document alone (exit 3), naming the file. Then resume:
# a failed document whose inputs did not change is not aligned again (nor
# anything after it), its error is reported again; one whose input changed,
# even to the same size, is.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool strace "scripts/install-deps.sh --test"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
data="$source_dir/tests/data/batch"
cd "$work"

cp "$source_dir/corpora/demo/reply-zh.txt" reply.zh
cp "$source_dir/corpora/demo/reply-en.txt" reply.en
cp "$data/A_68_101-ZH.txt" session.zh
cp "$data/A_68_101-EN.txt" session.en
: >empty.en
printf '  \n\n\t\n' >blank.zh
for _ in 1 2 3 4 5 6 7 8 9 10 11 12; do cat reply.en; done >long.en
head -c 60 reply.en >short.en
mkdir folder
cp session.zh folder/B_1-ZH.txt
printf ' \n' >folder/B_1-EN.txt
cp reply.zh folder/C_2-ZH.txt
head -c 40 reply.en >folder/C_2-EN.txt

# ROW: case|command (run in $work)|exit code|what stderr must hold (grep -E)
rows=(
  "empty English side|batch -q --no-learn m1.tsv -o o1.tmx.zst --report r1.jsonl|0|untm batch: warning: hollow: empty.en: no text, nothing to align"
  "English 12 times too long|batch -q --no-learn m2.tsv -o o2.tmx.zst --report r2.jsonl|0|untm batch: warning: long: long.en is [0-9.]+ times as long as a translation of reply.zh"
  "held out: blank Chinese side, in a folder|batch --no-learn folder -o o3.tmx.zst --report r3.jsonl|0|untm batch: warning: B_1: .*B_1-EN.txt: no text"
  "held out: Chinese far longer, in a folder|batch --no-learn folder -o o4.tmx.zst|0|untm batch: warning: C_2: .*C_2-ZH.txt is [0-9.]+ times as long"
  "files swapped: that document fails|batch -q --no-learn m5.tsv -o o5.tmx.zst --report r5.jsonl|3|swapped: session.en: given as Chinese but [0-9]+% of its letters are Latin"
  "held out: two Chinese files|batch -q --no-learn m6.tsv -o o6.tmx.zst|3|twice: reply.zh: given as English but [0-9]+% of its letters are Chinese"
)
printf 'good\tsession.zh\tsession.en\nhollow\treply.zh\tempty.en\n' >m1.tsv
printf 'long\treply.zh\tlong.en\ngood\tsession.zh\tsession.en\n' >m2.tsv
printf 'good\tsession.zh\tsession.en\nswapped\tsession.en\tsession.zh\n' >m5.tsv
printf 'twice\tsession.zh\treply.zh\ngood\treply.zh\treply.en\n' >m6.tsv
for row in "${rows[@]}"; do
  IFS='|' read -r name command code pattern <<<"$row"
  # shellcheck disable=SC2086
  expect_exit "$code" "$untm" $command
  grep -Eq -- "$pattern" "$work/err" || fail "$name: stderr lacks '$pattern': $(head -c 2000 "$work/err")"
done
# The report carries the warnings of an aligned document; a document without
# any has no "warnings" field.
expect_contains r1.jsonl '"id":"hollow".*"status":"aligned".*"warnings":\["empty.en: no text, nothing to align"\]'
expect_lacks r1.jsonl '"id":"good".*warnings'
expect_contains r2.jsonl '"id":"long".*"status":"aligned".*"warnings":\["long.en is'
expect_contains r3.jsonl '"id":"B_1".*"warnings":\[".*B_1-EN.txt: no text'
expect_contains r5.jsonl '"id":"swapped".*"status":"failed","file":"session.en","reason":"given as Chinese'
[[ $(bundle_document_ids o5.tmx.zst) == "good " ]] || fail "o5 holds $(bundle_document_ids o5.tmx.zst)"
[[ $(bundle_document_ids o2.tmx.zst) == "long good " ]] || fail "o2 holds $(bundle_document_ids o2.tmx.zst)"

# Resume. first, then scan (a side of control bytes, as a scan's junk text
# layer: it always fails), then last. A rename failure keeps the journal, all
# three documents in it. The files each run opens are traced.
printf 'first\treply.zh\treply.en\nscan\tscan.zh\tsession.en\nlast\tsession.zh\tlast.en\n' >resume.tsv
printf '\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f' >scan.zh
cp session.en last.en
traced_batch() {  # CODE TRACE [strace options...] -- untm batch arguments...
  local code="$1" trace="$2"
  shift 2
  local options=()
  while [[ $1 != -- ]]; do options+=("$1"); shift; done
  shift
  expect_exit "$code" strace -f -o "$trace" -e trace=openat,open,rename "${options[@]}" "$untm" batch -q --no-learn "$@"
}
opened() { grep -c "\"[^\"]*$2\"" "$1" || true; }  # TRACE FILE: how many times it was opened
traced_batch 74 t0 -e inject=rename:error=EIO -- resume.tsv -o res.tmx.zst
[[ -e res.tmx.zst.untm-journal ]] || fail "no journal after an interrupted batch"
expect_number "opens of last.en, first run" "$(opened t0 last.en)" ">=" 1
# Resumed twice (the first one interrupted again): the unchanged scan is not
# aligned again, so neither is last, whose input is never opened.
traced_batch 74 t1 -e inject=rename:error=EIO -- resume.tsv -o res.tmx.zst --resume
expect_number "opens of last.en, first resume" "$(opened t1 last.en)" "==" 0
traced_batch 3 t2 -- resume.tsv -o res.tmx.zst --resume --report res.jsonl
expect_number "opens of last.en, second resume" "$(opened t2 last.en)" "==" 0
expect_contains "$work/err" "scan: scan.zh: "
expect_contains res.jsonl '"id":"scan".*"status":"failed","file":"scan.zh"'
[[ $(bundle_document_ids res.tmx.zst) == "first last " ]] || fail "res holds $(bundle_document_ids res.tmx.zst)"
# Held out: the failing side changed, to bytes of the same size, between an
# interrupted run and its resume: aligned again (it fails again), and last
# after it.
traced_batch 74 t3 -e inject=rename:error=EIO -- resume.tsv -o res.tmx.zst
printf '\x02\x02\x03\x04\x05\x06\x07\x08\x0e\x0f' >scan.zh
traced_batch 3 t4 -- resume.tsv -o res.tmx.zst --resume
expect_number "opens of last.en, resume after scan.zh changed" "$(opened t4 last.en)" ">=" 1
expect_number "opens of reply.en, resume after scan.zh changed" "$(opened t4 reply.en)" "==" 0
echo "batch warnings and resume: ok"
