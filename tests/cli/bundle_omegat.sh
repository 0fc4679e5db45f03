#!/usr/bin/env bash
# OmegaT as a translator uses it: a project whose tm/auto/ holds the bundle's
# TMX (as `zstd -dc` prints it) gets the Chinese of the English sentences it
# finds there, run headless (console-translate takes a few seconds).
source "$(dirname "$0")/lib/common.sh" "$@"
source "$(dirname "$0")/lib/bundles.sh"
make_bundles
need_tool omegat "Debian: omegat"

project="$work/project"
mkdir -p "$project"/{source,target,tm/auto,glossary,dictionary,omegat}
zstd -q -dc "$work/all.tmx.zst" > "$project/tm/auto/un.tmx"
# Two English sentences of the replies, and one no unit holds.
cat > "$project/source/reply.txt" <<'TEXT'
Cuba considers that there is a close relationship between disarmament and development.

Mexico reiterates its commitment to the Treaty on the Non-Proliferation of Nuclear Weapons.

This sentence is in no translation memory.
TEXT
cat > "$project/omegat.project" <<'XML'
<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>EN</source_lang>
        <target_lang>ZH</target_lang>
        <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML
# OmegaT keeps its settings in $HOME/.omegat: give it a scratch home.
HOME="$work" timeout 60 omegat --mode=console-translate "$project" > "$work/omegat.log" 2>&1 \
  || fail "omegat console-translate failed: $(tail -n 5 "$work/omegat.log")"
target="$project/target/reply.txt"
[[ -f "$target" ]] || fail "omegat wrote no translated document"
grep -qx '古巴认为，裁军与发展之间存在密切关系。' "$target" || fail "omegat did not use the unit for the Cuba sentence"
grep -qx '墨西哥重申其对《不扩散核武器条约》的承诺。' "$target" || fail "omegat did not use the unit for the Mexico sentence"
grep -qx 'This sentence is in no translation memory.' "$target" || fail "omegat changed a sentence with no match"
echo "ok"
