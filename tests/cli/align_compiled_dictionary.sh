#!/usr/bin/env bash
# A large dictionary is compiled once (issue 13): the first `untm align` reads
# CC-CEDICT's text and leaves its compiled image in
# $XDG_CACHE_HOME/untm/compiled; the next one reads the image and never opens
# the text (strace), with the same links. A damaged image is compiled again,
# an edited dictionary is read again, and a cache folder that cannot be made
# changes nothing but the time.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool strace "scripts/install-deps.sh --test"
# A home of its own: a run that fell back to ~/.cache would leave its images
# there, among the user's (each prunes all but the newest few).
export HOME="$work/home"
mkdir -p "$HOME"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"  # LeakSanitizer cannot run under strace
data="$source_dir/tests/data/lexicon"
doc=("$data/doc/zh.txt" "$data/doc/en.txt")
# The sample dictionary and enough made-up entries to pass 1 MB.
dictionary="$work/big.u8"
{ cat "$data/cedict_sample.u8"
  awk 'BEGIN { for (i = 0; i < 30000; i++) printf "詞%d 词%d [ci2] /filler word %d/made-up thing/\n", i, i, i }'
} >"$dictionary"
(( $(stat -c %s "$dictionary") > 1048576 )) || fail "the dictionary is too small to be compiled"
compiled="$XDG_CACHE_HOME/untm/compiled"
align() {  # OUTPUT [COMMAND PREFIX...]: jsonl, with the confidences the lexical term moves
  local output="$1"
  shift
  "$@" "$untm" align --presplit "${doc[@]}" -o "$work/$output" --no-learn --dictionary "$dictionary"
}

expect_exit 0 align first.jsonl
"$untm" align --presplit "${doc[@]}" -o "$work/plain.jsonl" --no-learn --no-dictionary
! cmp -s "$work/first.jsonl" "$work/plain.jsonl" || fail "the dictionary changes nothing: the test proves nothing"
images=("$compiled"/*.lexicon)
[[ ${#images[@]} == 1 && -f "${images[0]}" ]] || fail "expected one compiled image in $compiled: $(ls -la "$compiled" 2>&1)"
# A run from the text: an empty cache of its own (an empty XDG_CACHE_HOME
# means ~/.cache, whose images this test must not touch).
expect_exit 0 align none.jsonl env XDG_CACHE_HOME="$work/empty-cache"
[[ -n $(ls "$work/empty-cache/untm/compiled") ]] || fail "the run from the text compiled no image of its own"
cmp -s "$work/first.jsonl" "$work/none.jsonl" || fail "the compiled run aligns unlike one without a cache"

expect_exit 0 align second.jsonl strace -f -e trace=open,openat -o "$work/trace"
cmp -s "$work/first.jsonl" "$work/second.jsonl" || fail "the run from the image aligns differently"
grep -q '\.lexicon"' "$work/trace" || fail "the second run did not open the compiled image"
! grep -q 'big\.u8"' "$work/trace" || fail "the second run read the dictionary's text again"

# A damaged image: compiled again, same links, and the image whole again.
size=$(stat -c %s "${images[0]}")
truncate -s $((size / 2)) "${images[0]}"
expect_exit 0 align damaged.jsonl
cmp -s "$work/first.jsonl" "$work/damaged.jsonl" || fail "a damaged image changed the links"
[[ $(stat -c %s "${images[0]}") == "$size" ]] || fail "the damaged image was not compiled again"

# An edited dictionary (the sample's entries gone): read again, not the old image.
awk 'BEGIN { for (i = 0; i < 32000; i++) printf "詞%d 词%d [ci2] /filler word %d/made-up thing/\n", i, i, i }' >"$dictionary"
expect_exit 0 align edited.jsonl
! cmp -s "$work/first.jsonl" "$work/edited.jsonl" || fail "the edited dictionary aligned as the old one: its stale image was used"
expect_exit 0 align edited-none.jsonl env XDG_CACHE_HOME="$work/another-empty-cache"
cmp -s "$work/edited.jsonl" "$work/edited-none.jsonl" || fail "the edited dictionary aligns unlike its text"

# A cache folder that cannot be made (a file in the way): same links.
touch "$work/a-file"
expect_exit 0 align blocked.jsonl env XDG_CACHE_HOME="$work/a-file"
cmp -s "$work/edited.jsonl" "$work/blocked.jsonl" || fail "an unwritable cache folder changed the links"
[[ ! -s "$work/err" ]] || fail "an unwritable cache folder printed: $(cat "$work/err")"
[[ ! -e "$HOME/.cache/untm" ]] || fail "a run wrote into \$HOME/.cache/untm: $(ls -R "$HOME/.cache/untm")"
echo "ok: compiled once, read back without the text, damaged and edited images handled"
