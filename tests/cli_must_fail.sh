#!/usr/bin/env bash
# Proves that the CLI tests can fail: runs every tests/cli/*.sh (or the
# scripts given) against two broken untm binaries, one that exits 1 and one
# that exits 0 and prints nothing. Each script must fail. A skip (exit 77)
# counts only when it comes from need_shared or need_tool (tests/cli/lib/
# common.sh), that is when ../shared or an outside program is really missing;
# a script that passes, skips for another reason or hangs is reported.
# Usage: tests/cli_must_fail.sh [SCRIPT...]
#   env UNTM_SOURCE_DIR (default: this tree), UNTM_SHARED_DIR as for the tests.
set -euo pipefail
export UNTM_SOURCE_DIR="${UNTM_SOURCE_DIR:-$(cd "$(dirname "$0")/.." && pwd)}"
if [[ $# -eq 0 ]]; then set -- "$UNTM_SOURCE_DIR"/tests/cli/*.sh; fi

stubs="$(mktemp -d)"
trap 'rm -rf "$stubs"' EXIT
mkdir "$stubs/failing" "$stubs/silent"
printf '#!/bin/sh\nexit 1\n' > "$stubs/failing/untm"
printf '#!/bin/sh\nexit 0\n' > "$stubs/silent/untm"
chmod +x "$stubs/failing/untm" "$stubs/silent/untm"

problems=0
skips=0
for script in "$@"; do
  for stub in failing silent; do
    status=0
    timeout 120 bash "$script" "$stubs/$stub/untm" > "$stubs/log" 2>&1 || status=$?
    last="$(tail -n 1 "$stubs/log")"
    verdict="ok"
    case $status in
      0) verdict="PASSED" ;;
      77) if [[ "$last" == "skipped: "* ]]; then skips=$((skips + 1)); else verdict="SKIPPED"; fi ;;
      124) verdict="HUNG" ;;
    esac
    [[ $verdict == ok ]] || problems=$((problems + 1))
    printf '%-7s %-28s with a %-7s untm: exit %3d: %s\n' "$verdict" "$(basename "$script")" "$stub" "$status" "$last"
  done
done
if (( problems > 0 )); then
  echo "$problems runs with a broken untm did not fail: these tests cannot catch what they check"
  exit 1
fi
echo "every CLI test fails with a broken untm"
if (( skips > 0 )); then echo "($skips runs skipped instead: ../shared or an outside program is missing)"; fi
