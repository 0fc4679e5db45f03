#!/usr/bin/env bash
# untm align --presplit --links on a hand-made pair (tests/data/align): the
# long Chinese sentence (2019, 74/1, one ；) is translated by two English
# sentences; the question in quotes stays 1-1. Links index input lines.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/align"
expect_exit 0 "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$work/links.align"
diff <(printf '[0]:[0]\n[1]:[1,2]\n[2]:[3]\n') "$work/links.align" || fail "links"
# Swapping the inputs swaps the sides of the links.
expect_exit 0 "$untm" align --presplit --src-lang en --tgt-lang zh "$data/en.txt" "$data/zh.txt" \
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
# --report writes an HTML page with one row per pair, text escaped.
expect_exit 0 "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --report "$work/report.html"
[[ "$(grep -c '<tr' "$work/report.html")" -eq 4 ]] || fail "the report has not 1 header + 3 pair rows"
expect_contains "$work/report.html" '&quot;When does the meeting begin?&quot; he asked.'
echo "align presplit links: ok"
