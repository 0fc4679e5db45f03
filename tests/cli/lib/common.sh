# Shared by every CLI test (sourced, never run: CMake registers tests/cli/*.sh
# only, so this folder is not a test). A script starts with
#   source "$(dirname "$0")/lib/common.sh" "$@"
# and gets:
#   $untm        the binary under test (the script's first argument)
#   $source_dir  the source tree ($UNTM_SOURCE_DIR)
#   $shared      the shared data folder ($UNTM_SHARED_DIR, else ../shared)
#   $work        a scratch folder, removed on exit (add cleanup with at_exit)
# A test fails (exit 1) on the first broken expectation. It skips (exit 77)
# only through need_shared or need_tool, that is when something outside untm
# is really missing: tests/cli_must_fail.sh checks that a broken untm binary
# fails every script.
set -euo pipefail

if [[ $# -lt 1 || -z "$1" ]]; then
  echo "usage: $0 /path/to/untm (with UNTM_SOURCE_DIR set)" >&2
  exit 2
fi
# Absolute paths: several tests change folder.
untm="$1"
[[ "$untm" != */* ]] || untm="$(realpath "$untm")"
source_dir="$(realpath "${UNTM_SOURCE_DIR:?UNTM_SOURCE_DIR must name the source tree}")"
shared="$(realpath -m "${UNTM_SHARED_DIR:-$source_dir/../shared}")"
work="$(mktemp -d)"

# untm uses a dictionary found in the XDG data folders by default. Tests see
# none unless they put one there, so that what they check does not depend on
# the user's home; $user_dictionary keeps the user's own CC-CEDICT (or "")
# for the tests that measure with it.
user_dictionary=""
for candidate in "${XDG_DATA_HOME:-$HOME/.local/share}/untm/cedict_ts.u8" \
                 "${XDG_CACHE_HOME:-$HOME/.cache}/untm/cedict_ts.u8"; do
  if [[ -z "$user_dictionary" && -f "$candidate" ]]; then user_dictionary="$candidate"; fi
done
user_cache="${XDG_CACHE_HOME:-$HOME/.cache}"
export XDG_DATA_HOME="$work/xdg-data" XDG_CACHE_HOME="$work/xdg-cache"
# Other programs' caches stay in use (fontconfig's: LibreOffice and Chromium
# would rebuild it in every test); only untm's folder is hidden.
mkdir -p "$XDG_CACHE_HOME"
for entry in "$user_cache"/* "$user_cache"/.[!.]*; do
  [[ -e "$entry" && "$(basename "$entry")" != untm ]] && ln -s "$entry" "$XDG_CACHE_HOME/" || true
done

exit_actions=()
at_exit() {  # COMMAND: run (as with eval) before $work is removed
  exit_actions+=("$1")
}
run_exit_actions() {
  local action
  for action in "${exit_actions[@]}"; do eval "$action" || true; done
  rm -rf "$work"
}
trap run_exit_actions EXIT

fail() {  # MESSAGE...
  echo "FAIL: $*" >&2
  exit 1
}

# Runs a command with stdout in $work/out and stderr in $work/err; fails unless
# it exits with CODE. Errors are part of the interface: exit 1 for bad input.
expect_exit() {  # CODE COMMAND...
  local expected="$1" status=0
  shift
  "$@" >"$work/out" 2>"$work/err" || status=$?
  [[ $status == "$expected" ]] ||
    fail "'$*' exited $status, expected $expected; stderr: $(head -c 2000 "$work/err")"
}

expect_contains() {  # FILE PATTERN (grep basic regular expression)
  grep -q -- "$2" "$1" || fail "$(basename "$1") lacks '$2'; it holds: $(head -c 2000 "$1")"
}

expect_lacks() {  # FILE PATTERN
  if grep -q -- "$2" "$1"; then fail "$(basename "$1") holds '$2': $(grep -m 3 -- "$2" "$1")"; fi
}

# Compares two numbers; a value that is not a number (say, the error text of
# a broken run) fails instead of comparing as a string.
expect_number() {  # WHAT VALUE OPERATOR(>=, >, ==) LIMIT
  [[ "$2" =~ ^-?[0-9]+(\.[0-9]+)?$ ]] || fail "$1: '$2' is not a number"
  awk -v value="$2" -v limit="$4" "BEGIN { exit !(value $3 limit) }" || fail "$1: $2, expected $3 $4"
}

# The documents of a bundle, in order, as `zstd -dc` shows them to any TMX
# reader: "ID ID ... " (one trailing space).
bundle_document_ids() {  # BUNDLE
  [[ -s "$1" ]] || fail "no bundle at $1"
  zstd -dc "$1" | grep -o '<prop type="x-document">[^<]*' | sed 's/.*>//' | uniq | tr '\n' ' '
}

# Skips the test (exit 77, visibly) when a path under the shared data folder
# is missing: the gold sets and UN samples are not in the repository.
need_shared() {  # RELATIVE_PATH...
  local path
  for path in "$@"; do
    [[ -e "$shared/$path" ]] || { echo "skipped: ../shared not found ($shared/$path)"; exit 77; }
  done
}

# For a test with an optional part on shared data: true when it is there,
# else says which part is not checked.
have_shared() {  # RELATIVE_PATH PART
  [[ -e "$shared/$1" ]] && return 0
  echo "note: ../shared not found ($shared/$1): $2 not checked"
  return 1
}

# Skips the test when an outside program it exercises untm with is missing.
need_tool() {  # PROGRAM [HOW_TO_INSTALL]
  command -v "$1" >/dev/null || { echo "skipped: $1 not installed${2:+ ($2)}"; exit 77; }
}

# Skips the test when the binary is built with AddressSanitizer: it reserves
# terabytes of address space, so a memory limit (ulimit -v) cannot apply.
need_no_sanitizer() {  # WHY
  if grep -qa __asan_init "$untm"; then echo "skipped: sanitizer build ($1)"; exit 77; fi
}
