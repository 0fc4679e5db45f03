#!/usr/bin/env bash
# The accuracy floors of issue 3: with lengths and anchors only (--no-learn:
# no lexicon learnt from the texts), one configuration, --presplit on
# ../shared/gold: strict F1 >= 0.85 on pol-dev and >= 0.70 on mac-dev
# (Vecalign/Bertalign scoring).
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/gold.sh"
need_shared gold/pol-dev gold/mac-dev
out="$(eval_gold --no-learn)" || fail "scripts/eval-gold.sh failed: $out"
echo "$out"
pol="$(gold_strict_f1 "$out" pol-dev)"
mac="$(gold_strict_f1 "$out" mac-dev)"
echo "strict F1: pol-dev $pol, mac-dev $mac"
expect_number "pol-dev strict F1" "$pol" ">=" 0.85
expect_number "mac-dev strict F1" "$mac" ">=" 0.70
