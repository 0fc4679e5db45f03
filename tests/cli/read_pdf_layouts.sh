#!/usr/bin/env bash
# Issue 11: documents as translators have them. Three UN-style documents of our
# own (tests/read/documents; report.txt was written as a held-out check) are
# made into Word files, exported to PDF by LibreOffice and turned into text by
# pdftotext, in two looks (a UN document's and a ragged-right office one).
# Each input path is aligned from the raw file to pairs and scored against the
# sentence-pair gold: DOCX >= 0.98, PDF >= 0.97, pdftotext plain and -layout
# >= 0.95, the seed's style >= 0.98.
set -euo pipefail
untm="$1"
source_dir="${UNTM_SOURCE_DIR:-$(dirname "$0")/../..}"
python=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c "import docx" 2>/dev/null; then python="$candidate"; break; fi
done
for tool in soffice pdftotext; do
  if ! command -v "$tool" >/dev/null; then echo "skip: $tool not installed (scripts/install-deps.sh --test)"; exit 77; fi
done
if [[ -z "$python" ]]; then echo "skip: python3-docx not installed (scripts/install-deps.sh --test)"; exit 77; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
score() {  # score NAME PATH MIN_F1 ZH EN
  local name="$1" path="$2" floor="$3"
  "$untm" align "$4" "$5" -o "$work/$name.$path.tsv"
  # No pairs at all: untm is broken, and every later document would say so too.
  [[ -s "$work/$name.$path.tsv" ]] || { echo "$name $path: untm align wrote no pairs"; exit 1; }
  local figures
  if figures="$("$python" "$source_dir/tests/read/sentence_pair_f1.py" "$work/$name.gold.tsv" "$work/$name.$path.tsv" "$floor")"; then
    echo "$name $path: P R F1 = $figures"
  else
    echo "$name $path: P R F1 = $figures, below $floor"
    failed=1
  fi
}
for document in "declaration un" "resolution block" "report un"; do
  read -r name look <<< "$document"
  "$python" "$source_dir/tests/read/make_documents.py" "$source_dir/tests/read/documents/$name.txt" "$work" "$name" \
    --look "$look"
  score "$name" docx 0.98 "$work/$name-zh.docx" "$work/$name-en.docx"
  score "$name" pdf 0.97 "$work/$name-zh.pdf" "$work/$name-en.pdf"
  score "$name" plain 0.95 "$work/$name-zh.plain.txt" "$work/$name-en.plain.txt"
  score "$name" layout 0.95 "$work/$name-zh.layout.txt" "$work/$name-en.layout.txt"
  score "$name" seed 0.98 "$work/$name-zh.seed.txt" "$work/$name-en.seed.txt"
done
exit "$failed"
