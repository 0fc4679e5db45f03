#!/usr/bin/env python3
"""Where whole paragraphs are missing on one side: a copy of a benchmark corpus
(scripts/make-bench-corpus.py) with runs of numbered paragraphs cut from one
side, from both, or two paragraphs of one side swapped, and a score of what an
aligner makes of it. A benchmark, not a test: the corpus and its units come
from ../shared's gold sets and are never committed.

  scripts/cut-paragraphs.py make CORPUS OUT_DIR [--seed 11]
  untm batch OUT_DIR -o cut.tmx.zst --no-learn && untm bundle export cut.tmx.zst -o cut.tsv
  scripts/cut-paragraphs.py score cut.tsv [--shared ../shared]

`score` counts the pairs of the export whose Chinese and English sides both lie
inside one aligned unit of the corpus's sources (the gold sets' sentence groups
and the UN samples make-bench-corpus.py draws from): a pair across units, or
matched with the wrong unit, is not. Pairs with an empty side are counted
apart. Higher inside-one-unit and lower across is better; compare two untm
builds on the same OUT_DIR.
"""
import argparse
import importlib.util
import os
import random
import re
import sys


def paragraphs(text):
    """The text cut before each numbered paragraph (" 12. " at a line start)."""
    return re.split(r"(?m)(?=^ \d+\. )", text)


def make(corpus, out_dir, seed):
    rng = random.Random(seed)
    os.makedirs(out_dir, exist_ok=True)
    names = sorted(name[: -len("-ZH.txt")] for name in os.listdir(corpus) if name.endswith("-ZH.txt"))
    if not names:
        sys.exit(f"{corpus}: no NAME-ZH.txt files (make one with scripts/make-bench-corpus.py)")
    for name in names:
        with open(os.path.join(corpus, name + "-ZH.txt"), encoding="utf-8") as f:
            chinese = paragraphs(f.read())
        with open(os.path.join(corpus, name + "-EN.txt"), encoding="utf-8") as f:
            english = paragraphs(f.read())
        count = min(len(chinese), len(english))
        kind = rng.choice(["none", "cut-en", "cut-zh", "cut-both", "swap"])
        if count > 6:
            begin = rng.randrange(1, count - 3)
            end = begin + rng.randint(1, max(1, count // 4))
            if kind == "cut-en":
                english = english[:begin] + english[end:]
            elif kind == "cut-zh":
                chinese = chinese[:begin] + chinese[end:]
            elif kind == "cut-both":
                english = english[:begin] + english[end:]
                other = rng.randrange(1, len(chinese) - 2)
                chinese = chinese[:other] + chinese[other + rng.randint(1, 3):]
            elif kind == "swap" and end < len(english) and end - 1 > begin:
                english[begin], english[end - 1] = english[end - 1], english[begin]
        for side, parts in (("ZH", chinese), ("EN", english)):
            with open(os.path.join(out_dir, f"{name}-{side}.txt"), "w", encoding="utf-8") as f:
                f.write("".join(parts))
    print(f"{out_dir}: {len(names)} pairs")


def source_units(shared):
    here = os.path.dirname(os.path.abspath(__file__))
    spec = importlib.util.spec_from_file_location("bench_corpus", os.path.join(here, "make-bench-corpus.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    units = []
    for gold in ("pol-dev", "mac-dev"):
        path = os.path.join(shared, "gold", gold)
        if os.path.isdir(path):
            units += module.gold_units(path)
    return units + module.un_units(shared)


def score(tsv, shared):
    def squeeze(text):
        return re.sub(r"\s+", "", re.sub(r"^\s*\d+\.\s*", "", text))

    units = [(squeeze(chinese), squeeze(english)) for chinese, english in source_units(shared)]
    if not units:
        sys.exit(f"{shared}: no gold sets or UN samples to score against")
    # Every unit under each 8-character run of its Chinese (a shorter text
    # under itself), so that a pair is found by any run of its own.
    by_gram = {}
    for index, (chinese, _) in enumerate(units):
        for at in range(0, max(1, len(chinese) - 7)):
            by_gram.setdefault(chinese[at:at + 8], set()).add(index)
    inside = across = one_sided = 0
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 2 or not fields[0].strip() or not fields[1].strip():
                one_sided += 1
                continue
            chinese, english = squeeze(fields[0]), squeeze(fields[1])
            candidates = set(by_gram.get(chinese[:8], set()))
            if len(chinese) < 8:  # a run of a unit's text, not a whole one
                candidates |= {i for i, (text, _) in enumerate(units) if chinese in text}
            if any(chinese in units[i][0] and english in units[i][1] for i in candidates):
                inside += 1
            else:
                across += 1
    print(f"{tsv}: inside one unit {inside}, across or mismatched {across}, one side empty {one_sided}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    make_parser = commands.add_parser("make")
    make_parser.add_argument("corpus")
    make_parser.add_argument("out_dir")
    make_parser.add_argument("--seed", type=int, default=11)
    score_parser = commands.add_parser("score")
    score_parser.add_argument("tsv")
    score_parser.add_argument("--shared", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared"))
    arguments = parser.parse_args()
    if arguments.command == "make":
        make(arguments.corpus, arguments.out_dir, arguments.seed)
    else:
        score(arguments.tsv, arguments.shared)


if __name__ == "__main__":
    main()
