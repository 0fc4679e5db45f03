#!/usr/bin/env bash
# untm batch on a manifest: documents come out in manifest order whatever -j
# and the thread timing, byte for byte (--date fixes creation dates); a bad
# document is reported (summary, --report, exit code 3) without stopping the
# batch; relative paths resolve against the manifest's folder; progress is a
# bar on a terminal, plain lines otherwise, nothing with -q.
set -euo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/batch"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/docs" "$work/lists" "$work/elsewhere"
cp "$data"/*.txt "$work/docs/"
printf 'Le texte \xc3\x28 est invalide.\n' > "$work/docs/bad-ZH.txt"
cat > "$work/lists/session.tsv" <<'TSV'
# three good documents, one with invalid UTF-8, one whose file is missing
A/68/103	../docs/A_68_103-ZH.txt	../docs/A_68_103-EN.txt
A/68/101	../docs/A_68_101-ZH.txt	../docs/A_68_101-EN.txt
BAD/1	../docs/bad-ZH.txt	../docs/A_68_101-EN.txt
A/68/102	../docs/A_68_102-ZH.txt	../docs/A_68_102-EN.txt
MISSING/1	../docs/missing-ZH.txt	../docs/A_68_102-EN.txt
TSV

cd "$work/elsewhere"  # paths must not depend on the working folder
status=0
"$untm" batch ../lists/session.tsv -o one.tmx.zst -j 1 --date 20131001T120000Z \
  --report report.jsonl --progress-interval 0.001 2> one.err || status=$?
[[ $status == 3 ]] || { cat one.err >&2; fail "exit code $status, expected 3 (some documents failed)"; }
grep -q 'BAD/1: .*bad-ZH.txt: byte 9: ' one.err || { cat one.err >&2; fail "summary does not name BAD/1, its file and offset"; }
grep -q 'MISSING/1: .*missing-ZH.txt: cannot open' one.err || fail "summary does not name MISSING/1"
grep -q '^untm batch: 5/5 docs' one.err || { cat one.err >&2; fail "no plain progress line on a non-terminal"; }
grep -q '3 of 5 documents aligned' one.err || fail "no summary line"

order="$(zstd -dc one.tmx.zst | grep -o '<prop type="x-document">[^<]*' | sed 's/.*>//' | uniq | tr '\n' ' ')"
[[ "$order" == "A/68/103 A/68/101 A/68/102 " ]] || fail "bundle documents in order '$order'"

[[ $(wc -l < report.jsonl) == 5 ]] || fail "report has $(wc -l < report.jsonl) lines, expected 5"
grep -q '"id":"BAD/1".*"status":"failed".*bad-ZH.txt' report.jsonl || fail "report lacks the failed BAD/1"
grep -q '"id":"A/68/101".*"status":"aligned","pairs":[1-9]' report.jsonl || fail "report lacks the aligned A/68/101"
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' report.jsonl || fail "report is not JSON lines"

# More threads than documents, finishing in any order: the same bytes.
status=0
"$untm" batch ../lists/session.tsv -o four.tmx.zst -j 4 --date 20131001T120000Z -q 2> four.err || status=$?
[[ $status == 3 ]] || fail "-j 4: exit code $status"
cmp one.tmx.zst four.tmx.zst || fail "-j 1 and -j 4 bundles differ"
grep -q '/5 docs' four.err && fail "-q still shows progress"
grep -q 'BAD/1' four.err || fail "-q hides the failures"

# A terminal gets a bar redrawn in place.
script -qec "'$untm' batch ../lists/session.tsv -o tty.tmx.zst -j 2" /dev/null > tty.out || true
grep -q $'\r\\[#*-*\\] 5/5 docs' tty.out || { cat -A tty.out >&2; fail "no progress bar on a terminal"; }

ls -A | grep -q -e '\.untm-journal$' -e '\.untm-tmp-' && fail "a journal or temporary file was left behind: $(ls -A)"
echo "batch manifest: ok"
