#!/usr/bin/env bash
# untm align with the lexicon options (issue 5): a dictionary file with a bad
# line is refused with its line number; the lexicon learned from a document
# is saved, holds the translations the document repeats, and reads back.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/lexicon"
zh="$data/doc/zh.txt"
en="$data/doc/en.txt"

# A malformed dictionary: exit 1, the file, the byte offset and the line.
expect_exit 1 "$untm" align --presplit "$zh" "$en" --links "$work/out.align" \
  --dictionary "$data/hunalign_malformed.dic"
expect_contains "$work/err" "hunalign_malformed.dic: byte 43: line 3: expected 'english words @ chinese'"
[[ ! -e "$work/out.align" ]] || fail "links written despite the error"

# Learning from the document: the pairs it repeats (和平/peace, 发展/development).
expect_exit 0 "$untm" align --presplit "$zh" "$en" --links "$work/out.align" --save-lexicon "$work/learned.lex"
head -1 "$work/learned.lex" | grep -qx "# untm lexicon 1" || fail "no lexicon header"
for pair in $'和\tpeac' $'平\tpeac' $'发\tdevelopment' $'展\tdevelopment'; do
  expect_contains "$work/learned.lex" "^$pair	"
done
expect_lacks "$work/learned.lex" $'^和\tdevelopment\t'
# The ten sentences translate one to one.
diff <(printf '[%d]:[%d]\n' 0 0 1 1 2 2 3 3 4 4 5 5 6 6 7 7 8 8 9 9) "$work/out.align" || fail "links are not 1-1"

# The saved lexicon and a hunalign dictionary drive the alignment without learning.
expect_exit 0 "$untm" align --presplit "$zh" "$en" --links "$work/again.align" --lexicon "$work/learned.lex" \
  --dictionary "$data/hunalign_sample.dic" --no-learn
diff "$work/out.align" "$work/again.align" || fail "the saved lexicon aligns differently"

# A lexicon file with a bad strength: refused with its line number.
printf '# untm lexicon 1\n和\tpeac\t0.5\n平\tpeac\tmuch\n' >"$work/bad.lex"
expect_exit 1 "$untm" align --presplit "$zh" "$en" --links "$work/x.align" --lexicon "$work/bad.lex"
expect_contains "$work/err" "bad.lex: byte 30: line 3: strength 'much' is not a number in (0, 1]"
echo "align lexicon: ok"
