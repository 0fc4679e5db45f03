#!/usr/bin/env bash
# Growth benchmark of issue #13: for each input shape, `untm split` and
# `untm align` on 1x and 10x the input, in one run, with the ratio of their
# processor times (the target: 10x the input takes at most 12x the time).
# Shapes, built from the shared UN samples and the demo documents:
#   repetitive  the demo reply, repeated (a paragraph per copy)
#   paragraph   the GA resolution paragraphs joined into one huge paragraph
#   long        the GA resolution and GA lines as one long document
# Usage: scripts/bench-growth.sh [UNTM_BINARY] [COPIES_AT_1X] [ALIGN_OPTIONS...]
#   e.g. scripts/bench-growth.sh build/release/tools/untm/untm 20 --no-learn
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
untm="${1:-$here/../build/release/tools/untm/untm}"
copies="${2:-20}"
shift $(( $# > 2 ? 2 : $# ))
align_options=("$@")
shared="${UNTM_SHARED_DIR:-$here/../../shared}"
un="$shared/corpora/un"
demo="$here/../corpora/demo"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# shape_sample SHAPE LANG: one copy of the shape's text.
shape_sample() {
  local shape="$1" lang="$2"
  case "$shape" in
    repetitive) cat "$demo/reply-$lang.txt"; printf '\n' ;;
    paragraph) tr '\n' ' ' < "$un/ga-ldc-resolution-paras/$lang.txt" ;;
    long) cat "$un/ga-ldc-resolution-paras/$lang.txt"; printf '\n\n'; cat "$un/ga-55-100-lines/un_ga.en-zh.$lang"; printf '\n\n' ;;
  esac
}

# build SHAPE LANG COPIES FILE
build() {
  local sample="$work/sample.$1.$2"
  shape_sample "$1" "$2" > "$sample"
  for ((i = 0; i < $3; i++)); do cat "$sample"; done > "$4"
  [[ "$1" == paragraph ]] && printf '\n' >> "$4"
  return 0
}

# cpu COMMAND...: prints "SECONDS PEAK_MB" (user + system time of the command).
cpu() {
  /usr/bin/time -f '%U %S %M' -o "$work/time" "$@" > /dev/null
  awk '{ printf "%.2f %.0f\n", $1 + $2, $3 / 1024 }' "$work/time"
}

printf '%-11s %-6s %9s | %9s %7s | %9s %7s | %6s\n' shape step "1x MB" "1x s" "RSS MB" "10x s" "RSS MB" ratio
for shape in repetitive paragraph long; do
  for scale in 1 10; do
    for lang in zh en; do build "$shape" "$lang" $((copies * scale)) "$work/$shape.$scale.$lang.txt"; done
  done
  size=$(du -cb "$work/$shape.1.zh.txt" "$work/$shape.1.en.txt" | awk 'END { printf "%.2f", $1 / 1e6 }')
  for step in split align; do
    results=()
    for scale in 1 10; do
      if [[ "$step" == split ]]; then
        read -r seconds peak < <(cpu "$untm" split --lang zh "$work/$shape.$scale.zh.txt" -o "$work/out.txt")
      else
        read -r seconds peak < <(cpu "$untm" align --first-lang zh --second-lang en "${align_options[@]}" \
          "$work/$shape.$scale.zh.txt" "$work/$shape.$scale.en.txt" -o "$work/out.tsv")
      fi
      results+=("$seconds" "$peak")
    done
    ratio=$(awk -v a="${results[0]}" -v b="${results[2]}" 'BEGIN { if (a > 0) printf "%.1fx", b / a; else print "-" }')
    printf '%-11s %-6s %9s | %9s %7s | %9s %7s | %6s\n' "$shape" "$step" "$size" "${results[0]}" "${results[1]}" \
      "${results[2]}" "${results[3]}" "$ratio"
  done
done
echo "(processor seconds; split: the Chinese side only; ratio = 10x time / 1x time, target <= 12x)"
