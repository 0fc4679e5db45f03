#!/usr/bin/env bash
# untm split on awkward inputs: invalid UTF-8, --lenient, UTF-16 with a BOM,
# CRLF/CR, empty files, binary files. Checks messages and exit codes.
# Usage: split_inputs.sh /path/to/untm
set -uo pipefail
untm="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# expect CODE FILE-FOR-STDERR -- command...
run() {
  local expected="$1" stderr_file="$2"
  shift 2
  "$@" > "$work/out" 2> "$stderr_file"
  local code=$?
  [[ $code == "$expected" ]] || fail "'$*' exited $code, expected $expected: $(cat "$stderr_file")"
}

# Invalid UTF-8: exit 1, the message names the file and the byte offset.
printf 'Good text.\n\xe4\xb8 broken.\n' > "$work/invalid.txt"
run 1 "$work/err" "$untm" split --lang en "$work/invalid.txt"
grep -q "invalid.txt: byte 11: invalid UTF-8" "$work/err" || fail "invalid UTF-8 message: $(cat "$work/err")"
[[ ! -s "$work/out" ]] || fail "invalid UTF-8 printed output"

# --lenient: replaced, with a warning that counts the replacements.
printf 'One \xff here. Two \xfe there.\n' > "$work/lenient.txt"
run 0 "$work/err" "$untm" split --lang en --lenient "$work/lenient.txt"
grep -q "replaced 2 invalid UTF-8 sequences" "$work/err" || fail "lenient warning: $(cat "$work/err")"
[[ "$(cat "$work/out")" == $'One \xef\xbf\xbd here.\nTwo \xef\xbf\xbd there.' ]] || fail "lenient output: $(cat "$work/out")"

# UTF-16LE and UTF-16BE with a BOM, CRLF line ends: same sentences as UTF-8.
printf '他来了。她走了。\r\n' > "$work/utf8.txt"
iconv -f UTF-8 -t UTF-16LE "$work/utf8.txt" | { printf '\xff\xfe'; cat; } > "$work/le.txt"
iconv -f UTF-8 -t UTF-16BE "$work/utf8.txt" | { printf '\xfe\xff'; cat; } > "$work/be.txt"
for file in le be; do
  run 0 "$work/err" "$untm" split --lang zh "$work/$file.txt"
  [[ "$(cat "$work/out")" == $'他来了。\n她走了。' ]] || fail "UTF-16 $file output: $(cat "$work/out")"
done

# CR-only line ends: blank lines still separate paragraphs.
printf 'First paragraph.\r\rSecond paragraph.\r' > "$work/cr.txt"
run 0 "$work/err" "$untm" split --lang en "$work/cr.txt"
[[ "$(cat "$work/out")" == $'First paragraph.\n\nSecond paragraph.' ]] || fail "CR output: $(cat "$work/out")"

# Empty file: empty output and a warning, exit 0.
: > "$work/empty.txt"
run 0 "$work/err" "$untm" split --lang zh "$work/empty.txt"
[[ ! -s "$work/out" ]] || fail "empty file printed output"
grep -q "empty.txt: no text" "$work/err" || fail "empty warning: $(cat "$work/err")"

# Binary junk (NUL bytes): a clear error, exit 1.
head -c 512 /dev/urandom > "$work/random.bin"
printf 'GIF89a\x00\x01binary' > "$work/image.gif"
run 1 "$work/err" "$untm" split --lang en "$work/image.gif"
grep -q "image.gif: byte 6: NUL byte: this looks like binary data" "$work/err" || fail "binary message: $(cat "$work/err")"
printf 'ab\x03\x04' > "$work/control.bin"
run 1 "$work/err" "$untm" split --lang en "$work/control.bin"
grep -q "control.bin: byte 2: control character U+0003: this looks like binary data" "$work/err" || fail "control message: $(cat "$work/err")"
# A ZIP signature makes it a DOCX attempt (format by content), with the ZIP's problem named.
printf 'PK\x03\x04' > "$work/zip.bin"
run 1 "$work/err" "$untm" split --lang en "$work/zip.bin"
grep -q "zip.bin: not a readable ZIP package, so not a DOCX" "$work/err" || fail "zip message: $(cat "$work/err")"
run 1 "$work/err" "$untm" split --lang en "$work/random.bin"
grep -q "random.bin: byte [0-9]*: " "$work/err" || fail "random bytes message: $(cat "$work/err")"

# Missing file and bad language: exit 1 with a message.
run 1 "$work/err" "$untm" split --lang en "$work/missing.txt"
grep -q "missing.txt: cannot open" "$work/err" || fail "missing file message: $(cat "$work/err")"
run 1 "$work/err" "$untm" split --lang fr "$work/utf8.txt"
grep -q "unknown language 'fr'" "$work/err" || fail "bad language message: $(cat "$work/err")"

# Standard input.
printf 'From stdin. Two sentences.\n' | "$untm" split --lang en - > "$work/out" 2> "$work/err"
[[ "$(cat "$work/out")" == $'From stdin.\nTwo sentences.' ]] || fail "stdin output: $(cat "$work/out")"

exit $(( failures > 0 ))
