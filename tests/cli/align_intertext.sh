#!/usr/bin/env bash
# untm align --intertext and --links/--from-links FILE.xml: a pair as the
# InterText editor opens it (two documents with "p:s" sentence ids and an
# alignment file of xtargets), one link corrected in the XML as InterText
# would save it, and the correction back through --from-links; the .align
# notation through InterText and back unchanged; files that do not fit
# refused by line; --from-links refusing options it would ignore.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/align"
pair=("$data/zh.txt" "$data/en.txt")
mkdir "$work/it"
# The aligner's links are [0]:[0] [1]:[1,2] [2]:[3] (align_presplit_links.sh).
expect_exit 0 "$untm" align --presplit "${pair[@]}" --id reply --links "$work/auto.align" --intertext "$work/it/reply"
[[ "$(ls "$work/it" | tr '\n' ' ')" == "reply.en.xml reply.zh.en.alignment.xml reply.zh.xml " ]] ||
  fail "InterText files: $(ls "$work/it")"
diff "$work/it/reply.zh.xml" - <<'XML' || fail "the Chinese InterText document differs"
<?xml version='1.0' encoding='utf-8'?>
<doc id="reply" language="zh">
<p id="1">
<s id="1:1">第一条。</s>
<s id="1:2">联合国大会于2019年通过了第74/1号决议，并请秘书长提交报告；报告应当包括各会员国的意见。</s>
<s id="1:3">他问：“会议何时开始？”</s>
</p>
</doc>
XML
expect_contains "$work/it/reply.en.xml" '^<s id="1:4">&quot;When does the meeting begin?&quot; he asked.</s>$'
# InterText's order: toDoc (English) ids first in xtargets and type.
diff "$work/it/reply.zh.en.alignment.xml" - <<'XML' || fail "the InterText alignment file differs"
<?xml version='1.0' encoding='utf-8'?>
<linkGrp toDoc="reply.en.xml" fromDoc="reply.zh.xml">
<link type="1-1" xtargets="1:1;1:1" status="auto"/>
<link type="2-1" xtargets="1:2 1:3;1:2" status="auto"/>
<link type="1-1" xtargets="1:4;1:3" status="auto"/>
</linkGrp>
XML

# A person splits the 2-1 link in InterText: en 1:2 with zh 1:2, en 1:3 alone.
python3 - "$work/it/reply.zh.en.alignment.xml" "$work/fixed.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
tree = ET.parse(sys.argv[1])
group = tree.getroot()
links = list(group)
split = next(k for k, link in enumerate(links) if link.get("type") == "2-1")
links[split].attrib.update({"type": "1-1", "xtargets": "1:2;1:2", "status": "man"})
group.insert(split + 1, ET.Element("link", {"type": "1-0", "xtargets": "1:3;", "status": "man"}))
tree.write(sys.argv[2], encoding="utf-8", xml_declaration=True)
PY
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/fixed.xml" --links "$work/fixed.align" \
  -o "$work/fixed.tmx" --tmx-keep-null
diff "$work/fixed.align" - <<'LINKS' || fail "the corrected InterText links differ"
[0]:[0]
[1]:[1]
[]:[2]
[2]:[3]
LINKS
[[ "$(grep -o '<prop type="x-origin">[a-z]*' "$work/fixed.tmx" | sed 's/.*>//' | tr '\n' ' ')" == "auto manual manual auto " ]] ||
  fail "TMX x-origin marks: $(grep -o 'x-origin">[a-z]*' "$work/fixed.tmx")"
# Written again as InterText, the person's links stay status man.
expect_exit 0 "$untm" align --presplit "${pair[@]}" --id reply --from-links "$work/fixed.xml" --links "$work/again.xml"
[[ "$(grep -o 'status="[a-z]*"' "$work/again.xml" | tr '\n' ' ')" == 'status="auto" status="man" status="man" status="auto" ' ]] ||
  fail "statuses written back: $(cat "$work/again.xml")"

# .align -> InterText -> .align: the same links.
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/auto.align" --links "$work/auto.xml"
expect_exit 0 "$untm" align --presplit "${pair[@]}" --from-links "$work/auto.xml" --links "$work/back.align"
diff "$work/auto.align" "$work/back.align" || fail ".align through InterText changed the links"

# Files that do not fit the documents: refused with the file and the line.
refused() {  # LINKS MESSAGE
  printf "<?xml version='1.0' encoding='utf-8'?>\n<linkGrp toDoc='r.en.xml' fromDoc='r.zh.xml'>\n$1</linkGrp>\n" \
    > "$work/bad.xml"
  expect_exit 1 "$untm" align --presplit "${pair[@]}" --from-links "$work/bad.xml" -o "$work/bad.tsv"
  expect_contains "$work/err" "bad.xml"
  expect_contains "$work/err" "$2"
  [[ ! -e "$work/bad.tsv" ]] || fail "an output was written from bad links"
}
refused "<link xtargets='1:1;1:1'/>\n<link xtargets='1:5;1:2'/>\n" "line 4: no sentence '1:5' in the second document"
refused "<link xtargets='1:1 1:3;1:1'/>\n" "line 3: the sentences of a link must be consecutive"
refused "<link xtargets='1:2;1:2'/>\n<link xtargets='1:1;1:1'/>\n" 'line 4: .*overlaps or comes before'
refused "<link xtargets='1:1;1:1'>\n" 'line 4: malformed XML'

# With --from-links nothing is aligned: options only the aligner uses are refused.
for option in "--min-confidence 0.5" "--em-iterations 3" "--no-anchors" "--no-learn"; do
  expect_exit 64 "$untm" align --presplit "${pair[@]}" --from-links "$work/auto.align" -o "$work/x.tsv" $option
  expect_contains "$work/err" "${option%% *} cannot be used with --from-links"
done
# The InterText files are outputs: one that is an input of the run is refused.
cp "$work/fixed.xml" "$work/it/in.zh.xml"
expect_exit 64 "$untm" align --presplit "${pair[@]}" --from-links "$work/it/in.zh.xml" --intertext "$work/it/in"
expect_contains "$work/err" "--intertext"
echo "align intertext: ok"
