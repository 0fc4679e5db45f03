#!/usr/bin/env bash
# untm batch on a manifest: documents come out in manifest order whatever -j
# and the thread timing, byte for byte (--date fixes creation dates); a bad
# document is reported (summary, --report, exit code 3) without stopping the
# batch; relative paths resolve against the manifest's folder; progress is a
# bar on a terminal, plain lines otherwise, nothing with -q.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/batch"

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
# Exit code 3: some documents failed, the others are in the bundle.
expect_exit 3 "$untm" batch ../lists/session.tsv -o one.tmx.zst -j 1 --date 20131001T120000Z \
  --report report.jsonl --progress-interval 0.001
cp "$work/err" one.err
expect_contains one.err 'BAD/1: .*bad-ZH.txt: byte 9: '
expect_contains one.err 'MISSING/1: .*missing-ZH.txt: cannot open'
expect_contains one.err '^untm batch: 5/5 docs'  # plain progress lines on a non-terminal
expect_contains one.err '3 of 5 documents aligned'

order="$(bundle_document_ids one.tmx.zst)"
[[ "$order" == "A/68/103 A/68/101 A/68/102 " ]] || fail "bundle documents in order '$order'"

[[ $(wc -l < report.jsonl) == 5 ]] || fail "report has $(wc -l < report.jsonl) lines, expected 5"
expect_contains report.jsonl '"id":"BAD/1".*"status":"failed".*bad-ZH.txt'
expect_contains report.jsonl '"id":"A/68/101".*"status":"aligned","pairs":[1-9]'
python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' report.jsonl || fail "report is not JSON lines"

# More threads than documents, finishing in any order: the same bytes.
expect_exit 3 "$untm" batch ../lists/session.tsv -o four.tmx.zst -j 4 --date 20131001T120000Z -q
cmp one.tmx.zst four.tmx.zst || fail "-j 1 and -j 4 bundles differ"
expect_lacks "$work/err" '/5 docs'  # -q hides progress
expect_contains "$work/err" 'BAD/1'  # but not the failures

# A terminal gets a bar redrawn in place.
script -qec "'$untm' batch ../lists/session.tsv -o tty.tmx.zst -j 2" /dev/null > tty.out || true
grep -q $'\r\\[#*-*\\] 5/5 docs' tty.out || { cat -A tty.out >&2; fail "no progress bar on a terminal"; }

if ls -A | grep -q -e '\.untm-journal$' -e '\.untm-tmp-'; then
  fail "a journal or temporary file was left behind: $(ls -A)"
fi
echo "batch manifest: ok"
