#!/usr/bin/python3
"""Builds a Word file with python-docx (a real writer of DOCX, not untm's own
idea of one) from a UN text, and writes the paragraph-level gold for it.

Usage: make_docx.py --lang zh|en SOURCE.txt OUT.docx GOLD.json
       [--lines] [--title TEXT] [--opening TEXT] [--header TEXT] [--auto-numbering] [--repeat N]

SOURCE holds numbered paragraphs ("N. ..."), possibly wrapped over several
lines as PDF-to-text output has them; a line that starts "N. " starts
paragraph N, every other line goes on the current one (Chinese joins lines
with nothing, English with a space). With --auto-numbering the "N. " is left
to Word's own list numbering (style List Number), so a reader that does not
render numbering loses it. --header puts a running page header (a job number,
a document symbol) into the section: a reader must drop it. --repeat makes a
long document from N copies, for speed figures only: Word's numbering runs on
across the copies (20., 21., ...) where the gold starts again at 1.

GOLD is a JSON list of [unit, text]: the title is unit "title", the opening
line "opening", paragraph N unit "N"; a reader sees the same text, whatever
the document looks like inside. With --lines SOURCE is line-aligned (line i
of one language translates line i of the other): each line is a paragraph,
unit "line i".
"""
import argparse
import json
import re
import sys

import docx

PARAGRAPH_START = re.compile(r"^(\d+)\.\s+")


def paragraphs(path, lang):
    joiner = "" if lang == "zh" else " "
    units = []
    with open(path, encoding="utf-8") as source:
        for line in source:
            line = line.strip()
            if not line:
                continue
            start = PARAGRAPH_START.match(line)
            if start or not units:
                units.append([start.group(1) if start else "0", line])
            else:
                units[-1][1] += joiner + line
    return units


def lines(path):
    with open(path, encoding="utf-8") as source:
        return [["line %d" % number, line.strip()] for number, line in enumerate(source, 1) if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", required=True, choices=["zh", "en"])
    parser.add_argument("--lines", action="store_true")
    parser.add_argument("--title")
    parser.add_argument("--opening")
    parser.add_argument("--header")
    parser.add_argument("--auto-numbering", action="store_true")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("source")
    parser.add_argument("out")
    parser.add_argument("gold")
    args = parser.parse_args()

    document = docx.Document()
    if args.header:
        document.sections[0].header.paragraphs[0].text = args.header
    gold = []
    for copy in range(args.repeat):
        suffix = "" if args.repeat == 1 else "#%d" % copy
        if args.title:
            document.add_paragraph(args.title, style="Title")
            gold.append(["title" + suffix, args.title])
        if args.opening:
            document.add_paragraph(args.opening)
            gold.append(["opening" + suffix, args.opening])
        for unit, text in lines(args.source) if args.lines else paragraphs(args.source, args.lang):
            if args.auto_numbering:
                # Word's List Number shows "N." and a tab; the reader shows the tab as a space.
                document.add_paragraph(PARAGRAPH_START.sub("", text), style="List Number")
            else:
                document.add_paragraph(text)
            gold.append([unit + suffix, text])
    document.save(args.out)
    with open(args.gold, "w", encoding="utf-8") as out:
        json.dump(gold, out, ensure_ascii=False, indent=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
