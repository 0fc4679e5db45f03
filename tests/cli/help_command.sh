#!/usr/bin/env bash
# `untm help COMMAND [ACTION]` shows that command's own help (issue #15: it
# used to print the general usage), and --version names the project version.
source "$(dirname "$0")/lib/common.sh" "$@"

expect_exit 0 "$untm" help align
expect_contains "$work/out" '^usage: untm align FIRST_FILE SECOND_FILE'
expect_contains "$work/out" '--links FILE\|--links arg'
expect_exit 0 "$untm" help bundle export
expect_contains "$work/out" '^usage: untm bundle export BUNDLE \[--format'
expect_exit 0 "$untm" help
expect_contains "$work/out" "'untm help COMMAND'"
expect_exit 64 "$untm" help no-such-command
expect_contains "$work/err" "unknown command 'no-such-command'"
expect_exit 0 "$untm" --version
version=$(sed -n 's/^project(untm VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")
[[ -n $version ]] || fail "no version in CMakeLists.txt"
expect_contains "$work/out" "^untm $version\$"
