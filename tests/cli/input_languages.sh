#!/usr/bin/env bash
# Each side's letters are checked against its language (lib/text/script.h,
# lib/pipeline/pair_languages.h): a contradiction is refused naming the file
# and what was found; without --first-lang/--second-lang a pair given English first
# is aligned that way round; an empty side or lengths that no translation has
# get a warning (exit 0). In a batch a contradicted document fails alone.
source "$(dirname "$0")/lib/common.sh" "$@"
zh="$source_dir/corpora/demo/reply-zh.txt" en="$source_dir/corpora/demo/reply-en.txt"
data="$source_dir/tests/data"

# Refused, with the languages stated (the defaults count only when not given).
expect_exit 1 "$untm" align "$en" "$zh" --first-lang zh --second-lang en -o "$work/out.tmx"
expect_contains "$work/err" "reply-en.txt: given as Chinese but [0-9]*% of its letters are Latin"
expect_exit 1 "$untm" align "$zh" "$zh" -o "$work/out.tmx"
expect_contains "$work/err" "reply-zh.txt: given as English but [0-9]*% of its letters are Chinese (Han)"
expect_exit 1 "$untm" align "$en" "$en" -o "$work/out.tmx"
expect_contains "$work/err" "reply-en.txt: given as Chinese but"
[[ ! -e "$work/out.tmx" ]] || fail "a refused pair wrote an output"

# Stated the other way round and true: aligned, no complaint.
expect_exit 0 "$untm" align "$en" "$zh" --first-lang en --second-lang zh -o "$work/stated.tsv"
expect_lacks "$work/err" "warning"

# Not stated: detected, said on stderr, and the TMX labels each side right.
expect_exit 0 "$untm" align "$en" "$zh" -o "$work/detected.tmx" --date 20260101T000000Z
expect_contains "$work/err" "warning: .*reply-en.txt is en and .*reply-zh.txt is zh: aligned in that order"
python3 - "$work/detected.tmx" <<'PY' || fail "the detected TMX labels a side wrongly"
import re, sys
tuvs = re.findall(r'<tuv xml:lang="(\w+)">.*?<seg>([^<]*)</seg>', open(sys.argv[1], encoding="utf-8").read())
assert len(tuvs) > 10, len(tuvs)
han = lambda text: any("\u4e00" <= c <= "\u9fff" for c in text)
wrong = [(lang, seg) for lang, seg in tuvs if (lang == "en") == han(seg)]
assert not wrong, wrong[:3]
PY

# Chinese text quoting English names, numbers and symbols is Chinese.
printf '%s\n' "联合国开发计划署（UNDP）与 World Health Organization 于 2013 年在 New York 发表 A/68/101 号报告。" \
  > "$work/names-zh.txt"
printf '%s\n' "The UNDP and the World Health Organization issued report A/68/101 in New York in 2013." \
  > "$work/names-en.txt"
expect_exit 0 "$untm" align "$work/names-zh.txt" "$work/names-en.txt" -o "$work/names.tsv"
expect_lacks "$work/err" "warning"

# Warnings: an empty side; an English side ten times too long.
: > "$work/empty-en.txt"
expect_exit 0 "$untm" align "$zh" "$work/empty-en.txt" -o "$work/empty.tsv"
expect_contains "$work/err" "warning: .*empty-en.txt: no text, nothing to align"
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$en"; done > "$work/long-en.txt"
expect_exit 0 "$untm" align "$zh" "$work/long-en.txt" -o "$work/long.tsv"
expect_contains "$work/err" "warning: .*long-en.txt is [0-9.]* times as long as a translation of .*reply-zh.txt"
expect_exit 0 "$untm" align "$zh" "$en" -o "$work/demo.tsv"
expect_lacks "$work/err" "warning"

# Batch: the swapped document fails alone, its reason in the report.
cp "$data/batch"/*.txt "$work/"
printf 'SWAPPED/1\t%s\t%s\nA/68/101\t%s\t%s\n' "$en" "$zh" "$work/A_68_101-ZH.txt" "$work/A_68_101-EN.txt" \
  > "$work/list.tsv"
expect_exit 3 "$untm" batch "$work/list.tsv" -o "$work/b.tmx.zst" -q -j 1 --report "$work/report.jsonl"
expect_contains "$work/report.jsonl" '"id":"SWAPPED/1".*"status":"failed".*given as Chinese but [0-9]*% of its letters are Latin'
expect_contains "$work/report.jsonl" '"id":"A/68/101".*"status":"aligned"'
