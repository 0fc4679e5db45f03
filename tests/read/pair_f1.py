#!/usr/bin/python3
"""Pair F1 of an alignment against paragraph-level gold (make_docx.py's).

Usage: pair_f1.py FIRST_GOLD.json SECOND_GOLD.json PAIRS.tsv
PAIRS.tsv is `untm align ... -o PAIRS.tsv`: one pair per line, first input's
text, a tab, the second input's text.

A pair is right when both of its sides lie inside the same gold unit (unit N
on the first side, unit N on the second). Precision: right pairs / pairs with
two sides. Recall: gold units given back whole, that is, whose right pairs
together hold all of the unit's text on both sides, in order, nothing lost to
a one-sided link or to a wrong pair. Text is compared without white space
(readers and aligners may differ in how they space lines and labels).
Prints one JSON object: precision, recall, f1, pairs, right, units, whole.
"""
import json
import re
import sys

SPACE = re.compile(r"\s+")


def squeeze(text):
    return SPACE.sub("", text)


def main():
    first_gold, second_gold = ([(unit, squeeze(text)) for unit, text in json.load(open(path, encoding="utf-8"))]
                               for path in sys.argv[1:3])
    if [unit for unit, _ in first_gold] != [unit for unit, _ in second_gold]:
        sys.exit("pair_f1: the two gold files do not hold the same units")
    pairs = right = 0
    given_back = {unit: ["", ""] for unit, _ in first_gold}
    with open(sys.argv[3], encoding="utf-8") as tsv:
        for line in tsv:
            sides = line.rstrip("\n").split("\t")
            if len(sides) != 2 or not sides[0].strip() or not sides[1].strip():
                continue
            pairs += 1
            first, second = squeeze(sides[0]), squeeze(sides[1])
            for (unit, first_text), (_, second_text) in zip(first_gold, second_gold):
                if first in first_text and second in second_text:
                    right += 1
                    given_back[unit][0] += first
                    given_back[unit][1] += second
                    break
    whole = sum(1 for (unit, first_text), (_, second_text) in zip(first_gold, second_gold)
                if given_back[unit] == [first_text, second_text])
    precision = right / pairs if pairs else 0.0
    recall = whole / len(first_gold) if first_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(json.dumps({"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4),
                      "pairs": pairs, "right": right, "units": len(first_gold), "whole": whole}))


if __name__ == "__main__":
    main()
