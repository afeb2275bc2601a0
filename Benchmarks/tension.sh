#!/usr/bin/env bash
# Tension benchmark: the national view (/alliance, as the coordinator) and one hub's picture (as
# its steward, at 12 and at 156 weeks) over many hubs and weeks of levels and observations. Times
# each page with curl one request at a time (the aim: each under 200 ms), then measures them with
# wrk beside /healthz (the ceiling) in one run per person, and appends it all to Benchmarks/RESULTS.md.
#
# Usage: Benchmarks/tension.sh [URL]     (default http://127.0.0.1:8080; loopback only)
# Prepare the data first (see Benchmarks/README.md):
#   BRIDGEWORK_DATA_DIR=$(mktemp -d) BRIDGEWORK_NO_DEMO=1 .build/release/bridgework generate \
#       --organisations 0 --people 0 --tension-hubs 100 --tension-weeks 156
set -euo pipefail
cd "$(dirname "$0")"
URL="${1:-http://127.0.0.1:8080}"
URL="${URL%/}"
PASSWORD="${TENSION_PASSWORD:-synthetic-benchmark}"
COORDINATOR="${COORDINATOR_EMAIL:-tension-coordinator@synthetic.bridgework.invalid}"
STEWARD="${STEWARD_EMAIL:-tension-steward@synthetic.bridgework.invalid}"
HUB_PATH="${HUB_PATH:-/hubs/synthetic-tension-hub-1/tension}"
NOTE="${DATA_NOTE:-100 synthetic hubs, 156 weeks of levels and observations}"

die() { echo "tension.sh: $*" >&2; exit 1; }
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# Signs in as a browser would (the form's CSRF token, then the credentials); prints the cookie.
cookie_for() {
    local email="$1" token status
    rm -f "$jar"
    token="$(curl -fsS -c "$jar" -b "$jar" "$URL/signin" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
    [ -n "$token" ] || die "no sign-in form at $URL/signin"
    status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
        --data-urlencode "email=$email" --data-urlencode "password=$PASSWORD" "$URL/signin")"
    [ "$status" = 303 ] || die "signing in as $email answered $status"
    awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar"
}

# One request at a time, as a person opening the page: the first (cold) and nine more.
# Prints "first median slowest" in seconds.
one_at_a_time() {
    local path="$1" cookie="$2" times=() sorted status
    status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL$path")"
    [ "$status" = 200 ] || die "$path answered $status"
    for run in 1 2 3 4 5 6 7 8 9 10; do
        times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$URL$path")")
    done
    sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    printf '%s %s %s\n' "${times[0]}" \
        "$(printf '%s\n' "$sorted" | sed -n '5p;6p' | awk '{ s += $1 } END { printf "%.3f", s / NR }')" \
        "$(printf '%s\n' "$sorted" | tail -n 1)"
}

coordinator_cookie="$(cookie_for "$COORDINATOR")"
steward_cookie="$(cookie_for "$STEWARD")"
lines=()
for entry in "/alliance|coordinator" "$HUB_PATH|steward" "$HUB_PATH?weeks=156|steward"; do
    path="${entry%%|*}"
    who="${entry##*|}"
    cookie="$coordinator_cookie"
    [ "$who" = steward ] && cookie="$steward_cookie"
    read -r first median slowest <<<"$(one_at_a_time "$path" "$cookie")"
    echo "$path as the $who, one at a time: first ${first}s, median ${median}s, slowest ${slowest}s"
    lines+=("| \`$path\` | $who | $first | $median | $slowest |")
done

tables=()
for run in "coordinator|/alliance /alliance/public" "steward|$HUB_PATH"; do
    who="${run%%|*}"
    paths="${run##*|}"
    cookie="$coordinator_cookie"
    [ "$who" = steward ] && cookie="$steward_cookie"
    before="$(ls results/*.txt 2>/dev/null | wc -l)"
    CONNECTIONS="${CONNECTIONS:-4}" PATHS="$paths" COOKIE="$cookie" ./run.sh "$URL"
    latest="$(ls -t results/*.txt | head -n 1)"
    [ "$(ls results/*.txt | wc -l)" -gt "$before" ] || die "run.sh wrote no results"
    tables+=("$latest")
done

{
    echo
    echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC — tension watch and national view, $NOTE"
    echo
    echo "Server: \`$URL\`. Full wrk output: \`${tables[0]}\` (as the coordinator) and \`${tables[1]}\` (as the hub's steward)."
    echo
    echo "One request at a time (curl, 10 runs each; the aim is under 0.2 s):"
    echo
    echo "| path | as | first (s) | median (s) | slowest (s) |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${lines[@]}"
    echo
    echo "Under load (wrk, ${CONNECTIONS:-4} connections, beside \`/healthz\`):"
    echo
    echo "| path | req/s | ratio to /healthz | p50 | p99 |"
    echo "|---|---|---|---|---|"
    for table in "${tables[@]}"; do
        awk '/^path /{table=1; next} table && NF==0 {exit} table {printf "| `%s` | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6}' "$table"
    done
} >> RESULTS.md
echo "appended to Benchmarks/RESULTS.md"
