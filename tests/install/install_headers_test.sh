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
read -ra flags <<< "$(pkg-config --cflags untm)"
count=0 failed=0
while IFS= read -r header; do
  count=$((count + 1))
  # Included from a file of its own, as a user does (a header compiled as the
  # main file warns about its #pragma once).
  printf '#include "%s"\n' "${header#"$work/prefix/include/untm/"}" > "$work/use.cc"
  if ! ${CXX:-c++} -std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror "${flags[@]}" "$work/use.cc" \
      2> "$work/err"; then
    echo "FAIL: ${header#"$work/prefix/"} does not compile alone:" >&2
    head -10 "$work/err" >&2
    failed=$((failed + 1))
  fi
done < <(find "$work/prefix/include/untm" -name '*.h' | sort)
[[ $count -gt 50 ]] || { echo "FAIL: only $count headers installed" >&2; exit 1; }
echo "$count headers, $failed failed"
[[ $failed == 0 ]]
