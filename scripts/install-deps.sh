#!/usr/bin/env bash
# Installs every Debian 12 package Warroom needs to build, run and test.
# Safe to run again: apt-get skips what is already there.
set -euo pipefail

packages=(
  g++ cmake make ninja-build dpkg-dev file ccache clang-format
  clang libclang-rt-14-dev
  qt6-base-dev libqt6opengl6-dev qt6-charts-dev qtkeychain-qt6-dev
  libqt6sql6-sqlite libqt6sql6-psql qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-qpa-plugins libqt6svg6 libgl-dev
  xvfb xauth x11-apps poppler-utils fonts-dejavu-core
  dbus dbus-x11 gnome-keyring libsecret-tools
  postgresql sqlite3
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
