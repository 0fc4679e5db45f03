#!/usr/bin/env bash
# untm align -o X.tmx / X.tmx.zst: the TMX says what a translator's tool needs
# to file the units: the original's language (srclang), the document id (the
# UN symbol) and a creation date that can be fixed for reproducible output.
source "$(dirname "$0")/lib/common.sh" "$@"
demo="$source_dir/corpora/demo"

expect_exit 0 "$untm" align "$demo/reply-zh.txt" "$demo/reply-en.txt" -o "$work/reply.tmx" \
  --id A/68/155 --original-lang en --date 20130830T120000Z --no-learn
expect_contains "$work/reply.tmx" 'srclang="en"'
expect_contains "$work/reply.tmx" '<prop type="x-document">A/68/155</prop>'
expect_contains "$work/reply.tmx" 'creationdate="20130830T120000Z"'

# A Chinese original: srclang follows the option, and two runs give the same bytes.
for run in 1 2; do
  expect_exit 0 "$untm" align "$demo/reply-zh.txt" "$demo/reply-en.txt" -o "$work/run$run.tmx.zst" \
    --id A/68/155 --original-lang zh --date 20130830T120000Z --no-learn
done
cmp -s "$work/run1.tmx.zst" "$work/run2.tmx.zst" || fail "same input and date gave different bundles"
zstd -dcq "$work/run1.tmx.zst" > "$work/run1.tmx" || fail "zstd -d"
expect_contains "$work/run1.tmx" 'srclang="zh"'
expect_exit 0 "$untm" bundle ls "$work/run1.tmx.zst"
expect_contains "$work/out" "^A/68/155"
echo "align tmx header: ok"
