#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, then use what it put there as a
# user would (issue #15): the program and its version, `man untm-align`, bash
# completion, and a project of its own built with find_package(untm) and with
# pkg-config, linked and run.
# usage: install_test.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$1" source_dir="$2" version="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
prefix="$work/prefix"

cmake --install "$build" --prefix "$prefix" > "$work/install.log" || fail "cmake --install: $(cat "$work/install.log")"
pcdir=$(find "$prefix" -name untm.pc -printf '%h\n' | head -1)
[[ -n $pcdir ]] || fail "no untm.pc installed"
libdir=$(dirname "$pcdir")
for file in bin/untm share/man/man1/untm.1 share/man/man1/untm-align.1 share/man/man1/untm-bundle.1 \
    share/bash-completion/completions/untm share/zsh/vendor-completions/_untm include/untm/split/sentence_splitter.h; do
  [[ -f $prefix/$file ]] || fail "$file not installed"
done
[[ -f $libdir/cmake/untm/untmConfig.cmake && -f $libdir/cmake/untm/untmConfigVersion.cmake ]] ||
  fail "no untmConfig.cmake / untmConfigVersion.cmake beside $libdir"

# The program.
[[ $("$prefix/bin/untm" --version) == "untm $version" ]] || fail "untm --version: $("$prefix/bin/untm" --version)"

# man untm-align: the page renders and lists the command's options.
MANWIDTH=80 man -l "$prefix/share/man/man1/untm-align.1" > "$work/man.txt" 2> "$work/man.err"
grep -q 'untm-align - align a Chinese and an English document' "$work/man.txt" || fail "man untm-align: no NAME line"
grep -q -- '--min-confidence' "$work/man.txt" || fail "man untm-align lacks --min-confidence"
MANWIDTH=80 man -l "$prefix/share/man/man1/untm-bundle.1" | grep -q 'BUNDLE EXPORT' || fail "man untm-bundle lacks export"

# Every command the program lists has its page, and the pages give every exit
# code of exit_codes.h (both derived at build time, none kept by hand).
commands=$("$prefix/bin/untm" --help | sed -n '/^commands:/,/^$/s/^  \([a-z]\+\) .*/\1/p')
[[ $(wc -w <<< "$commands") -ge 6 ]] || fail "untm --help lists only: $commands"
for command in $commands; do
  [[ -f $prefix/share/man/man1/untm-$command.1 ]] || fail "no man page for 'untm $command'"
done
MANWIDTH=80 man -l "$prefix/share/man/man1/untm.1" > "$work/untm.txt" 2> /dev/null
for code in $(sed -n 's/^ *kExit[A-Za-z]* *= *\([0-9]*\),.*/\1/p' "$source_dir/tools/untm/exit_codes.h"); do
  grep -qE "^ +$code\b" "$work/untm.txt" || fail "man untm lacks exit code $code"
done

# The ENVIRONMENT section names every variable the program reads (found in
# its source, so a new one cannot go undocumented).
variables=$(grep -rhoE '(getenv|environment)\(?"?,? ?"[A-Z][A-Z_]+"' "$source_dir/tools/untm" | grep -oE '[A-Z][A-Z_]+' | sort -u)
[[ $(wc -w <<< "$variables") -ge 5 ]] || fail "found only these variables in tools/untm: $variables"
sed -n '/^ENVIRONMENT/,/^EXIT STATUS/p' "$work/untm.txt" > "$work/environment.txt"
for variable in $variables; do
  [[ $variable == HOME ]] && continue
  grep -q "$variable" "$work/environment.txt" || fail "man untm's ENVIRONMENT lacks $variable"
done

# Bash completion: what TAB offers after `untm al`, `untm align --mi`, `untm bundle ex`.
complete_words() {  # WORD...: the completions of the last word
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _untm; echo "${COMPREPLY[*]}"' \
    _ "$prefix/share/bash-completion/completions/untm" "$@"
}
[[ $(complete_words untm al) == align ]] || fail "completion of 'untm al': $(complete_words untm al)"
[[ $(complete_words untm align --min) == --min-confidence ]] || fail "completion of 'untm align --min'"
[[ $(complete_words untm bundle ex) == export ]] || fail "completion of 'untm bundle ex'"
[[ $(complete_words untm bundle export --fo) == --format ]] || fail "completion of 'untm bundle export --fo'"
[[ $(complete_words untm help ba) == "batch" ]] || fail "completion of 'untm help ba'"

# Zsh completion, where zsh is installed: the candidates the function hands to
# compadd/_describe (zsh filters them by the typed prefix itself).
if command -v zsh > /dev/null; then
  zsh_candidates() {  # CURRENT WORD...
    zsh -f -c 'compadd() { [[ $1 == -a ]] && print -l -- ${(P)2} }; _describe() { print -l -- ${(P)2} }
      _files() { print FILES }; CURRENT=$1; shift; words=("$@"); PREFIX=${words[CURRENT]}; source "$ZSH_FUNCTION"' \
      _ "$@"
  }
  export ZSH_FUNCTION="$prefix/share/zsh/vendor-completions/_untm"
  zsh_candidates 2 untm al | grep -q '^align:' || fail "zsh: 'untm al' does not offer align"
  zsh_candidates 3 untm align --mi | grep -qx -- '--min-confidence' || fail "zsh: 'untm align --mi'"
  zsh_candidates 3 untm bundle ex | grep -qx 'export' || fail "zsh: 'untm bundle ex'"
  zsh_candidates 4 untm bundle export --fo | grep -qx -- '--format' || fail "zsh: 'untm bundle export --fo'"
  zsh_candidates 3 untm align rep | grep -qx FILES || fail "zsh: 'untm align rep' does not complete files"
fi

# A project of its own: find_package(untm), untm::untm and untm::split.
expected=$'sentences: 3\npdf: refused\ntool: '"$version"
cmake -S "$source_dir/tests/install/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release > "$work/consumer.log" 2>&1 || fail "consumer configure: $(tail -20 "$work/consumer.log")"
cmake --build "$work/consumer" -j2 >> "$work/consumer.log" 2>&1 || fail "consumer build: $(tail -30 "$work/consumer.log")"
[[ $("$work/consumer/consumer") == "$expected" ]] || fail "consumer printed: $("$work/consumer/consumer")"
[[ $("$work/consumer/consumer_split") == "sentences: 3" ]] || fail "consumer_split printed: $("$work/consumer/consumer_split")"

# The same program through pkg-config.
export PKG_CONFIG_PATH="$pcdir"
[[ $(pkg-config --modversion untm) == "$version" ]] || fail "pkg-config --modversion untm"
# pkg-config writes its flags for a shell (UNTM_VERSION's quotes escaped), as
# a Makefile's $(shell pkg-config ...) passes them.
eval "flags=($(pkg-config --cflags --libs untm))"
${CXX:-c++} -std=c++20 -O1 "$source_dir/tests/install/consumer/main.cc" -o "$work/consumer_pc" "${flags[@]}" \
  2> "$work/pc.log" || fail "pkg-config build: $(head -30 "$work/pc.log")"
[[ $("$work/consumer_pc") == "$expected" ]] || fail "pkg-config consumer printed: $("$work/consumer_pc")"
echo "install: ok"
