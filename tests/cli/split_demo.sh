#!/usr/bin/env bash
# untm split on the demo pair (corpora/demo) and, when ../shared is there, on
# the real seed reply: headings, page furniture gone, paragraphs whole.
# Usage: split_demo.sh /path/to/untm
set -uo pipefail
untm="$1"
source_dir="${UNTM_SOURCE_DIR:?}"
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for language in zh en; do
  out="$("$untm" split --lang "$language" --mark-headings "$source_dir/corpora/demo/reply-$language.txt")" \
    || fail "split $language exited $?"
  headings="$(grep -c '^# ' <<< "$out")"
  paragraphs="$(awk 'BEGIN { RS = "" } END { print NR }' <<< "$out")"
  [[ $headings == 6 ]] || fail "$language: $headings headings, expected 6"
  [[ $paragraphs == 10 ]] || fail "$language: $paragraphs paragraphs, expected 10"
  if grep -qE 'http|13-44467|3/12|A/68/155$' <<< "$out"; then fail "$language: page furniture left: $out"; fi
done
en="$("$untm" split --lang en "$source_dir/corpora/demo/reply-en.txt")"
grep -qx "Every year Mongolia submits information to the United Nations Report on Military Expenditures and takes part in the Register of Conventional Arms." <<< "$en" \
  || fail "en: wrap hyphen not undone"
grep -q "from the region discussed energy security" <<< "$en" || fail "en: paragraph broken at the page break"
zh="$("$untm" split --lang zh "$source_dir/corpora/demo/reply-zh.txt")"
grep -q "来自该区域的 30 多名代表参加了会议" <<< "$zh" || fail "zh: paragraph broken at the page break"

seed="${UNTM_SHARED_DIR:-}/corpora/un/seed-reply-azerbaijan-zh/000_c646f0441c388454.txt"
if [[ -f "$seed" ]]; then
  out="$("$untm" split --lang zh --mark-headings "$seed")"
  [[ "$(grep -c '^# ' <<< "$out")" == 6 ]] || fail "seed: headings"
  [[ "$(awk 'BEGIN { RS = "" } END { print NR }' <<< "$out")" == 18 ]] || fail "seed: paragraphs"
else
  echo "note: ../shared missing, seed reply not checked"
fi
exit $(( failures > 0 ))
