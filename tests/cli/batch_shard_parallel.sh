#!/usr/bin/env bash
# untm batch --shard K/N run as the README's GNU parallel recipe does (with
# --sshloginfile; ":" is this machine), then untm bundle merge of the shards
# in order: the same documents and units as the unsharded batch.
set -euo pipefail
untm="$1"
data="$UNTM_SOURCE_DIR/tests/data/batch"
command -v parallel > /dev/null || { echo "GNU parallel missing (Debian: parallel)"; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
cd "$work"

for i in $(seq 10); do
  n=$((101 + i % 3))
  printf 'DOC/%02d\t%s/A_68_%d-ZH.txt\t%s/A_68_%d-EN.txt\n' "$i" "$data" "$n" "$data" "$n"
done > corpus.tsv
date=20131001T120000Z
"$untm" batch corpus.tsv -o whole.tmx.zst --date "$date" -q || fail "unsharded batch failed"

mkdir shards
echo ":" > hosts.txt
parallel --will-cite --sshloginfile hosts.txt --jobs 2 \
  "$untm" batch corpus.tsv -o shards/part-{}.tmx.zst --shard {}/3 --date "$date" --resume -q ::: 1 2 3 \
  || fail "parallel shard run failed"
"$untm" bundle merge shards/part-{1..3}.tmx.zst -o merged.tmx.zst || fail "merge failed"

ids() { zstd -dc "$1" | grep -o '<prop type="x-document">[^<]*' | sed 's/.*>//' | uniq | tr '\n' ' '; }
[[ "$(ids shards/part-1.tmx.zst)" == "DOC/01 DOC/02 DOC/03 " ]] || fail "shard 1 holds $(ids shards/part-1.tmx.zst)"
[[ "$(ids merged.tmx.zst)" == "$(ids whole.tmx.zst)" ]] || fail "merged: $(ids merged.tmx.zst)"
cmp <(zstd -dc whole.tmx.zst) <(zstd -dc merged.tmx.zst) || fail "merged TMX differs from the unsharded TMX"
echo "batch shard + GNU parallel + merge: ok"
