#!/usr/bin/env bash
# Builds untm and runs every test: the release build, the ASan+UBSan build,
# and a short smoke run of each fuzz target. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

scripts/build.sh release
ctest --preset release -j "$(nproc)"

scripts/build.sh sanitize
ctest --preset sanitize -j "$(nproc)"

scripts/fuzz.sh smoke
