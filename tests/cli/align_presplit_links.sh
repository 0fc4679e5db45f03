#!/usr/bin/env bash
# untm align --presplit --links on a hand-made pair (tests/data/align): the
# long Chinese sentence (2019, 74/1, one ；) is translated by two English
# sentences; the question in quotes stays 1-1. Links index input lines.
set -euo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/align"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$work/out.align"
cat "$work/out.align"
diff <(printf '[0]:[0]\n[1]:[1,2]\n[2]:[3]\n') "$work/out.align"
# Swapping the inputs swaps the sides of the links.
"$untm" align --presplit --src-lang en --tgt-lang zh "$data/en.txt" "$data/zh.txt" --links "$work/swapped.align"
diff <(printf '[0]:[0]\n[1,2]:[1]\n[3]:[2]\n') "$work/swapped.align"
# -o writes the pairs; .jsonl carries the link type and a confidence in [0, 1].
"$untm" align --presplit "$data/zh.txt" "$data/en.txt" -o "$work/out.jsonl"
[[ "$(wc -l < "$work/out.jsonl")" -eq 3 ]]
grep -q '"link":"1-2"' "$work/out.jsonl"
grep -q 'resolution 74/1. It requested' "$work/out.jsonl"
# --report writes an HTML page with one row per pair, text escaped.
"$untm" align --presplit "$data/zh.txt" "$data/en.txt" --report "$work/report.html"
[[ "$(grep -c '<tr' "$work/report.html")" -eq 4 ]]  # header + 3 pairs
grep -q '&quot;When does the meeting begin?&quot; he asked.' "$work/report.html"
