#!/usr/bin/env bash
# The lexical cost of issue #13 in `untm batch`: the default (learning, and
# CC-CEDICT when it is installed) against `--no-learn --no-dictionary` on one
# folder of document pairs, in alternating rounds, each configuration's
# fastest round by processor time (user + system, from getrusage), with its
# peak RSS, then the ratio. With a second binary (e.g. main's build), each
# round runs both, side by side. The machine drifts: compare within a run.
# Usage: scripts/bench-batch-lexical.sh CORPUS_DIR [ROUNDS] [UNTM] [BASELINE_UNTM]
#   CORPUS_DIR: e.g. scripts/make-bench-corpus.py /tmp/bsub --documents 60
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
corpus="${1:?usage: scripts/bench-batch-lexical.sh CORPUS_DIR [ROUNDS] [UNTM] [BASELINE_UNTM]}"
rounds="${2:-4}"
binaries=("${3:-$here/../build/release/tools/untm/untm}")
[[ -n "${4:-}" ]] && binaries+=("$4")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$rounds" "$work" "${binaries[@]}" <<'PY'
import os, subprocess, sys
corpus, rounds, work, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4:]
configurations = [[], ["--no-learn", "--no-dictionary"]]
best = {}
for _ in range(rounds):
    for b, binary in enumerate(binaries):
        for c, options in enumerate(configurations):
            out = f"{work}/out{b}{c}.tmx.zst"
            # Each run writes a fresh bundle: the last one and its journal go.
            for leftover in (out, out + ".untm-journal", out + ".untm-lexicon"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            child = subprocess.Popen([binary, "batch", corpus, "-o", out, "-j2", "-q",
                                      "--date", "20250101T000000Z", *options],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            code = os.waitstatus_to_exitcode(status)
            if code != 0:
                sys.exit(f"{binary} batch {corpus} {' '.join(options)}: exit {code}")
            seconds = usage.ru_utime + usage.ru_stime
            if (b, c) not in best or seconds < best[(b, c)][0]:
                best[(b, c)] = (seconds, usage.ru_maxrss // 1024)
print(f"{corpus}: untm batch -j2, fastest of {rounds} alternating rounds, processor s and peak RSS")
for b, binary in enumerate(binaries):
    (default, default_mb), (plain, plain_mb) = best[(b, 0)], best[(b, 1)]
    name = "untm" if b == 0 else "baseline"
    print(f"{name:8s} default {default:6.2f} s {default_mb:4d} MB | --no-learn --no-dictionary {plain:6.2f} s "
          f"{plain_mb:4d} MB | {default / plain:.2f}x (issue #13: at most 1.5x)  {binary}")
PY
