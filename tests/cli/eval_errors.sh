#!/usr/bin/env bash
# untm eval: a malformed or missing test file is an input error (exit 1)
# whose message names the file.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/eval"
mkdir "$work/test"
cp "$data/test/a.align" "$work/test/"
printf '[0]:[0]\n[1:[1]\n' > "$work/test/b.align"
expect_exit 1 "$untm" eval --gold "$data/gold" --test "$work/test"
expect_contains "$work/err" "b.align: .*byte 8"
rm "$work/test/b.align"
expect_exit 1 "$untm" eval --gold "$data/gold" --test "$work/test"
expect_contains "$work/err" "b.align: missing"
echo "eval errors: ok"
