#!/usr/bin/env bash
# untm batch on a folder: pairs by UN file names (A_68_101-ZH.txt/-EN.txt),
# .zh/.en suffixes and zh/ + en/ subfolders, and lists what it could not pair
# and why. On the gold sets (--presplit, zh/ and en/), --links-dir writes link
# files that untm eval scores.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/batch"

mkdir -p "$work/in/sub/zh" "$work/in/sub/en"
cp "$data"/A_68_101-ZH.txt "$data"/A_68_101-EN.txt "$work/in/"
cp "$data"/A_68_102-ZH.txt "$work/in/report.zh"
cp "$data"/A_68_102-EN.txt "$work/in/report.en"
cp "$data"/A_68_103-ZH.txt "$work/in/sub/zh/X.txt"
cp "$data"/A_68_103-EN.txt "$work/in/sub/en/X.txt"
cp "$data"/A_68_103-ZH.txt "$work/in/lonely-ZH.txt"
echo "notes" > "$work/in/README.md"

cd "$work"
expect_exit 0 "$untm" batch in -o out.tmx.zst --date 20131001T120000Z -q
order="$(bundle_document_ids out.tmx.zst)"
[[ "$order" == "A_68_101 report sub/X " ]] || fail "documents '$order'"
expect_contains err 'left out in/lonely-ZH.txt: no English counterpart'
expect_contains err 'left out in/README.md: the name does not say the language'

if have_shared gold/pol-dev "the gold-set part"; then
  expect_exit 0 "$untm" batch "$shared/gold/pol-dev" --presplit -o pol.tmx.zst --links-dir links -q
  [[ $(ls links/*.align | wc -l) == 6 ]] || fail "expected 6 link files, got $(ls links)"
  expect_exit 0 "$untm" eval --gold "$shared/gold/pol-dev/gold" --test links --json
  # Links off by a line would score near 0; the aligner does far better on pol-dev.
  f1="$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["total"]["strict"]["f1"])' out)" ||
    fail "untm eval --json printed no scores: $(cat out)"
  expect_number "pol-dev strict F1 of the batch's link files" "$f1" ">" 0.5
fi
echo "batch folder: ok"
