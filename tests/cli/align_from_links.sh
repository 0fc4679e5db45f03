#!/usr/bin/env bash
# untm align --from-links: the pairs of given links (a review page's
# corrections) without aligning, marked manual where a person checked or
# edited them, in every format; links that do not fit are refused by line.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/align"
pair=("$data/zh.txt" "$data/en.txt")
# A corrections file as the review page saves it: the aligner's 1-2 split
# into 1-1 and 0-1 (edited), the first link checked, the last one untouched.
cat > "$work/fix.align" <<'LINKS'
# untm review corrections: zh.txt en.txt
[0]:[0]  # checked
[1]:[1]  # edited
[]:[2]  # edited
[2]:[3]
LINKS
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/fix.align" -o "$work/fix.tsv"
diff "$work/fix.tsv" - <<'TSV' || fail "tsv pairs are not those of the links"
第一条。	First article.
联合国大会于2019年通过了第74/1号决议，并请秘书长提交报告；报告应当包括各会员国的意见。	In 2019 the General Assembly adopted resolution 74/1.
	It requested the Secretary-General to submit a report, which should include the views of Member States.
他问：“会议何时开始？”	"When does the meeting begin?" he asked.
TSV
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/fix.align" -o "$work/fix.tmx" --tmx-keep-null --date 20260101T000000Z
[[ "$(grep -o '<prop type="x-origin">[a-z]*' "$work/fix.tmx" | sed 's/.*>//' | tr '\n' ' ')" == "manual manual manual auto " ]] ||
  fail "TMX x-origin marks: $(grep -o 'x-origin">[a-z]*' "$work/fix.tmx")"
expect_contains "$work/fix.tmx" '<prop type="x-link">0-1</prop>'
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/fix.align" -o "$work/fix.jsonl"
[[ "$(grep -c '"origin":"manual"' "$work/fix.jsonl")" -eq 3 && "$(grep -c '"origin":"auto"' "$work/fix.jsonl")" -eq 1 ]] ||
  fail "JSONL origins: $(cat "$work/fix.jsonl")"
# A bundle keeps the marks, and bundle stats counts them.
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/fix.align" -o "$work/fix.tmx.zst"
expect_exit 0 "$untm" bundle stats "$work/fix.tmx.zst"
expect_contains "$work/out" $'^manual units\t3$'
expect_contains "$work/out" $'^units\t4$'
# An aligned run marks everything auto; its links written back are the same links.
expect_exit 0 "$untm" align --presplit "${pair[@]}" -o "$work/auto.tmx.zst" --links "$work/auto.align"
expect_exit 0 "$untm" bundle stats "$work/auto.tmx.zst"
expect_contains "$work/out" $'^manual units\t0$'
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/auto.align" --links "$work/again.align"
diff "$work/auto.align" "$work/again.align" || fail "--from-links then --links changed the links"

# Links that do not fit the documents: refused, naming the file and line.
refused() {  # LINKS MESSAGE
  printf "$1" > "$work/bad.align"
  expect_exit 1 "$untm" align --presplit "${pair[@]}" --from-links "$work/bad.align" -o "$work/bad.tsv"
  expect_contains "$work/err" "bad.align"
  expect_contains "$work/err" "$2"
  [[ ! -e "$work/bad.tsv" ]] || fail "an output was written from bad links"
}
refused '[0]:[0]\n[1,2,3]:[1]\n' 'line 2: .*out of range: the first document has 3 sentences'
refused '[0]:[0]\n\n[1]:[4]\n' 'line 3: .*out of range: the second document has 4 sentences'
refused '[0,1]:[0]\n[1]:[1]\n' 'line 2: .*overlaps or comes before'
refused '[1]:[1]\n[0]:[0]\n' 'line 2: .*overlaps or comes before'
refused '[0]:[0]\n[1]:[1\n' 'line 2: not a link'
# The links file is an input: an output that would overwrite it is refused.
expect_exit 64 "$untm" align --presplit "${pair[@]}" --from-links "$work/fix.align" --links "$work/fix.align"
expect_contains "$work/err" "--from-links"
expect_contains "$work/fix.align" '# checked'
echo "align from links: ok"
