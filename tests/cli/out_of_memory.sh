#!/usr/bin/env bash
# Running out of memory names the document and what ran out (exit 1), never a
# bare std::bad_alloc or "internal error" (exit 2); in a batch that document
# fails alone. The memory limit is ulimit -v on the run.
source "$(dirname "$0")/lib/common.sh" "$@"
need_no_sanitizer "ulimit -v cannot limit a binary that reserves terabytes of address space"
data="$source_dir/tests/data"

# 200 MB of address space: untm itself starts in about 70 MB, a small pair
# aligns in it, a 40 MB document does not (bytes, decoded text, offsets).
(yes "$(cat "$source_dir/corpora/demo/reply-zh.txt")" || true) | head -c 40000000 > "$work/big-zh.txt"
en="$source_dir/corpora/demo/reply-en.txt"
limited() {  # COMMAND...
  (ulimit -v 200000; exec "$@")
}

expect_exit 1 limited "$untm" align "$work/big-zh.txt" "$en" -o "$work/out.tsv" --no-learn
expect_contains "$work/err" "big-zh.txt: ran out of memory reading"
expect_lacks "$work/err" "bad_alloc"
expect_lacks "$work/err" "internal error"
[[ ! -e "$work/out.tsv" ]] || fail "a run out of memory wrote an output"

# In a batch the big document fails alone, its reason in the report.
cp "$data/batch"/*.txt "$work/"
printf 'BIG/1\t%s\t%s\nA/68/101\t%s\t%s\n' "$work/big-zh.txt" "$en" \
  "$work/A_68_101-ZH.txt" "$work/A_68_101-EN.txt" > "$work/list.tsv"
expect_exit 3 limited "$untm" batch "$work/list.tsv" -o "$work/b.tmx.zst" -q -j 1 --no-learn \
  --report "$work/report.jsonl"
expect_contains "$work/report.jsonl" '"id":"BIG/1".*"status":"failed".*ran out of memory'
expect_contains "$work/report.jsonl" '"id":"A/68/101".*"status":"aligned"'
expect_lacks "$work/err" "bad_alloc"
