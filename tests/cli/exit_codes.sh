#!/usr/bin/env bash
# The exit-code contract (docs/ARCHITECTURE.md, "Errors and exit codes"):
# 1 bad input, 64 bad usage, 74 an output that cannot be written; each with a
# message that names the file or the option. A full disk is /dev/full.
set -uo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE TEXT command...: exits CODE and says TEXT on stderr.
expect() {
  local code="$1" text="$2"; shift 2
  "$@" > "$work/out" 2> "$work/err"
  local status=$?
  [[ $status == "$code" ]] || fail "'$*' exited $status, expected $code: $(cat "$work/err")"
  grep -qF -- "$text" "$work/err" || fail "'$*': stderr lacks '$text': $(cat "$work/err")"
}

zh="$data/align/zh.txt" en="$data/align/en.txt"

# Full disk: every output path goes through the same file layer; the message
# names the output. A link to /dev/full keeps the extension that picks the format.
for format in tsv tmx.zst; do
  ln -s /dev/full "$work/full.$format"
  expect 74 "full.$format: write failed" "$untm" align --presplit "$zh" "$en" -o "$work/full.$format"
done
expect 74 "/dev/full: write failed" "$untm" align --presplit "$zh" "$en" --links /dev/full
expect 74 "-: write failed" sh -c '"$1" split --lang en "$2" > /dev/full' sh "$untm" "$en"
mkdir "$work/batch"
expect 74 "cannot create folder" "$untm" batch "$data/batch" -o "$work/batch/out.tmx.zst" -q \
  --links-dir /dev/full/links
[[ ! -e "$work/batch/out.tmx.zst" ]] || fail "a batch that could not write its links left a bundle"

# Bad usage: an unknown option, a bad value, no or an unknown command.
expect 64 "unrecognised option '--bogus'" "$untm" align --bogus "$zh" "$en" -o "$work/x.tsv"
expect 64 "(see 'untm align --help')" "$untm" align --bogus "$zh" "$en" -o "$work/x.tsv"
expect 64 "--shard: expected K/N" "$untm" batch "$data/batch" -o "$work/x.tmx.zst" --shard 3/2
expect 64 "unknown command 'frobnicate'" "$untm" frobnicate
expect 64 "usage: untm COMMAND" "$untm"

# Bad input: a missing file, invalid text.
expect 1 "missing.txt: cannot open" "$untm" align --presplit "$work/missing.txt" "$en" -o "$work/x.tsv"
printf 'ok\n\xff broken\n' > "$work/bad.txt"
expect 1 "bad.txt: byte 3: invalid UTF-8" "$untm" align --presplit "$work/bad.txt" "$en" -o "$work/x.tsv"
# Only split has --lenient: it alone suggests it (the library names no flags).
grep -q -- "--lenient" "$work/err" && fail "align suggests --lenient, which it does not have"
expect 1 "(use --lenient to replace it with U+FFFD)" "$untm" split --lang en "$work/bad.txt"

[[ -z "$(ls "$work" | grep -v -e '^err$' -e '^out$' -e '^bad.txt$' -e '^full\.' -e '^batch$')" ]] \
  || fail "output left behind: $(ls "$work")"
exit $(( failures > 0 ))
