#!/usr/bin/env bash
# Builds untm and aligns the demo pair in corpora/demo/ into demo-out/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
untm=build/release/tools/untm/untm
mkdir -p demo-out
"$untm" split --lang zh corpora/demo/reply-zh.txt > demo-out/reply-zh.sentences.txt
"$untm" split --lang en corpora/demo/reply-en.txt > demo-out/reply-en.sentences.txt
"$untm" align corpora/demo/reply-zh.txt corpora/demo/reply-en.txt -o demo-out/reply.tsv \
  --report demo-out/reply.html
echo "demo: sentence pairs in demo-out/reply.tsv, the review page in demo-out/reply.html"
head -n 5 demo-out/reply.tsv
# A screenshot of the review page, where headless Chromium and node are there.
if command -v chromium > /dev/null && command -v node > /dev/null; then
  node tests/cli/lib/review_page.mjs demo-out/reply.html demo-out --screenshot demo-out/review.png > /dev/null &&
    echo "demo: screenshot of the review page in demo-out/review.png"
fi
