#!/usr/bin/env bash
# untm batch --shard K/N run as the README's GNU parallel recipe does (with
# --sshloginfile; ":" is this machine), then untm bundle merge of the shards
# in order: the same documents and units as the unsharded batch.
source "$(dirname "$0")/lib/common.sh" "$@"
data="$source_dir/tests/data/batch"
cd "$work"

for i in $(seq 10); do
  n=$((101 + i % 3))
  printf 'DOC/%02d\t%s/A_68_%d-ZH.txt\t%s/A_68_%d-EN.txt\n' "$i" "$data" "$n" "$data" "$n"
done > corpus.tsv
date=20131001T120000Z
expect_exit 0 "$untm" batch corpus.tsv -o whole.tmx.zst --date "$date" -q
[[ "$(bundle_document_ids whole.tmx.zst)" == "$(printf 'DOC/%02d ' $(seq 10))" ]] ||
  fail "the unsharded batch holds $(bundle_document_ids whole.tmx.zst)"

need_tool parallel "Debian: parallel"
mkdir shards
echo ":" > hosts.txt
parallel --will-cite --sshloginfile hosts.txt --jobs 2 \
  "$untm" batch corpus.tsv -o shards/part-{}.tmx.zst --shard {}/3 --date "$date" --resume -q ::: 1 2 3 \
  || fail "parallel shard run failed"
expect_exit 0 "$untm" bundle merge shards/part-{1..3}.tmx.zst -o merged.tmx.zst

[[ "$(bundle_document_ids shards/part-1.tmx.zst)" == "DOC/01 DOC/02 DOC/03 " ]] ||
  fail "shard 1 holds $(bundle_document_ids shards/part-1.tmx.zst)"
[[ "$(bundle_document_ids merged.tmx.zst)" == "$(bundle_document_ids whole.tmx.zst)" ]] ||
  fail "merged: $(bundle_document_ids merged.tmx.zst)"
cmp <(zstd -dc whole.tmx.zst) <(zstd -dc merged.tmx.zst) || fail "merged TMX differs from the unsharded TMX"
echo "batch shard + GNU parallel + merge: ok"
