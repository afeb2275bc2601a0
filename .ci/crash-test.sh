#!/usr/bin/env bash
# The crash test (Tests/ops/crash_test.py) on SQLite, then on PostgreSQL: a write load while the
# server is SIGKILLed 20 times and restarted; every acknowledged write must still be there.
#
# Runs after the debug build, as root (for PostgreSQL). About a minute per database.
# Usage: bash .ci/crash-test.sh
#
# Optional environment:
#   BRIDGEWORK_BIN     the server binary (default .build/debug/bridgework)
#   CRASH_SEED         replay a run: the seed a failed run printed (both databases get it)
#   CRASH_ARGS         more arguments for crash_test.py (e.g. "--strict" or "--kills 5")
#   CRASH_TIMEOUT      limit for each database's run (default 110s; a run takes about 50 s)
#   CRASH_SKIP_POSTGRES=1  SQLite only
#
# For PostgreSQL it sources .ci/start-postgres.sh with its own database, `bridgework_crash`, so it
# never touches the Swift tests' `bridgework_test`. On exit it drops that database, and stops
# PostgreSQL only if this script was the one that started it.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
START=$SECONDS
BIN="${BRIDGEWORK_BIN:-$ROOT/.build/debug/bridgework}"
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY="$(command -v python3)"
TIMEOUT="${CRASH_TIMEOUT:-110s}"
read -r -a EXTRA <<<"${CRASH_ARGS:-}"
[ -n "${CRASH_SEED:-}" ] && EXTRA+=(--seed "$CRASH_SEED")

[ -x "$BIN" ] || { echo "crash-test: no server binary at $BIN (build first, or set BRIDGEWORK_BIN)"; exit 2; }
"$PY" -c 'import requests' 2>/dev/null || { echo "crash-test: $PY has no 'requests' (make the .venv first)"; exit 2; }

PG_STARTED=""        # how to stop PostgreSQL, if this script started it
PG_ADMIN_URL=""      # where to drop the crash database from
PG_DB=bridgework_crash

cleanup() {
    local rc=$?
    set +e
    if [ -n "$PG_ADMIN_URL" ]; then
        psql -X -q "$PG_ADMIN_URL" -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)" >/dev/null 2>&1 \
            && echo "crash-test: dropped the database $PG_DB"
    fi
    if [ -n "$PG_STARTED" ]; then
        echo "crash-test: stopping the PostgreSQL this script started ($PG_STARTED)"
        eval "$PG_STARTED" >/dev/null 2>&1
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

run() {  # run NAME ARGS...: one database's crash test, bounded in time
    local name="$1"; shift
    local t=$SECONDS rc=0
    echo
    echo "---- crash test: $name"
    timeout -k 15s "$TIMEOUT" env BRIDGEWORK_BIN="$BIN" "$PY" "$ROOT/Tests/ops/crash_test.py" "$@" \
        "${EXTRA[@]+"${EXTRA[@]}"}" || rc=$?
    [ "$rc" -eq 124 ] && echo "crash-test: $name ran past $TIMEOUT and was stopped"
    echo "---- crash test: $name took $((SECONDS - t))s (exit $rc)"
    return "$rc"
}

failed=()
run SQLite --database sqlite || failed+=(SQLite)

if [ -n "${CRASH_SKIP_POSTGRES:-}" ]; then
    echo "crash-test: PostgreSQL skipped (CRASH_SKIP_POSTGRES is set)"
else
    # Was a cluster already running, and which private clusters exist, before start-postgres.sh?
    was_online="$(pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}' || true)"
    private_before="$(ls -d /tmp/bridgework-pg.* 2>/dev/null || true)"
    export PG_TEST_DB="$PG_DB"
    # shellcheck source=start-postgres.sh
    if . "$ROOT/.ci/start-postgres.sh" >/dev/null; then
        PG_ADMIN_URL="$(printf '%s' "$DATABASE_URL" | sed -E "s#/$PG_DB([?]|\$)#/postgres\\1#")"
        now_online="$(pg_lsclusters --no-header 2>/dev/null | awk '$4 == "online" {print $1 " " $2}' | head -n 1 || true)"
        if [ -z "$was_online" ] && [ -n "$now_online" ]; then
            PG_STARTED="pg_ctlcluster $now_online stop"
        fi
        for dir in /tmp/bridgework-pg.*; do
            [ -d "$dir" ] || continue
            case $'\n'"$private_before"$'\n' in *$'\n'"$dir"$'\n'*) continue ;; esac
            bindir="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
            PG_STARTED="su -s /bin/sh postgres -c \"$bindir/pg_ctl -D $dir/data -m fast stop\"; rm -rf $dir"
        done
        run PostgreSQL --database postgres --database-url "$DATABASE_URL" || failed+=(PostgreSQL)
    else
        echo "crash-test: PostgreSQL could not be started"
        failed+=("PostgreSQL (not started)")
    fi
fi

echo
if [ "${#failed[@]}" -gt 0 ]; then
    echo "crash-test: FAILED on ${failed[*]} ($((SECONDS - START))s in all)"
    exit 1
fi
databases="SQLite and PostgreSQL"
[ -n "${CRASH_SKIP_POSTGRES:-}" ] && databases="SQLite"
echo "crash-test: passed on $databases ($((SECONDS - START))s in all)"
