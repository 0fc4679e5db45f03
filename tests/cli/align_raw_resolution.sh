#!/usr/bin/env bash
# untm align on raw documents (issue 3): the GA resolution's operative
# paragraphs 1-19 (../shared/corpora/un/ga-ldc-resolution-paras; zh is
# PDF-extracted, broken mid-sentence, with footnote digits). Every pair that
# starts Chinese paragraph N. must start English paragraph N., for all 19;
# and each side's output, concatenated, is its cleaned text (what untm split
# prints) up to white space: nothing lost, duplicated or reordered.
source "$(dirname "$0")/lib/common.sh" "$@"
need_shared corpora/un/ga-ldc-resolution-paras/zh.txt corpora/un/ga-ldc-resolution-paras/en.txt
corpus="$shared/corpora/un/ga-ldc-resolution-paras"
expect_exit 0 "$untm" align "$corpus/zh.txt" "$corpus/en.txt" -o "$work/x.tsv"
[[ -s "$work/x.tsv" ]] || fail "untm align wrote no pairs"
paired=0
while IFS=$'\t' read -r zh en; do
  if [[ "$zh" =~ ^([0-9]+)\. ]]; then
    number="${BASH_REMATCH[1]}"
    [[ "$en" =~ ^$number\. ]] || fail "paragraph $number paired with: ${en:0:60}"
    paired=$((paired + 1))
  fi
done < "$work/x.tsv"
expect_number "numbered paragraphs paired" "$paired" == 19
squeeze() { tr -d ' \t\n\r\f\v' ; }
cut -f1 "$work/x.tsv" | squeeze > "$work/zh.aligned"
cut -f2 "$work/x.tsv" | squeeze > "$work/en.aligned"
for side in zh en; do
  expect_exit 0 "$untm" split --lang "$side" "$corpus/$side.txt"
  squeeze < "$work/out" > "$work/$side.cleaned"
  [[ -s "$work/$side.cleaned" ]] || fail "untm split --lang $side printed nothing"
  cmp "$work/$side.aligned" "$work/$side.cleaned" || fail "the $side side of the pairs is not its cleaned text"
done
echo "align raw resolution: ok"
