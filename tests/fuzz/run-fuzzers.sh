#!/usr/bin/env bash
# Runs every fuzz target of a VD_BUILD_FUZZ build, one after the other, each for SECONDS on
# a scratch copy of its committed seeds with its dictionary, and prints libFuzzer's figures.
# Exits non-zero when a target crashes, leaks, trips an oracle or runs out of memory or
# time; the input that did it is left in BUILD_DIR/fuzz-artifacts/.
# Usage: tests/fuzz/run-fuzzers.sh [BUILD_DIR (build-asan)] [SECONDS (60)] [TARGET...]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build_dir=$(cd "${1:-$root/build-asan}" && pwd)
seconds=${2:-60}
shift $(( $# > 2 ? 2 : $# ))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(fuzz_response fuzz_mock_router fuzz_url_template)

# shellcheck source=/dev/null
source "$build_dir/sanitizer-env.sh" # the sanitizer options and suppressions ctest uses
artifacts="$build_dir/fuzz-artifacts"
mkdir -p "$artifacts"
status=0
for target in "${targets[@]}"; do
    binary="$build_dir/tests/fuzz/$target"
    corpus=$(mktemp -d)
    log="$artifacts/$target.log"
    # New inputs go to the scratch directory; the committed seeds are only read.
    if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -dict="$here/$target.dict" -artifact_prefix="$artifacts/$target-" \
        "$corpus" "$here/corpus/$target" >"$log" 2>&1; then
        result=ok
    else
        result=FAILED
        status=1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
    coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*' "$log" | tail -1)
    echo "$target: $result after ${seconds}s, ${runs:-?} runs, ${speed:-?} exec/s, ${coverage:-no coverage line}"
    if [ "$result" = FAILED ]; then
        grep -E 'ERROR|SUMMARY|fuzz oracle|Test unit written' "$log" || tail -30 "$log"
    fi
    rm -rf "$corpus"
done
exit $status
