#!/usr/bin/env bash
# untm bundle export: every format holds the same pairs, --min-confidence and
# --doc select, moses needs -o, output goes through a temporary file.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
bundle="$work/all.tmx.zst"

"$untm" bundle export "$bundle" --format tsv > "$work/all.tsv"
pairs=$(wc -l < "$work/all.tsv")
units=$("$untm" bundle ls "$bundle" | awk -F'\t' '{ total += $2 } END { print total }')
[[ "$pairs" -eq "$units" ]] || fail "tsv has $pairs lines for $units units"
# The first column is the first input (Chinese).
head -n 1 "$work/all.tsv" | cut -f1 | grep -q '阿塞拜疆' || fail "tsv does not start with the Chinese side"
grep -q $'\tCuba$' "$work/all.tsv" || fail "tsv lost the pair 古巴 / Cuba"

"$untm" bundle export "$bundle" --format jsonl -o "$work/all.jsonl" 2>/dev/null
[[ $(wc -l < "$work/all.jsonl") -eq "$pairs" ]] || fail "jsonl has another number of pairs"
/usr/bin/python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    pair = json.loads(line)
    assert {"document", "link", "cost", "confidence", "zh", "en", "zh_source", "en_source"} <= pair.keys(), pair
' "$work/all.jsonl" || fail "jsonl lines are not the documented JSON objects"

"$untm" bundle export "$bundle" --format moses -o "$work/corpus" 2>/dev/null
[[ $(wc -l < "$work/corpus.zh") -eq "$pairs" && $(wc -l < "$work/corpus.en") -eq "$pairs" ]] \
  || fail "moses files are not line-aligned with the pairs"
paste "$work/corpus.zh" "$work/corpus.en" | cmp -s - "$work/all.tsv" || fail "moses lines differ from the tsv pairs"
if "$untm" bundle export "$bundle" --format moses 2>"$work/err.txt"; then fail "moses without -o was accepted"; fi
grep -q -- "-o PREFIX" "$work/err.txt" || fail "moses without -o does not say what is missing"

"$untm" bundle export "$bundle" --format tmx --tmx-keep-null -o "$work/all.tmx" 2>/dev/null
xmllint --noout --dtdvalid "$bundle_data/tmx14-subset.dtd" "$work/all.tmx" || fail "tmx export is not valid TMX"
[[ $(grep -c '<tu ' "$work/all.tmx") -eq "$pairs" ]] || fail "tmx export has another number of units"

# --min-confidence keeps exactly the pairs at or above the threshold.
expected=$(/usr/bin/python3 -c '
import json, sys
print(sum(1 for line in open(sys.argv[1], encoding="utf-8") if json.loads(line)["confidence"] >= 0.5))
' "$work/all.jsonl")
kept=$("$untm" bundle export "$bundle" --format tsv --min-confidence 0.5 | wc -l)
[[ "$kept" -eq "$expected" ]] || fail "--min-confidence 0.5 kept $kept pairs, $expected have confidence >= 0.5"

# --doc: only that document's pairs.
id=$("$untm" bundle ls "$bundle" | sed -n 3p | cut -f1)
doc_units=$("$untm" bundle ls "$bundle" | sed -n 3p | cut -f2)
[[ $("$untm" bundle export "$bundle" --format tsv --doc "$id" | wc -l) -eq "$doc_units" ]] \
  || fail "--doc $id did not give its $doc_units pairs"
if "$untm" bundle export "$bundle" --format tsv --doc no-such-document 2>"$work/err.txt"; then
  fail "an unknown --doc was accepted"
fi
grep -q "no-such-document" "$work/err.txt" || fail "the error does not name the unknown document"

# stats: documents, units and link types agree with ls and the pairs.
"$untm" bundle stats "$bundle" > "$work/stats.txt"
grep -q $'^documents\t3$' "$work/stats.txt" || fail "stats does not count 3 documents"
grep -q $'^units\t'"$units"'$' "$work/stats.txt" || fail "stats does not count $units units"
links=$(awk -F'\t' '/^link / { total += $2 } END { print total }' "$work/stats.txt")
[[ "$links" -eq "$units" ]] || fail "stats link types add up to $links, not $units"
echo "ok"
