#!/usr/bin/env bash
# Runs every libFuzzer target in tests/fuzz/.
# Usage: scripts/fuzz.sh smoke        (FUZZ_SECONDS each, default 20; for CI)
#        scripts/fuzz.sh long SECONDS (a longer run per target; results in build/fuzz/)
# A crash leaves build/fuzz/<target>-crash-*: once it is fixed, add the file to
# tests/fuzz/regressions/<target>/, which ctest replays (fuzz_replay.<target>).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-smoke}"
seconds="${FUZZ_SECONDS:-20}"
[[ "$mode" == long ]] && seconds="${2:-600}"
shopt -s nullglob
targets=(tests/fuzz/*_fuzz.cc)
if (( ${#targets[@]} == 0 )); then echo "fuzz: no targets"; exit 0; fi
# The fuzzers only: the fuzz flavour's unit tests and tools would double the
# build time of CI and are run by the other two flavours.
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target untm_fuzz_targets
# fontconfig (under poppler) keeps a cache it never frees: not ours.
export LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp"
# The targets run side by side, one per core: a smoke run is bounded by time,
# so this halves CI's wait without fuzzing any target less long.
run_target() {
  local name="$1" corpus="build/fuzz/corpus/$1" status=0
  mkdir -p "$corpus"
  local args=("$corpus")
  for inputs in "tests/fuzz/seeds/$name" "tests/fuzz/regressions/$name"; do
    if [[ -d "$inputs" ]]; then args+=("$inputs"); fi
  done
  "build/fuzz/tests/$name" -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/$name-" "${args[@]}" >"build/fuzz/$name.log" 2>&1 || status=$?
  { echo "fuzz: $name for ${seconds}s: $([[ $status == 0 ]] && echo ok || echo "FAILED (exit $status)")"
    tail -n 12 "build/fuzz/$name.log"; }
  return "$status"
}
jobs="$(nproc)"
failed=0
running=()
for source in "${targets[@]}"; do
  run_target "$(basename "$source" .cc)" &
  running+=("$!")
  if (( ${#running[@]} >= jobs )); then
    wait "${running[0]}" || failed=1
    running=("${running[@]:1}")
  fi
done
for pid in "${running[@]}"; do wait "$pid" || failed=1; done
if (( failed )); then echo "fuzz: a target failed (its input is in build/fuzz/<target>-crash-*)"; exit 1; fi
