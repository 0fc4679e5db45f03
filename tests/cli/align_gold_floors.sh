#!/usr/bin/env bash
# The accuracy floors of issue 3: with lengths and anchors only (--no-learn:
# no lexicon learnt from the texts), one configuration, --presplit on
# ../shared/gold: strict F1 >= 0.85 on pol-dev and >= 0.70 on mac-dev
# (Vecalign/Bertalign scoring).
set -euo pipefail
untm="$1"
shared="${UNTM_SHARED_DIR:-}"
if [[ ! -d "$shared/gold/pol-dev" || ! -d "$shared/gold/mac-dev" ]]; then
  echo "skip: gold sets not found in '$shared'"
  exit 77
fi
out="$(UNTM="$untm" SHARED="$shared" JSON=1 bash "$UNTM_SOURCE_DIR/scripts/eval-gold.sh" --no-learn)"
echo "$out"
strict_f1() {  # set name -> total strict F1
  grep -A1 "^== $1\$" <<<"$out" | tail -1 | sed -E 's/.*"total": \{"strict": \{[^}]*"f1": ([0-9.]+).*/\1/'
}
pol="$(strict_f1 pol-dev)"
mac="$(strict_f1 mac-dev)"
echo "strict F1: pol-dev $pol, mac-dev $mac"
awk -v pol="$pol" -v mac="$mac" 'BEGIN { exit !(pol >= 0.85 && mac >= 0.70) }'
