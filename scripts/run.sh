#!/usr/bin/env bash
# Installs what is missing, builds, and starts the Warroom window. Arguments go to warroom,
# e.g. --demo for a realistic demo incident, --database PATH for another file.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${WARROOM_BUILD_DIR:-$(dirname "$here")/build}"
"$here/build.sh"
exec "$build/app/warroom" "$@"
