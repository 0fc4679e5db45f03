#!/usr/bin/env bash
# untm split on Word files written by real writers: python-docx, and
# LibreOffice (the same document opened and saved again) when
# soffice is installed. Title and headings stand apart, Word's list numbering
# shows as "1.", table cells are paragraphs, a line break (w:br) joins, the
# page header and footer are gone; the format comes from the bytes, not the
# file name. Bad files get one clear message naming the file, and exit 1.
# Usage: docx_word_files.sh /path/to/untm
set -uo pipefail
untm="$1"
python=/usr/bin/python3
if ! "$python" -c 'import docx' 2>/dev/null; then
  echo "skip: python3-docx is not installed (scripts/install-deps.sh --test)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$python" - "$work/report.docx" <<'PY'
import sys
import docx
document = docx.Document()
section = document.sections[0]
section.header.paragraphs[0].text = "A/70/123 15-01234 (E)"
section.footer.paragraphs[0].text = "Page 1 of 2"
document.add_paragraph("Report of the Committee", style="Title")
document.add_heading("I. Introduction", level=1)
document.add_paragraph("The Committee met twice. It adopted its report.")
for text in ["Decides to continue.", "Requests a report.", "Invites States."]:
    document.add_paragraph(text, style="List Number")
table = document.add_table(rows=2, cols=2)
for cell, text in zip(table._cells, ["Country", "Votes", "Chile", "12"]):
    cell.text = text
broken = document.add_paragraph("Line one")
broken.add_run().add_break()
broken.add_run("line two.")
document.add_heading("Annex", level=2)
document.save(sys.argv[1])
PY
cat > "$work/expected" <<'TXT'
Report of the Committee

I. Introduction

The Committee met twice.
It adopted its report.

1. Decides to continue.

2. Requests a report.

3. Invites States.

Country

Votes

Chile

12

Line one line two.

Annex
TXT

check_split() {
  local file="$1" writer="$2"
  if ! "$untm" split --lang en "$file" > "$work/out" 2> "$work/err"; then
    fail "$writer: untm split failed: $(cat "$work/err")"
    return
  fi
  diff -u "$work/expected" "$work/out" > "$work/diff" || fail "$writer: split output differs: $(cat "$work/diff")"
}

check_split "$work/report.docx" "python-docx"
# Format by content: the name says text, the bytes say DOCX.
cp "$work/report.docx" "$work/report.txt"
check_split "$work/report.txt" "python-docx, named .txt"

if command -v soffice > /dev/null; then
  profile="file://$work/lo-profile"
  mkdir -p "$work/lo"
  # Opened and saved again by LibreOffice: a DOCX in LibreOffice's own way.
  soffice -env:UserInstallation="$profile" --headless --convert-to docx:"MS Word 2007 XML" --outdir "$work/lo" \
    "$work/report.docx" > /dev/null 2>&1
  if [[ -s "$work/lo/report.docx" ]]; then
    check_split "$work/lo/report.docx" "LibreOffice"
  else
    fail "LibreOffice did not convert the document"
  fi
else
  echo "skip (part): soffice not installed, no LibreOffice-written DOCX checked"
fi

# expect_error FILE MESSAGE: exit 1 and MESSAGE on stderr.
expect_error() {
  "$untm" split --lang en "$1" > "$work/out" 2> "$work/err"
  local code=$?
  [[ $code == 1 ]] || fail "$1: exit $code, expected 1"
  grep -qF "$2" "$work/err" || fail "$1: message '$(cat "$work/err")' lacks '$2'"
  [[ ! -s "$work/out" ]] || fail "$1: printed output"
}
head -c 3000 "$work/report.docx" > "$work/cut.docx"
expect_error "$work/cut.docx" "cut.docx: not a readable ZIP package, so not a DOCX"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0' > "$work/old.doc"
expect_error "$work/old.doc" "old.doc: a legacy Word .doc or a password-protected Office file"
"$python" -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1], "w").writestr("mimetype", "application/vnd.oasis.opendocument.text")' \
  "$work/letter.odt"
expect_error "$work/letter.odt" "letter.odt: a ZIP package without word/document.xml: not a Word document (DOCX); it is an OpenDocument file"
"$python" - "$work/report.docx" "$work/broken.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as source, zipfile.ZipFile(sys.argv[2], "w") as target:
    for item in source.infolist():
        data = source.read(item.filename)
        target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
PY
expect_error "$work/broken.docx" "broken.docx: part word/document.xml of the DOCX package, byte"

if (( failures > 0 )); then
  echo "$failures failure(s)" >&2
  exit 1
fi
echo "ok"
