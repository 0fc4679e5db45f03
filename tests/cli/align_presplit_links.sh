#!/usr/bin/env bash
# untm align --presplit --links on a hand-made pair (tests/data/align): the
# long Chinese sentence (2019, 74/1, one ；) is translated by two English
# sentences; the question in quotes stays 1-1. Links index input lines.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/align"
expect_exit 0 "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$work/links.align"
diff <(printf '[0]:[0]\n[1]:[1,2]\n[2]:[3]\n') "$work/links.align" || fail "links"
# Swapping the inputs swaps the sides of the links.
expect_exit 0 "$untm" align --presplit --first-lang en --second-lang zh "$data/en.txt" "$data/zh.txt" \
  --links "$work/swapped.align"
diff <(printf '[0]:[0]\n[1,2]:[1]\n[3]:[2]\n') "$work/swapped.align" || fail "swapped links"
# -o writes the pairs; .jsonl carries the link type and a confidence in [0, 1].
expect_exit 0 "$untm" align --presplit "$data/zh.txt" "$data/en.txt" -o "$work/pairs.jsonl"
[[ "$(wc -l < "$work/pairs.jsonl")" -eq 3 ]] || fail "expected 3 pairs: $(cat "$work/pairs.jsonl")"
expect_contains "$work/pairs.jsonl" '"link":"1-2"'
python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    assert 0 <= json.loads(line)["confidence"] <= 1, line
' "$work/pairs.jsonl" || fail "a pair has no confidence in [0, 1]"
expect_contains "$work/pairs.jsonl" 'resolution 74/1. It requested'
# --report writes the review page (tests/cli/review_page.sh drives it in a
# browser): the sentences and links are in it as JSON, quotes escaped.
expect_exit 0 "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --report "$work/report.html"
expect_contains "$work/report.html" '\\"When does the meeting begin?\\" he asked.'
expect_contains "$work/report.html" '"links":\[\[0,1,0,1,[0-9.]*,0\],\[1,2,1,3,[0-9.]*,0\],\[2,3,3,4,[0-9.]*,0\]\]'
echo "align presplit links: ok"
