#!/usr/bin/env bash
# untm align on raw documents (issue 3): the GA resolution's operative
# paragraphs 1-19 (../shared/corpora/un/ga-ldc-resolution-paras; zh is
# PDF-extracted, broken mid-sentence, with footnote digits). Every pair that
# starts Chinese paragraph N. must start English paragraph N., for all 19;
# and each side's output, concatenated, is its cleaned text (what untm split
# prints) up to white space: nothing lost, duplicated or reordered.
set -euo pipefail
untm="$1"
corpus="${UNTM_SHARED_DIR:-}/corpora/un/ga-ldc-resolution-paras"
if [[ ! -f "$corpus/zh.txt" ]]; then
  echo "skip: $corpus not found"
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$untm" align "$corpus/zh.txt" "$corpus/en.txt" -o "$work/x.tsv"
paired=0
while IFS=$'\t' read -r zh en; do
  if [[ "$zh" =~ ^([0-9]+)\. ]]; then
    number="${BASH_REMATCH[1]}"
    if [[ ! "$en" =~ ^$number\. ]]; then
      echo "paragraph $number paired with: ${en:0:60}"
      exit 1
    fi
    paired=$((paired + 1))
  fi
done < "$work/x.tsv"
echo "numbered paragraphs paired: $paired"
[[ $paired -eq 19 ]]
squeeze() { tr -d ' \t\n\r\f\v' ; }
cut -f1 "$work/x.tsv" | squeeze > "$work/zh.aligned"
cut -f2 "$work/x.tsv" | squeeze > "$work/en.aligned"
"$untm" split --lang zh "$corpus/zh.txt" | squeeze > "$work/zh.cleaned"
"$untm" split --lang en "$corpus/en.txt" | squeeze > "$work/en.cleaned"
cmp "$work/zh.aligned" "$work/zh.cleaned"
cmp "$work/en.aligned" "$work/en.cleaned"
