#!/usr/bin/env python3
"""Builds the corpus of `untm bench batch`: many Chinese-English document pairs
laid out like PDF-to-text extractions of UN documents (hard-wrapped lines, a
blank line after every line, page headers and footers with job numbers, page
numbers and the document symbol, form feeds), as in ../shared/corpora/un/.

The text comes from ../shared: the aligned sentence groups of the gold sets
(pol-dev, mac-dev) and the UN samples with paragraph or line alignment. Each
document is a seeded random draw of aligned units, so the two sides of a pair
really translate each other and the aligner does real work. Deterministic for
a given seed. Never commit the output: it goes under build/ or /tmp.

usage: scripts/make-bench-corpus.py OUT_DIR [--documents 5000] [--mean-kb 105]
       [--seed 1] [--shared ../shared]
writes OUT_DIR/<symbol>-ZH.txt, OUT_DIR/<symbol>-EN.txt and OUT_DIR/manifest.tsv
"""
import argparse
import os
import random
import re
import sys


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f]


def gold_units(gold_dir):
    """Aligned (zh, en) sentence groups from the gold links; null links skipped."""
    units = []
    names = sorted(os.listdir(os.path.join(gold_dir, "gold")))
    for name in names:
        stem = name.split(".")[0]
        zh = read_lines(os.path.join(gold_dir, "zh", stem))
        en = read_lines(os.path.join(gold_dir, "en", stem))
        for link in read_lines(os.path.join(gold_dir, "gold", name)):
            m = re.fullmatch(r"\[([\d,]*)\]:\[([\d,]*)\]", link.strip())
            if not m or not m.group(1) or not m.group(2):
                continue
            zh_text = "".join(zh[int(i)] for i in m.group(1).split(","))
            en_text = " ".join(en[int(i)] for i in m.group(2).split(","))
            units.append((zh_text, en_text))
    return units


def un_units(shared):
    units = []
    lines = os.path.join(shared, "corpora/un/ga-55-100-lines/un_ga.en-zh")
    if os.path.exists(lines + ".zh"):
        units += [(z, e) for z, e in zip(read_lines(lines + ".zh"), read_lines(lines + ".en")) if z and e]
    paras = os.path.join(shared, "corpora/un/ga-ldc-resolution-paras")
    if os.path.exists(paras):
        # Paragraph N starts with "N." on both sides; the zh side is broken
        # mid-sentence, so join its lines back first.
        def paragraphs(text, joiner):
            found = {}
            for block in re.split(r"\n(?=\d+\. )", text.strip()):
                m = re.match(r"(\d+)\. ", block)
                if m:
                    found[m.group(1)] = joiner.join(block[m.end():].split("\n"))
            return found
        with open(os.path.join(paras, "zh.txt"), encoding="utf-8") as f:
            zh = paragraphs(f.read(), "")
        with open(os.path.join(paras, "en.txt"), encoding="utf-8") as f:
            en = paragraphs(f.read(), " ")
        units += [(zh[k], en[k]) for k in sorted(zh) if k in en]
    return units


def wrap(text, width, joiner_is_space):
    """Hard line wraps as PDF extraction leaves them: Chinese by characters,
    English at spaces."""
    if not joiner_is_space:
        return [text[i:i + width] for i in range(0, len(text), width)] or [""]
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    lines.append(current)
    return lines


def render(paragraphs, language, symbol, job_number, rng):
    zh = language == "zh"
    width = 38 if zh else 84
    body = []
    for number, (heading, text) in enumerate(paragraphs, 1):
        if heading:
            body.append("  " + text)
            continue
        lines = wrap(f"{number}. {text}" if rng.random() < 0.7 else text, width, not zh)
        body.append(" " + lines[0])
        body.extend(lines[1:])
    lines_per_page = 42 if zh else 46
    pages = [body[i:i + lines_per_page] for i in range(0, len(body), lines_per_page)]
    out = []
    for page_number, page in enumerate(pages, 1):
        out.append(f"{symbol} \n\n")
        for line in page:
            out.append(f"{line} \n\n")  # a blank line after every line
        out.append(f"{job_number} ({'C' if zh else 'E'}) \n\n{page_number}/{len(pages)} \n\n")
        out.append("\f")
    return "".join(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out_dir")
    parser.add_argument("--documents", type=int, default=5000)
    parser.add_argument("--mean-kb", type=float, default=105.0, help="mean raw size of a pair (zh + en)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shared", default=os.environ.get("UNTM_SHARED_DIR") or
                        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    args = parser.parse_args()

    units = []
    for gold_set in ("pol-dev", "mac-dev"):
        path = os.path.join(args.shared, "gold", gold_set)
        if os.path.isdir(path):
            units += gold_units(path)
    units += un_units(args.shared)
    if not units:
        sys.exit(f"make-bench-corpus: no texts found under {args.shared}")

    rng = random.Random(args.seed)
    os.makedirs(args.out_dir, exist_ok=True)
    manifest = ["# id\tzh\ten  (built by scripts/make-bench-corpus.py, seed %d)" % args.seed]
    total_bytes = 0
    for index in range(args.documents):
        symbol = f"A/BENCH/{index + 1:05d}"
        stem = symbol.replace("/", "_")
        # Sizes spread like real documents (log-normal, median ~ 0.8 of mean).
        target = rng.lognormvariate(0, 0.6) * args.mean_kb * 1000 / 1.197
        paragraphs_zh, paragraphs_en, size = [], [], 0
        while size < target:
            if rng.random() < 0.08:
                zh_text, en_text = units[rng.randrange(len(units))]
                heading_zh, heading_en = zh_text[:18], " ".join(en_text.split(" ")[:6])
                paragraphs_zh.append((True, heading_zh))
                paragraphs_en.append((True, heading_en))
            picked = [units[rng.randrange(len(units))] for _ in range(rng.randint(1, 6))]
            zh_text = "".join(z for z, _ in picked)
            en_text = " ".join(e for _, e in picked)
            paragraphs_zh.append((False, zh_text))
            paragraphs_en.append((False, en_text))
            size += len(zh_text.encode()) + len(en_text.encode())
        job_number = f"{13 + index % 5}-{rng.randint(10000, 99999)}"
        for language, paragraphs in (("zh", paragraphs_zh), ("en", paragraphs_en)):
            text = render(paragraphs, language, symbol, job_number, rng)
            path = os.path.join(args.out_dir, f"{stem}-{language.upper()}.txt")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            total_bytes += len(text.encode())
        manifest.append(f"{symbol}\t{stem}-ZH.txt\t{stem}-EN.txt")
    with open(os.path.join(args.out_dir, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest) + "\n")
    print(f"make-bench-corpus: {args.documents} document pairs, {total_bytes / 1e6:.1f} MB in {args.out_dir}")


if __name__ == "__main__":
    main()
