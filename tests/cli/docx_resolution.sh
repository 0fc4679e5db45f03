#!/usr/bin/env bash
# untm align on two Word files, end to end (issue 11): the GA resolution's
# paragraphs (../shared/corpora/un/ga-ldc-resolution-paras) made into DOCX by
# python-docx, with a title, an opening line and a running page header; the
# Chinese file numbers its paragraphs with Word's own list numbering, the
# English one has "N." typed. Gold: paragraph N on one side is paragraph N on
# the other (tests/read/make_docx.py); pair F1 (tests/read/pair_f1.py) must
# reach 0.98, for the python-docx files and for the same files saved again by
# LibreOffice; and for a second document, resolution 55/100 (ga-55-100-lines,
# line-aligned: line i is paragraph i). Format by content: the files also
# work named .bin.
# Usage: docx_resolution.sh /path/to/untm
set -euo pipefail
untm="$1"
here="$(cd "$(dirname "$0")/../read" && pwd)"
corpus="${UNTM_SHARED_DIR:-}/corpora/un/ga-ldc-resolution-paras"
if [[ ! -f "$corpus/zh.txt" ]]; then
  echo "skip: $corpus not found"
  exit 77
fi
if ! /usr/bin/python3 -c 'import docx' 2>/dev/null; then
  echo "skip: python3-docx is not installed (scripts/install-deps.sh --test)"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$here/make_docx.py" --lang zh --title "2001-2010十年期支援最不发达国家行动纲领" --opening "大会，" \
  --header "A/RES/61/211 06-50622 (C)" --auto-numbering "$corpus/zh.txt" "$work/zh.docx" "$work/zh.json"
"$here/make_docx.py" --lang en --title "Programme of Action for the Least Developed Countries for the Decade 2001-2010" \
  --opening "The General Assembly," --header "A/RES/61/211 06-50622 (E)" "$corpus/en.txt" "$work/en.docx" "$work/en.json"

# score NAME ZH EN [GOLD_PREFIX]: aligns, prints the figures, fails under 0.98.
score() {
  "$untm" align "$2" "$3" -o "$work/$1.tsv"
  local figures gold="$work/${4:-}"
  figures="$("$here/pair_f1.py" "${gold}zh.json" "${gold}en.json" "$work/$1.tsv")"
  echo "$1: $figures"
  /usr/bin/python3 -c 'import json, sys; sys.exit(json.loads(sys.argv[1])["f1"] < 0.98)' "$figures" ||
    { echo "FAIL: $1 pair F1 under 0.98" >&2; exit 1; }
}
score python-docx "$work/zh.docx" "$work/en.docx"

lines="${UNTM_SHARED_DIR}/corpora/un/ga-55-100-lines/un_ga.en-zh"
"$here/make_docx.py" --lines --lang zh "$lines.zh" "$work/55-100-zh.docx" "$work/55-100-zh.json"
"$here/make_docx.py" --lines --lang en "$lines.en" "$work/55-100-en.docx" "$work/55-100-en.json"
score resolution-55-100 "$work/55-100-zh.docx" "$work/55-100-en.docx" 55-100-

# untm batch pairs Word files in a folder by their names, like text files.
mkdir "$work/folder"
cp "$work/zh.docx" "$work/folder/A_61_211-ZH.docx"
cp "$work/en.docx" "$work/folder/A_61_211-EN.docx"
cp "$work/55-100-zh.docx" "$work/folder/A_55_100-ZH.docx"
cp "$work/55-100-en.docx" "$work/folder/A_55_100-EN.docx"
"$untm" batch "$work/folder" -o "$work/folder.tmx.zst" 2> /dev/null
"$untm" bundle ls "$work/folder.tmx.zst" | cut -f1 > "$work/listed"
printf 'A_55_100\nA_61_211\n' | diff - "$work/listed"

cp "$work/zh.docx" "$work/zh.bin"
cp "$work/en.docx" "$work/en.bin"
"$untm" align "$work/zh.bin" "$work/en.bin" -o "$work/renamed.tsv"
cmp "$work/python-docx.tsv" "$work/renamed.tsv"

# TMX: each unit says which paragraph (w:p, from 0) it came from; the title is paragraph 0 on both sides.
"$untm" align "$work/zh.docx" "$work/en.docx" -o "$work/out.tmx"
grep -q '<prop type="x-source">0-1</prop>' "$work/out.tmx"
! grep -q "06-50622" "$work/out.tmx"

if command -v soffice > /dev/null; then
  soffice -env:UserInstallation="file://$work/lo-profile" --headless --convert-to docx:"MS Word 2007 XML" \
    --outdir "$work/lo" "$work/zh.docx" "$work/en.docx" > /dev/null 2>&1
  score libreoffice "$work/lo/zh.docx" "$work/lo/en.docx"
else
  echo "skip (part): soffice not installed, no LibreOffice-written DOCX aligned"
fi
