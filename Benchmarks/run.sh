#!/usr/bin/env bash
# Load-test a running Bridgework server with wrk, on loopback only.
#
# Usage: Benchmarks/run.sh [URL]          (default http://127.0.0.1:8080)
#
# Measures /healthz first (the ceiling: the cheapest answer the server gives),
# then each page, and prints requests/sec for each and its ratio to the
# ceiling. Results go to Benchmarks/results/YYYY-MM-DD-HHMMSS.txt.
#
# Optional environment:
#   THREADS (2)  CONNECTIONS (16)  DURATION (10s)  WARMUP (2s, 0 for none)
#   PATHS ("/ /signin")  the pages measured after /healthz
#   COOKIE               sent with every request to the pages (for pages behind sign-in)
set -euo pipefail

BASE_URL="${1:-${BRIDGEWORK_URL:-http://127.0.0.1:8080}}"
BASE_URL="${BASE_URL%/}"
THREADS="${THREADS:-2}"
CONNECTIONS="${CONNECTIONS:-16}"
DURATION="${DURATION:-10s}"
WARMUP="${WARMUP:-2s}"
PATHS="${PATHS:-/ /signin}"
COOKIE="${COOKIE:-}"

cd "$(dirname "$0")"
HERE="$(pwd)"

die() { echo "run.sh: $*" >&2; exit 1; }

command -v wrk >/dev/null 2>&1 || die "wrk is not installed (apt-get install wrk)"
command -v curl >/dev/null 2>&1 || die "curl is not installed (apt-get install curl)"

# Loopback only: never send load anywhere else.
host="$(printf '%s' "$BASE_URL" | sed -E 's#^[a-zA-Z]+://##; s#/.*$##; s#^\[([^]]*)\].*$#\1#; s#:[0-9]+$##')"
case "$host" in
    localhost|127.*|::1) ;;
    *) die "refusing to load-test '$host': only loopback addresses (127.0.0.0/8, localhost, [::1])" ;;
esac
case "$BASE_URL" in http://*) ;; *) die "use an http:// URL on loopback" ;; esac

health="$(curl -fsS --max-time 5 "$BASE_URL/healthz" 2>/dev/null || true)"
[ "$health" = "ok" ] || die "no server answering 'ok' at $BASE_URL/healthz; start it first (see Benchmarks/README.md)"

mkdir -p results
stamp="$(date +%Y-%m-%d-%H%M%S)"
out="results/$stamp.txt"
tmp="results/$stamp.tmp"
details="results/$stamp.details.tmp"
trap 'rm -f "$tmp" "$details"' EXIT
commit="$(git -C "$HERE" rev-parse --short HEAD 2>/dev/null || echo none)"
dirty=""
if [ "$commit" != none ] && [ -n "$(git -C "$HERE" status --porcelain -- ../Sources ../Package.swift 2>/dev/null)" ]; then
    dirty=" (with uncommitted changes)"
fi

{
    echo "Bridgework benchmark $stamp"
    echo "server:   $BASE_URL"
    echo "commit:   $commit$dirty"
    echo "machine:  $(nproc) cores, $(uname -m), $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')"
    echo "wrk:      -t$THREADS -c$CONNECTIONS -d$DURATION --latency (warm-up $WARMUP per path)"
    echo
} >"$tmp"

# measure PATH -> sets RPS, P50, P99, ERRS, STATUS and keeps wrk's output in $details
measure() {
    local path="$1" target="$BASE_URL$1" status
    local headers=()
    [ -n "$COOKIE" ] && [ "$path" != /healthz ] && headers=(-H "Cookie: $COOKIE")
    status="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "${headers[@]}" "$target" || true)"
    if [ "$WARMUP" != 0 ] && [ "$WARMUP" != 0s ]; then
        timeout 120 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" "${headers[@]}" "$target" >/dev/null 2>&1 || true
    fi
    local result
    result="$(timeout 600 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${headers[@]}" "$target" 2>&1)" \
        || die "wrk failed on $target:"$'\n'"$result"
    { echo "---- $path (GET answered $status)"; echo "$result"; echo; } >>"$details"
    RPS="$(printf '%s\n' "$result" | awk '/^Requests\/sec:/ {print $2}')"
    P50="$(printf '%s\n' "$result" | awk '$1 == "50%" {print $2}')"
    P99="$(printf '%s\n' "$result" | awk '$1 == "99%" {print $2}')"
    ERRS="$(printf '%s\n' "$result" | awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}')"
    local sock
    sock="$(printf '%s\n' "$result" | sed -n 's/^ *Socket errors: *//p')"
    [ -n "$sock" ] && ERRS="${ERRS:-0}; socket errors: $sock"
    STATUS="$status"
    [ -n "$RPS" ] || die "could not read Requests/sec from wrk's output for $target"
}

rows=()
echo "measuring $BASE_URL with wrk -t$THREADS -c$CONNECTIONS -d$DURATION ..." >&2
measure /healthz
CEILING="$RPS"
rows+=("$(printf '%-20s %6s %12s %8s %10s %10s  %s' /healthz "$STATUS" "$RPS" "1.00" "$P50" "$P99" "${ERRS:-0}")")
for path in $PATHS; do
    echo "  $path ..." >&2
    measure "$path"
    ratio="$(awk -v a="$RPS" -v b="$CEILING" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')"
    rows+=("$(printf '%-20s %6s %12s %8s %10s %10s  %s' "$path" "$STATUS" "$RPS" "$ratio" "$P50" "$P99" "${ERRS:-0}")")
done

table="$(
    printf '%-20s %6s %12s %8s %10s %10s  %s\n' path status "req/s" "/ceiling" p50 p99 "non-2xx/3xx"
    printf '%s\n' "${rows[@]}"
)"
{ echo "$table"; echo; echo "==== wrk output"; cat "$details"; } >>"$tmp"
mv "$tmp" "$out"

echo
echo "$table"
echo
echo "full wrk output: Benchmarks/$out"
