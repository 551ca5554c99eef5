#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test with CTest.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${WARROOM_BUILD_DIR:-$(dirname "$here")/build}"
"$here/build.sh"
cd "$build"
ctest --output-on-failure -j"$(nproc)" --timeout 600
