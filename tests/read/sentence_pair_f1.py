#!/usr/bin/env python3
"""Pair F1 of an aligner's sentence pairs against sentence-pair gold
(make_documents.py's; pair_f1.py scores against paragraph units).

Usage: sentence_pair_f1.py GOLD.tsv TEST.tsv [MIN_F1]
Both files hold `zh<TAB>en` lines. A test pair is right when both of its
sides equal a gold pair's sides once white space is removed (PDF text
extraction and line joining may move spaces, never words). Precision is over
all test pairs (null links included), recall over the gold pairs. Prints
`precision recall f1`; with MIN_F1, exits 1 when F1 is below it.
"""

import re
import sys
from collections import Counter


def pairs(path):
    found = Counter()
    with open(path, encoding="utf-8") as source:
        for line in source:
            first, _, second = line.rstrip("\n").partition("\t")
            found[(re.sub(r"\s+", "", first), re.sub(r"\s+", "", second))] += 1
    return found


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    gold, test = pairs(sys.argv[1]), pairs(sys.argv[2])
    right = sum((gold & test).values())
    precision = right / max(1, sum(test.values()))
    recall = right / max(1, sum(gold.values()))
    f1 = 2 * precision * recall / (precision + recall) if right else 0.0
    print(f"{precision:.3f} {recall:.3f} {f1:.3f}")
    if len(sys.argv) == 4 and f1 < float(sys.argv[3]):
        sys.exit(1)


if __name__ == "__main__":
    main()
