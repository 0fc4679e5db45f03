# Shared by the gold-floor tests (sourced after common.sh): scores untm on the
# gold sets of ../shared with scripts/eval-gold.sh.

eval_gold() {  # UNTM_ALIGN_OPTIONS... -> eval-gold's JSON output
  UNTM="$untm" SHARED="$shared" JSON=1 bash "$source_dir/scripts/eval-gold.sh" "$@"
}

gold_strict_f1() {  # EVAL_GOLD_OUTPUT SET_NAME -> the set's total strict F1
  grep -A1 "^== $2\$" <<<"$1" | tail -1 | sed -nE 's/.*"total": \{"strict": \{[^}]*"f1": ([0-9.]+).*/\1/p'
}
