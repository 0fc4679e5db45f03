#!/usr/bin/env bash
# Builds the Debian packages of a release build (CPack: untm and untm-dev)
# and checks them as a user's machine would see them (issue #15): untm's
# Depends name the shared libraries the program needs and the unpacked program
# answers `untm --version`; untm-dev's Depends name the -dev packages its
# untmConfig.cmake looks for, and a project of its own builds with
# find_package(untm) against the unpacked files alone.
# Kept out of ctest (cpack installs the whole tree again: slow).
#   scripts/test-deb.sh [BUILD_DIR]          # default build/release
#   scripts/test-deb.sh BUILD_DIR --install  # also dpkg -i / untm --version / dpkg -r (root)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

(cd "$build" && cpack -G DEB -B "$work/package" > "$work/cpack.log" 2>&1) || fail "cpack: $(tail -20 "$work/cpack.log")"
deb=$(find "$work/package" -maxdepth 1 -name 'untm_*.deb' | head -1)
dev=$(find "$work/package" -maxdepth 1 -name 'untm-dev_*.deb' | head -1)
[[ -n $deb && -n $dev ]] || fail "cpack made no untm_*.deb and untm-dev_*.deb: $(ls "$work/package")"
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
echo "$(basename "$deb"): Depends: $depends"
# dpkg-shlibdeps found the libraries the program links (not a hand-kept list).
for library in libicu libpoppler-cpp libzip libzstd libc6 libstdc++6 libboost-program-options; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library"
done
dev_depends=$(dpkg-deb -f "$dev" Depends)
echo "$(basename "$dev"): Depends: $dev_depends"
# Each package that untmConfig.cmake's find_dependency / pkg_check_modules need.
for package in libfmt-dev libpugixml-dev libicu-dev libzstd-dev libzip-dev libpoppler-cpp-dev pkg-config; do
  [[ $dev_depends == *"$package"* ]] || fail "untm-dev Depends lacks $package"
done

dpkg -x "$deb" "$work/root"
[[ $("$work/root/usr/bin/untm" --version) == "untm $version" ]] || fail "unpacked untm --version"
for file in usr/share/man/man1/untm-align.1 usr/share/bash-completion/completions/untm; do
  [[ -f $work/root/$file ]] || fail "the untm package lacks /$file"
done
[[ ! -e $work/root/usr/include ]] || fail "the untm package holds headers (they belong in untm-dev)"
dpkg -x "$dev" "$work/dev"
for file in usr/include/untm/core/error.h; do
  [[ -f $work/dev/$file ]] || fail "the untm-dev package lacks /$file"
done
[[ -n $(find "$work/dev" -name untmConfig.cmake) ]] || fail "the untm-dev package lacks untmConfig.cmake"
[[ ! -e $work/dev/usr/bin/untm ]] || fail "the untm-dev package holds the program"

# A project of its own against the unpacked untm-dev (as installed under /usr).
cmake -S tests/install/consumer -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/dev/usr" \
  -DCMAKE_BUILD_TYPE=Release > "$work/consumer.log" 2>&1 || fail "consumer configure: $(tail -20 "$work/consumer.log")"
cmake --build "$work/consumer" -j2 >> "$work/consumer.log" 2>&1 || fail "consumer build: $(tail -30 "$work/consumer.log")"
[[ $("$work/consumer/consumer_split") == "sentences: 3" ]] || fail "consumer_split printed: $("$work/consumer/consumer_split")"

if [[ ${2:-} == --install ]]; then
  dpkg -i "$deb" "$dev"
  [[ $(untm --version) == "untm $version" ]] || fail "installed untm --version"
  dpkg -r untm-dev untm
fi
echo "deb: ok"
