#!/usr/bin/env bash
# untm bench speed (issue #13) at one copy of the gold documents: the
# Gale-Church anchor and every untm configuration finish and print their
# figures (untm first: a broken binary fails fast), each with its strict F1
# against the gold links carried into the block; then the anchor script,
# alone on hand-made lengths, finds the links a reader finds (the long
# sentence is translated by two). No timing asserts.
source "$(dirname "$0")/lib/common.sh" "$@"
need_shared gold
anchor="$source_dir/scripts/gale-church-numba.py"
/usr/bin/python3 -c 'import numba' 2>/dev/null || { echo "skipped: python3-numba not installed"; exit 77; }

expect_exit 0 "$untm" bench speed --shared "$shared" --copies 1 --repeat 1 --anchor "$anchor"
sentences="$(grep -v '^$' "$shared"/gold/*/zh/* | wc -l)"
expect_contains "$work/out" "1 copies of .* $sentences x "
for row in 'Gale-Church anchor' 'untm learning, no dictionary' 'untm --no-learn --no-dictionary' 'untm lengths only'; do
  line="$(grep -- "^$row" "$work/out")" || fail "no row '$row': $(cat "$work/out")"
  # wall s, cpu s, peak MB, links: numbers; a failed run prints "failed".
  read -r -a fields <<< "${line#"$row"}"
  [[ "$row" == 'Gale-Church anchor' ]] && fields=("${fields[@]:1}")  # "(Python+numba)"
  for k in 0 1 2; do expect_number "$row field $k" "${fields[$k]}" '>=' 0; done
  # Every configuration links most of the block: at least one link per 2 Chinese sentences.
  expect_number "$row links" "${fields[3]}" '>=' "$((sentences / 2))"
  # strict F1 against the gold links carried into the block: a fraction.
  expect_number "$row strict F1" "${fields[5]}" '<=' 1
  [[ "$row" == 'untm --no-learn --no-dictionary' ]] && nolearn_f1="${fields[5]}"
done
# Lengths and anchors score the gold sets at 0.70-0.88 one by one; copies
# moved by the wrong number of sentences would score near 0.
expect_number "--no-learn --no-dictionary strict F1" "$nolearn_f1" '>=' 0.6
# Learning costs something: its ratio to --no-learn --no-dictionary is printed, above 1.
ratio="$(sed -n 's/^lexical term and learning: untm learning, no dictionary takes \([0-9.]*\)x untm --no-learn --no-dictionary .*/\1/p' "$work/out")"
expect_number "lexical cost ratio" "$ratio" '>' 1
dp="$(sed -n 's/^lengths-only DP: \([0-9.]*\) M evaluations\/s.*/\1/p' "$work/out")"
expect_number "lengths-only DP evaluations/s" "$dp" '>' 0
expect_exit 64 "$untm" bench speed --shared "$shared" --copies 0
expect_exit 64 "$untm" bench speed --shared "$shared" --repeat 0
printf '10 20 30 40\n10 9 11 30 41\n' > "$work/lengths.txt"
out="$(/usr/bin/python3 "$anchor" "$work/lengths.txt" "$work/anchor.align")" || fail "anchor script failed"
diff <(printf '[0]:[0]\n[1]:[1,2]\n[2]:[3]\n[3]:[4]\n') "$work/anchor.align" || fail "anchor links"
# wall cpu peak cells links: the whole matrix is (4 + 1) x (5 + 1) cells.
[[ "$(echo "$out" | awk '{ print $4, $5 }')" == "30 4" ]] || fail "anchor summary: $out"

echo "bench speed: ok"
