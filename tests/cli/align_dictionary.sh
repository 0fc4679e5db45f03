#!/usr/bin/env bash
# The default dictionary (issue 13, "Default = best"): untm align and untm
# batch use cedict_ts.u8 from the XDG data folders (or the old cache folder)
# without being told; --no-dictionary switches it off; without one, one line
# on stderr says how to get it; a broken one is an error naming the file.
# (common.sh points XDG_DATA_HOME and XDG_CACHE_HOME at empty folders.)
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/lexicon"
doc=("$data/doc/zh.txt" "$data/doc/en.txt")
align() {  # OUTPUT EXTRA_OPTIONS...: jsonl, with the confidences the lexical term moves
  local output="$1"
  shift
  "$untm" align --presplit "${doc[@]}" -o "$work/$output" --no-learn "$@"
}

# Nothing installed: aligned all the same, and one notice naming the script.
expect_exit 0 align none.jsonl
[[ "$(wc -l <"$work/err")" == 1 ]] || fail "expected one notice line, stderr: $(cat "$work/err")"
expect_contains "$work/err" "no dictionary found.*scripts/get-cc-cedict.sh.*--no-dictionary"
expect_exit 0 align off.jsonl --no-dictionary
[[ ! -s "$work/err" ]] || fail "--no-dictionary still prints: $(cat "$work/err")"
cmp -s "$work/none.jsonl" "$work/off.jsonl" || fail "no dictionary and --no-dictionary align differently"

# The dictionary given by name, the reference for what follows.
expect_exit 0 align given.jsonl --dictionary "$data/cedict_sample.u8"
! cmp -s "$work/given.jsonl" "$work/none.jsonl" || fail "the sample dictionary changes nothing: the test proves nothing"

# Found in each place, in the order of the XDG spec; none prints the notice.
expect_found() {  # WHERE (a folder that gets untm/cedict_ts.u8)
  mkdir -p "$1/untm"
  cp "$data/cedict_sample.u8" "$1/untm/cedict_ts.u8"
  expect_exit 0 align found.jsonl
  [[ ! -s "$work/err" ]] || fail "dictionary in $1, still: $(cat "$work/err")"
  cmp -s "$work/found.jsonl" "$work/given.jsonl" || fail "the dictionary in $1 was not used"
  expect_exit 0 align off.jsonl --no-dictionary
  cmp -s "$work/off.jsonl" "$work/none.jsonl" || fail "--no-dictionary still used the one in $1"
  rm -r "$1/untm"
}
expect_found "$XDG_DATA_HOME"
XDG_DATA_DIRS="$work/nothing:$work/system" expect_found "$work/system"
expect_found "$XDG_CACHE_HOME"  # where scripts/get-cc-cedict.sh put it before

# The first place wins: a broken one in XDG_DATA_HOME hides a good one further on.
mkdir -p "$XDG_DATA_HOME/untm" "$work/system/untm"
cp "$data/cedict_sample.u8" "$work/system/untm/cedict_ts.u8"
cp "$data/cedict_malformed.u8" "$XDG_DATA_HOME/untm/cedict_ts.u8"
XDG_DATA_DIRS="$work/system" expect_exit 1 align bad.jsonl
expect_contains "$work/err" "$XDG_DATA_HOME/untm/cedict_ts.u8: byte [0-9]*: line 4:"
[[ ! -e "$work/bad.jsonl" ]] || fail "output written despite the broken dictionary"
expect_exit 0 align off.jsonl --no-dictionary
expect_exit 64 align both.jsonl --no-dictionary --dictionary "$data/cedict_sample.u8"
expect_contains "$work/err" "\-\-dictionary and --no-dictionary"
rm -r "$XDG_DATA_HOME/untm"

# untm batch: the same notice, once, and none under -q.
mkdir -p "$work/batch"
cp "${doc[0]}" "$work/batch/doc-zh.txt"
cp "${doc[1]}" "$work/batch/doc-en.txt"
expect_exit 0 "$untm" batch "$work/batch" --presplit -o "$work/batch.tmx.zst" -j 1 --progress-interval 1000
[[ "$(grep -c "no dictionary found" "$work/err")" == 1 ]] || fail "batch: expected one notice: $(cat "$work/err")"
expect_exit 0 "$untm" batch "$work/batch" --presplit -o "$work/batch-q.tmx.zst" -j 1 -q
expect_lacks "$work/err" "no dictionary found"
echo "align dictionary: ok"
