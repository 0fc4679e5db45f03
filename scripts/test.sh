#!/usr/bin/env bash
# Builds untm and runs every test: the release build, the ASan+UBSan build,
# and a short smoke run of each fuzz target. This is what CI runs.
# The sanitizer run leaves out what runs no untm code of its own (the layer
# check, the installed-package tests, the stub-binary check) and the gold
# accuracy floors, whose code paths the other sanitizer tests run on less data.
# Compiles go through ccache when it is installed (CMakeLists.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test

scripts/build.sh release
ctest --preset release -j "$(nproc)"

scripts/build.sh sanitize
ctest --preset sanitize -j "$(nproc)"

scripts/fuzz.sh smoke
