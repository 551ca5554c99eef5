#!/usr/bin/env bash
# Installs what is missing, then configures and builds Warroom into build/ (or $WARROOM_BUILD_DIR).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
build="${WARROOM_BUILD_DIR:-$root/build}"

"$here/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE="${WARROOM_BUILD_TYPE:-RelWithDebInfo}"
cmake --build "$build" -j"$(nproc)"
