#!/usr/bin/env bash
# Confidence you can act on (issue 14): pol-dev aligned as a batch (learning,
# no dictionary) has calibrated confidences (ECE <= 0.05) that rank links (the
# 80% most confident are >= 0.97 right, all links about 0.91), seen through
# untm eval --calibration, table and JSON; and the usage errors around it.
source "$(dirname "$0")/lib/common.sh" "$@"
need_shared gold/pol-dev
gold="$shared/gold/pol-dev"
expect_exit 0 "$untm" batch "$gold" --presplit -o "$work/pol.tmx.zst" -q --date 20260101T000000Z
expect_exit 0 "$untm" eval --gold "$gold/gold" --test "$work/pol.tmx.zst" --calibration
cat "$work/out"
expect_contains "$work/out" '^0\.9-1\.0  *[0-9][0-9]*  *0\.9[0-9]*  *[01]\.[0-9]*$'
ece="$(sed -n 's/^ECE (10 bins, [0-9]* links): //p' "$work/out")"
top80="$(sed -n 's/^precision of the 80% most confident links: //p' "$work/out")"
expect_number "pol-dev ECE" "$ece" "<=" 0.05
expect_number "pol-dev precision of the 80% most confident" "$top80" ">=" 0.97
expect_exit 0 "$untm" eval --gold "$gold/gold" --test "$work/pol.tmx.zst" --calibration --json
expect_contains "$work/out" '^{"calibration": {"links": [0-9]*, "ece": 0\.0[0-4][0-9]*, "bins": \[{"low": 0\.0, "high": 0\.1, '
expect_contains "$work/out" '"precision_of_most_confident": {"50%": '
# Confidences need a bundle; a folder of links has none.
expect_exit 64 "$untm" eval --gold "$gold/gold" --test "$gold/gold" --calibration
expect_contains "$work/err" 'needs confidences'
expect_exit 64 "$untm" align --presplit "$gold/zh/001" "$gold/en/001" --links "$work/x.align" --decoding best
expect_contains "$work/err" "decoding: 'best' is neither posterior nor viterbi"
# A confidence threshold outside 0..1 is a usage error before any work.
expect_exit 64 "$untm" align --presplit "$gold/zh/001" "$gold/en/001" -o "$work/x.tsv" --min-confidence 2
expect_contains "$work/err" "min-confidence: 2 is not a confidence between 0 and 1"
[[ ! -e "$work/x.tsv" ]] || fail "align wrote output despite --min-confidence 2"
expect_exit 64 "$untm" bundle export "$work/pol.tmx.zst" --format tsv -o "$work/y.tsv" --min-confidence -0.5
expect_contains "$work/err" "min-confidence: -0.5 is not a confidence between 0 and 1"
echo "eval calibration: ok"
