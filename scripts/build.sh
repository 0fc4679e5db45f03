#!/usr/bin/env bash
# Configures and builds one flavour of untm into build/<flavour>, from the
# presets in CMakePresets.json. Extra cache settings (e.g. -DUNTM_SHARED_DIR=...)
# stay in build/<flavour>/CMakeCache.txt from an earlier configure.
# Usage: scripts/build.sh [release|sanitize|fuzz]
set -euo pipefail
cd "$(dirname "$0")/.."
flavour="${1:-release}"
jobs="$(nproc)"
case "$flavour" in
  release | sanitize | fuzz) ;;
  *) echo "unknown flavour: $flavour" >&2; exit 1 ;;
esac
# The flavours are the presets of CMakePresets.json (build/<flavour>).
cmake --preset "$flavour" >/dev/null
cmake --build --preset "$flavour" -j "$jobs"
