#!/usr/bin/env bash
# untm eval: a malformed or missing test file is an input error (exit 1)
# whose message names the file.
set -uo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/eval"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$data/test/a.align" "$work/"
printf '[0]:[0]\n[1:[1]\n' > "$work/b.align"
"$untm" eval --gold "$data/gold" --test "$work" 2>"$work/err"
status=$?
cat "$work/err"
[[ $status -eq 1 ]] || { echo "expected exit 1, got $status"; exit 1; }
grep -q "b.align" "$work/err" && grep -q "byte 8" "$work/err" || exit 1
rm "$work/b.align"
"$untm" eval --gold "$data/gold" --test "$work" 2>"$work/err"
status=$?
cat "$work/err"
[[ $status -eq 1 ]] && grep -q "b.align: missing" "$work/err"
