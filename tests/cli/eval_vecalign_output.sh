#!/usr/bin/env bash
# untm eval reads Vecalign and Bertalign output files as they are (issue #15):
# each link followed by its cost, [i]:[j]:cost. The hand-worked test files of
# eval_hand_worked.sh with costs added score the same (total strict F 0.4615,
# lax F 0.8333).
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/eval"
mkdir "$work/vecalign"
for file in "$data"/test/*.align; do
  awk 'NF { printf "%s:%.6f\n", $0, NR / 10 }' "$file" > "$work/vecalign/$(basename "$file")"
done
grep -q '^\[0\]:\[0\]:0\.100000$' "$work/vecalign/a.align" || fail "the test files lack their costs"
expect_exit 0 "$untm" eval --gold "$data/gold" --test "$work/vecalign"
expect_contains "$work/out" '^total  *0\.4286  *0\.5000  *0\.4615  *0\.7143  *1\.0000  *0\.8333$'
# A cost that is not a number is still an error naming the line.
printf '[0]:[0]:cheap\n' > "$work/vecalign/b.align"
expect_exit 1 "$untm" eval --gold "$data/gold" --test "$work/vecalign"
expect_contains "$work/err" 'line 1'
