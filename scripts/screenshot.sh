#!/usr/bin/env bash
# Screenshots of the real window on the embedded mock under Xvfb, for README and for looking
# at changes the way a person would: docs/screenshots/main-window.png (light),
# main-window-dark.png (Fusion, dark palette), the mock workbench, the connection editor's
# plain-http warning and CA problem, the offer to replace a refused token, and the inspector
# with "Mask personal data" on, and "Sign in with ZITADEL" (the editor, the sign-in bar, signed in).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/setup.sh"
build_dir=${VD_BUILD_DIR:-"$root/build"}
out=${1:-"$root/docs/screenshots"}
mkdir -p "$out"
shoot() {
    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1400x900x24" "$build_dir/tests/tools/screenshot-tour" "$@"
}
shoot "$out/main-window.png" --return-code
shoot "$out/main-window-dark.png" --dark --user 312909075211944347
shoot "$out/mock-workbench.png" --panel outbox --user 312909075211944347
shoot "$out/profile-plain-http.png" --profile-dialog warning
shoot "$out/profile-extra-ca.png" --profile-dialog ca
shoot "$out/token-offer.png" --token-offer
shoot "$out/token-update.png" --token-offer --token-dialog
shoot "$out/inspector-masked.png" --mask --return-code
shoot "$out/profile-sign-in.png" --profile-dialog sign-in
shoot "$out/sign-in-needed.png" --sign-in needed
shoot "$out/signed-in.png" --sign-in signed-in
