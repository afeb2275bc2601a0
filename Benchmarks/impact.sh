#!/usr/bin/env bash
# Impact benchmark: a survey whose project holds many answers (100,000 or 1,000,000). Signs in as
# the synthetic project's admin (the heaviest view: every figure, the paired dot plot and the
# written answers), times the analysis page and the public roll-up with curl one request at a time
# (the "under a second" aim for each), then measures both with wrk beside /healthz (the ceiling) in
# one run, and appends it all to Benchmarks/RESULTS.md.
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
# Prints "first median slowest" in seconds; pass a cookie, or "" for a visitor.
one_at_a_time() {
    local path="$1" with_cookie="$2" times=() sorted
    for run in 1 2 3 4 5 6 7 8 9 10; do
        if [ -n "$with_cookie" ]; then
            times+=("$(curl -s -o /dev/null -w '%{time_total}' -H "Cookie: $with_cookie" "$URL$path")")
        else
            times+=("$(curl -s -o /dev/null -w '%{time_total}' "$URL$path")")
        fi
    done
    sorted="$(printf '%s\n' "${times[@]}" | sort -n)"
    printf '%s %s %s\n' "${times[0]}" \
        "$(printf '%s\n' "$sorted" | sed -n '5p;6p' | awk '{ s += $1 } END { printf "%.3f", s / NR }')" \
        "$(printf '%s\n' "$sorted" | tail -n 1)"
}
read -r first median slowest <<<"$(one_at_a_time "$ANALYSIS_PATH" "$cookie")"
echo "analysis page, one at a time: first ${first}s, median ${median}s, slowest ${slowest}s"
# The public roll-up, as a visitor (a funder) opens it: every project's pairs added up.
ROLLUP_PATH="${ROLLUP_PATH:-/impact}"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$URL$ROLLUP_PATH")" = 200 ] || die "the roll-up answered non-200"
read -r rollup_first rollup_median rollup_slowest <<<"$(one_at_a_time "$ROLLUP_PATH" "")"
echo "public roll-up, one at a time: first ${rollup_first}s, median ${rollup_median}s, slowest ${rollup_slowest}s"

before="$(ls results/*.txt 2>/dev/null | wc -l)"
CONNECTIONS="${CONNECTIONS:-4}" PATHS="$ANALYSIS_PATH $ROLLUP_PATH" COOKIE="$cookie" ./run.sh "$URL"
latest="$(ls -t results/*.txt | head -n 1)"
[ "$(ls results/*.txt | wc -l)" -gt "$before" ] || die "run.sh wrote no results"

{
    echo
    echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC — survey analysis, $NOTE"
    echo
    echo "Server: \`$URL\`, signed in as the project's admin. Full wrk output: \`$latest\`."
    echo
    echo "One request at a time (curl, 10 runs each): the analysis page first ${first} s, median ${median} s, slowest ${slowest} s; the public roll-up (\`$ROLLUP_PATH\`, as a visitor) first ${rollup_first} s, median ${rollup_median} s, slowest ${rollup_slowest} s."
    echo
    echo "| path | req/s | ratio to /healthz | p50 | p99 |"
    echo "|---|---|---|---|---|"
    awk '/^path /{table=1; next} table && NF==0 {exit} table {printf "| `%s` | %s | %s | %s | %s |\n", ($1 ~ /analysis$/ ? "survey analysis" : $1), $3, $4, $5, $6}' "$latest"
} >> RESULTS.md
echo "appended to Benchmarks/RESULTS.md"
