#!/usr/bin/env bash
# TMX for CAT tools (issue #15): --tmx-langs BCP 47 tags in xml:lang and
# srclang alike, srclang checked against the <tuv> languages, .tmx.gz (and
# upper-case endings), null links left out of a .tmx unless --tmx-keep-null,
# and --format writing any format to standard output.
source "$(dirname "$0")/lib/common.sh" "$@"

# Four Chinese sentences, three English: the second Chinese one has no
# counterpart, and these priors make it a null link ([1]:[]).
printf '%s\n' '第一条：大会通过了第68/155号决议。' \
  '本报告中文本由秘书处根据各会员国于二〇一三年提交的资料编写，其中所载意见不一定代表联合国的立场，特此说明并请各方注意“参考文件”一节。' \
  '会议于2013年9月17日开幕，共有193个会员国出席。' '委员会审议了项目12。' > "$work/zh.txt"
printf '%s\n' 'Article 1: The General Assembly adopted resolution 68/155.' \
  'The meeting opened on 17 September 2013, with 193 Member States present.' \
  'The Committee considered item 12.' > "$work/en.txt"
align=("$untm" align --presplit "$work/zh.txt" "$work/en.txt" --no-learn --date 20130830T120000Z
       --fixed-priors 1-1=0.6,1-0=0.2,0-1=0.2)

# Languages: tags written as given, srclang the English side's tag.
expect_exit 0 "${align[@]}" --tmx-langs zh-CN,en-US -o "$work/tags.tmx"
expect_contains "$work/tags.tmx" 'srclang="en-US"'
expect_number "zh-CN tuvs" "$(grep -c 'xml:lang="zh-CN"' "$work/tags.tmx")" == 3
expect_number "en-US tuvs" "$(grep -c 'xml:lang="en-US"' "$work/tags.tmx")" == 3
expect_lacks "$work/tags.tmx" 'xml:lang="zh"\|xml:lang="en"'
# Files given English first with no languages stated: the order is found from
# the texts, and each tag still goes to its own language, not its position.
expect_exit 0 "$untm" align --presplit "$work/en.txt" "$work/zh.txt" --no-learn --tmx-langs zh-CN,en-US \
  -o "$work/swapped.tmx"
expect_contains "$work/swapped.tmx" '<tuv xml:lang="zh-CN"><prop type="x-source">0-48</prop><prop type="x-sentences">0-0</prop><seg>第一条'
expect_contains "$work/swapped.tmx" '<tuv xml:lang="en-US"><prop type="x-source">0-58</prop><prop type="x-sentences">0-0</prop><seg>Article 1'
expect_exit 0 "${align[@]}" --tmx-langs zh-Hans,en --original-lang zh -o "$work/hans.tmx"
expect_contains "$work/hans.tmx" 'srclang="zh-Hans"'
expect_exit 64 "${align[@]}" --tmx-langs zh_CN,en -o "$work/bad.tmx"
expect_contains "$work/err" "'zh_CN' is not a BCP 47 language tag"
expect_exit 64 "${align[@]}" --tmx-langs zh-CN -o "$work/bad.tmx"
expect_exit 64 "${align[@]}" --original-lang fr -o "$work/bad.tmx"
expect_contains "$work/err" "original-lang 'fr' is not the language of either side"
[[ ! -e $work/bad.tmx ]] || fail "a refused command wrote bad.tmx"

# Null links: three units of two <tuv> by default, the fourth kept on request.
expect_number "units" "$(grep -c '<tu ' "$work/tags.tmx")" == 3
expect_exit 0 "${align[@]}" --tmx-keep-null -o "$work/null.tmx"
expect_number "units with --tmx-keep-null" "$(grep -c '<tu ' "$work/null.tmx")" == 4
expect_number "tuvs with --tmx-keep-null" "$(grep -c '<tuv ' "$work/null.tmx")" == 7

# .tmx.gz: a gzip stream of the same TMX; endings in any case.
expect_exit 0 "${align[@]}" -o "$work/plain.tmx"
expect_exit 0 "${align[@]}" -o "$work/packed.tmx.gz"
gzip -t "$work/packed.tmx.gz" || fail "packed.tmx.gz is not a gzip file"
cmp <(gzip -dc "$work/packed.tmx.gz") "$work/plain.tmx" || fail "packed.tmx.gz is not plain.tmx compressed"
expect_exit 0 "${align[@]}" -o "$work/UPPER.TMX"
cmp "$work/UPPER.TMX" "$work/plain.tmx" || fail "UPPER.TMX differs from plain.tmx"
expect_exit 0 "${align[@]}" -o "$work/UPPER.MOSES"
[[ -f $work/UPPER.zh && -f $work/UPPER.en && ! -e $work/UPPER.MOSES.zh ]] || fail "UPPER.MOSES is not the pair UPPER.zh, UPPER.en"

# --format: standard output without -o, and whatever -o's ending.
expect_exit 0 "${align[@]}" --format jsonl
expect_number "JSONL lines on stdout" "$(grep -c '^{' "$work/out")" == 4
expect_exit 0 "${align[@]}" --format tmx
cmp "$work/out" "$work/plain.tmx" || fail "--format tmx on stdout differs from plain.tmx"
expect_exit 0 "${align[@]}" --format tmx.gz -o "$work/packed.bin"
cmp <(gzip -dc "$work/packed.bin") "$work/plain.tmx" || fail "--format tmx.gz -o packed.bin"
expect_exit 64 "${align[@]}" --format moses
expect_exit 64 "${align[@]}" --format xml
expect_contains "$work/err" "format 'xml'"

# One name per language option; the old spellings still work for one
# release, with a warning, and give the same output.
expect_exit 0 "${align[@]}" --first-lang zh --second-lang en --original-lang en -o "$work/new-names.tmx"
expect_lacks "$work/err" 'deprecated'
cmp "$work/new-names.tmx" "$work/plain.tmx" || fail "--first-lang/--second-lang/--original-lang changed the TMX"
expect_exit 0 "${align[@]}" --src-lang zh --tgt-lang en --srclang en -o "$work/old-names.tmx"
expect_contains "$work/err" '--srclang is deprecated.*use --original-lang'
expect_contains "$work/err" '--src-lang is deprecated.*use --first-lang'
expect_contains "$work/err" '--tgt-lang is deprecated.*use --second-lang'
cmp "$work/old-names.tmx" "$work/plain.tmx" || fail "the deprecated spellings changed the TMX"
expect_exit 64 "${align[@]}" --srclang en --original-lang en -o "$work/both.tmx"
expect_contains "$work/err" 'same option'

# --tsv-header: a first line naming the columns by the sides' languages.
expect_exit 0 "${align[@]}" --format tsv --tsv-header
[[ $(head -1 "$work/out") == $'zh\ten' ]] || fail "--tsv-header: first line $(head -1 "$work/out")"
expect_number "TSV lines under the header" "$(wc -l < "$work/out")" == 5
expect_exit 0 "$untm" align --presplit "$work/en.txt" "$work/zh.txt" --first-lang en --second-lang zh --no-learn \
  --tsv-header -o "$work/en-zh.tsv"
[[ $(head -1 "$work/en-zh.tsv") == $'en\tzh' ]] || fail "--tsv-header of an en-zh pair: $(head -1 "$work/en-zh.tsv")"
expect_exit 0 "${align[@]}" --format tsv
[[ $(head -1 "$work/out") != $'zh\ten' ]] || fail "a TSV header without --tsv-header"
