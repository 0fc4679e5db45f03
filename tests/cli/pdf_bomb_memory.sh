#!/usr/bin/env bash
# The PDF reader's child runs under a memory limit (UNTM_PDF_MEMORY_MB; by
# default 1 GiB plus 64 bytes per PDF byte), so that a PDF whose content
# needs more is refused by name, exit 1, instead of taking the machine's
# memory: poppler's own "Out of memory" abort in the child becomes the
# user's message, never a crash of untm. A limit too small for any PDF shows
# the path; the same PDF reads whole under an ordinary one. pdf_bomb.sh has
# the CPU-time limit, with a real bomb.
source "$(dirname "$0")/lib/common.sh" "$@"
need_no_sanitizer "RLIMIT_AS cannot limit a binary that reserves terabytes of address space"
need_tool python3
cd "$work"
python3 "$source_dir/tests/cli/lib/make_pdf.py" one.pdf "The Committee met twice."

UNTM_PDF_MEMORY_MB=300 expect_exit 0 "$untm" split --lang en one.pdf -o one.txt
[[ "$(cat one.txt)" == "The Committee met twice." ]] || fail "one.pdf read as: $(cat one.txt)"

UNTM_PDF_MEMORY_MB=1 expect_exit 1 "$untm" split --lang en one.pdf -o small.txt
expect_contains "$work/err" "one.pdf: reading the PDF needed more than 1 MiB of memory: refused as a possible decompression bomb"
expect_contains "$work/err" "UNTM_PDF_MEMORY_MB"
expect_lacks "$work/err" "internal error"
[[ ! -e small.txt ]] || fail "a refused PDF left an output"

# Under a memory limit the run already has (ulimit -v), the child keeps it
# rather than failing to raise it.
(ulimit -v 1500000; exec "$untm" split --lang en one.pdf -o under.txt) 2>"$work/err" || fail "under ulimit -v: $(cat "$work/err")"
[[ "$(cat under.txt)" == "The Committee met twice." ]] || fail "under ulimit -v, one.pdf read as: $(cat under.txt)"
