#!/usr/bin/env python3
"""Builds the reader test documents the way a translator gets them.

From a paragraph file (tests/read/documents/*.txt: STYLE<TAB>zh<TAB>en, with
" || " between sentences) it writes, for each language, a Word file
(python-docx, with a running header, a footer with the job number and page
number, footnote-free UN layout), the PDF LibreOffice makes of it, and the
three PDF-to-text layouts the aligner must read: `pdftotext` (plain),
`pdftotext -layout`, and the seed's style (a blank line after every line,
paragraphs starting with a space and ending with two). It also writes the
sentence-pair gold: one `zh<TAB>en` line per sentence pair.

Usage: make_documents.py PARAGRAPHS.txt OUT_DIR NAME [--look block]
The default look is a UN document's: Times 12 pt, justified, first lines
indented, headings centred. `--look block` is another office's: Arial 11 pt,
ragged right, no indentation, headings flush left, space between paragraphs.
Writes OUT_DIR/NAME-{zh,en}.{docx,pdf,plain.txt,layout.txt,seed.txt} and
OUT_DIR/NAME.gold.tsv. Needs python3-docx, soffice and pdftotext.

With UNTM_DOCUMENT_CACHE set to a folder, a set already made from the same
paragraph file, look, script and tools is copied from there instead of being
made again: LibreOffice takes most of a test run's time, and the release and
sanitizer runs of CI read the same documents.
"""

import hashlib
import html
import os
import re
import shutil
import subprocess
import tempfile
import sys
import xml.etree.ElementTree as ElementTree

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt

CHINESE_FONT = "WenQuanYi Micro Hei"
LATIN_FONT = "Times New Roman"


def read_paragraphs(path):
    paragraphs = []
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            style, zh, en = line.split("\t")
            zh_sentences, en_sentences = zh.split(" || "), en.split(" || ")
            if len(zh_sentences) != len(en_sentences):
                sys.exit(f"{path}:{number}: {len(zh_sentences)} zh and {len(en_sentences)} en sentences")
            paragraphs.append((style, zh_sentences, en_sentences))
    return paragraphs


def set_fonts(style, size, latin):
    style.font.name = latin
    style.font.size = Pt(size)
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), CHINESE_FONT)


def add_page_field(paragraph):
    """A PAGE field, so that every page shows its own number."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.text = text
        run._r.append(element)


def write_docx(paragraphs, language, path, look):
    block = look == "block"
    document = docx.Document()
    set_fonts(document.styles["Normal"], 11 if block else 12, "Arial" if block else LATIN_FONT)
    heading_style = document.styles["Heading 2"]
    set_fonts(heading_style, 11 if block else 12, "Arial" if block else LATIN_FONT)
    heading_style.font.bold = True
    heading_style.font.color.rgb = None
    section = document.sections[0]
    section.header.paragraphs[0].text = "A/RES/99/123"
    section.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.add_run("26-01234 (C)\t" if language == "zh" else "26-01234 (E)\t")
    add_page_field(footer)
    joiner = "" if language == "zh" else " "
    for style, zh, en in paragraphs:
        text = joiner.join(zh if language == "zh" else en)
        if style == "title":
            paragraph = document.add_paragraph()
            run = paragraph.add_run(text)
            run.bold, run.font.size = True, Pt(14)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif style == "heading":
            paragraph = document.add_paragraph(text, style="Heading 2")
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if block else WD_ALIGN_PARAGRAPH.CENTER
        else:
            paragraph = document.add_paragraph(text)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if block else WD_ALIGN_PARAGRAPH.JUSTIFY
            lettered = style == "item" and text.startswith("(")
            paragraph.paragraph_format.left_indent = Inches(0.5 if lettered else 0)
            paragraph.paragraph_format.first_line_indent = Inches(0 if block else 0.5)
        paragraph.paragraph_format.space_after = Pt(10 if block else 6)
    document.save(path)


def seed_style(bbox_xhtml):
    """The seed's layout from pdftotext's blocks: every line followed by a
    blank line, a block's first line led by a space, its last line ended by
    two spaces; pages run on with no form feed."""
    tree = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", bbox_xhtml))
    lines = []
    for block in tree.iter("{http://www.w3.org/1999/xhtml}block"):
        texts = []
        for line in block.iter("{http://www.w3.org/1999/xhtml}line"):
            words = [html.unescape(word.text or "") for word in line.iter("{http://www.w3.org/1999/xhtml}word")]
            texts.append(" ".join(words))
        if not texts:
            continue
        texts[0] = " " + texts[0]
        texts[-1] += "  "
        for text in texts:
            lines.extend([text, ""])
    return "\n".join(lines) + "\n"


def run(command):
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def cache_key(source, name, look):
    """What the documents depend on: inputs, this script, and the tools' files."""
    digest = hashlib.sha256()
    for path in (source, __file__):
        with open(path, "rb") as file:
            digest.update(file.read())
    for tool in ("soffice", "pdftotext"):
        status = os.stat(os.path.realpath(shutil.which(tool) or tool))
        digest.update(f"{tool}:{status.st_size}:{status.st_mtime_ns}".encode())
    digest.update(f"{name}\0{look}\0{getattr(docx, '__version__', '')}".encode())
    return digest.hexdigest()[:32]


def make(source, out_dir, name, look):
    cache = os.environ.get("UNTM_DOCUMENT_CACHE")
    if not cache:
        write_documents(read_paragraphs(source), out_dir, name, look)
        return
    entry = os.path.join(cache, cache_key(source, name, look))
    if not os.path.isdir(entry):
        os.makedirs(cache, exist_ok=True)
        staging = tempfile.mkdtemp(dir=cache, prefix=".making-")
        try:
            write_documents(read_paragraphs(source), staging, name, look)
        except BaseException:
            shutil.rmtree(staging)
            raise
        try:
            os.rename(staging, entry)
        except OSError:  # another test made it first
            shutil.rmtree(staging)
    for file in os.listdir(entry):
        shutil.copyfile(os.path.join(entry, file), os.path.join(out_dir, file))


def main():
    if len(sys.argv) not in (4, 6) or (len(sys.argv) == 6 and sys.argv[4] != "--look"):
        sys.exit(__doc__)
    source, out_dir, name = sys.argv[1:4]
    look = sys.argv[5] if len(sys.argv) == 6 else "un"
    if look not in ("un", "block"):
        sys.exit(f"unknown look {look}: un or block")
    make(source, out_dir, name, look)


def write_documents(paragraphs, out_dir, name, look):
    profile = f"file:///tmp/lo-untm-{os.getpid()}"
    for language in ("zh", "en"):
        stem = os.path.join(out_dir, f"{name}-{language}")
        write_docx(paragraphs, language, stem + ".docx", look)
        run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
             "--outdir", out_dir, stem + ".docx"])
        run(["pdftotext", "-enc", "UTF-8", stem + ".pdf", stem + ".plain.txt"])
        run(["pdftotext", "-enc", "UTF-8", "-layout", stem + ".pdf", stem + ".layout.txt"])
        bbox = subprocess.run(["pdftotext", "-enc", "UTF-8", "-bbox-layout", stem + ".pdf", "-"],
                              check=True, capture_output=True, text=True).stdout
        with open(stem + ".seed.txt", "w", encoding="utf-8") as seed:
            seed.write(seed_style(bbox))
    with open(os.path.join(out_dir, f"{name}.gold.tsv"), "w", encoding="utf-8") as gold:
        for _, zh, en in paragraphs:
            for zh_sentence, en_sentence in zip(zh, en):
                gold.write(f"{zh_sentence}\t{en_sentence}\n")


if __name__ == "__main__":
    main()
