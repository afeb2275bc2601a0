#!/usr/bin/env bash
# Impact benchmark: a survey whose project holds 100,000 answers. Signs in as the synthetic
# project's admin (the heaviest view: every figure, the paired dot plot and the written answers),
# times the analysis page with curl one request at a time (the "under a second" aim), then measures
# it with wrk beside /healthz (the ceiling) in one run, and appends both to Benchmarks/RESULTS.md.
#
# Usage: Benchmarks/impact.sh [URL]     (default http://127.0.0.1:8080; loopback only)
# Prepare the data first (see Benchmarks/README.md):
#   BRIDGEWORK_DATA_DIR=$(mktemp -d) BRIDGEWORK_NO_DEMO=1 .build/release/bridgework generate --organisations 0 --people 0 --survey-answers 100000
# The command prints the analysis page's path; pass it as ANALYSIS_PATH.
set -euo pipefail
cd "$(dirname "$0")"
URL="${1:-http://127.0.0.1:8080}"
URL="${URL%/}"
EMAIL="${ADMIN_EMAIL:-impact-admin@synthetic.bridgework.invalid}"
PASSWORD="${ADMIN_PASSWORD:-synthetic-benchmark}"
: "${ANALYSIS_PATH:?set ANALYSIS_PATH to the path the generate command printed}"
NOTE="${DATA_NOTE:-100,000 synthetic survey answers}"

die() { echo "impact.sh: $*" >&2; exit 1; }
jar="$(mktemp)"
trap 'rm -f "$jar"' EXIT

# Sign in as a browser would: the form's CSRF token, then the credentials.
token="$(curl -fsS -c "$jar" -b "$jar" "$URL/signin" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -n 1)"
[ -n "$token" ] || die "no sign-in form at $URL/signin"
status="$(curl -s -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$URL/signin")"
[ "$status" = 303 ] || die "signing in as $EMAIL answered $status"
cookie="$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$jar")"
page_status="$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$URL$ANALYSIS_PATH")"
[ "$page_status" = 200 ] || die "the analysis page answered $page_status"

# One request at a time, as a person opening the page: the first (cold) and nine more.
times=()
for run in 1 2 3 4 5 6 7 8 9 10; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $cookie" "$URL$ANALYSIS_PATH")")
done
sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
first="${times[0]}"
median="$(printf '%s\n' "$sorted" | sed -n '5p;6p' | awk '{ s += $1 } END { printf "%.3f", s / NR }')"
slowest="$(printf '%s\n' "$sorted" | tail -n 1)"
echo "analysis page, one at a time: first ${first}s, median ${median}s, slowest ${slowest}s"

before="$(ls results/*.txt 2>/dev/null | wc -l)"
CONNECTIONS="${CONNECTIONS:-4}" PATHS="$ANALYSIS_PATH" COOKIE="$cookie" ./run.sh "$URL"
latest="$(ls -t results/*.txt | head -n 1)"
[ "$(ls results/*.txt | wc -l)" -gt "$before" ] || die "run.sh wrote no results"

{
    echo
    echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC — survey analysis, $NOTE"
    echo
    echo "Server: \`$URL\`, signed in as the project's admin. Full wrk output: \`$latest\`."
    echo
    echo "One request at a time (curl, 10 runs): first ${first} s, median ${median} s, slowest ${slowest} s."
    echo
    echo "| path | req/s | ratio to /healthz | p50 | p99 |"
    echo "|---|---|---|---|---|"
    awk '/^path /{table=1; next} table && NF==0 {exit} table {printf "| `%s` | %s | %s | %s | %s |\n", ($1 ~ /analysis$/ ? "survey analysis" : $1), $3, $4, $5, $6}' "$latest"
} >> RESULTS.md
echo "appended to Benchmarks/RESULTS.md"
