#!/usr/bin/env bash
# untm bundle export for CAT and MT tools (issue #15): the format names and
# endings of `untm align` (tmx.gz, OUT.TSV), --tsv-header, --tmx-langs,
# null links left out of TMX unless --tmx-keep-null, outputs checked before the
# bundle is opened; --original-lang in bundle merge and batch.
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
cd "$work"
# A document with a null link: the second Chinese sentence has no counterpart
# under these priors (as in align_tmx_cat.sh).
printf '%s\n' '第一条：大会通过了第68/155号决议。' \
  '本报告中文本由秘书处根据各会员国于二〇一三年提交的资料编写，其中所载意见不一定代表联合国的立场，特此说明并请各方注意“参考文件”一节。' \
  '会议于2013年9月17日开幕，共有193个会员国出席。' '委员会审议了项目12。' > nulls.zh
printf '%s\n' 'Article 1: The General Assembly adopted resolution 68/155.' \
  'The meeting opened on 17 September 2013, with 193 Member States present.' \
  'The Committee considered item 12.' > nulls.en
expect_exit 0 "$untm" align --presplit nulls.zh nulls.en --no-learn --fixed-priors 1-1=0.6,1-0=0.2,0-1=0.2 \
  -o nulls.tmx.zst
expect_exit 0 "$untm" bundle merge all.tmx.zst nulls.tmx.zst -o mixed.tmx.zst
bundle="$work/mixed.tmx.zst"

# --tsv-header: one line naming the columns, then the pairs as without it.
expect_exit 0 "$untm" bundle export "$bundle" --format tsv -o plain.tsv
expect_exit 0 "$untm" bundle export "$bundle" --tsv-header -o headed.tsv
[[ $(head -1 headed.tsv) == $'zh\ten' ]] || fail "--tsv-header: first line '$(head -1 headed.tsv)', not zh<TAB>en"
tail -n +2 headed.tsv | cmp -s - plain.tsv || fail "--tsv-header changed the pairs under the header"
[[ $(head -1 plain.tsv) != $'zh\ten' ]] || fail "a header without --tsv-header"
# The format from -o's ending, in any case, as in `untm align`.
expect_exit 0 "$untm" bundle export "$bundle" -o UPPER.TSV
cmp -s UPPER.TSV plain.tsv || fail "-o UPPER.TSV is not the tsv export"

# Null links (one side empty), counted from the JSONL export.
expect_exit 0 "$untm" bundle export "$bundle" --format jsonl -o all.jsonl
nulls=$(/usr/bin/python3 -c '
import json, sys
print(sum(1 for line in open(sys.argv[1], encoding="utf-8") if not json.loads(line)["zh"] or not json.loads(line)["en"]))
' all.jsonl)
pairs=$(wc -l < plain.tsv)
expect_number "null links in the test bundle" "$nulls" ">=" 1
# TMX: left out by default, kept with --tmx-keep-null; TSV keeps them.
expect_exit 0 "$untm" bundle export "$bundle" --format tmx -o default.tmx
expect_number "units of default.tmx" "$(grep -c '<tu ' default.tmx)" == "$((pairs - nulls))"
expect_exit 0 "$untm" bundle export "$bundle" --format tmx --tmx-keep-null -o kept.tmx
expect_number "units of kept.tmx" "$(grep -c '<tu ' kept.tmx)" == "$pairs"

# .tmx.gz: the same TMX, gzip-compressed; --tmx-langs tags every side and srclang.
expect_exit 0 "$untm" bundle export "$bundle" -o all.TMX.GZ
gzip -dc all.TMX.GZ | cmp -s - default.tmx || fail "all.TMX.GZ is not default.tmx gzip-compressed"
expect_exit 0 "$untm" bundle export "$bundle" --format tmx.gz --tmx-langs zh-CN,en-US -o tags.tmx.gz
gzip -dc tags.tmx.gz > tags.tmx
expect_contains tags.tmx 'srclang="en-US"'
expect_number "zh-CN sides" "$(grep -c 'xml:lang="zh-CN"' tags.tmx)" == "$((pairs - nulls))"
expect_lacks tags.tmx 'xml:lang="zh"'
xmllint --noout --dtdvalid "$bundle_data/tmx14-subset.dtd" tags.tmx || fail "the tagged export is not valid TMX"
expect_exit 64 "$untm" bundle export "$bundle" --format tmx --tmx-langs fr,de -o bad.tmx
expect_contains "$work/err" "srclang 'en' is not the language of either side"
expect_exit 64 "$untm" bundle export "$bundle" --format tmx --tmx-langs zh_CN,en -o bad.tmx

# Bad formats are usage errors, before any output.
expect_exit 64 "$untm" bundle export "$bundle" --format tmx.zst -o copy.tmx.zst
expect_contains "$work/err" "bundle merge"
expect_exit 64 "$untm" bundle export "$bundle" --format docx -o bad.docx
expect_exit 64 "$untm" bundle export "$bundle"
expect_contains "$work/err" "give --format"
[[ ! -e bad.tmx && ! -e copy.tmx.zst && ! -e bad.docx ]] || fail "a refused export wrote a file"

# Outputs are checked before the bundle is read: a file that is no bundle
# still gives the output's error, not the input's.
printf 'not a bundle\n' > garbage.tmx.zst
expect_exit 74 "$untm" bundle export garbage.tmx.zst --format tsv -o missing-folder/out.tsv
expect_exit 64 "$untm" bundle export garbage.tmx.zst --format tsv -o garbage.tmx.zst
[[ $(cat garbage.tmx.zst) == "not a bundle" ]] || fail "export overwrote its input bundle"
expect_exit 1 "$untm" bundle export garbage.tmx.zst --format tsv -o out.tsv

# merge --original-lang: the bundles were made with srclang en.
expect_exit 0 "$untm" bundle merge a.tmx.zst b.tmx.zst --original-lang en -o merged.tmx.zst
expect_exit 1 "$untm" bundle merge a.tmx.zst b.tmx.zst --original-lang zh -o refused.tmx.zst
expect_contains "$work/err" "written with srclang 'en', not --original-lang 'zh'"
expect_exit 64 "$untm" bundle merge a.tmx.zst b.tmx.zst --original-lang fr -o refused.tmx.zst
expect_contains "$work/err" "original-lang 'fr' is not the language of either side"
[[ ! -e refused.tmx.zst ]] || fail "a refused merge wrote its output"

# batch --original-lang: one side's language, or a usage error.
printf 'one\t%s\t%s\n' "$bundle_data/reply-a.zh" "$bundle_data/reply-a.en" > list.tsv
expect_exit 64 "$untm" batch list.tsv --presplit --no-learn -q --original-lang fr -o fr.tmx.zst
expect_contains "$work/err" "original-lang 'fr' is not the language of either side (zh or en)"
expect_exit 0 "$untm" batch list.tsv --presplit --no-learn -q --original-lang ZH -o zh.tmx.zst
"$untm" bundle cat zh.tmx.zst > zh.tmx
expect_contains zh.tmx 'srclang="zh"'
