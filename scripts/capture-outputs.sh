#!/usr/bin/env bash
# Runs one untm binary over the demo pair, the batch fixtures and the gold sets
# and keeps every output (split, align in each format, batch bundles and links,
# bundle ls/stats/verify/export, eval-gold figures, two error messages) in one
# folder, so that two binaries can be compared byte for byte:
#   scripts/capture-outputs.sh OLD_UNTM before/ && scripts/capture-outputs.sh NEW_UNTM after/ && diff -r before after
# The date is fixed (--date), so identical behaviour gives identical bytes.
# Usage: scripts/capture-outputs.sh UNTM_BINARY OUTDIR   (env SHARED, default ../shared)
set -uo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 UNTM_BINARY OUTDIR" >&2; exit 1; }
untm="$(realpath "$1")"
src="$(cd "$(dirname "$0")/.." && pwd)"
shared="$(realpath "${SHARED:-$src/../shared}")"
[[ -d "$shared/gold" ]] || { echo "capture-outputs: $shared/gold not found (set SHARED)" >&2; exit 1; }
rm -rf "$2"; mkdir -p "$2"; cd "$2" || exit 1
# untm uses a dictionary found in the XDG data folders (or the old
# ~/.cache/untm) by default: here none, so the outputs do not depend on the
# home folder. (The notice that none was found is part of the .err files.)
no_dictionary="$(mktemp -d)"
trap 'rm -rf "$no_dictionary"' EXIT
export XDG_DATA_HOME="$no_dictionary" XDG_CACHE_HOME="$no_dictionary"
date=20260101T000000Z
demo=("$src/corpora/demo/reply-zh.txt" "$src/corpora/demo/reply-en.txt")
"$untm" split --lang zh "${demo[0]}" > split-zh.txt 2> split-zh.err
"$untm" split --lang en "${demo[1]}" > split-en.txt 2> split-en.err
for format in tsv jsonl tmx tmx.zst; do
  "$untm" align "${demo[@]}" -o "demo.$format" --date "$date" --links "demo-$format.align" > /dev/null 2> "demo-$format.err"
done
"$untm" align "${demo[@]}" -o demo.moses --date "$date" --report demo.html > /dev/null 2> demo-moses.err
"$untm" align "${demo[@]}" -o demo-nolearn.tsv --no-learn > /dev/null 2>&1
"$untm" batch "$src/tests/data/batch" -o batch.tmx.zst --date "$date" -j 2 -q --report batch-report.jsonl \
  --links-dir batch-links 2> batch.err; echo "rc=$?" >> batch.err
"$untm" batch "$shared/gold/pol-dev" --presplit -o pol.tmx.zst --date "$date" -j 2 -q --links-dir pol-links 2> pol.err
echo "rc=$?" >> pol.err
"$untm" batch "$shared/gold/pol-dev" --presplit -o pol-nolearn.tmx.zst --no-learn --date "$date" -j 2 -q 2>> pol.err
"$untm" bundle ls batch.tmx.zst > bundle-ls.txt 2>&1
"$untm" bundle stats batch.tmx.zst > bundle-stats.txt 2>&1
"$untm" bundle verify batch.tmx.zst > bundle-verify.txt 2>&1
"$untm" bundle export batch.tmx.zst -o export.jsonl > /dev/null 2>&1
(cd "$src" && UNTM="$untm" SHARED="$shared" scripts/eval-gold.sh) > eval-gold-default.txt 2>&1
(cd "$src" && UNTM="$untm" SHARED="$shared" scripts/eval-gold.sh --no-learn) > eval-gold-nolearn.txt 2>&1
(cd "$src" && UNTM="$untm" SHARED="$shared" scripts/eval-gold.sh --no-anchors --no-learn) > eval-gold-lengths.txt 2>&1
"$untm" align /nonexistent "${demo[1]}" -o missing.tsv > err-missing.txt 2>&1; echo "rc=$?" >> err-missing.txt
printf '\xff\xfe\xfd' > bad.txt
"$untm" split --lang zh bad.txt > err-utf8.txt 2>&1; echo "rc=$?" >> err-utf8.txt
rm -f bad.txt missing.tsv
echo "capture-outputs: $(find . -type f | wc -l) files in $2"
