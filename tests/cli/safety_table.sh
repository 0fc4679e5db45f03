#!/usr/bin/env bash
# Issue #10, "no file lost", as a table: one row per case, with the command
# (and the failure strace injects, if any), the exit code it must end with and
# the files that must stay byte-identical.
# An output naming an input or another output of the same run (however
# spelled: ./, .., a symlink, a hard link) is refused (64) before any work; an
# output that cannot be written is found (74) before any alignment. Then the
# --links-dir file names, and the resume cases (settings, spelling, failed
# documents, a discarded journal).
source "$(dirname "$0")/lib/common.sh" "$@"
need_tool strace "scripts/install-deps.sh --test"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
data="$source_dir/tests/data/batch"
cd "$work"

cp "$source_dir/corpora/demo/reply-zh.txt" a.zh
cp "$source_dir/corpora/demo/reply-en.txt" a.en
ln a.en hard.en
ln -s a.en link.en
mkdir sub docs outdir outdir.tsv
cp "$data/A_68_101-ZH.txt" docs/X.zh
cp "$data/A_68_101-EN.txt" docs/X.en
echo old-tsv >f.tsv
echo old-zh >p.zh
echo old-en >p.en
echo old-bundle >b.tmx.zst
printf 'd1\ta.zh\ta.en\n' >manifest.tsv
expect_exit 0 "$untm" batch -q manifest.tsv -o real.tmx.zst --date 20131001T120000Z
cp real.tmx.zst other.tmx.zst

# ROW: name|strace fault injected, or -|command (run in $work)|exit code|files that must stay byte-identical
# The faults (Debian strace) fail a rename or an fsync: the old files stay, no temporary is left.
rows=(
  "split -o its input|-|split --lang en a.en -o a.en|64|a.en"
  "split -o its input through ..|-|split --lang en a.en -o sub/../a.en|64|a.en"
  "split -o a hard link of its input|-|split --lang en a.en -o hard.en|64|a.en"
  "split -o a symlink to its input|-|split --lang en a.en -o link.en|64|a.en"
  "align -o and --links one file, spelled apart|-|align a.zh a.en -o f.tsv --links ./sub/../f.tsv|64|f.tsv"
  "align --links its first input|-|align a.zh a.en --links a.zh|64|a.zh a.en"
  "align --report its second input|-|align a.zh a.en --report $work/a.en|64|a.zh a.en"
  "align -o F.tsv --links F.tsv|-|align a.zh a.en -o f.tsv --links f.tsv|64|f.tsv a.zh a.en"
  "align --report equal to -o|-|align a.zh a.en -o f.tsv --report ./f.tsv|64|f.tsv"
  "align Moses pair onto its inputs|-|align p.zh p.en -o p.moses|64|p.zh p.en"
  "align --save-lexicon its input|-|align a.zh a.en -o f.tsv --save-lexicon a.en|64|a.en f.tsv"
  "batch -o its manifest|-|batch -q manifest.tsv -o manifest.tsv|64|manifest.tsv"
  "batch --report equal to -o|-|batch -q manifest.tsv -o b.tmx.zst --report b.tmx.zst|64|b.tmx.zst"
  "batch --report a document|-|batch -q manifest.tsv -o b.tmx.zst --report a.en|64|b.tmx.zst a.en"
  "batch -o a document of its folder|-|batch -q docs -o docs/X.en|64|docs/X.en docs/X.zh"
  "batch -o a link file of --links-dir|-|batch -q manifest.tsv -o L/d1.align --links-dir L|64|manifest.tsv"
  "batch --links-dir onto an input file|-|batch -q manifest.tsv -o b.tmx.zst --links-dir a.en|64|a.en b.tmx.zst"
  "bundle export -o its bundle|-|bundle export real.tmx.zst --format tsv -o real.tmx.zst|64|real.tmx.zst"
  "bundle cat -o its bundle|-|bundle cat real.tmx.zst -o ./real.tmx.zst|64|real.tmx.zst"
  "bundle merge -o one of its inputs|-|bundle merge real.tmx.zst other.tmx.zst -o other.tmx.zst|64|real.tmx.zst other.tmx.zst"
  "batch -o a folder|-|batch -q manifest.tsv -o outdir|74|manifest.tsv"
  "batch --report in a missing folder|-|batch -q manifest.tsv -o b.tmx.zst --report nowhere/r.jsonl|74|b.tmx.zst"
  "batch --links-dir under a file|-|batch -q manifest.tsv -o b.tmx.zst --links-dir a.en/links|74|b.tmx.zst a.en"
  "batch -o in a missing folder|-|batch -q manifest.tsv -o nowhere/b.tmx.zst|74|manifest.tsv"
  "align -o a folder|-|align a.zh a.en -o outdir.tsv --links f.tsv|74|f.tsv"
  "align -o in a missing folder|-|align a.zh a.en -o nowhere/x.tsv --links f.tsv|74|f.tsv"
  "split -o a folder|-|split --lang en a.en -o outdir|74|a.en"
  "Moses pair, second rename fails|rename:error=EIO:when=2|align a.zh a.en -o p.moses|74|p.zh p.en"
  "Moses pair, first rename fails|rename:error=EIO:when=1|align a.zh a.en -o p.moses|74|p.zh p.en"
  "Moses pair, disk full at fsync|fsync:error=ENOSPC|align a.zh a.en -o p.moses|74|p.zh p.en"
  "align -o, rename fails|rename:error=EIO|align a.zh a.en -o f.tsv|74|f.tsv"
  "align -o, disk full at fsync|fsync:error=ENOSPC|align a.zh a.en -o f.tsv|74|f.tsv"
  "split -o, disk full at fsync|fsync:error=ENOSPC|split --lang en a.en -o f.tsv|74|f.tsv"
)
for row in "${rows[@]}"; do
  IFS='|' read -r name fault command code kept <<<"$row"
  before=$(md5sum $kept a.zh a.en)
  tracer=()
  [[ $fault == - ]] || tracer=(strace -f -o /dev/null -e inject="$fault")
  # shellcheck disable=SC2086
  expect_exit "$code" "${tracer[@]}" "$untm" $command
  [[ $(md5sum $kept a.zh a.en) == "$before" ]] || fail "$name: files changed"
  [[ -z $(find . -name '*.untm-journal' -o -name '*.untm-tmp-*') ]] || fail "$name: left $(find . -name '*.untm-*')"
  [[ ! -e nowhere && ! -e L/d1.align ]] || fail "$name: wrote an output"
  if [[ $code == 64 ]]; then expect_contains "$work/err" "is the same file as"; fi
done

# A batch stopped by an unwritable output wrote nothing and aligned nothing:
# the check comes before the work, so no link file either.
expect_exit 74 "$untm" batch manifest.tsv -o outdir --links-dir L2
expect_lacks "$work/err" "documents aligned"
[[ -z $(ls L2) ]] || fail "a batch refused for its -o wrote link files"

# --links-dir names: every file inside the folder, one per id, however the
# ids look alike or try to leave the folder.
printf '%s\ta.zh\ta.en\n' x ./x ../escape "$work/abs" 'A/68/155' >ids.tsv
expect_exit 0 "$untm" batch -q ids.tsv -o ids.tmx.zst --links-dir links
[[ $(find links -type f | wc -l) == 5 ]] || fail "expected 5 link files, got: $(find links -type f)"
[[ ! -e escape.align && ! -e abs.align && ! -e links/A ]] || fail "a link file left the folder or made a subfolder"
for name in x.align %2E%2Fx.align %2E.%2Fescape.align A%2F68%2F155.align; do
  [[ -s links/$name ]] || fail "no links/$name: $(ls links)"
done

# Resume. A batch whose bundle cannot be renamed into place keeps its journal
# (all documents journaled): the state a resume starts from.
interrupted_batch() {  # ARGS...
  expect_exit 74 strace -f -o /dev/null -e inject=rename:error=EIO "$untm" batch -q --no-learn "$@"
  [[ -e r.tmx.zst.untm-journal ]] || fail "no journal after an interrupted batch"
}
printf 'd1\ta.zh\ta.en\nd2\tlater.zh\ta.en\n' >resume.tsv
interrupted_batch resume.tsv -o r.tmx.zst --original-lang en
expect_exit 1 "$untm" batch -q --no-learn resume.tsv -o r.tmx.zst --resume --original-lang zh
expect_contains "$work/err" "another batch"
# The same manifest, named by an absolute path from another folder, and the
# bundle likewise: the same batch, and the failed d2 is examined again once
# its input exists.
cp a.zh later.zh
(cd sub && expect_exit 0 "$untm" batch --no-learn "$work/resume.tsv" -o ../r.tmx.zst --resume --original-lang en)
expect_contains "$work/err" "2 of 2 documents aligned (1 from an earlier run)"
[[ ! -e r.tmx.zst.untm-journal ]] || fail "a finished resume kept its journal"
# A rerun without --resume says it discards the journal, even with -q.
interrupted_batch resume.tsv -o r.tmx.zst
expect_exit 0 "$untm" batch -q --no-learn resume.tsv -o r.tmx.zst
expect_contains "$work/err" "starting over"
echo "safety table: ok"
