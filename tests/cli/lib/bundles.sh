# Shared by tests/cli/bundle_*.sh (sourced after common.sh): builds small
# bundles from the hand-made replies in tests/data/bundle with `untm align
# --presplit`, one document per reply, and merges them into all.tmx.zst.
# A failure here is a failure of the test: bundle writing is what they test.
bundle_data="$source_dir/tests/data/bundle"

make_bundles() {
  local reply
  for reply in a b c; do
    expect_exit 0 "$untm" align --presplit "$bundle_data/reply-$reply.zh" "$bundle_data/reply-$reply.en" \
      -o "$work/$reply.tmx.zst"
    [[ -s "$work/$reply.tmx.zst" ]] || fail "untm align wrote no bundle for reply-$reply"
  done
  expect_exit 0 "$untm" bundle merge "$work/a.tmx.zst" "$work/b.tmx.zst" "$work/c.tmx.zst" -o "$work/all.tmx.zst"
  [[ -s "$work/all.tmx.zst" ]] || fail "untm bundle merge wrote no bundle"
}
