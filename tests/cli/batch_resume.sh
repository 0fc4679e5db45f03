#!/usr/bin/env bash
# untm batch --resume: a real batch is killed with SIGKILL in the middle;
# rerunning the same command with --resume finishes it without redoing the
# documents already done, and the bundle and report equal those of an
# uninterrupted run byte for byte.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/batch"
at_exit 'kill -9 "${batch_pid:-}" 2>/dev/null'
cd "$work"

# Documents big enough that the batch runs for a while: each fixture's text
# repeated, 80 pairs; pass 1 learns from 10 of them.
for n in 101 102 103; do
  for side in ZH EN; do
    for _ in $(seq 6); do cat "$data/A_68_$n-$side.txt"; echo; done > "A_68_$n-$side.txt"
  done
done
for i in $(seq 80); do
  n=$((101 + i % 3))
  printf 'DOC/%03d\tA_68_%d-ZH.txt\tA_68_%d-EN.txt\n' "$i" "$n" "$n"
done > list.tsv
options=(-j 2 --date 20131001T120000Z --learn-sample 10 --report)

expect_exit 0 "$untm" batch list.tsv -o whole.tmx.zst "${options[@]}" whole.jsonl -q

"$untm" batch list.tsv -o resumed.tmx.zst "${options[@]}" resumed.jsonl --resume --progress-interval 0.01 \
  2> first.err &
batch_pid=$!
# Kill it once at least 10 documents are done.
for _ in $(seq 600); do
  done_count="$(grep -o "^untm batch: [0-9]*/80 docs" first.err 2>/dev/null | tail -1 | tr -dc "0-9/" | cut -d/ -f1)" || true
  [[ -n "$done_count" && "$done_count" -ge 10 ]] && break
  kill -0 "$batch_pid" 2>/dev/null || break
  sleep 0.02
done
kill -9 "$batch_pid" 2>/dev/null || fail "the batch finished before it could be killed: make the test batch larger"
wait "$batch_pid" 2>/dev/null || true
batch_pid=
[[ -e resumed.tmx.zst ]] && fail "a killed batch left a bundle under the final name"
[[ -e resumed.tmx.zst.untm-journal ]] || fail "no journal after the kill"
cp resumed.tmx.zst.untm-journal killed.journal

expect_exit 0 "$untm" batch list.tsv -o resumed.tmx.zst "${options[@]}" resumed.jsonl --resume
earlier="$(grep -o '([0-9]* from an earlier run)' err | tr -dc 0-9)" || true
expect_number "documents taken from the journal" "$earlier" ">=" 10
expect_number "documents taken from the journal" "$earlier" "<" 80
cmp whole.tmx.zst resumed.tmx.zst || fail "resumed bundle differs from the uninterrupted one"
cmp whole.jsonl resumed.jsonl || fail "resumed report differs from the uninterrupted one"
[[ -e resumed.tmx.zst.untm-journal ]] && fail "journal left after a finished batch"

# A journal belongs to one batch: resuming it with other documents is refused.
head -n 40 list.tsv > shorter.tsv
cp killed.journal other.tmx.zst.untm-journal
expect_exit 1 "$untm" batch shorter.tsv -o other.tmx.zst "${options[@]}" other.jsonl -q --resume
expect_contains err 'another batch'
[[ -e other.tmx.zst ]] && fail "a refused resume wrote a bundle"
echo "batch resume: ok ($earlier of 80 documents taken from the killed run)"
