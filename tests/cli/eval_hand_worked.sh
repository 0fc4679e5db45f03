#!/usr/bin/env bash
# untm eval on two hand-made link files (tests/data/eval), scores worked by hand.
# a: gold [0]:[0] [1]:[1,2] [2]:[] [3,4]:[3]
#    test [0]:[0] [1]:[1] []:[2] [2]:[] [3]:[3] [4]:[]
#    precision over 6 test links: strict hits [0]:[0], [2]:[] -> 2/6;
#      lax adds [1]:[1] and [3]:[3] (they overlap gold links) -> 4/6
#    recall over 3 non-null gold links: strict [0]:[0] -> 1/3; lax all 3 -> 1
#    strict F = 1/3, lax F = 2 (2/3)(1) / (5/3) = 0.8
# b: gold = test = [0]:[0] -> all 1.
# total: strict P 3/7 = 0.4286, R 2/4 = 0.5, F 6/13 = 0.4615;
#        lax P 5/7 = 0.7143, R 4/4 = 1, F 10/12 = 0.8333.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/eval"
expect_exit 0 "$untm" eval --gold "$data/gold" --test "$data/test"
cat "$work/out"
expect_contains "$work/out" '^a  *0\.3333  *0\.3333  *0\.3333  *0\.6667  *1\.0000  *0\.8000$'
expect_contains "$work/out" '^b  *1\.0000  *1\.0000  *1\.0000  *1\.0000  *1\.0000  *1\.0000$'
expect_contains "$work/out" '^total  *0\.4286  *0\.5000  *0\.4615  *0\.7143  *1\.0000  *0\.8333$'
expect_exit 0 "$untm" eval --json --gold "$data/gold" --test "$data/test"
expect_contains "$work/out" '"total": {"strict": {"precision": 0.4286, "recall": 0.5000, "f1": 0.4615}'
echo "eval hand worked: ok"
