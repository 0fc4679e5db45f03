#!/usr/bin/env bash
# untm align -o X.tmx / X.tmx.zst: the TMX says what a translator's tool needs
# to file the units: the original's language (srclang), the document id (the
# UN symbol) and a creation date that can be fixed for reproducible output.
set -uo pipefail
untm="$1"
demo="$UNTM_SOURCE_DIR/corpora/demo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$untm" align "$demo/reply-zh.txt" "$demo/reply-en.txt" -o "$work/reply.tmx" \
  --id A/68/155 --srclang en --date 20130830T120000Z --no-learn || fail "align to .tmx"
grep -q 'srclang="en"' "$work/reply.tmx" || fail "srclang is not en"
grep -q '<prop type="x-document">A/68/155</prop>' "$work/reply.tmx" || fail "document id missing"
grep -q 'creationdate="20130830T120000Z"' "$work/reply.tmx" || fail "creation date not fixed"

# A Chinese original: srclang follows the option, and two runs give the same bytes.
for run in 1 2; do
  "$untm" align "$demo/reply-zh.txt" "$demo/reply-en.txt" -o "$work/run$run.tmx.zst" \
    --id A/68/155 --srclang zh --date 20130830T120000Z --no-learn || fail "align to .tmx.zst"
done
cmp -s "$work/run1.tmx.zst" "$work/run2.tmx.zst" || fail "same input and date gave different bundles"
zstd -dcq "$work/run1.tmx.zst" > "$work/run1.tmx" || fail "zstd -d"
grep -q 'srclang="zh"' "$work/run1.tmx" || fail "srclang is not zh"
"$untm" bundle ls "$work/run1.tmx.zst" > "$work/ls.txt" || fail "bundle ls"
grep -q "^A/68/155" "$work/ls.txt" || fail "bundle ls does not list A/68/155"
echo "align tmx header: ok"
