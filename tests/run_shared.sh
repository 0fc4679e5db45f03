#!/usr/bin/env bash
# Runs the unit tests that read ../shared (tagged [.shared], see
# tests/shared_data.h). When the folder is missing they are reported skipped
# (exit 77, ctest's SKIP_RETURN_CODE), not passed with nothing checked.
# Usage: tests/run_shared.sh SHARED_DIR UNTM_TESTS [CATCH_OPTIONS...]
set -euo pipefail
shared="$1"
tests="$2"
shift 2
if [[ ! -d "$shared" ]]; then
  echo "skipped: ../shared not found ($shared)"
  exit 77
fi
# NoTests: a tag that matches nothing is a failure, not an empty pass.
exec "$tests" "[shared]" --warn NoTests "$@"
