#!/usr/bin/env bash
# Set up a fresh Debian 12 machine if needed, build, and start Verify Desk on the embedded
# mock (offline, nothing reaches real people). Arguments go to verifydesk, e.g.
#   scripts/run.sh --users-per-org 1000000     a million generated users per organization
#   scripts/run.sh --profile Staging           a saved live connection instead of the mock
# Without a display (a headless server, CI) the window runs inside Xvfb, invisible; use
# scripts/screenshot.sh to look at it there.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
build_dir=${VD_BUILD_DIR:-"$root/build"}
app="$build_dir/app/verifydesk"

args=("$@")
profile_given=false
for arg in "$@"; do
    case "$arg" in --profile | --profile=* | --mock) profile_given=true ;; esac
done
$profile_given || args=(--mock "${args[@]}")

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    echo "No display found: running Verify Desk inside Xvfb (invisible). Ctrl+C stops it." >&2
    exec xvfb-run -a -s "-screen 0 1400x900x24" "$app" "${args[@]}"
fi
exec "$app" "${args[@]}"
