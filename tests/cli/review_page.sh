#!/usr/bin/env bash
# untm align --report: the review page in a real browser (headless Chromium
# over the DevTools protocol, tests/cli/lib/review_page.mjs). It loads
# offline, draws one plot segment per link, a click on a segment selects its
# link, one edit (split the 1-2 link) and "Save corrections" give the
# expected links file, and --from-links turns that file into manual pairs.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool chromium "scripts/install-deps.sh --test"
need_tool node "scripts/install-deps.sh --test"
data="$source_dir/tests/data/align"
pair=("$data/zh.txt" "$data/en.txt")
driver="$source_dir/tests/cli/lib/review_page.mjs"
expect_exit 0 "$untm" align --presplit "${pair[@]}" --id reply --report "$work/page.html"
# Self-contained: nothing fetched from anywhere, the data in the page.
expect_lacks "$work/page.html" 'src="\|href="http\|url(\|@import'
expect_contains "$work/page.html" 'resolution 74/1'

mkdir "$work/saved"
# The aligner's links are [0]:[0] [1]:[1,2] [2]:[3] (align_presplit_links.sh):
# click plot segment 2, then row 1 (the 1-2 link), press s to split it.
node "$driver" "$work/page.html" "$work/saved" --segment 2 --row 1 --keys s --save > "$work/report.json" ||
  fail "the browser run failed"
python3 - "$work/report.json" <<'PY' || fail "page checks: $(cat "$work/report.json")"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["links"] == 3 and report["rows"] == 3, report
assert report["segments"] == 3, "one plot segment per link"
assert report["selectedAfterSegment"] == 2, "a click on segment 2 selects link 2"
assert report["saved"] == ["reply.align"], report
PY
saved="$work/saved/reply.align"
expect_contains "$saved" '^# untm review corrections: .*zh.txt .*en.txt$'
diff <(grep -v '^#' "$saved") - <<'LINKS' || fail "saved corrections differ from the expected links"
[0]:[0]
[1]:[1]  # edited
[]:[2]  # edited
[2]:[3]
LINKS
# The loop closes: the saved file goes back in, the edited links are manual
# (the null link too, kept in the TMX for the count).
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$saved" -o "$work/fixed.tmx" --tmx-keep-null
[[ "$(grep -c '<prop type="x-origin">manual' "$work/fixed.tmx")" -eq 2 ]] || fail "expected 2 manual units"
[[ "$(grep -c '<prop type="x-origin">auto' "$work/fixed.tmx")" -eq 2 ]] || fail "expected 2 auto units"

# Sentences that look like markup or hold U+2028/U+2029 stay text in the
# page's data: a raw "</script>" or "<!--" there would end or swallow the
# script, and the page would show no rows.
printf '大会通过了决议</script><script>x</script>。\n秘书长提交了报告<!--<script>。\n' > "$work/markup.zh"
printf 'The Assembly adopted\u2028a resolution.\nThe Secretary-General <!-- reported\u2029today.\n' > "$work/markup.en"
expect_exit 0 "$untm" align --presplit "$work/markup.zh" "$work/markup.en" --report "$work/markup.html"
mkdir "$work/markup"
node "$driver" "$work/markup.html" "$work/markup" > "$work/markup.json" || fail "the markup page did not load"
python3 - "$work/markup.json" <<'PY' || fail "markup page: $(cat "$work/markup.json")"
import json, sys
report = json.load(open(sys.argv[1]))
assert report["links"] == report["rows"] == report["segments"] >= 2, report
PY

# Load time and size on the largest gold document (printed, not asserted:
# the machine's load decides the time).
if have_shared gold/mac-dev/zh/005 "the page on the largest gold document"; then
  expect_exit 0 "$untm" align --presplit "$shared/gold/mac-dev/zh/005" "$shared/gold/mac-dev/en/005" \
    --report "$work/gold.html"
  mkdir "$work/gold"
  node "$driver" "$work/gold.html" "$work/gold" > "$work/gold.json" || fail "the gold page did not load"
  echo "mac-dev 005: $(wc -c < "$work/gold.html") bytes, $(cat "$work/gold.json")"
fi
echo "review page: ok"
