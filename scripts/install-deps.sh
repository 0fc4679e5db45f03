#!/usr/bin/env bash
# Installs the Debian packages untm needs to build and test, if missing.
# Usage: scripts/install-deps.sh [--test]   (--test adds what the tests use)
set -euo pipefail

packages=(cmake g++ make ccache pkg-config libicu-dev libboost-program-options-dev
          libfmt-dev libzstd-dev zlib1g-dev zstd catch2 libpugixml-dev libzip-dev libpoppler-cpp-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(clang libclang-rt-14-dev libxml2-utils translate-toolkit python3
             python3-nltk python3-numba parallel omegat python3-docx libreoffice-writer-nogui
             fonts-wqy-microhei poppler-utils qpdf strace man-db chromium nodejs)
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
if (( ${#missing[@]} )); then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  (( EUID != 0 )) && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
