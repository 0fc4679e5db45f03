#!/usr/bin/env bash
# Damaged bundles: truncation, a flipped byte in one document, a damaged
# index, a full disk, duplicate ids in a merge.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
bundle="$work/all.tmx.zst"
"$untm" bundle ls "$bundle" > "$work/ls.txt"
"$untm" bundle verify "$bundle" > /dev/null || fail "verify rejects an intact bundle"
first_id=$(sed -n 1p "$work/ls.txt" | cut -f1)
second_id=$(sed -n 2p "$work/ls.txt" | cut -f1)
third_offset=$(sed -n 3p "$work/ls.txt" | cut -f4)
third_size=$(sed -n 3p "$work/ls.txt" | cut -f5)
"$untm" bundle cat "$bundle" --doc "$first_id" > "$work/first.tmx"

flip_byte() {  # FILE OFFSET
  local byte
  byte=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  printf "$(printf '\\%03o' $(( byte ^ 0x10 )))" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}

# Truncated inside the third document: the error names the file and says it
# is truncated; the documents before the cut are still readable.
head -c $(( third_offset + third_size / 2 )) "$bundle" > "$work/cut.tmx.zst"
if "$untm" bundle verify "$work/cut.tmx.zst" 2>"$work/err.txt" >/dev/null; then fail "verify accepts a truncated bundle"; fi
grep -q "cut.tmx.zst" "$work/err.txt" && grep -q "truncated" "$work/err.txt" \
  || fail "verify of a truncated bundle does not name the file and the truncation: $(cat "$work/err.txt")"
if "$untm" bundle ls "$work/cut.tmx.zst" > "$work/cut-ls.txt" 2>"$work/err.txt"; then fail "ls of a truncated bundle exits 0"; fi
grep -q "cut.tmx.zst: truncated" "$work/err.txt" || fail "ls does not say the file is truncated"
[[ $(wc -l < "$work/cut-ls.txt") -eq 2 ]] || fail "ls of the cut bundle does not list the 2 documents before the cut"
"$untm" bundle cat "$work/cut.tmx.zst" --doc "$first_id" > "$work/cut-first.tmx" 2>/dev/null \
  || fail "cat --doc of a document before the cut fails"
cmp -s "$work/cut-first.tmx" "$work/first.tmx" || fail "the document before the cut reads differently"

# A flipped byte inside the second document's frame: verify names it (exit 1),
# the other documents read fine.
cp "$bundle" "$work/flipped.tmx.zst"
second_offset=$(sed -n 2p "$work/ls.txt" | cut -f4)
second_size=$(sed -n 2p "$work/ls.txt" | cut -f5)
flip_byte "$work/flipped.tmx.zst" $(( second_offset + second_size / 2 ))
if "$untm" bundle verify "$work/flipped.tmx.zst" 2>"$work/err.txt" >/dev/null; then fail "verify accepts a flipped byte"; fi
grep -q "$second_id" "$work/err.txt" || fail "verify does not name the damaged document: $(cat "$work/err.txt")"
grep -q "$first_id (" "$work/err.txt" && fail "verify blames an undamaged document"
"$untm" bundle cat "$work/flipped.tmx.zst" --doc "$first_id" | cmp -s - "$work/first.tmx" \
  || fail "an undamaged document does not read the same"
if "$untm" bundle cat "$work/flipped.tmx.zst" --doc "$second_id" >/dev/null 2>&1; then
  fail "cat --doc of the damaged document succeeds"
fi

# A damaged index: the list is rebuilt by scanning frames, with a warning.
cp "$bundle" "$work/index.tmx.zst"
size=$(stat -c %s "$bundle")
flip_byte "$work/index.tmx.zst" $(( size - 20 ))
"$untm" bundle ls "$work/index.tmx.zst" > "$work/index-ls.txt" 2>"$work/err.txt" || fail "ls fails on a damaged index"
grep -q "warning: index damaged" "$work/err.txt" || fail "no warning about the damaged index: $(cat "$work/err.txt")"
cmp -s "$work/index-ls.txt" "$work/ls.txt" || fail "the rebuilt document list differs"
if "$untm" bundle verify "$work/index.tmx.zst" >/dev/null 2>&1; then fail "verify accepts a damaged index"; fi

# A full disk: a clear error naming the output, nothing left under its name.
if "$untm" bundle merge "$bundle" -o /dev/full 2>"$work/err.txt"; then fail "merge into /dev/full succeeds"; fi
grep -q "/dev/full" "$work/err.txt" || fail "the error does not name /dev/full"
if "$untm" bundle cat "$bundle" > /dev/full 2>"$work/err.txt"; then fail "cat into /dev/full succeeds"; fi
grep -qi "write failed" "$work/err.txt" || fail "cat into /dev/full gives no clear error: $(cat "$work/err.txt")"
# A file size limit makes writes fail half-way, like a disk filling up.
if (ulimit -f 1; trap '' XFSZ; "$untm" bundle export "$bundle" --format tmx -o "$work/limited.tmx" 2>"$work/err.txt"); then
  [[ $(stat -c %s "$work/limited.tmx") -le 1024 ]] && fail "export claimed success past the file size limit"
else
  [[ -e "$work/limited.tmx" ]] && fail "a failed export left a file under the final name"
  ls "$work" | grep -q untm-tmp && fail "a failed export left its temporary file"
  grep -q "limited.tmx" "$work/err.txt" || fail "the write error does not name the file"
fi

# merge refuses duplicate ids unless told which to keep.
if "$untm" bundle merge "$bundle" "$work/a.tmx.zst" -o "$work/dup.tmx.zst" 2>"$work/err.txt"; then
  fail "merge accepted a duplicate document id"
fi
grep -q -- "--keep" "$work/err.txt" || fail "the duplicate error does not say how to resolve it"
[[ -e "$work/dup.tmx.zst" ]] && fail "a refused merge left an output file"
"$untm" bundle merge "$bundle" "$work/a.tmx.zst" -o "$work/dup.tmx.zst" --keep last 2>/dev/null
[[ $("$untm" bundle ls "$work/dup.tmx.zst" | wc -l) -eq 3 ]] || fail "--keep last did not drop the duplicate"

# Not a bundle at all.
if "$untm" bundle ls "$bundle_data/reply-a.zh" 2>"$work/err.txt"; then fail "a text file was listed as a bundle"; fi
grep -q "reply-a.zh: .*not a .tmx.zst bundle" "$work/err.txt" || fail "unclear error for a non-bundle: $(cat "$work/err.txt")"
echo "ok"
