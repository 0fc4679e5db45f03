#!/usr/bin/env bash
# Builds untm and runs every test: the release build, the ASan+UBSan build,
# and a short smoke run of each fuzz target. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

scripts/build.sh release
(cd build/release && ctest --output-on-failure -j "$(nproc)")

scripts/build.sh sanitize
(cd build/sanitize && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
   ctest --output-on-failure -j "$(nproc)")

scripts/fuzz.sh smoke
