#!/usr/bin/env bash
# The full `untm bench speed` of issue #13: the gold documents, 7 copies, one
# presplit block, against the Gale-Church anchor (Python + numba), with
# CC-CEDICT when scripts/get-cc-cedict.sh has fetched it. Takes minutes.
# Usage: scripts/bench-speed.sh [UNTM_BINARY] [COPIES] [BASELINE_UNTM_BINARY]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
untm="${1:-$here/../build/release/tools/untm/untm}"
copies="${2:-7}"
baseline=()
[[ -n "${3:-}" ]] && baseline=(--baseline "$3")
dictionary=()
for candidate in "${XDG_DATA_HOME:-$HOME/.local/share}/untm/cedict_ts.u8" "${XDG_CACHE_HOME:-$HOME/.cache}/untm/cedict_ts.u8"; do
  [[ -f "$candidate" ]] && { dictionary=(--dictionary "$candidate"); break; }
done
exec "$untm" bench speed --shared "${UNTM_SHARED_DIR:-$here/../../shared}" --copies "$copies" \
  --anchor "$here/gale-church-numba.py" "${dictionary[@]}" "${baseline[@]}"
