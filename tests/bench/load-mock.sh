#!/usr/bin/env bash
# Load and faults on verifydesk-mock: wrk with a mix of real ZITADEL calls (load-mix.lua) and,
# at the same time, clients that give up mid-request in every way (droppers.py). Checks that
# the mock survives and still answers, and that its file descriptors and memory come back to
# where they were; prints a figure block. Exit status: 0 pass, 1 a check failed, 2 a usage or
# set-up problem.
#
#   tests/bench/load-mock.sh [--duration S=60] [--connections N=32] [--threads N=2]
#                            [--droppers N=6] [--held-ms MS=300] [--rss-tolerance-mb MB=8]
#                            [--smoke] [--mock PATH] [--quiet]
#
# Memory: the mock keeps the newest 10 000 outbox messages and the newest 10 000 request log
# entries (bodies capped at 4 KiB each), so its memory legitimately grows until both are full.
# The warm-up runs the same load, droppers included, until the admin API reports both full,
# then waits for every connection to close: "before" is measured there. After the measured
# run the mock must hold no more fds than before, and its RSS must be within
# --rss-tolerance-mb of before (the allocator keeps some freed pages; anything kept per
# request would show as far more: a 60 s run is 10^5-10^6 requests and thousands of drops).
#
# --smoke (ctest LoadMockSmoke): no warm-up and a 6 s run; checks no crash, no fd leak (against
# the idle count), every answer as expected and the mock healthy afterwards. RSS is shown but
# not checked, since the outbox and the log are still filling.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/tests/bench"
duration=60
connections=32
threads=2
droppers=6
held_ms=300
rss_tolerance_mb=8
mock=${VD_BUILD_DIR:-"$root/build"}/app/verifydesk-mock
quiet=0
smoke=0
warmup_seconds=5
warmup_rounds_max=8
settle_seconds=30
ring_capacity=10000 # MockRouter::LogCapacity and MockZitadel::OutboxCapacity

usage() { sed -n '8,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,3\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case $1 in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --droppers) droppers=$2; shift 2 ;;
    --held-ms) held_ms=$2; shift 2 ;;
    --rss-tolerance-mb) rss_tolerance_mb=$2; shift 2 ;;
    --smoke) smoke=1; duration=6; warmup_rounds_max=0; shift ;;
    --mock) mock=$2; shift 2 ;;
    --quiet) quiet=1; shift ;;
    *) usage ;;
    esac
done
command -v wrk >/dev/null || { echo "load-mock: wrk is missing (scripts/setup.sh installs it)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "load-mock: python3 is missing" >&2; exit 2; }
[ -x "$mock" ] || { echo "load-mock: no verifydesk-mock at $mock (build it, or pass --mock)" >&2; exit 2; }

tmp=$(mktemp -d)
pid=""
helpers=()
cleanup() {
    for p in "${helpers[@]}"; do kill "$p" 2>/dev/null || true; done
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    wait 2>/dev/null || true
    rm -rf "$tmp"
}
trap cleanup EXIT
say() { [ "$quiet" = 1 ] || echo "load-mock: [${SECONDS}s] $*" >&2; }
helper() { python3 "$here/droppers.py" "$@"; }
field() { sed -n "s/.*\\b$1=\\([^ ]*\\).*/\\1/p"; } # KEY of a "key=value ..." line on stdin
mb() { awk -v k="$1" 'BEGIN {printf "%.1f MB", k / 1024}'; }

admin_token=vdmock_load_$$_$RANDOM$RANDOM
"$mock" --port 0 --random-seed 7 --admin-token "$admin_token" >"$tmp/mock.out" 2>"$tmp/mock.err" &
pid=$!
for _ in $(seq 200); do grep -q '^listening on ' "$tmp/mock.out" 2>/dev/null && break; sleep 0.05; done
url=$(sed -n 's/^listening on //p' "$tmp/mock.out" | head -n1)
[ -n "$url" ] || { echo "load-mock: verifydesk-mock did not start" >&2; cat "$tmp/mock.err" >&2; exit 2; }

alive() { [ -d "/proc/$pid" ] && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null; }
fds() { ls "/proc/$pid/fd" | wc -l; }
kb() { awk -v k="$1:" '$1 == k {print $2}' "/proc/$pid/status"; }
died() { # WHEN
    echo "load-mock: FAIL: verifydesk-mock died $1"
    wait "$pid" && status=0 || status=$?
    echo "  exit status $status$([ "$status" -gt 128 ] && echo " (signal $((status - 128)))")"
    tail -n 20 "$tmp/mock.err"
    exit 1
}

# Faults the droppers abandon: GetMyOrg answers after held_ms, ListOrganizations never. wrk's
# calls are neither, so its figures are the mock's own.
read -r held_path no_answer_path < <(helper faults "$url" --token "$admin_token" --held-ms "$held_ms")
[ -n "${no_answer_path:-}" ] || { echo "load-mock: could not add the fault rules" >&2; exit 2; }
sleep 0.5 # the admin calls' connections are gone
fds_idle=$(fds)

# One round: wrk in the foreground, the droppers beside it, for the same time.
round() { # SECONDS NAME
    helper drop "$url" --seconds "$1" --workers "$droppers" \
        --held-path "$held_path" --held-ms "$held_ms" --no-answer-path "$no_answer_path" >"$tmp/$2.drops" &
    local dropper=$!
    helpers+=("$dropper")
    wrk -t"$threads" -c"$connections" -d"$1s" --timeout 10s -s "$here/load-mix.lua" "$url" >"$tmp/$2.wrk" 2>&1 || true
    wait "$dropper" || true
}
# Waits until the mock holds no more than TARGET fds, i.e. every connection is closed.
settle() { # TARGET
    local deadline=$((SECONDS + settle_seconds))
    while alive && [ "$(fds)" -gt "$1" ] && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
    sleep 1 # the last held answer's timer and the queued deleteLater()s
}

[ "$warmup_rounds_max" = 0 ] || say "warming up on $url"
full=0
stats="log=0 outbox=0 hits=0/0 health=-"
for r in $(seq "$warmup_rounds_max"); do
    round "$warmup_seconds" warmup
    alive || died "during the warm-up"
    stats=$(helper stats "$url" --token "$admin_token")
    say "warm-up round $r: request log $(echo "$stats" | field log), outbox $(echo "$stats" | field outbox)"
    if [ "$(echo "$stats" | field log)" = $ring_capacity ] && [ "$(echo "$stats" | field outbox)" = $ring_capacity ]; then
        full=1
        break
    fi
done
[ "$full" = 1 ] || [ "$smoke" = 1 ] || { echo "load-mock: the warm-up did not fill the outbox and log" >&2; exit 2; }
hits_before=$(echo "$stats" | field hits)
settle "$fds_idle"
fds_before=$(fds)
rss_before=$(kb VmRSS)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

say "measuring: wrk -t$threads -c$connections -d${duration}s + $droppers droppers"
(while alive; do kb VmRSS; sleep 0.5; done) >"$tmp/rss.samples" 2>/dev/null &
helpers+=("$!")
round "$duration" run
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
alive || died "during the run"
settle "$fds_before"
alive || died "after the run"
fds_after=$(fds)
rss_after=$(kb VmRSS)
rss_hwm=$(kb VmHWM)
rss_peak=$(sort -n "$tmp/rss.samples" | tail -n1)
stats=$(helper stats "$url" --token "$admin_token" || true)
health=$(echo "$stats" | field health)
health=${health:--}
hits_after=$(echo "$stats" | field hits)
hits_after=${hits_after:-0/0}

# The figures.
vdload=$(sed -n 's/^VDLOAD //p' "$tmp/run.wrk")
wrk_field() { local v; v=$(echo "$vdload" | field "$1"); echo "${v:-0}"; }
drops=$(cat "$tmp/run.drops")
[ -n "$drops" ] || drops="total=0 failures=1 failureKinds=droppers.py-printed-nothing drops="
drop_field() { echo "$drops" | field "$1"; }
statuses=$(wrk_field status | tr ',' ' ')
held_hits=$((${hits_after%/*} - ${hits_before%/*}))
no_answer_hits=$((${hits_after#*/} - ${hits_before#*/}))
{
    echo "verifydesk-mock under load: wrk -t$threads -c$connections -d${duration}s (load-mix.lua) + $droppers droppers"
    awk -v n="$(wrk_field requests)" -v us="$(wrk_field duration_us)" 'BEGIN {
        printf "  requests            %d in %.1f s = %.0f req/s\n", n, us / 1e6, (us > 0 ? n / (us / 1e6) : 0) }'
    awk -v a="$(wrk_field p50_us)" -v b="$(wrk_field p99_us)" -v c="$(wrk_field max_us)" 'BEGIN {
        printf "  latency             p50 %.2f ms, p99 %.2f ms, max %.1f ms\n", a / 1e3, b / 1e3, c / 1e3 }'
    echo "  wrk socket errors   connect $(wrk_field connect), read $(wrk_field read), write $(wrk_field write), timeout $(wrk_field timeout)"
    echo "  answers by status   $statuses (400: verify with a wrong code, 2 of the 14 calls, expected)"
    echo "  drops performed     $(drop_field total): $(drop_field drops | sed 's/:/ /g; s/,/, /g')"
    echo "  drop failures       $(drop_field failureKinds) (connects refused or unanswered); the mock closed first: $(drop_field serverClosedFirst)"
    echo "  faults hit          ${held_ms} ms latency (held, then abandoned): $held_hits; no answer: $no_answer_hits"
    echo "  fds                 idle $fds_idle, before the run $fds_before, after it $fds_after"
    echo "  RSS                 before the run $(mb "$rss_before"), peak in it $(mb "$rss_peak"), after it $(mb "$rss_after"); VmHWM $(mb "$rss_hwm")$([ "$full" = 1 ] && echo "; outbox and request log full before the run")"
    echo "  health afterwards   GET /v2/users/{id} -> $health"
    echo "  machine load        $load_before before, $load_after at the end (1/5/15 min, $(nproc) cores)"
} >"$tmp/figures"

# The checks.
failures=()
[ "$fds_before" -le "$fds_idle" ] || failures+=("fds after the warm-up ($fds_before) > idle ($fds_idle)")
[ "$fds_after" -le "$fds_before" ] || failures+=("fds after the run ($fds_after) > before it ($fds_before)")
if [ "$smoke" = 0 ]; then
    [ "$rss_after" -le $((rss_before + rss_tolerance_mb * 1024)) ] ||
        failures+=("RSS after the run $(mb "$rss_after") > before it $(mb "$rss_before") + $rss_tolerance_mb MB")
fi
[ "$health" = 200 ] || failures+=("the mock did not answer GET /v2/users/{id} after the run ($health)")
[ -n "$vdload" ] || { failures+=("wrk printed no summary"); cat "$tmp/run.wrk"; }
[ "$(wrk_field requests)" -gt 0 ] || failures+=("wrk completed no request")
for status in $statuses; do
    case $status in 2??:* | 400:*) ;; *) failures+=("unexpected answers: $status") ;; esac
done
errors=$(($(wrk_field connect) + $(wrk_field read) + $(wrk_field write) + $(wrk_field timeout)))
[ "$errors" = 0 ] || failures+=("wrk saw $errors socket errors")
[ "$(drop_field failures)" = 0 ] || failures+=("droppers could not connect: $(drop_field failureKinds)")
[ "$held_hits" -gt 0 ] || failures+=("no dropper was held by the latency fault")

cat "$tmp/figures"
if [ ${#failures[@]} -gt 0 ]; then
    printf '  FAIL: %s\n' "${failures[@]}"
    [ -s "$tmp/mock.err" ] && { echo "verifydesk-mock stderr:"; tail -n 20 "$tmp/mock.err"; }
    exit 1
fi
if [ "$smoke" = 1 ]; then
    echo "  PASS: no crash, fds back to the idle level, every answer as expected (RSS not checked in --smoke)"
else
    echo "  PASS: no crash, fds back and RSS within $rss_tolerance_mb MB of the post-warm-up level, every answer as expected"
fi
