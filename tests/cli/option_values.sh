#!/usr/bin/env bash
# Every numeric and enumerated option is checked when the command line is
# parsed (tools/untm/option_values.h): a bad value is a usage error (exit 64)
# that names the option, before any work, so no output appears. One row per
# case: expected exit, text the message must hold, the command.
source "$(dirname "$0")/lib/common.sh" "$@"

data="$source_dir/tests/data"
zh="$data/align/zh.txt" en="$data/align/en.txt"
out="$work/out.tsv" bundle="$work/out.tmx.zst"
align=("$untm" align --presplit "$zh" "$en" -o "$out")
batch=("$untm" batch "$data/batch" -o "$bundle" -q)

row() {  # CODE TEXT COMMAND...
  local code="$1" text="$2"
  shift 2
  expect_exit "$code" "$@"
  expect_contains "$work/err" "$text"
  [[ $code != 64 || ( ! -e "$out" && ! -e "$bundle" ) ]] || fail "'$*' wrote an output before refusing"
  rm -f "$out" "$bundle" "$bundle.untm-journal"
}

# align: EM, the length model, the anchor weights, the date, the threshold.
row 64 "--em-iterations: '-1' is not a whole number from 0 to 100" "${align[@]}" --em-iterations=-1
row 64 "--em-iterations: '4294967295'" "${align[@]}" --em-iterations 4294967295
row 64 "--em-iterations: '2.5'" "${align[@]}" --em-iterations 2.5
row 64 "--variance-inflation: '0' is not a number above 0" "${align[@]}" --variance-inflation 0
row 64 "--variance-inflation: 'nan'" "${align[@]}" --variance-inflation nan
row 64 "--variance-inflation: 'inf'" "${align[@]}" --variance-inflation inf
row 64 "--prior-smoothing: '-1'" "${align[@]}" --prior-smoothing=-1
row 64 "--number-match: '-2'" "${align[@]}" --number-match=-2
row 64 "--number-mismatch: '-0.5'" "${align[@]}" --number-mismatch=-0.5
row 64 "--name-match: '-1'" "${align[@]}" --name-match=-1
row 64 "--boundary-match: 'x'" "${align[@]}" --boundary-match x
row 64 "--boundary-mismatch: '-1'" "${align[@]}" --boundary-mismatch=-1
row 64 "--clause-excess: '1e400'" "${align[@]}" --clause-excess 1e400
row 64 "--lexical-weight: '-1'" "${align[@]}" --lexical-weight=-1
row 64 "--min-confidence" "${align[@]}" --min-confidence 2
row 64 "--date '20231301T000000Z' is not a TMX date" "${align[@]}" --date 20231301T000000Z
row 64 "--date '20230230T000000Z'" "${align[@]}" --date 20230230T000000Z
row 64 "--length-unit: 'words'" "${align[@]}" --length-unit words
row 64 "--decoding: 'best'" "${align[@]}" --decoding best
row 64 "--first-lang: unknown language 'fr'" "${align[@]}" --first-lang fr

# batch: threads, shards, the learning sample, the progress interval, the date.
row 64 "--jobs: '-1' is not a whole number from 1 to 1024" "${batch[@]}" --jobs=-1
row 64 "--jobs: '0'" "${batch[@]}" -j 0
row 64 "--jobs: '4294967296'" "${batch[@]}" -j 4294967296
row 64 "--shard: expected K/N" "${batch[@]}" --shard 1/18446744073709551616
row 64 "--shard: expected K/N" "${batch[@]}" --shard 0/3
row 64 "--learn-sample: '0' is not a whole number from 1" "${batch[@]}" --learn-sample 0
row 64 "--learn-sample: '-1'" "${batch[@]}" --learn-sample=-1
row 64 "--progress-interval: '0'" "${batch[@]}" --progress-interval 0
row 64 "--progress-interval: 'inf'" "${batch[@]}" --progress-interval inf
row 64 "--date '20231332T000000Z' is not a TMX date" "${batch[@]}" --date 20231332T000000Z
row 64 "--lexical-weight: '-3'" "${batch[@]}" --lexical-weight=-3
# The shard is checked before the list is read: a missing list is not reached.
row 64 "--shard: expected K/N" "$untm" batch "$work/missing" -o "$bundle" --shard 2/1

# bundle and split: enumerations and the merge level.
"$untm" align --presplit "$zh" "$en" -o "$work/one.tmx.zst" --date 20240229T120000Z ||
  fail "align with a leap-day date failed"
row 64 "--level: '0' is not a whole number from 1 to 22" "$untm" bundle merge "$work/one.tmx.zst" -o "$bundle" --level 0
row 64 "--level: '-5'" "$untm" bundle merge "$work/one.tmx.zst" -o "$bundle" --level=-5
row 64 "--keep 'both'" "$untm" bundle merge "$work/one.tmx.zst" -o "$bundle" --keep both
row 64 "--min-confidence" "$untm" bundle export "$work/one.tmx.zst" -f tsv -o "$out" --min-confidence=-0.5
row 64 "format 'xml': use tsv" "$untm" bundle export "$work/one.tmx.zst" -f xml -o "$out"
row 64 "unknown language" "$untm" split --lang fr "$en"
row 64 "--repeats: '0'" "$untm" bench split --repeats 0
row 64 "--megabytes: '-8'" "$untm" bench split --megabytes=-8
row 64 "--level: '99'" "$untm" bench bundle --level 99
row 64 "--nltk-timeout: '-1'" "$untm" bench align --nltk-timeout=-1
row 64 "--large: '0'" "$untm" bench batch --large 0

# Values at the ends of their ranges are taken.
expect_exit 0 "${align[@]}" --em-iterations 0 --variance-inflation 0.5 --number-match 0 --date 20000229T235959Z
[[ -s "$out" ]] || fail "align with values at the ends of their ranges wrote nothing"
expect_exit 0 "$untm" batch "$data/batch" -o "$bundle" -q -j 1 --shard 1/1 --learn-sample 1 --progress-interval 0.5
[[ -s "$bundle" ]] || fail "batch with values at the ends of their ranges wrote nothing"
