#!/usr/bin/env bash
# Issue #10, "no file lost": outputs written through symlinks, and SIGINT/SIGTERM
# leave no .untm-tmp-* behind. The failures injected with strace (rename, fsync:
# the Moses pair replaced both or neither, no partial output) are rows of
# tests/cli/safety_table.sh.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool strace "scripts/install-deps.sh --test"
# LeakSanitizer cannot run under ptrace (strace): in the sanitizer build it
# would end every traced run with its own fatal error.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
demo="$source_dir/corpora/demo"
zh="$demo/reply-zh.txt" en="$demo/reply-en.txt"
cd "$work"

no_temporaries() {  # WHAT
  local left
  left=$(find "$work" -name '*.untm-tmp-*')
  [[ -z $left ]] || fail "$1: temporaries left: $left"
}

# Symlinked output: the link stays a link, its target gets the output and
# keeps its mode.
echo old >target.txt
chmod 600 target.txt
ln -s target.txt link.txt
expect_exit 0 "$untm" split --lang en "$en" -o link.txt
[[ -L link.txt ]] || fail "split -o LINK replaced the symlink by a regular file"
expect_contains target.txt "Mongolia"
[[ $(stat -c %a target.txt) == 600 ]] || fail "target mode $(stat -c %a target.txt), expected 600"

# A signal in the middle of a batch (held up in fsync) leaves no temporaries.
printf 'd1\t%s\t%s\n' "$zh" "$en" >manifest.tsv
set -m  # job control: background jobs would otherwise start with SIGINT ignored
for signal in INT TERM; do
  strace -f -o /dev/null -e inject=fsync:delay_enter=3s "$untm" batch -q manifest.tsv -o b.tmx.zst 2>/dev/null &
  tracer=$!
  for _ in $(seq 50); do
    [[ -n $(find "$work" -name '*.untm-tmp-*') ]] && break
    sleep 0.1
  done
  [[ -n $(find "$work" -name '*.untm-tmp-*') ]] || fail "SIG$signal: batch wrote no temporary to interrupt"
  kill -"$signal" "$(ps -o pid= --ppid "$tracer")"
  wait "$tracer" || true
  no_temporaries "SIG$signal mid-batch"
done
echo "output safety: ok"
