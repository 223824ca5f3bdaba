#!/usr/bin/env bash
# Requests per second of verifydesk-mock on the email resend endpoint under
# wrk -t2 -c32, against a bare QHttpServer returning a constant body, measured in the same
# run in alternating rounds (bare, mock, bare, mock, ...) so that noise hits both alike.
#
#   tests/bench/throughput.sh [seconds-per-round=5] [rounds=3]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${VD_BUILD_DIR:-"$root/build"}
seconds=${1:-5}
rounds=${2:-3}
path=/v2/users/312909075211944345/email/resend

command -v wrk >/dev/null || { echo "wrk is missing: run scripts/setup.sh" >&2; exit 1; }
tmp=$(mktemp -d)
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$tmp"; }
pids=()
trap cleanup EXIT

start() { # name command... (not in a subshell, so the exit trap sees the pid)
    local name=$1; shift
    "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    pids+=($!)
}
url_of() { # name
    for _ in $(seq 100); do
        grep -q '^listening on ' "$tmp/$1.out" 2>/dev/null && break
        sleep 0.05
    done
    sed -n 's/^listening on //p' "$tmp/$1.out" | head -n1
}

start mock "$build/app/verifydesk-mock" --random-seed 1
start bare "$build/tests/bench/bench-bare-server"
mock_url=$(url_of mock)
bare_url=$(url_of bare)
[ -n "$mock_url" ] && [ -n "$bare_url" ] || { echo "a server did not start" >&2; cat "$tmp"/*.err >&2; exit 1; }

rps() { # url
    wrk -t2 -c32 -d"${seconds}s" --latency -s "$root/tests/bench/resend.lua" "$1$path" \
        | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non2xx", $NF > "/dev/stderr"}'
}

declare -a mock_rps bare_rps
for r in $(seq "$rounds"); do
    bare_rps+=("$(rps "$bare_url")")
    mock_rps+=("$(rps "$mock_url")")
    echo "round $r: bare ${bare_rps[-1]} req/s, mock ${mock_rps[-1]} req/s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mb=$(median "${bare_rps[@]}")
mm=$(median "${mock_rps[@]}")
echo "wrk -t2 -c32, ${seconds}s x ${rounds} rounds, POST $path"
echo "median bare QHttpServer: $mb req/s"
echo "median verifydesk-mock:  $mm req/s"
awk -v m="$mm" -v b="$mb" 'BEGIN {printf "mock/bare: %.0f %%\n", 100*m/b}'
