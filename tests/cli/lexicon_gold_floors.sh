#!/usr/bin/env bash
# The accuracy floors of issue 5, --presplit on ../shared/gold:
#  - learning a lexicon from each document must beat lengths and anchors
#    alone (--no-learn) on both dev sets;
#  - with CC-CEDICT (scripts/get-cc-cedict.sh; found in ~/.cache/untm or
#    $UNTM_CEDICT) and learning: strict F1 >= 0.92 on pol-dev, >= 0.80 on mac-dev.
# (`untm bench lexical` measures the same with each set learned as one batch.)
set -euo pipefail
untm="$1"
shared="${UNTM_SHARED_DIR:-}"
if [[ ! -d "$shared/gold/pol-dev" || ! -d "$shared/gold/mac-dev" ]]; then
  echo "skip: gold sets not found in '$shared'"
  exit 77
fi
strict_f1() {  # eval-gold JSON output, set name -> total strict F1
  grep -A1 "^== $2\$" <<<"$1" | tail -1 | sed -E 's/.*"total": \{"strict": \{[^}]*"f1": ([0-9.]+).*/\1/'
}
evaluate() {
  UNTM="$untm" SHARED="$shared" JSON=1 bash "$UNTM_SOURCE_DIR/scripts/eval-gold.sh" "$@"
}
baseline="$(evaluate --no-learn)"
learned="$(evaluate)"
for set in pol-dev mac-dev; do
  before="$(strict_f1 "$baseline" $set)"
  after="$(strict_f1 "$learned" $set)"
  echo "$set strict F1: lengths+anchors $before, learning $after"
  awk -v before="$before" -v after="$after" 'BEGIN { exit !(after > before) }' ||
    { echo "learning does not beat lengths+anchors on $set"; exit 1; }
done

cedict="${UNTM_CEDICT:-$HOME/.cache/untm/cedict_ts.u8}"
if [[ ! -f "$cedict" ]]; then
  echo "no CC-CEDICT at $cedict (scripts/get-cc-cedict.sh): dictionary floors not checked"
  exit 0
fi
with_dictionary="$(evaluate --dictionary "$cedict")"
pol="$(strict_f1 "$with_dictionary" pol-dev)"
mac="$(strict_f1 "$with_dictionary" mac-dev)"
echo "with CC-CEDICT and learning, strict F1: pol-dev $pol, mac-dev $mac"
awk -v pol="$pol" -v mac="$mac" 'BEGIN { exit !(pol >= 0.92 && mac >= 0.80) }'
