#!/usr/bin/env bash
# Every public page and API list against /healthz, in one run (see pages.py for the settings).
# Usage: Benchmarks/pages.sh [URL]    Start a release server on the demo data first:
#   BRIDGEWORK_DATA_DIR=$(mktemp -d) LOG_LEVEL=warning .build/release/bridgework serve --port 8080 &
set -euo pipefail
cd "$(dirname "$0")"
command -v wrk >/dev/null || { echo "pages.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }
exec python3 pages.py "$@"
