#!/usr/bin/env bash
# The accuracy floors of issue 5, --presplit on ../shared/gold:
#  - learning a lexicon from each document must beat lengths and anchors
#    alone (--no-learn) on both dev sets;
#  - with CC-CEDICT (scripts/get-cc-cedict.sh; found in ~/.cache/untm or
#    $UNTM_CEDICT) and learning: strict F1 >= 0.92 on pol-dev, >= 0.80 on mac-dev.
# (`untm bench lexical` measures the same with each set learned as one batch.)
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/gold.sh"
need_shared gold/pol-dev gold/mac-dev
baseline="$(eval_gold --no-learn)" || fail "scripts/eval-gold.sh --no-learn failed: $baseline"
learned="$(eval_gold)" || fail "scripts/eval-gold.sh failed: $learned"
for set in pol-dev mac-dev; do
  before="$(gold_strict_f1 "$baseline" $set)"
  after="$(gold_strict_f1 "$learned" $set)"
  echo "$set strict F1: lengths+anchors $before, learning $after"
  expect_number "$set strict F1 with lengths+anchors" "$before" ">=" 0
  expect_number "$set: learning against lengths+anchors ($before)" "$after" ">" "$before"
done

cedict="${UNTM_CEDICT:-$HOME/.cache/untm/cedict_ts.u8}"
if [[ ! -f "$cedict" ]]; then
  echo "note: no CC-CEDICT at $cedict (scripts/get-cc-cedict.sh): dictionary floors not checked"
  exit 0
fi
with_dictionary="$(eval_gold --dictionary "$cedict")" || fail "scripts/eval-gold.sh --dictionary failed"
pol="$(gold_strict_f1 "$with_dictionary" pol-dev)"
mac="$(gold_strict_f1 "$with_dictionary" mac-dev)"
echo "with CC-CEDICT and learning, strict F1: pol-dev $pol, mac-dev $mac"
expect_number "pol-dev strict F1 with CC-CEDICT" "$pol" ">=" 0.92
expect_number "mac-dev strict F1 with CC-CEDICT" "$mac" ">=" 0.80
