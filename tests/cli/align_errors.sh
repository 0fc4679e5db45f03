#!/usr/bin/env bash
# untm align: bad input is exit 1, bad usage exit 64, each with a message
# naming the cause, and no output file is left behind.
set -uo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/align"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
expect_failure() {  # exit-code expected-text command...
  local code="$1" expected="$2"; shift 2
  "$@" 2>"$work/err"
  local status=$?
  cat "$work/err"
  [[ $status -eq $code ]] || { echo "expected exit $code, got $status: $*"; exit 1; }
  grep -q -- "$expected" "$work/err" || { echo "message lacks '$expected'"; exit 1; }
}
expect_failure 1 "missing.txt" "$untm" align "$data/zh.txt" "$work/missing.txt" -o "$work/out.tsv"
expect_failure 64 "needs two input files" "$untm" align "$data/zh.txt" -o "$work/out.tsv"
expect_failure 64 "out.docx" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" -o "$work/out.docx"
expect_failure 64 "--length-unit" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$work/l.align" --length-unit words
expect_failure 64 "--fixed-priors" "$untm" align --presplit "$data/zh.txt" "$data/en.txt" --links "$work/l.align" --fixed-priors 9-9=1
printf 'ok\n\xff\xfe\xfa broken\n' > "$work/bad.txt"
expect_failure 1 "bad.txt" "$untm" align --presplit "$work/bad.txt" "$data/en.txt" -o "$work/out.tsv"
[[ -z "$(ls "$work" | grep -v -e '^err$' -e '^bad.txt$')" ]] || { ls "$work"; echo "output left behind"; exit 1; }
