#!/usr/bin/env bash
# Zip bombs (issue #10): a DOCX of a few hundred KiB whose parts inflate to
# hundreds of MiB, or whose directory lists tens of thousands of entries, is
# refused by the ZIP reader's own limits (lib/read/zip_package.h ZipLimits;
# the 1 GiB input limit counts compressed bytes only), naming the file and
# the part, without inflating it: quickly and in little memory. In a batch the
# bomb fails alone (exit 3). The bombs are made here, small on disk.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool python3
data="$source_dir/tests/data"
cd "$work"

# bomb.py FILE PART MIB: a DOCX whose PART (word/document.xml or the
# footnotes related to it) is MIB MiB of spaces inside its root element.
cat >bomb.py <<'PY'
import sys, zipfile
path, big_part, mib = sys.argv[1], sys.argv[2], int(sys.argv[3])
w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
pkg = "http://schemas.openxmlformats.org/package/2006/relationships"
body = '<w:p><w:r><w:t>The Committee met twice.</w:t></w:r></w:p>'
parts = {
    "_rels/.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="r1" Type="{rel}officeDocument" '
                   'Target="word/document.xml"/></Relationships>',
    "word/_rels/document.xml.rels": f'<Relationships xmlns="{pkg}"><Relationship Id="r2" Type="{rel}footnotes" '
                                    'Target="footnotes.xml"/></Relationships>',
    "word/document.xml": (f'<w:document {w}><w:body>', body, '</w:body></w:document>'),
    "word/footnotes.xml": (f'<w:footnotes {w}>', '', '</w:footnotes>'),
}
with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
    for name, content in parts.items():
        if isinstance(content, str):
            archive.writestr(name, content)
            continue
        with archive.open(name, "w", force_zip64=True) as part:
            part.write((content[0] + content[1]).encode())
            if name == big_part:
                chunk = b" " * (1 << 20)
                for _ in range(mib):
                    part.write(chunk)
            part.write(content[2].encode())
PY
# crowd.py FILE ENTRIES: a ZIP of ENTRIES empty files, written by hand
# (zipfile takes a minute for as many on a loaded machine).
cat >crowd.py <<'PY'
import struct, sys
path, count = sys.argv[1], int(sys.argv[2])
local, central = [], []
offset = 0
for index in range(count):
    name = b"customXml/item%d.xml" % index
    header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 0, 0, 0, 0, 0, 0, len(name), 0) + name
    central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 0, 0, 0, 0, 0, 0, len(name),
                               0, 0, 0, 0, 0, offset) + name)
    local.append(header)
    offset += len(header)
directory = b"".join(central)
end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory), offset, 0)
with open(path, "wb") as out:
    out.write(b"".join(local) + directory + end)
PY

# The main part of 300 MiB: align refuses it by name, in seconds, in far less
# memory than the part takes.
python3 bomb.py bomb.docx word/document.xml 300
expect_number "bomb.docx KiB on disk" "$(( $(stat -c %s bomb.docx) / 1024 ))" "<" 2048
limited() {  # COMMAND...: 200 MiB of address space (the sanitizer build reserves terabytes)
  if grep -qa __asan_init "$untm"; then "$@"; else (ulimit -v 204800; exec "$@"); fi
}
SECONDS=0
expect_exit 1 limited "$untm" align "$data/align/zh.txt" bomb.docx -o out.tsv
expect_contains "$work/err" "bomb.docx: part word/document.xml of the DOCX package: larger than 256 MiB uncompressed"
expect_contains "$work/err" "zip bomb"
(( SECONDS < 20 )) || fail "refusing bomb.docx took ${SECONDS}s"
[[ ! -e out.tsv ]] || fail "align of a zip bomb wrote an output"
expect_exit 1 "$untm" split --lang en bomb.docx
expect_contains "$work/err" "bomb.docx: part word/document.xml"

# Held out: another part (the footnotes), another size, another name, in a
# batch: that document fails with its file and part in the report, the good
# one is aligned (exit 3, some documents failed).
python3 bomb.py annex-en.docx word/footnotes.xml 260
cp "$data/batch/A_68_101-ZH.txt" good.zh
cp "$data/batch/A_68_101-EN.txt" good.en
cp "$data/align/zh.txt" annex.zh
printf 'good\tgood.zh\tgood.en\nannex\tannex.zh\tannex-en.docx\n' >list.tsv
expect_exit 3 "$untm" batch -q --no-learn list.tsv -o out.tmx.zst --report report.jsonl
expect_contains "$work/err" "annex: annex-en.docx: part word/footnotes.xml of the DOCX package: larger than 256 MiB"
expect_contains report.jsonl '"id":"annex".*"status":"failed".*word/footnotes.xml.*zip bomb'
expect_contains report.jsonl '"id":"good".*"status":"aligned"'
[[ $(bundle_document_ids out.tmx.zst) == "good " ]] || fail "bundle holds $(bundle_document_ids out.tmx.zst)"

# A directory of 20000 entries (Word writes tens): refused when opened.
python3 crowd.py crowd.docx 20000
expect_exit 1 "$untm" split --lang en crowd.docx
expect_contains "$work/err" "crowd.docx: a ZIP package of 20000 entries, more than the 16384"
echo "docx zip bomb: ok"
