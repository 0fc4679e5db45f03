#!/usr/bin/env bash
# untm align: bad input is exit 1, bad usage exit 64, each with a message
# naming the cause, and no output file is left behind.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/align"
out="$work/outputs"
mkdir "$out"
expect_failure() {  # EXIT-CODE EXPECTED-TEXT COMMAND...
  local code="$1" expected="$2"
  shift 2
  expect_exit "$code" "$@"
  expect_contains "$work/err" "$expected"
}
expect_failure 1 "missing.txt" "$untm" align "$data/zh.txt" "$out/missing.txt" -o "$out/out.tsv"
expect_failure 64 "needs two input files" "$untm" align "$data/zh.txt" -o "$out/out.tsv"
expect_failure 64 "out.docx" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" -o "$out/out.docx"
expect_failure 64 "--length-unit" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$out/l.align" \
  --length-unit words
expect_failure 64 "--fixed-priors" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$out/l.align" \
  --fixed-priors 9-9=1
printf 'ok\n\xff\xfe\xfa broken\n' > "$work/bad.txt"
expect_failure 1 "bad.txt" "$untm" align --presplit "$work/bad.txt" "$data/en.txt" -o "$out/out.tsv"
[[ -z "$(ls -A "$out")" ]] || fail "output left behind: $(ls -A "$out")"
echo "align errors: ok"
