#!/usr/bin/env bash
# untm align with the lexicon options (issue 5): a dictionary file with a bad
# line is refused with its line number; the lexicon learned from a document
# is saved, holds the translations the document repeats, and reads back.
set -euo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/lexicon"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
zh="$data/doc/zh.txt"
en="$data/doc/en.txt"

# A malformed dictionary: exit 1, the file, the byte offset and the line.
if "$untm" align --presplit "$zh" "$en" --links "$work/out.align" --dictionary "$data/hunalign_malformed.dic" \
     2>"$work/error.txt"; then
  echo "a malformed dictionary was accepted"; exit 1
fi
grep -q "hunalign_malformed.dic: byte 43: line 3: expected 'english words @ chinese'" "$work/error.txt" ||
  { echo "unexpected message:"; cat "$work/error.txt"; exit 1; }
[[ ! -e "$work/out.align" ]] || { echo "links written despite the error"; exit 1; }

# Learning from the document: the pairs it repeats (和平/peace, 发展/development).
"$untm" align --presplit "$zh" "$en" --links "$work/out.align" --save-lexicon "$work/learned.lex"
head -1 "$work/learned.lex" | grep -qx "# untm lexicon 1" || { echo "no lexicon header"; exit 1; }
for pair in $'和\tpeac' $'平\tpeac' $'发\tdevelopment' $'展\tdevelopment'; do
  grep -q "^$pair	" "$work/learned.lex" || { echo "learned lexicon lacks '$pair'"; cat "$work/learned.lex"; exit 1; }
done
if grep -q $'^和\tdevelopment\t' "$work/learned.lex"; then echo "learned a wrong pair"; exit 1; fi
# The ten sentences translate one to one.
diff <(printf '[%d]:[%d]\n' 0 0 1 1 2 2 3 3 4 4 5 5 6 6 7 7 8 8 9 9) "$work/out.align"

# The saved lexicon and a hunalign dictionary drive the alignment without learning.
"$untm" align --presplit "$zh" "$en" --links "$work/again.align" --lexicon "$work/learned.lex" \
  --dictionary "$data/hunalign_sample.dic" --no-learn
diff "$work/out.align" "$work/again.align"

# A lexicon file with a bad strength: refused with its line number.
printf '# untm lexicon 1\n和\tpeac\t0.5\n平\tpeac\tmuch\n' >"$work/bad.lex"
if "$untm" align --presplit "$zh" "$en" --links "$work/x.align" --lexicon "$work/bad.lex" 2>"$work/error.txt"; then
  echo "a malformed lexicon was accepted"; exit 1
fi
grep -q "bad.lex: byte 30: line 3: strength 'much' is not a number in (0, 1]" "$work/error.txt" ||
  { echo "unexpected message:"; cat "$work/error.txt"; exit 1; }
echo ok
