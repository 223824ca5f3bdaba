#!/usr/bin/env bash
# Set up a fresh Debian 12 machine if needed, build, and run every test.
# Arguments are passed on to ctest (e.g. -R Client).
# In CI (CI=true), or with VD_SANITIZERS=1, it then also builds the "asan" preset
# (clang, ASan + UBSan + LeakSanitizer, the fuzzers) in build-asan, runs each fuzzer for
# VD_FUZZ_SECONDS (15) on its seeds, and runs every test again under the sanitizers.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Each part's wall time and the CPU time (user + system) of what it ran: on a busy machine
# the CPU figure is the one to compare.
times_file=$(mktemp)
read_cpu() { # sets $cpu to the CPU seconds of every finished child; `times` must run in this shell
    times >"$times_file"
    cpu=$(awk 'NR == 2 { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%d", u[1] * 60 + u[2] + s[1] * 60 + s[2] }' "$times_file")
}
read_cpu
started=$SECONDS
started_cpu=$cpu
took() {
    read_cpu
    echo "test.sh: $1 took $((SECONDS - started)) s ($((cpu - started_cpu)) s CPU)"
    started=$SECONDS
    started_cpu=$cpu
}

# CI builds without debug info: the same -O2 code as RelWithDebInfo, a third less compile time.
[ "${CI:-}" != true ] || export VD_BUILD_TYPE=${VD_BUILD_TYPE:-Release}
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
    tests/fuzz/run-fuzzers.sh build-asan "${VD_FUZZ_SECONDS:-15}"
    took "the fuzzers"
    # ctest gives each test the sanitizer options (cmake/Sanitizers.cmake).
    (cd build-asan && ctest --output-on-failure --parallel "$(nproc)" --timeout 600 "$@")
    took "the tests under ASan + UBSan + LeakSanitizer"
fi
