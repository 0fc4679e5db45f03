#!/usr/bin/env bash
# Aligns every document of the gold sets with `untm align --presplit --links`
# and scores the links with `untm eval`. Extra arguments go to untm align.
# Usage: scripts/eval-gold.sh [UNTM_ALIGN_OPTIONS...]
#   env UNTM (default build/release/tools/untm/untm), SHARED (default ../shared),
#   SETS (default "pol-dev mac-dev"), JSON=1 for JSON output.
set -euo pipefail
cd "$(dirname "$0")/.."
untm="${UNTM:-build/release/tools/untm/untm}"
shared="${SHARED:-../shared}"
sets="${SETS:-pol-dev mac-dev}"
if [[ ! -d "$shared/gold" ]]; then
  echo "eval-gold: $shared/gold not found (set SHARED)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for set in $sets; do
  mkdir -p "$work/$set"
  for gold in "$shared/gold/$set/gold/"*.align; do
    name="$(basename "$gold" .align)"
    "$untm" align --presplit "$shared/gold/$set/zh/$name" "$shared/gold/$set/en/$name" \
      --links "$work/$set/$name.align" "$@"
  done
  echo "== $set"
  if [[ -n "${JSON:-}" ]]; then
    "$untm" eval --json --gold "$shared/gold/$set/gold" --test "$work/$set"
  else
    "$untm" eval --gold "$shared/gold/$set/gold" --test "$work/$set"
  fi
done
