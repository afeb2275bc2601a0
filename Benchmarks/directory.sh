#!/usr/bin/env bash
# Directory benchmark: /healthz (the ceiling) and the directory's search page, measured in one run
# with wrk at 32 connections, appended to Benchmarks/RESULTS.md with requests per second, p50 and
# p99 for each, and each page's ratio to the ceiling.
#
# Usage: Benchmarks/directory.sh [URL]     (default http://127.0.0.1:8080; loopback only)
# Prepare a large directory first (see Benchmarks/README.md):
#   BRIDGEWORK_DATA_DIR=$(mktemp -d) BRIDGEWORK_NO_DEMO=1 .build/release/bridgework generate --organisations 20000 --people 50000
set -euo pipefail
cd "$(dirname "$0")"
URL="${1:-http://127.0.0.1:8080}"
export CONNECTIONS="${CONNECTIONS:-32}"
export PATHS="${PATHS:-/organisations?q=riverside /organisations?q=common%20ground&method=mediation /organisations?theme=faith&page=40}"
before="$(ls results/*.txt 2>/dev/null | wc -l)"
./run.sh "$URL"
latest="$(ls -t results/*.txt | head -n 1)"
[ "$(ls results/*.txt | wc -l)" -gt "$before" ] || { echo "directory.sh: run.sh wrote no results" >&2; exit 1; }

organisations="${ORGANISATIONS_NOTE:-see the generate command used}"
{
    echo
    echo "## $(date -u +%Y-%m-%d\ %H:%M) UTC — directory search, $CONNECTIONS connections"
    echo
    echo "Server: \`$URL\`, data: $organisations. Full wrk output: \`$latest\`."
    echo
    echo "| path | req/s | ratio to /healthz | p50 | p99 |"
    echo "|---|---|---|---|---|"
    awk '/^path /{table=1; next} table && NF==0 {exit} table {printf "| `%s` | %s | %s | %s | %s |\n", $1, $3, $4, $5, $6}' "$latest"
} >> RESULTS.md
echo "appended to Benchmarks/RESULTS.md"
