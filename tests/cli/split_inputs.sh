#!/usr/bin/env bash
# untm split on awkward inputs: invalid UTF-8, --lenient, UTF-16 with a BOM,
# CRLF/CR, empty files, binary files. Checks messages and exit codes.
source "$(dirname "$0")/lib/common.sh" "$@"
mkdir "$work/in"
in="$work/in"

expect_output() {  # TEXT WHAT: untm's standard output, exactly
  [[ "$(cat "$work/out")" == "$1" ]] || fail "$2: $(cat "$work/out")"
}

# Invalid UTF-8: exit 1, the message names the file and the byte offset.
printf 'Good text.\n\xe4\xb8 broken.\n' > "$in/invalid.txt"
expect_exit 1 "$untm" split --lang en "$in/invalid.txt"
expect_contains "$work/err" "invalid.txt: byte 11: invalid UTF-8"
[[ ! -s "$work/out" ]] || fail "invalid UTF-8 printed output"

# --lenient: replaced, with a warning that counts the replacements.
printf 'One \xff here. Two \xfe there.\n' > "$in/lenient.txt"
expect_exit 0 "$untm" split --lang en --lenient "$in/lenient.txt"
expect_contains "$work/err" "replaced 2 invalid UTF-8 sequences"
expect_output $'One \xef\xbf\xbd here.\nTwo \xef\xbf\xbd there.' "lenient output"

# UTF-16LE and UTF-16BE with a BOM, CRLF line ends: same sentences as UTF-8.
printf '他来了。她走了。\r\n' > "$in/utf8.txt"
iconv -f UTF-8 -t UTF-16LE "$in/utf8.txt" | { printf '\xff\xfe'; cat; } > "$in/le.txt"
iconv -f UTF-8 -t UTF-16BE "$in/utf8.txt" | { printf '\xfe\xff'; cat; } > "$in/be.txt"
for file in le be; do
  expect_exit 0 "$untm" split --lang zh "$in/$file.txt"
  expect_output $'他来了。\n她走了。' "UTF-16 $file output"
done

# CR-only line ends: blank lines still separate paragraphs.
printf 'First paragraph.\r\rSecond paragraph.\r' > "$in/cr.txt"
expect_exit 0 "$untm" split --lang en "$in/cr.txt"
expect_output $'First paragraph.\n\nSecond paragraph.' "CR output"

# Empty file: empty output and a warning, exit 0.
: > "$in/empty.txt"
expect_exit 0 "$untm" split --lang zh "$in/empty.txt"
[[ ! -s "$work/out" ]] || fail "empty file printed output"
expect_contains "$work/err" "empty.txt: no text"

# Binary junk (NUL bytes): a clear error, exit 1.
head -c 512 /dev/urandom > "$in/random.bin"
printf 'GIF89a\x00\x01binary' > "$in/image.gif"
expect_exit 1 "$untm" split --lang en "$in/image.gif"
expect_contains "$work/err" "image.gif: byte 6: NUL byte: this looks like binary data"
printf 'ab\x03\x04' > "$in/control.bin"
expect_exit 1 "$untm" split --lang en "$in/control.bin"
expect_contains "$work/err" "control.bin: byte 2: control character U+0003: this looks like binary data"
# A ZIP signature makes it a DOCX attempt (format by content), with the ZIP's problem named.
printf 'PK\x03\x04' > "$in/zip.bin"
expect_exit 1 "$untm" split --lang en "$in/zip.bin"
expect_contains "$work/err" "zip.bin: not a readable ZIP package, so not a DOCX"
expect_exit 1 "$untm" split --lang en "$in/random.bin"
expect_contains "$work/err" "random.bin: byte [0-9]*: "

# Missing file: exit 1 (bad input); bad language: exit 64 (bad usage).
expect_exit 1 "$untm" split --lang en "$in/missing.txt"
expect_contains "$work/err" "missing.txt: cannot open"
expect_exit 64 "$untm" split --lang fr "$in/utf8.txt"
expect_contains "$work/err" "unknown language 'fr'"

# Standard input.
printf 'From stdin. Two sentences.\n' > "$in/stdin.txt"
expect_exit 0 "$untm" split --lang en - < "$in/stdin.txt"
expect_output $'From stdin.\nTwo sentences.' "stdin output"
echo "split inputs: ok"
