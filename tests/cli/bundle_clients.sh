#!/usr/bin/env bash
# Real clients read bundles: `zstd -dc` prints one TMX file that xmllint
# accepts (well-formed and valid against the TMX 1.4b content model) and in
# which translate-toolkit finds the same units and texts as untm's own export.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
need_tool zstd
need_tool xmllint "Debian: libxml2-utils"

zstd -q -dc "$work/all.tmx.zst" > "$work/all.tmx"
xmllint --noout "$work/all.tmx" || fail "zstd -dc output is not well-formed XML"
xmllint --noout --dtdvalid "$bundle_data/tmx14-subset.dtd" "$work/all.tmx" || fail "not valid TMX 1.4b"
grep -q 'srclang="en"' "$work/all.tmx" || fail "srclang is not en"

# One line per document, id first; the ids are the output stems of align.
"$untm" bundle ls "$work/all.tmx.zst" > "$work/ls.txt"
[[ $(wc -l < "$work/ls.txt") -eq 3 ]] || fail "ls lists $(wc -l < "$work/ls.txt") documents, not 3"
units=$(awk -F'\t' '{ total += $2 } END { print total }' "$work/ls.txt")
[[ $(grep -c '<tu ' "$work/all.tmx") -eq "$units" ]] || fail "ls counts $units units, the TMX has another number"

# cat: the whole bundle equals zstd -dc; one document is a TMX file of its own.
"$untm" bundle cat "$work/all.tmx.zst" | cmp -s - "$work/all.tmx" || fail "cat differs from zstd -dc"
second_id=$(sed -n 2p "$work/ls.txt" | cut -f1)
second_units=$(sed -n 2p "$work/ls.txt" | cut -f2)
"$untm" bundle cat "$work/all.tmx.zst" --doc "$second_id" > "$work/one.tmx"
xmllint --noout --dtdvalid "$bundle_data/tmx14-subset.dtd" "$work/one.tmx" || fail "cat --doc is not valid TMX"
[[ $(grep -c '<tu ' "$work/one.tmx") -eq "$second_units" ]] || fail "cat --doc has the wrong number of units"
[[ $(grep -c "<prop type=\"x-document\">$second_id</prop>" "$work/one.tmx") -eq "$second_units" ]] \
  || fail "cat --doc holds units of other documents"

if [[ -x /usr/bin/python3 ]] && /usr/bin/python3 -c 'import translate.storage.tmx' 2>/dev/null; then
  # translate-toolkit reads the first <tuv> as source: the English (srclang) side.
  /usr/bin/python3 - "$work/all.tmx" > "$work/toolkit.txt" <<'PY'
import sys
from translate.storage import tmx
store = tmx.tmxfile.parsefile(sys.argv[1])
for unit in store.units:
    print(f"{unit.source}\t{unit.target or ''}")
PY
  "$untm" bundle export "$work/all.tmx.zst" --format jsonl > "$work/export.jsonl"
  /usr/bin/python3 - "$work/export.jsonl" > "$work/expected.txt" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    pair = json.loads(line)
    texts = [text for text in (pair["en"], pair["zh"]) if text]
    texts += [""] * (2 - len(texts))
    print("\t".join(texts))
PY
  [[ -s "$work/expected.txt" ]] || fail "export gave no pairs"
  diff "$work/expected.txt" "$work/toolkit.txt" || fail "translate-toolkit sees other units or texts than untm"
  grep -q '"Confidence-building measures" are the basis of regional security & a precondition' "$work/toolkit.txt" \
    || fail "escaped text did not come back unchanged"
else
  echo "note: translate-toolkit not installed; its part of the test was skipped" >&2
fi
echo "ok"
