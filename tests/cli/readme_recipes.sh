#!/usr/bin/env bash
# Every command of the README's "Recipes" section runs as written (issue #15),
# on the demo pair made into Word files and a folder, with what each recipe
# promises checked: a TMX with the CAT tags, a Moses pair and a JSONL corpus,
# and docs/examples/read_bundle.py reading the bundle.
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool /usr/bin/python3
/usr/bin/python3 -c 'import docx' 2>/dev/null || { echo "skipped: python3-docx not installed"; exit 77; }
demo="$source_dir/corpora/demo"

# The recipes call `untm`: this binary under that name.
mkdir -p "$work/bin" "$work/run/documents"
ln -s "$untm" "$work/bin/untm"
export PATH="$work/bin:$PATH"
cd "$work/run"
for language in zh en; do
  /usr/bin/python3 - "$demo/reply-$language.txt" "reply-$language.docx" <<'PY'
import re
import sys
import docx
# The PDF-to-text demo's paragraphs, without its page breaks (form feeds).
text = re.sub(r"[\x00-\x08\x0b-\x1f]", "", open(sys.argv[1], encoding="utf-8").read())
joiner = " " if sys.argv[1].endswith("-en.txt") else ""
document = docx.Document()
for paragraph in text.split("\n\n"):
    if paragraph.strip():
        document.add_paragraph(joiner.join(paragraph.split()))
document.save(sys.argv[2])
PY
done
cp "$demo/reply-zh.txt" documents/reply-ZH.txt
cp "$demo/reply-en.txt" documents/reply-EN.txt
cp "$source_dir/tests/data/align/zh.txt" documents/sample-ZH.txt
cp "$source_dir/tests/data/align/en.txt" documents/sample-EN.txt

# The section's commands: lines indented four spaces that start with untm.
awk '/^## Recipes/ { on = 1; next } /^## / { on = 0 } on && /^    untm / { sub(/^    /, ""); print }' \
  "$source_dir/README.md" > "$work/commands"
expect_number "README recipe commands" "$(wc -l < "$work/commands")" ">=" 5
while IFS= read -r command; do
  status=0
  bash -c "$command" > "$work/out" 2> "$work/err" || status=$?
  [[ $status == 0 ]] || fail "README command '$command' exited $status: $(head -c 1000 "$work/err")"
done < "$work/commands"

# Translator: a TMX with the project's tags, English the original.
expect_contains reply.tmx 'srclang="en-US"'
expect_number "reply.tmx units" "$(grep -c "<tu " reply.tmx)" ">=" 10
expect_number "zh-CN tuvs" "$(grep -c "xml:lang=\"zh-CN\"" reply.tmx)" ">=" 10
# Researcher: both documents in the bundle; Moses lines pair up; JSONL loads.
expect_number "bundle documents" "$(untm bundle ls corpus.tmx.zst | wc -l)" == 2
expect_number "Moses lines" "$(wc -l < corpus.zh)" == "$(wc -l < corpus.en)"
expect_number "Moses lines" "$(wc -l < corpus.zh)" ">=" 10
/usr/bin/python3 -c '
import json, sys
rows = [json.loads(line) for line in open("corpus.jsonl", encoding="utf-8")]
keys = {tuple(sorted(row)) for row in rows}
assert len(keys) == 1, keys
assert all(row["confidence"] >= 0.5 for row in rows)
print(len(rows))' > "$work/rows" || fail "corpus.jsonl is not one JSON object per line with the same keys"
expect_number "JSONL rows" "$(cat "$work/rows")" == "$(wc -l < corpus.zh)"
[[ $(head -1 corpus.tsv) == $'zh\ten' ]] || fail "corpus.tsv does not start with the header zh<TAB>en"
expect_number "TSV rows under the header" "$(($(wc -l < corpus.tsv) - 1))" == "$(wc -l < corpus.zh)"
gzip -dc corpus.tmx.gz > corpus.tmx || fail "corpus.tmx.gz is not gzip"
expect_contains corpus.tmx 'srclang="en-US"'
expect_number "zh-CN tuvs in the exported TMX" "$(grep -c "xml:lang=\"zh-CN\"" corpus.tmx)" ">=" 10
/usr/bin/python3 "$source_dir/docs/examples/read_bundle.py" corpus.tmx.zst 0.5 > "$work/example" ||
  fail "docs/examples/read_bundle.py failed"
expect_contains "$work/example" $'^reply\t[0-9]* pairs'
