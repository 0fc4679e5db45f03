#!/usr/bin/env bash
# Builds the Debian package of a release build (CPack) and checks it as a
# user's machine would see it (issue #15): its Depends name the shared
# libraries untm needs, and the unpacked program answers `untm --version`.
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
[[ -n $deb ]] || fail "cpack made no untm_*.deb"
version=$(dpkg-deb -f "$deb" Version)
depends=$(dpkg-deb -f "$deb" Depends)
echo "$(basename "$deb"): Depends: $depends"
# dpkg-shlibdeps found the libraries the program links (not a hand-kept list).
for library in libicu libpoppler-cpp libzip libzstd libc6 libstdc++6 libboost-program-options; do
  [[ $depends == *"$library"* ]] || fail "Depends lacks $library"
done

dpkg -x "$deb" "$work/root"
[[ $("$work/root/usr/bin/untm" --version) == "untm $version" ]] || fail "unpacked untm --version"
for file in usr/share/man/man1/untm-align.1 usr/share/bash-completion/completions/untm usr/include/untm/core/error.h; do
  [[ -f $work/root/$file ]] || fail "the package lacks /$file"
done
if [[ ${2:-} == --install ]]; then
  dpkg -i "$deb"
  [[ $(untm --version) == "untm $version" ]] || fail "installed untm --version"
  dpkg -r untm
fi
echo "deb: ok"
