#!/usr/bin/env bash
# Issue 11, the edges of reading documents, on files made by real tools (the
# declaration of tests/read/documents as Word files by python-docx, PDFs and a
# legacy .doc by LibreOffice, a scan as an image-only PDF, encryption by qpdf):
# - --input-format auto|text|docx|pdf overrides detection by content; a forced
#   format that the bytes contradict names the file and what it looks like;
# - a legacy .doc, a scanned PDF, an encrypted PDF, a truncated DOCX and a
#   truncated PDF each get one message naming the file and what to do (exit 1);
# - PDF sentences carry their page into JSON lines and TMX (checked against
#   pdftotext's pages), DOCX sentences their paragraph (checked against
#   python-docx's paragraphs); text inputs show no page.
source "$(dirname "$0")/lib/common.sh" "$@"
for tool in soffice pdftotext pdftoppm pdfinfo qpdf; do need_tool "$tool" "scripts/install-deps.sh --test"; done
python=/usr/bin/python3
"$python" -c 'import docx' 2>/dev/null || { echo "skipped: python3-docx not installed (scripts/install-deps.sh --test)"; exit 77; }
profile="file://$work/lo-profile"

# --- --input-format -----------------------------------------------------------
# A text file that quotes the PDF signature near its start: by content it is
# a (broken) PDF; --input-format text reads it as the text it is.
printf 'The header %%PDF-1.7 opens every PDF file. Readers look for it first.\n' > "$work/note.txt"
expect_exit 1 "$untm" split --lang en "$work/note.txt"
expect_exit 0 "$untm" split --lang en --input-format text "$work/note.txt"
[[ "$(cat "$work/out")" == $'The header %PDF-1.7 opens every PDF file.\nReaders look for it first.' ]] ||
  fail "--input-format text: $(cat "$work/out")"

"$python" "$source_dir/tests/read/make_documents.py" "$source_dir/tests/read/documents/declaration.txt" "$work" decl
zh_docx="$work/decl-zh.docx" en_docx="$work/decl-en.docx" zh_pdf="$work/decl-zh.pdf" en_pdf="$work/decl-en.pdf"

expect_exit 64 "$untm" align --input-format word "$zh_docx" "$en_docx" -o "$work/x.tsv"
expect_contains "$work/err" "--input-format: 'word' is none of auto, text, docx, pdf"
expect_exit 64 "$untm" batch "$work" -o "$work/x.tmx.zst" --input-format PDF
expect_contains "$work/err" "--input-format: 'PDF'"

expect_exit 1 "$untm" align --input-format pdf "$zh_docx" "$en_docx" -o "$work/x.tsv"
expect_contains "$work/err" "decl-zh.docx: asked to read it as a PDF, but it is not a PDF: it looks like a ZIP package"
expect_exit 1 "$untm" split --lang en --input-format docx "$en_pdf"
expect_contains "$work/err" "decl-en.pdf: asked to read it as a DOCX, but it is not a DOCX: it looks like a PDF"
expect_exit 1 "$untm" split --lang en --input-format text "$en_pdf"
expect_contains "$work/err" "decl-en.pdf: asked to read it as text, but it looks like a PDF"

# Forcing what the bytes are gives what detection gives.
expect_exit 0 "$untm" align "$zh_pdf" "$en_pdf" -o "$work/auto.tsv"
expect_exit 0 "$untm" align --input-format pdf "$zh_pdf" "$en_pdf" -o "$work/forced.tsv"
cmp -s "$work/auto.tsv" "$work/forced.tsv" || fail "--input-format pdf changed the pairs of two PDFs"
[[ $(wc -l < "$work/auto.tsv") -ge 20 ]] || fail "two PDFs gave $(wc -l < "$work/auto.tsv") pairs"


# Batch: the forced format applies to every input; a contradiction fails the
# document with the file named in the report.
mkdir -p "$work/folder"
cp "$zh_docx" "$work/folder/decl-zh.docx"
cp "$en_docx" "$work/folder/decl-en.docx"
expect_exit 3 "$untm" batch "$work/folder" -o "$work/b.tmx.zst" --input-format pdf -q --report "$work/report.jsonl"
expect_contains "$work/report.jsonl" "decl-zh.docx"
expect_contains "$work/report.jsonl" "it looks like a ZIP package"
expect_exit 0 "$untm" batch "$work/folder" -o "$work/b2.tmx.zst" --input-format docx -q
[[ -n "$(bundle_document_ids "$work/b2.tmx.zst")" ]] || fail "batch --input-format docx wrote no document"

# --- bad files ------------------------------------------------------------------
# expect_refused FILE MESSAGE...: aligning FILE with the good English PDF
# fails (exit 1) with each MESSAGE on stderr and writes nothing.
expect_refused() {
  local file="$1"
  shift
  rm -f "$work/refused.tsv"
  expect_exit 1 "$untm" align "$file" "$en_pdf" -o "$work/refused.tsv"
  local message
  for message in "$@"; do expect_contains "$work/err" "$message"; done
  [[ ! -e "$work/refused.tsv" ]] || fail "$(basename "$file"): wrote an output"
}

soffice "-env:UserInstallation=$profile" --headless --convert-to doc --outdir "$work/doc" "$zh_docx" >/dev/null 2>&1 ||
  fail "LibreOffice did not write a .doc"
expect_refused "$work/doc/decl-zh.doc" "decl-zh.doc: a legacy Word .doc" "save it as .docx"

# A scan: page 1 as a picture in a Word file, exported to PDF (no text layer).
pdftoppm -png -r 30 -f 1 -l 1 "$zh_pdf" "$work/scan"
"$python" -c 'import docx, sys; d = docx.Document(); d.add_picture(sys.argv[1]); d.save(sys.argv[2])' \
  "$work/scan-1.png" "$work/scan.docx"
soffice "-env:UserInstallation=$profile" --headless --convert-to pdf --outdir "$work/scan" "$work/scan.docx" \
  >/dev/null 2>&1 || fail "LibreOffice did not export the scan"
expect_refused "$work/scan/scan.pdf" "scan.pdf: the PDF has no text layer" "OCR"

qpdf --encrypt secret owner 256 -- "$zh_pdf" "$work/locked.pdf"
expect_refused "$work/locked.pdf" "locked.pdf: the PDF is encrypted with a password" "unprotected copy"
# Encrypted without an open password (copying forbidden, as UN PDFs often
# are): readable, and read as the plain PDF is.
qpdf --encrypt "" owner 256 --extract=n -- "$zh_pdf" "$work/restricted.pdf"
expect_exit 0 "$untm" align "$work/restricted.pdf" "$en_pdf" -o "$work/restricted.tsv"
cmp -s "$work/restricted.tsv" "$work/auto.tsv" || fail "a copy-restricted PDF aligned differently"

head -c 4000 "$zh_docx" > "$work/cut.docx"
expect_refused "$work/cut.docx" "cut.docx: not a readable ZIP package, so not a DOCX"
head -c "$(( $(wc -c < "$zh_pdf") / 2 ))" "$zh_pdf" > "$work/cut.pdf"
expect_refused "$work/cut.pdf" "cut.pdf:" "damaged or truncated"

# --- where each sentence came from ----------------------------------------------
expect_exit 0 "$untm" align "$zh_pdf" "$en_pdf" -o "$work/pdf.jsonl"
expect_exit 0 "$untm" align "$zh_pdf" "$en_pdf" -o "$work/pdf.tmx" --date 20260101T000000Z
for language in zh en; do
  pdf="$work/decl-$language.pdf"
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
  for ((page = 1; page <= pages; ++page)); do pdftotext -enc UTF-8 -f "$page" -l "$page" "$pdf" "$work/$language.page$page.txt"; done
done
"$python" - "$work" <<'PY' || fail "PDF pages in the JSON lines do not match pdftotext's pages"
import json, re, sys
work = sys.argv[1]
def squeeze(text):
    return re.sub(r"\s+", "", text)
seen, failures = {"zh": set(), "en": set()}, 0
for row in map(json.loads, open(f"{work}/pdf.jsonl", encoding="utf-8")):
    for language in ("zh", "en"):
        if not row[language]:
            continue
        page = row[f"{language}_page"]
        seen[language].add(page)
        start = squeeze(row[language])[:8]
        text = squeeze(open(f"{work}/{language}.page{page}.txt", encoding="utf-8").read())
        if start not in text:
            print(f"{language} page {page} lacks {start!r}", file=sys.stderr)
            failures += 1
for language, pages in seen.items():
    if len(pages) < 3:
        print(f"{language}: pairs on pages {sorted(pages)} only", file=sys.stderr)
        failures += 1
sys.exit(1 if failures else 0)
PY
tuvs=$(grep -c '<tuv ' "$work/pdf.tmx")
[[ $(grep -c '<prop type="x-page">[1-9]' "$work/pdf.tmx") -ge $((tuvs - 2)) ]] ||
  fail "TMX: $(grep -c 'x-page' "$work/pdf.tmx") x-page props for $tuvs tuvs"

# A batch keeps the pages in its bundle; export gives them back.
mkdir -p "$work/pdfs"
cp "$zh_pdf" "$work/pdfs/decl-zh.pdf"
cp "$en_pdf" "$work/pdfs/decl-en.pdf"
expect_exit 0 "$untm" batch "$work/pdfs" -o "$work/pdfs.tmx.zst" -q
expect_exit 0 "$untm" bundle export "$work/pdfs.tmx.zst" --format jsonl -o "$work/pdfs.jsonl"
rows=$(wc -l < "$work/pdfs.jsonl")
[[ $rows -ge 20 && $(grep -c '"en_page":[1-9]' "$work/pdfs.jsonl") -ge $((rows - 2)) ]] ||
  fail "bundle export: $(grep -c '"en_page"' "$work/pdfs.jsonl") en_page fields in $rows rows"

expect_exit 0 "$untm" align "$zh_docx" "$en_docx" -o "$work/docx.jsonl"
expect_lacks "$work/docx.jsonl" "_page"
"$python" - "$work" <<'PY' || fail "DOCX paragraph positions in the JSON lines do not match python-docx"
import json, re, sys
import docx
work = sys.argv[1]
paragraphs = [p.text for p in docx.Document(f"{work}/decl-en.docx").paragraphs]
failures = 0
for row in map(json.loads, open(f"{work}/docx.jsonl", encoding="utf-8")):
    first, end = row["en_source"]
    if row["en"] and re.sub(r"\s+", " ", row["en"])[:20] not in paragraphs[first]:
        print(f"paragraph {first} lacks {row['en'][:20]!r}: {paragraphs[first][:60]!r}", file=sys.stderr)
        failures += 1
sys.exit(1 if failures else 0)
PY
expect_exit 0 "$untm" align "$work/decl-zh.plain.txt" "$work/decl-en.plain.txt" -o "$work/text.jsonl"
expect_lacks "$work/text.jsonl" "_page"
echo ok
