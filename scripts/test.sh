#!/usr/bin/env bash
# Set up a fresh Debian 12 machine if needed, build, and run every test.
# Arguments are passed on to ctest (e.g. -R Client).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
build_dir=${VD_BUILD_DIR:-"$root/build"}
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
cd "$build_dir"
ctest --output-on-failure --parallel "$(nproc)" --timeout 600 "$@"
