#!/usr/bin/env bash
# untm split on the demo pair (corpora/demo) and, when ../shared is there, on
# the real seed reply: headings, page furniture gone, paragraphs whole.
source "$(dirname "$0")/lib/common.sh" "$@"
demo="$source_dir/corpora/demo"

count_paragraphs() {  # FILE: blocks separated by blank lines
  awk 'BEGIN { RS = "" } END { print NR }' "$1"
}

for language in zh en; do
  expect_exit 0 "$untm" split --lang "$language" --mark-headings "$demo/reply-$language.txt"
  expect_number "$language headings" "$(grep -c '^# ' "$work/out")" == 6
  expect_number "$language paragraphs" "$(count_paragraphs "$work/out")" == 10
  expect_lacks "$work/out" 'http\|13-44467\|3/12\|A/68/155$'  # page furniture
done
expect_exit 0 "$untm" split --lang en "$demo/reply-en.txt"
grep -qx "Every year Mongolia submits information to the United Nations Report on Military Expenditures and takes part in the Register of Conventional Arms." "$work/out" \
  || fail "en: wrap hyphen not undone"
expect_contains "$work/out" "from the region discussed energy security"  # not broken at the page break
expect_exit 0 "$untm" split --lang zh "$demo/reply-zh.txt"
expect_contains "$work/out" "来自该区域的 30 多名代表参加了会议"  # not broken at the page break

seed=corpora/un/seed-reply-azerbaijan-zh/000_c646f0441c388454.txt
if have_shared "$seed" "the seed reply"; then
  expect_exit 0 "$untm" split --lang zh --mark-headings "$shared/$seed"
  expect_number "seed reply headings" "$(grep -c '^# ' "$work/out")" == 6
  expect_number "seed reply paragraphs" "$(count_paragraphs "$work/out")" == 18
fi
echo "split demo: ok"
