#!/usr/bin/env bash
# PDF decompression bombs: a PDF of a few kilobytes whose page content
# inflates to megabytes of text drawn again and again, which keeps poppler
# busy for minutes. untm reads every PDF in a child process under a CPU-time
# limit (tools/untm/pdf_child.h; UNTM_PDF_CPU_SECONDS replaces the default),
# so the bomb fails by name (exit 1), and in a batch it fails alone (exit 3).
# A real PDF is read through the same child, whole. The PDFs are made here.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool python3
data="$source_dir/tests/data"
cd "$work"

# tests/cli/lib/make_pdf.py FILE SENTENCE REPEATS COPIES: one page whose
# content is COPIES references to one stream that draws SENTENCE REPEATS times.
make_pdf() { python3 "$source_dir/tests/cli/lib/make_pdf.py" "$@"; }
sentence="The General Assembly decides to adopt the resolution."
make_pdf one.pdf "$sentence"
make_pdf bomb.pdf "$sentence" 20000 50
[[ $(stat -c %s bomb.pdf) -lt 20000 ]] || fail "the bomb is not small on disk"

# A real PDF, read in the child: its one sentence, whole.
expect_exit 0 "$untm" split --lang en one.pdf -o one.txt
[[ "$(cat one.txt)" == "$sentence" ]] || fail "one.pdf read as: $(cat one.txt)"

# The bomb: refused by name once it used its CPU time, not read for minutes.
UNTM_PDF_CPU_SECONDS=2 expect_exit 1 "$untm" split --lang en bomb.pdf -o bomb.txt
expect_contains "$work/err" "bomb.pdf: reading the PDF took more than 2 s of CPU time: refused as a possible decompression bomb"
expect_contains "$work/err" "UNTM_PDF_CPU_SECONDS"
expect_lacks "$work/err" "internal error"
[[ ! -e bomb.txt ]] || fail "a refused PDF left an output"

# A limit that is no number is the command line's fault, named.
UNTM_PDF_CPU_SECONDS=soon expect_exit 64 "$untm" split --lang en one.pdf -o x.txt
expect_contains "$work/err" "UNTM_PDF_CPU_SECONDS='soon': not a positive whole number"

# In a batch the bomb fails alone; the other pair is aligned.
cp "$data/batch"/A_68_101-*.txt .
printf 'BOMB/1\t%s\t%s\nA/68/101\t%s\t%s\n' "$work/bomb.pdf" "$work/A_68_101-EN.txt" \
  "$work/A_68_101-ZH.txt" "$work/A_68_101-EN.txt" > list.tsv
UNTM_PDF_CPU_SECONDS=2 expect_exit 3 "$untm" batch list.tsv -o b.tmx.zst -q -j 2 --no-learn --report report.jsonl
expect_contains report.jsonl '"id":"BOMB/1".*"status":"failed".*decompression bomb'
expect_contains report.jsonl '"id":"A/68/101".*"status":"aligned"'
