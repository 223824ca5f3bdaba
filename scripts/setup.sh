#!/usr/bin/env bash
# Shared by run.sh and test.sh: install the Debian packages that are missing, then
# configure and build. Safe to run again: it installs nothing and rebuilds only what
# changed when everything is already there.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${VD_BUILD_DIR:-"$root/build"}

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev            # Core, Gui, Widgets, Network, Test
    qt6-httpserver-dev      # the embedded mock's HTTP adapter
    qt6-websockets-dev      # HttpServer's CMake config requires it (not a package dependency on bookworm)
    qtkeychain-qt6-dev      # tokens in the system keychain
    libssl-dev              # OpenSSL 3 libcrypto: the mock signs its id_tokens (RS256)
    libsecret-1-0           # QtKeychain's libsecret backend is loaded at run time
    libgl-dev               # Qt6Gui's CMake config looks for OpenGL headers
    xvfb xauth              # run.sh without a display, screenshots
    wrk                     # tests/bench throughput figures
    curl                    # the README curl walkthrough test
    python3                 # tests/bench/droppers.py: the load test's clients that give up mid-request
)
# The sanitizer and fuzz build (CMakePresets.json "asan"): in CI, or when VD_SANITIZERS=1.
if [ "${CI:-}" = true ] || [ "${VD_SANITIZERS:-0}" = 1 ]; then
    packages+=(
        clang-14            # clang++-14: ASan, UBSan, libFuzzer
        libclang-rt-14-dev  # their runtimes (only recommended by clang-14)
        llvm-14             # llvm-symbolizer-14: file and line numbers in sanitizer reports
    )
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing missing packages: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${VD_BUILD_TYPE:-RelWithDebInfo}" ${VD_CMAKE_ARGS:-}
fi
cmake --build "$build_dir" --parallel "$(nproc)"
