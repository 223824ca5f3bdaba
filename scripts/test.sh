#!/usr/bin/env bash
# Set up a fresh Debian 12 machine if needed, build, and run every test.
# Arguments are passed on to ctest (e.g. -R Client).
# In CI (CI=true), or with VD_SANITIZERS=1, it then also builds the "asan" preset
# (clang, ASan + UBSan + LeakSanitizer, the fuzzers) in build-asan, runs each fuzzer for
# VD_FUZZ_SECONDS (25) on its seeds, and runs every test again under the sanitizers.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
started=$SECONDS
took() { echo "test.sh: $1 took $((SECONDS - started)) s"; started=$SECONDS; }

"$root/scripts/setup.sh"
took "set-up and build"
build_dir=${VD_BUILD_DIR:-"$root/build"}
export QT_QPA_PLATFORM=offscreen
export XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)}
(cd "$build_dir" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600 "$@")
took "the tests"

if [ "${CI:-}" = true ] || [ "${VD_SANITIZERS:-0}" = 1 ]; then
    cd "$root"
    [ -f build-asan/CMakeCache.txt ] || cmake --preset asan
    cmake --build --preset asan --parallel "$(nproc)"
    took "the sanitizer build (build-asan)"
    tests/fuzz/run-fuzzers.sh build-asan "${VD_FUZZ_SECONDS:-25}"
    took "the fuzzers"
    # ctest gives each test the sanitizer options (cmake/Sanitizers.cmake).
    (cd build-asan && ctest --output-on-failure --parallel "$(nproc)" --timeout 600 "$@")
    took "the tests under ASan + UBSan + LeakSanitizer"
fi
