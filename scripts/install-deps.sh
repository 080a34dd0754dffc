#!/usr/bin/env bash
# Installs the Debian 12 packages WordRace needs to build, run and test; does nothing when they
# are all there already. Run as root (or with sudo available).
set -euo pipefail

packages=(
  cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-qpa-plugins libqt6opengl6-dev qt6-charts-dev qt6-svg-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libbenchmark-dev
  clang libclang-rt-14-dev clazy
  xvfb xauth fonts-dejavu-core
  openmpi-bin libopenmpi-dev
  python3
  # The Debian package stage: dpkg-shlibdeps (dpkg-dev) computes its dependencies, lintian and the
  # validators check it, groff/man-db render the man pages, bash-completion runs the completion.
  dpkg-dev lintian appstream desktop-file-utils groff-base man-db bash-completion
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages present"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "install-deps: missing ${missing[*]}; run this as root or install sudo" >&2
    exit 1
  fi
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
