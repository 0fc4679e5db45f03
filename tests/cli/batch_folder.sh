#!/usr/bin/env bash
# untm batch on a folder: pairs by UN file names (A_68_101-ZH.txt/-EN.txt),
# .zh/.en suffixes and zh/ + en/ subfolders, and lists what it could not pair
# and why. On the gold sets (--presplit, zh/ and en/), --links-dir writes link
# files that untm eval scores.
set -euo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/batch"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir -p "$work/in/sub/zh" "$work/in/sub/en"
cp "$data"/A_68_101-ZH.txt "$data"/A_68_101-EN.txt "$work/in/"
cp "$data"/A_68_102-ZH.txt "$work/in/report.zh"
cp "$data"/A_68_102-EN.txt "$work/in/report.en"
cp "$data"/A_68_103-ZH.txt "$work/in/sub/zh/X.txt"
cp "$data"/A_68_103-EN.txt "$work/in/sub/en/X.txt"
cp "$data"/A_68_103-ZH.txt "$work/in/lonely-ZH.txt"
echo "notes" > "$work/in/README.md"

cd "$work"
"$untm" batch in -o out.tmx.zst --date 20131001T120000Z -q 2> err || { cat err >&2; fail "batch failed"; }
order="$(zstd -dc out.tmx.zst | grep -o '<prop type="x-document">[^<]*' | sed 's/.*>//' | uniq | tr '\n' ' ')"
[[ "$order" == "A_68_101 report sub/X " ]] || fail "documents '$order'"
grep -q 'left out in/lonely-ZH.txt: no English counterpart' err || { cat err >&2; fail "lonely-ZH.txt not listed"; }
grep -q 'left out in/README.md: the name does not say the language' err || fail "README.md not listed"

shared="${UNTM_SHARED_DIR:-}"
if [[ ! -d "$shared/gold/pol-dev" ]]; then
  echo "batch folder: ok (gold-set part skipped: ../shared missing)"
  exit 0
fi
"$untm" batch "$shared/gold/pol-dev" --presplit -o pol.tmx.zst --links-dir links -q 2> pol.err \
  || { cat pol.err >&2; fail "gold batch failed"; }
[[ $(ls links/*.align | wc -l) == 6 ]] || fail "expected 6 link files, got $(ls links)"
"$untm" eval --gold "$shared/gold/pol-dev/gold" --test links --json > scores.json
# Links off by a line would score near 0; the aligner does far better on pol-dev.
python3 - scores.json <<'PY' || fail "link files do not score like alignments: $(cat scores.json)"
import json, sys
total = json.load(open(sys.argv[1]))["total"]
sys.exit(0 if total["strict"]["f1"] > 0.5 else 1)
PY
echo "batch folder: ok"
