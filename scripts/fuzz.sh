#!/usr/bin/env bash
# Runs every libFuzzer target in tests/fuzz/.
# Usage: scripts/fuzz.sh smoke        (FUZZ_SECONDS each, default 30; for CI)
#        scripts/fuzz.sh long SECONDS (a longer run per target; results in build/fuzz/)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-smoke}"
seconds="${FUZZ_SECONDS:-30}"
[[ "$mode" == long ]] && seconds="${2:-600}"
shopt -s nullglob
targets=(tests/fuzz/*_fuzz.cc)
if (( ${#targets[@]} == 0 )); then echo "fuzz: no targets"; exit 0; fi
scripts/build.sh fuzz
for source in "${targets[@]}"; do
  name="$(basename "$source" .cc)"
  corpus="build/fuzz/corpus/$name"
  mkdir -p "$corpus"
  seeds="tests/fuzz/seeds/$name"
  echo "fuzz: $name for ${seconds}s"
  args=("$corpus")
  [[ -d "$seeds" ]] && args+=("$seeds")
  "build/fuzz/tests/$name" -max_total_time="$seconds" -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/$name-" "${args[@]}" 2>&1 | tail -n 12
done
