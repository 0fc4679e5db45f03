#!/usr/bin/env bash
# Configures and builds one flavour of untm into build/<flavour>.
# Usage: scripts/build.sh [release|sanitize|fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."
flavour="${1:-release}"
jobs="$(nproc)"
case "$flavour" in
  release)  flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  sanitize) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DUNTM_SANITIZE=ON) ;;
  fuzz)     flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DUNTM_FUZZ=ON -DUNTM_TESTS=ON
                   -DCMAKE_CXX_COMPILER=clang++) ;;
  *) echo "unknown flavour: $flavour" >&2; exit 1 ;;
esac
cmake -S . -B "build/$flavour" "${flags[@]}" >/dev/null
cmake --build "build/$flavour" -j "$jobs"
