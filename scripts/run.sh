#!/usr/bin/env bash
# Set up a fresh Debian 12 machine if needed, build, and start Verify Desk on the embedded mock.
# Arguments are passed on to the program.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
build_dir=${VD_BUILD_DIR:-"$root/build"}
exec "$build_dir/app/verifydesk-mock" "$@"
