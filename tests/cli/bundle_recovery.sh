#!/usr/bin/env bash
# Recovering damaged bundles (issue #10, "Bundles"): a reader never presents
# a partial result as complete. One row per case: how the bundle is damaged,
# the command, its exit code, what stderr must say; every row also checks
# that the bundle read stays untouched and that a failed export leaves no
# output. Then a byte-flip loop over a bundle whose index is gone.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
bundle="$work/all.tmx.zst"
size=$(stat -c %s "$bundle")

u32_at() {  # FILE OFFSET: the little-endian u32 there
  od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '
}
set_byte() {  # FILE OFFSET VALUE
  printf "$(printf '\\%03o' "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none
}
flip_byte() {  # FILE OFFSET MASK
  local byte
  byte=$(od -An -tu1 -j "$2" -N1 "$1" | tr -d ' ')
  set_byte "$1" "$2" $(( byte ^ $3 ))
}

# The layout, from the intact bundle: frame offsets and sizes per document,
# where the index starts (its size is in the 12-byte trailer).
"$untm" bundle ls "$bundle" > "$work/ls.txt"
index_start=$(( size - $(u32_at "$bundle" $(( size - 12 ))) ))
frame_offset() { sed -n "${1}p" "$work/ls.txt" | cut -f4; }
frame_end() { sed -n "${1}p" "$work/ls.txt" | awk -F'\t' '{ print $4 + $5 }'; }
"$untm" bundle export "$bundle" --format jsonl > "$work/reference.jsonl"
[[ $(wc -l < "$work/reference.jsonl") -gt 10 ]] || fail "the reference export is too small"

# Damaged copies.
head -c "$index_start" "$bundle" > "$work/no-index.tmx.zst"
cp "$work/no-index.tmx.zst" "$work/renamed.tmx.zst"
second_marker=$(frame_end 1)
# The id starts after the marker's 8-byte frame header, "UNTMDOC2" and a u32 length.
flip_byte "$work/renamed.tmx.zst" $(( second_marker + 21 )) 1
cp "$work/no-index.tmx.zst" "$work/skipping.tmx.zst"
# The second marker's size made to cover its own frame: the document vanishes.
skip=$(( $(frame_end 2) - second_marker - 8 ))
for i in 0 1 2 3; do set_byte "$work/skipping.tmx.zst" $(( second_marker + 4 + i )) $(( (skip >> (8 * i)) & 255 )); done
# Held out: the last 8 bytes of the third marker (once its count of cleaned
# characters, which no frame confirms; now its checksum), shown by stats.
cp "$work/no-index.tmx.zst" "$work/cleaned.tmx.zst"
flip_byte "$work/cleaned.tmx.zst" $(( $(frame_offset 3) - 8 )) 2
cp "$bundle" "$work/index-header.tmx.zst"
flip_byte "$work/index-header.tmx.zst" $(( index_start + 4 )) 16
cp "$bundle" "$work/trailer-size.tmx.zst"
flip_byte "$work/trailer-size.tmx.zst" $(( size - 12 )) 16
cat "$work/a.tmx.zst" "$work/b.tmx.zst" > "$work/joined.tmx.zst"

row() {  # NAME BUNDLE EXIT STDERR_PATTERN|- SAME_EXPORT(yes|no) ACTION ARGS...
  local name="$1" file="$2" code="$3" pattern="$4" same="$5"
  shift 5
  local before
  before=$(md5sum < "$file")
  rm -f "$work/out.jsonl"
  expect_exit "$code" "$untm" bundle "$1" "$file" "${@:2}"
  [[ "$pattern" == - ]] || expect_contains "$work/err" "$pattern"
  [[ $(md5sum < "$file") == "$before" ]] || fail "$name: the bundle read was changed"
  if [[ "$code" != 0 ]]; then
    [[ ! -e "$work/out.jsonl" ]] || fail "$name: a failed export left its output"
    expect_contains "$work/err" "$(basename "$file")"
  fi
  if [[ "$same" == yes ]]; then
    cmp -s "$work/out.jsonl" "$work/reference.jsonl" || fail "$name: the export differs from the intact bundle's"
  fi
}
export_args=(--format jsonl -o "$work/out.jsonl")
row "intact" "$bundle" 0 - yes export "${export_args[@]}"
row "index gone" "$work/no-index.tmx.zst" 0 "warning: index missing" yes export "${export_args[@]}"
row "index gone, verify" "$work/no-index.tmx.zst" 1 "index missing or damaged" no verify
# The marker's checksum fails: nothing of it is believed, its document is lost.
row "index gone, marker renamed" "$work/renamed.tmx.zst" 1 \
  "incomplete: byte $second_marker: damaged document marker: its checksum differs" no export "${export_args[@]}"
row "index gone, marker renamed, ls" "$work/renamed.tmx.zst" 1 "its checksum differs" no ls
row "index gone, marker renamed, verify" "$work/renamed.tmx.zst" 1 "its document's name is lost" no verify
row "index gone, third marker's last field flipped, stats" "$work/cleaned.tmx.zst" 1 "its checksum differs" no stats
row "index gone, marker skips a document" "$work/skipping.tmx.zst" 1 "a document may be lost" no \
  export "${export_args[@]}"
row "index gone, marker skips a document, ls" "$work/skipping.tmx.zst" 1 "incomplete" no ls
row "index gone, --doc of a lost name" "$work/skipping.tmx.zst" 1 "it may be one of those lost" no \
  export "${export_args[@]}" --doc "$(sed -n 2p "$work/ls.txt" | cut -f1)"
row "index frame size damaged" "$work/index-header.tmx.zst" 0 "size field is damaged" yes export "${export_args[@]}"
row "index frame size damaged, verify" "$work/index-header.tmx.zst" 1 "size field is damaged" no verify
row "trailer size damaged" "$work/trailer-size.tmx.zst" 0 "rebuilt by scanning" yes export "${export_args[@]}"
first_size=$(stat -c %s "$work/a.tmx.zst")
row "two bundles concatenated, ls" "$work/joined.tmx.zst" 1 "second bundle starts at byte $first_size" no ls
row "two bundles concatenated, export" "$work/joined.tmx.zst" 1 "two bundles concatenated" no export "${export_args[@]}"

# Every 8th byte of the header frame, the markers, the first 18 bytes of each
# document frame (its zstd header) and the footer of a bundle with no index,
# flipped: the export is the intact one's, or exit 1 naming the file. (Every
# byte, in process: tests/bundle/bundle_damage_test.cc.)
offsets=$(
  {
    seq 0 $(( $(frame_offset 1) + 17 ))
    for document in 2 3; do seq "$(frame_end $(( document - 1 )))" $(( $(frame_offset "$document") + 17 )); done
    seq "$(frame_end 3)" $(( index_start - 1 ))
  } | awk 'NR % 8 == 0'
)
same=0 loud=0
for offset in $offsets; do
  cp "$work/no-index.tmx.zst" "$work/flip.tmx.zst"
  flip_byte "$work/flip.tmx.zst" "$offset" 4
  rm -f "$work/out.jsonl"
  status=0
  "$untm" bundle export "$work/flip.tmx.zst" "${export_args[@]}" 2>"$work/err" || status=$?
  if [[ $status == 0 ]]; then
    cmp -s "$work/out.jsonl" "$work/reference.jsonl" || fail "byte $offset flipped: exit 0 with another export"
    same=$(( same + 1 ))
  else
    [[ $status == 1 ]] || fail "byte $offset flipped: exit $status"
    expect_contains "$work/err" "flip.tmx.zst"
    [[ ! -e "$work/out.jsonl" ]] || fail "byte $offset flipped: a refused export left its output"
    loud=$(( loud + 1 ))
  fi
done
expect_number "exports refused" "$loud" ">" 30
echo "ok ($same flips read as written, $loud refused)"
