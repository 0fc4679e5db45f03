#!/usr/bin/env bash
# The pair filters of `untm align` and `untm bundle export` (--min-confidence,
# --link-types, --drop-null, --max-length-ratio, --dedup): the exact pairs each
# keeps on a hand-made pair, the same through both commands; the filters named
# in the output's metadata; bad values refused before any work; bundle stats
# --json; batch --decoding.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/filters"
date=20000101T000000Z

# tests/data/filters/pair.{zh,en} aligns (by hand, and as untm --no-learn
# does) into seven pairs, here by their English side:
#   P0 1-1 Resolution 68/155 ...     27 / 50 code points, ratio 1.85
#   P1 1-1 The Committee held ...     18 / 39, ratio 2.17
#   P2 1-2 The Secretary-General ... It covers 2012 and 2013.  25 / 66, ratio 2.64
#   P3 1-1 Thank you, Mr. President.  5 / 25, ratio 5
#   P4 1-1 Thank you, Mr. President.  (the same pair again)
#   P5 0-1 Annex                      (null link: no ratio)
#   P6 1-1 The meeting rose at 6 p.m. 10 / 26, ratio 2.6
P0='Resolution 68/155 was adopted on 18 December 2013.'
P1='The Committee held 12 meetings in 2014.'
P2='The Secretary-General submitted a report. It covers 2012 and 2013.'
P3='Thank you, Mr. President.'
P5='Annex'
P6='The meeting rose at 6 p.m.'

align=("$untm" align "$data/pair.zh" "$data/pair.en" --presplit --no-learn --date "$date")
"${align[@]}" -o "$work/all.tmx.zst"

second_sides() {  # TSV: the English sides, one "|" between pairs
  cut -f2 "$1" | paste -sd'|' -
}

# The same filter through align and through export of the unfiltered bundle.
expect_kept() {  # WHAT EXPECTED_SECOND_SIDES FILTER_OPTION...
  local what="$1" expected="$2"
  shift 2
  "${align[@]}" -o "$work/filtered.tsv" "$@" 2>"$work/align.err" || fail "align $what failed"
  [[ "$(second_sides "$work/filtered.tsv")" == "$expected" ]] ||
    fail "align $what kept: $(second_sides "$work/filtered.tsv"); expected: $expected"
  "$untm" bundle export "$work/all.tmx.zst" --format tsv -o "$work/exported.tsv" "$@" 2>/dev/null ||
    fail "export $what failed"
  [[ "$(second_sides "$work/exported.tsv")" == "$expected" ]] ||
    fail "export $what kept: $(second_sides "$work/exported.tsv"); expected: $expected"
}

expect_kept "no filter" "$P0|$P1|$P2|$P3|$P3|$P5|$P6"
expect_kept "--link-types 1-1" "$P0|$P1|$P3|$P3|$P6" --link-types 1-1
expect_kept "--link-types 1-2,0-1" "$P2|$P5" --link-types 1-2,0-1
expect_kept "--drop-null" "$P0|$P1|$P2|$P3|$P3|$P6" --drop-null
expect_kept "--max-length-ratio 4" "$P0|$P1|$P2|$P5|$P6" --max-length-ratio 4
expect_kept "--max-length-ratio 2.2" "$P0|$P1|$P5" --max-length-ratio 2.2
expect_kept "--dedup" "$P0|$P1|$P2|$P3|$P5|$P6" --dedup
expect_kept "several filters" "$P0|$P1|$P3|$P6" --link-types 1-1 --dedup --drop-null
# The model's own judgement: only the three links anchored by numbers on
# both sides are above 0.9 (the others, thanks, Annex and the 1-2 link, are
# below 0.9).
expect_kept "--min-confidence 0.9" "$P0|$P1|$P6" --min-confidence 0.9
expect_contains "$work/align.err" 'kept 3 of 7 pairs (min-confidence=0.9)'

# Metadata: TMX headers name the filters; JSONL stays one pair per line.
"${align[@]}" -o "$work/plain.tmx"
expect_lacks "$work/plain.tmx" 'x-filters'
"${align[@]}" -o "$work/filtered.tmx" --drop-null --dedup 2>/dev/null
expect_contains "$work/filtered.tmx" '<prop type="x-filters">drop-null dedup</prop>'
[[ $(grep -c '<tu ' "$work/filtered.tmx") == 5 ]] || fail "filtered TMX does not hold 5 units"
"${align[@]}" -o "$work/confident.tmx.zst" --min-confidence 0.9 2>/dev/null
"$untm" bundle stats "$work/confident.tmx.zst" > "$work/stats.txt"
expect_contains "$work/stats.txt" $'^filters\tmin-confidence=0.9$'
"$untm" bundle export "$work/confident.tmx.zst" --format tmx -o "$work/again.tmx" --drop-null 2>/dev/null
expect_contains "$work/again.tmx" '<prop type="x-filters">min-confidence=0.9 drop-null</prop>'
"${align[@]}" -o "$work/pairs.jsonl" --dedup 2>"$work/err"
[[ $(wc -l < "$work/pairs.jsonl") == 6 ]] || fail "JSONL is not one line per kept pair"
expect_contains "$work/err" 'kept 6 of 7 pairs (dedup)'

# Bad values: usage errors (64) before any work, so no output appears.
for bad in "--min-confidence 1.5" "--min-confidence -0.1" "--link-types 1-x" "--link-types ," \
           "--max-length-ratio 0.5" "--max-length-ratio -1"; do
  # shellcheck disable=SC2086  # $bad is an option and its value
  expect_exit 64 "${align[@]}" -o "$work/never.tsv" $bad
  [[ ! -e "$work/never.tsv" ]] || fail "align $bad wrote its output"
  # shellcheck disable=SC2086
  expect_exit 64 "$untm" bundle export "$work/all.tmx.zst" --format tsv -o "$work/never.tsv" $bad
  [[ ! -e "$work/never.tsv" ]] || fail "export $bad wrote its output"
done

# A bundle of two documents, the same pair twice: stats per document and in
# total; --dedup works across the documents of one export.
mkdir "$work/folder"
for id in a b; do cp "$data/pair.zh" "$work/folder/$id.zh" && cp "$data/pair.en" "$work/folder/$id.en"; done
"$untm" batch "$work/folder" --presplit --no-learn -o "$work/two.tmx.zst" --date "$date" -q -j 1
"$untm" bundle export "$work/two.tmx.zst" --format tsv -o "$work/two.tsv" --dedup 2>/dev/null
[[ "$(second_sides "$work/two.tsv")" == "$P0|$P1|$P2|$P3|$P5|$P6" ]] ||
  fail "--dedup across documents kept: $(second_sides "$work/two.tsv")"
"$untm" bundle stats "$work/two.tmx.zst" --json > "$work/stats.json"
/usr/bin/python3 - "$work/stats.json" <<'EOF' || fail "bundle stats --json: $(cat "$work/stats.json")"
import json, sys
stats = json.load(open(sys.argv[1], encoding="utf-8"))
one = {"1-1": 5, "1-2": 1, "0-1": 1}
assert [d["id"] for d in stats["documents"]] == ["a", "b"], stats["documents"]
for document in stats["documents"]:
    assert document["units"] == 7 and document["link_types"] == one, document
    assert sum(document["confidence"].values()) == 7, document
    assert len(document["confidence"]) == 10 and "0.9-1.0" in document["confidence"], document
total = stats["total"]
assert total["units"] == 14 and total["link_types"] == {"1-1": 10, "1-2": 2, "0-1": 2}, total
for band, count in total["confidence"].items():
    assert count == 2 * stats["documents"][0]["confidence"][band], band
assert stats["filters"] == "" and stats["srclang"] == "en", stats
EOF

# batch --decoding, as align's: the same refusal, and the same links.
expect_exit 64 "$untm" batch "$work/folder" --presplit -o "$work/never.tmx.zst" --decoding greedy
[[ ! -e "$work/never.tmx.zst" ]] || fail "batch --decoding greedy wrote a bundle"
expect_exit 64 "${align[@]}" -o "$work/never.tsv" --decoding greedy
if have_shared gold/pol-dev/zh/003 "batch --decoding on a document where the decodings differ"; then
  mkdir -p "$work/gold/zh" "$work/gold/en"
  cp "$shared/gold/pol-dev/zh/003" "$work/gold/zh/003" && cp "$shared/gold/pol-dev/en/003" "$work/gold/en/003"
  for decoding in posterior viterbi; do
    "$untm" batch "$work/gold" --presplit --no-learn -o "$work/$decoding.tmx.zst" --date "$date" -q -j 1 \
      --decoding "$decoding" --links-dir "$work/$decoding-links"
    "$untm" align "$work/gold/zh/003" "$work/gold/en/003" --presplit --no-learn --decoding "$decoding" \
      --links "$work/$decoding.align"
    cmp -s "$work/$decoding-links/003.align" "$work/$decoding.align" || fail "batch and align --decoding $decoding differ"
  done
  # Posterior decoding makes more, smaller links than the least-cost path here.
  [[ $(wc -l < "$work/posterior.align") -gt $(wc -l < "$work/viterbi.align") ]] ||
    fail "batch --decoding viterbi made the posterior decoding's links"
fi
echo "filters: ok"
