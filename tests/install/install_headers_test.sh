#!/usr/bin/env bash
# Every installed header compiles on its own (issue #15): a user includes any
# one of include/untm/<unit>/*.h first, with the flags pkg-config gives.
# usage: install_headers_test.sh BUILD_DIR
set -euo pipefail
build="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" --component development > /dev/null
PKG_CONFIG_PATH="$(find "$work/prefix" -name untm.pc -printf '%h')"
export PKG_CONFIG_PATH
find "$work/prefix/include/untm" -name '*.h' -printf '%P\n' | sort > "$work/headers"
count=$(wc -l < "$work/headers")
[[ $count -gt 50 ]] || { echo "FAIL: only $count headers installed" >&2; exit 1; }

# One header, included from a file of its own as a user does (a header
# compiled as the main file warns about its #pragma once).
check_header() {  # HEADER (relative to include/untm)
  local source="$work/use-${1//\//-}.cc"
  printf '#include "%s"\n' "$1" > "$source"
  local flags
  eval "flags=($(pkg-config --cflags untm))"  # written for a shell: UNTM_VERSION's quotes escaped
  ${CXX:-c++} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror "${flags[@]}" "$source" \
    2> "$source.err" || { echo "FAIL: $1 does not compile alone:"; head -10 "$source.err"; }
}
export -f check_header
export work
xargs -P 2 -I{} bash -c 'check_header "$1"' _ {} < "$work/headers" > "$work/failures"
if [[ -s $work/failures ]]; then
  cat "$work/failures" >&2
  exit 1
fi
echo "$count headers, each compiles alone"
