#!/usr/bin/env bash
# Inputs over untm's size limit (1 GiB, lib/text/decode.h kMaxInputBytes) are
# refused by their size, naming the file and the limit, before a byte is read:
# 2 GiB + 1 was read as empty (a negative 32-bit length), 4 GiB + 1 MiB as its
# first MiB, both with exit 0. The files are sparse, so the test needs neither
# the disk nor the memory nor the minutes of reading them.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data"
en="$data/align/en.txt"

make_sparse() {  # FILE SIZE: a line of Chinese, then holes up to SIZE
  printf '第一句。\n' > "$1"
  truncate -s "$2" "$1" 2>"$work/truncate.err" ||
    { echo "skipped: cannot make a sparse file of $2 in $work: $(cat "$work/truncate.err")"; exit 77; }
  local used
  used=$(du -k "$1" | cut -f1)
  (( used < 1024 )) || { echo "skipped: $work does not keep sparse files ($1 takes ${used} KiB)"; exit 77; }
}
make_sparse "$work/over2g-zh.txt" $(( (2 << 30) + 1 ))
make_sparse "$work/over4g-zh.txt" $(( (4 << 30) + (1 << 20) ))
make_sparse "$work/limit1-zh.txt" $(( (1 << 30) + 1 ))

# 1 GiB of address space: reading the file would not fit (the sanitizer
# build reserves terabytes, so it runs unlimited).
limited() {  # COMMAND...
  if grep -qa __asan_init "$untm"; then "$@"; else (ulimit -v 1048576; exec "$@"); fi
}

for big in over2g over4g limit1; do
  file="$work/$big-zh.txt"
  SECONDS=0
  expect_exit 1 limited "$untm" align "$file" "$en" -o "$work/out.tsv"
  expect_contains "$work/err" "$big-zh.txt: [0-9]* bytes is over the limit of 1 GiB (1073741824 bytes) for one input"
  (( SECONDS < 20 )) || fail "refusing $big took ${SECONDS}s: the file was read"
  [[ ! -e "$work/out.tsv" ]] || fail "align of $big wrote an output"
  expect_exit 1 "$untm" split --lang zh "$file"
  expect_contains "$work/err" "$big-zh.txt: .*over the limit of 1 GiB"
done

# In a batch the big document fails alone, with its reason in the report.
cp "$data/batch"/*.txt "$work/"
printf 'BIG/1\t%s\t%s\nA/68/101\t%s\t%s\n' "$work/over4g-zh.txt" "$en" \
  "$work/A_68_101-ZH.txt" "$work/A_68_101-EN.txt" > "$work/list.tsv"
expect_exit 3 "$untm" batch "$work/list.tsv" -o "$work/b.tmx.zst" -q -j 1 --report "$work/report.jsonl"
expect_contains "$work/report.jsonl" '"id":"BIG/1".*"status":"failed".*over the limit of 1 GiB'
expect_contains "$work/report.jsonl" '"id":"A/68/101".*"status":"aligned"'
