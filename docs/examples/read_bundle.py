#!/usr/bin/env python3
"""Reads the sentence pairs of a untm bundle in Python, through
`untm bundle export --format jsonl` (docs/formats.md).

usage: read_bundle.py BUNDLE.tmx.zst [MIN_CONFIDENCE]
Prints the number of pairs per document and the three most confident 1-1 pairs.
"""
import collections
import json
import subprocess
import sys


def pairs(bundle, min_confidence=0.0, untm="untm"):
    """One dict per pair, as the JSONL lines hold them."""
    export = subprocess.run(
        [untm, "bundle", "export", bundle, "--format", "jsonl", "--min-confidence", str(min_confidence)],
        check=True, capture_output=True, text=True)
    return [json.loads(line) for line in export.stdout.splitlines()]


def main():
    bundle = sys.argv[1]
    min_confidence = float(sys.argv[2]) if len(sys.argv) > 2 else 0.0
    rows = pairs(bundle, min_confidence)
    for document, count in collections.Counter(row["document"] for row in rows).items():
        print(f"{document}\t{count} pairs")
    one_to_one = sorted((row for row in rows if row["link"] == "1-1"), key=lambda row: -row["confidence"])
    for row in one_to_one[:3]:
        print(f'{row["confidence"]:.3f}\t{row["zh"]}\t{row["en"]}')


if __name__ == "__main__":
    main()
