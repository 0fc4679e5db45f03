#!/usr/bin/env bash
# The accuracy floors of issue 5, --presplit on ../shared/gold:
#  - learning a lexicon from each document must beat lengths and anchors
#    alone (--no-learn) on both dev sets;
#  - by default with CC-CEDICT (scripts/get-cc-cedict.sh; the user's, from the
#    XDG data folder or the old ~/.cache/untm, or $UNTM_CEDICT, put in the
#    test's XDG data folder) and learning: strict F1 >= 0.92 on pol-dev,
#    >= 0.80 on mac-dev.
# (`untm bench lexical` measures the same with each set learned as one batch.)
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/gold.sh"
need_shared gold/pol-dev gold/mac-dev
baseline="$(eval_gold --no-learn --no-dictionary)" || fail "scripts/eval-gold.sh --no-learn failed: $baseline"
learned="$(eval_gold --no-dictionary)" || fail "scripts/eval-gold.sh failed: $learned"
for set in pol-dev mac-dev; do
  before="$(gold_strict_f1 "$baseline" $set)"
  after="$(gold_strict_f1 "$learned" $set)"
  echo "$set strict F1: lengths+anchors $before, learning $after"
  expect_number "$set strict F1 with lengths+anchors" "$before" ">=" 0
  expect_number "$set: learning against lengths+anchors ($before)" "$after" ">" "$before"
done

cedict="${UNTM_CEDICT:-$user_dictionary}"
if [[ ! -f "$cedict" ]]; then
  echo "note: no CC-CEDICT (scripts/get-cc-cedict.sh): dictionary floors not checked"
  exit 0
fi
mkdir -p "$XDG_DATA_HOME/untm"
ln -s "$(realpath "$cedict")" "$XDG_DATA_HOME/untm/cedict_ts.u8"
with_dictionary="$(eval_gold)" || fail "scripts/eval-gold.sh with the default dictionary failed"
pol="$(gold_strict_f1 "$with_dictionary" pol-dev)"
mac="$(gold_strict_f1 "$with_dictionary" mac-dev)"
echo "default (CC-CEDICT and learning), strict F1: pol-dev $pol, mac-dev $mac"
expect_number "pol-dev strict F1 with CC-CEDICT" "$pol" ">=" 0.92
expect_number "mac-dev strict F1 with CC-CEDICT" "$mac" ">=" 0.80
