#!/usr/bin/env bash
# Directory benchmark: /healthz (the ceiling) and directory searches, measured in one run with wrk,
# appended to Benchmarks/RESULTS.md with requests per second, p50, p99 and each one's ratio to the
# ceiling.
#
# Usage: Benchmarks/directory.sh [URL]     (default http://127.0.0.1:8080; loopback only)
#
# MODE (environment) chooses what is measured, each beside /healthz in the same run:
#   one     three fixed searches, each repeated (what a cache of recent searches answers)
#   many    searches drawn from 4,000 different paths (directory_urls.py): words, prefixes,
#           filters and pages, as a population of people makes them
#   writes  the same many searches while one organisation is edited a second through the API
#           (TOKEN: a bearer token of a coordinator; see Benchmarks/README.md)
#   all     many, then writes, then many at 4 connections (the p99 target)  [default]
# CONNECTIONS (32), DURATION (15s), THREADS (2).
#
# Prepare a large directory first (see Benchmarks/README.md).
set -euo pipefail
cd "$(dirname "$0")"
URL="${1:-http://127.0.0.1:8080}"
URL="${URL%/}"
MODE="${MODE:-all}"
CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-15s}"
THREADS="${THREADS:-2}"
die() { echo "directory.sh: $*" >&2; exit 1; }

host="$(printf '%s' "$URL" | sed -E 's#^[a-zA-Z]+://##; s#/.*$##; s#:[0-9]+$##')"
case "$host" in localhost|127.*) ;; *) die "refusing to load-test '$host': loopback only" ;; esac
command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
[ "$(curl -fsS --max-time 5 "$URL/healthz" 2>/dev/null || true)" = ok ] || die "no server answering at $URL/healthz"

if [ "$MODE" = one ]; then
    export CONNECTIONS
    export PATHS="${PATHS:-/organisations?q=riverside /organisations?q=common%20ground&method=mediation /organisations?theme=faith&page=40}"
    ./run.sh "$URL"
    exit 0
fi

mkdir -p results
stamp="$(date +%Y-%m-%d-%H%M%S)"
out="results/$stamp-directory.txt"
paths_file="results/$stamp-paths.txt"
python3 directory_urls.py 4000 1 >"$paths_file"
export PATHS_FILE="$paths_file"
pid="$(pgrep -f "bridgework serve" | head -n 1 || true)"

# wrk LABEL CONNECTIONS [script] -> a table row; keeps wrk's output in $out
row() {
    local label="$1" connections="$2" script="${3:-}" result rps p50 p99 errors ratio rss=""
    local args=(-t"$THREADS" -c"$connections" -d"$DURATION" --latency)
    [ -n "$script" ] && args+=(-s many_paths.lua)
    timeout 60 wrk -t"$THREADS" -c"$connections" -d3s ${script:+-s many_paths.lua} "$URL$([ -z "$script" ] && echo /healthz)" >/dev/null 2>&1 || true
    result="$(timeout 600 wrk "${args[@]}" "$URL$([ -z "$script" ] && echo /healthz)" 2>&1)"
    { echo "---- $label ($connections connections)"; echo "$result"; echo; } >>"$out"
    rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$result")"
    p50="$(awk '$1 == "50%" {print $2}' <<<"$result")"
    p99="$(awk '$1 == "99%" {print $2}' <<<"$result")"
    errors="$(awk -F: '/Non-2xx or 3xx responses/ {gsub(/ /, "", $2); print $2}' <<<"$result")"
    [ -n "$pid" ] && rss="$(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$pid/status" 2>/dev/null || true)"
    ratio="$(awk -v a="$rps" -v b="${CEILING:-$rps}" 'BEGIN { printf "%.2f", a / b }')"
    echo "| $label | $connections | $rps | $ratio | $p50 | $p99 | ${errors:-0} | ${rss:-?} |"
}

writer_pid=""
stop_writer() { [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null || true; }
trap stop_writer EXIT
start_writer() {
    [ -n "${TOKEN:-}" ] || die "MODE=writes needs TOKEN (a coordinator's API token)"
    local ids
    ids="$(for page in 1 2; do curl -fsS "$URL/api/v1/organisations?page=$page"; echo; done \
        | python3 -c 'import json,sys; print(" ".join(o["slug"] for line in sys.stdin if line.strip() for o in json.loads(line)["data"]))')"
    [ -n "$ids" ] || die "could not list organisations to edit"
    (
        n=0
        for id in $ids $ids $ids $ids $ids $ids; do
            n=$((n + 1))
            code="$(curl -s -o /dev/null -w '%{http_code}' -X PATCH -H "Authorization: Bearer $TOKEN" \
                -H 'Content-Type: application/json' --data "{\"summary\": \"Edited during a benchmark, write $n.\"}" \
                "$URL/api/v1/organisations/$id")"
            echo "$code" >>"results/$stamp-writes.txt"
            sleep 1
        done
    ) &
    writer_pid=$!
}

{
    echo "Bridgework directory benchmark $stamp ($MODE), commit $(git rev-parse --short HEAD 2>/dev/null || echo none)"
    echo "server: $URL, wrk -t$THREADS -d$DURATION, paths: $paths_file (4,000 different searches)"
    echo
} >"$out"
table=()
CEILING=""
healthz="$(row /healthz "$CONNECTIONS")"
CEILING="$(awk -F'|' '{gsub(/ /, "", $4); print $4}' <<<"$healthz")"
table+=("$healthz")
if [ "$MODE" = many ] || [ "$MODE" = all ]; then
    table+=("$(row "4,000 searches" "$CONNECTIONS" script)")
fi
if [ "$MODE" = writes ] || [ "$MODE" = all ]; then
    start_writer
    table+=("$(row "4,000 searches, one edit a second" "$CONNECTIONS" script)")
    stop_writer
    writer_pid=""
    if [ -f "results/$stamp-writes.txt" ]; then
        table+=("| (edits during that run: $(wc -l <"results/$stamp-writes.txt") sent, $(grep -c '^200$' "results/$stamp-writes.txt" || true) answered 200) | | | | | | | |")
    fi
fi
if [ "$MODE" = all ]; then
    table+=("$(row "4,000 searches" 4 script)")
fi

{
    echo
    echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC — directory search, many different searches"
    echo
    echo "Server: \`$URL\`, data: ${ORGANISATIONS_NOTE:-see the generate command used}. Full wrk output: \`$out\`."
    echo
    echo "| what | connections | req/s | ratio to /healthz | p50 | p99 | non-2xx | server memory |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${table[@]}"
} | tee -a RESULTS.md
