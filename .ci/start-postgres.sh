#!/usr/bin/env bash
# Start PostgreSQL for the tests and create a fresh `bridgework_test` database.
#
# Run it (`bash .ci/start-postgres.sh`) or source it (`. .ci/start-postgres.sh`).
# Either way it prints the DATABASE_URL line; when sourced it also exports
# DATABASE_URL into the calling shell.
#
# Must run as root. It uses, in order:
#   1. the Debian cluster that `pg_lsclusters` lists (started with pg_ctlcluster);
#   2. otherwise a private cluster made with initdb in a temp dir, owned by the
#      postgres user, started with pg_ctl on port 5432 (or the next free port).
# The role `bridgework` (password `bridgework`) owns the database, so it may
# CREATE SCHEMA in it. A database of that name that already exists is dropped.
#
# Optional environment: PG_TEST_DB (default bridgework_test),
# PG_TEST_USER / PG_TEST_PASSWORD (default bridgework / bridgework),
# PG_FORCE_PRIVATE=1 (skip the Debian cluster; always make a private one).

_bw_pg_main() {
    set -euo pipefail

    local db="${PG_TEST_DB:-bridgework_test}"
    local user="${PG_TEST_USER:-bridgework}"
    local password="${PG_TEST_PASSWORD:-bridgework}"
    local port="" sockdir="" mode=""

    log() { echo "[start-postgres] $*" >&2; }

    if [ "$(id -u)" -ne 0 ]; then
        log "must run as root"; return 1
    fi

    if ! command -v pg_lsclusters >/dev/null 2>&1 && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
        log "PostgreSQL is not installed; installing it with apt-get"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >/dev/null
        apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    fi

    port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

    as_postgres() { (cd / && su -s /bin/sh postgres -c "$1"); }

    # --- 1. the Debian cluster, when there is one ---------------------------
    if [ -z "${PG_FORCE_PRIVATE:-}" ] && command -v pg_lsclusters >/dev/null 2>&1; then
        # Columns: Ver Cluster Port Status Owner Data-directory Log-file
        local line ver name
        line="$(pg_lsclusters --no-header 2>/dev/null | sort -V -k1,1 | tail -n 1 || true)"
        if [ -n "$line" ]; then
            read -r ver name port _ <<<"$line"
            if pg_ctlcluster "$ver" "$name" status >/dev/null 2>&1; then
                log "cluster $ver/$name already running on port $port"
                mode="debian"
            else
                log "starting cluster $ver/$name (port $port)"
                if pg_ctlcluster "$ver" "$name" start; then
                    mode="debian"
                else
                    log "pg_ctlcluster $ver $name start failed; falling back to a private cluster"
                fi
            fi
            sockdir="/var/run/postgresql"
        fi
    fi

    # --- 2. otherwise a private cluster in a temp dir -----------------------
    if [ -z "$mode" ]; then
        local bindir pgdata
        bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
        [ -n "$bindir" ] || { log "no PostgreSQL binaries under /usr/lib/postgresql"; return 1; }
        pgdata="$(mktemp -d /tmp/bridgework-pg.XXXXXX)"
        chown postgres: "$pgdata"
        chmod 700 "$pgdata"
        port=5432
        while port_in_use "$port"; do port=$((port + 1)); done
        log "initdb a private cluster in $pgdata (port $port)"
        as_postgres "'$bindir/initdb' -D '$pgdata/data' -U postgres -A trust -E UTF8 --locale=C.UTF-8 >'$pgdata/initdb.log' 2>&1" \
            || { cat "$pgdata/initdb.log" >&2; return 1; }
        # Password logins over TCP for everyone but the postgres superuser.
        cat >"$pgdata/data/pg_hba.conf" <<EOF
local all postgres trust
local all all scram-sha-256
host  all all 127.0.0.1/32 scram-sha-256
host  all all ::1/128 scram-sha-256
EOF
        chown postgres: "$pgdata/data/pg_hba.conf"
        as_postgres "'$bindir/pg_ctl' -D '$pgdata/data' -l '$pgdata/server.log' -w -t 60 \
            -o \"-p $port -k $pgdata -c listen_addresses=127.0.0.1\" start >&2" \
            || { cat "$pgdata/server.log" >&2; return 1; }
        sockdir="$pgdata"
        mode="private"
        log "private cluster running; stop it with: su postgres -c \"$bindir/pg_ctl -D $pgdata/data stop\""
    fi

    # Wait until it accepts connections.
    local i
    for i in $(seq 1 60); do
        if as_postgres "psql -h '$sockdir' -p $port -d postgres -Atqc 'select 1'" >/dev/null 2>&1; then
            break
        fi
        [ "$i" -eq 60 ] && { log "PostgreSQL did not become ready"; return 1; }
        sleep 1
    done

    # --- role and a fresh database --------------------------------------------
    log "creating role '$user' and a fresh database '$db'"
    (cd / && su -s /bin/sh postgres -c "psql -h '$sockdir' -p $port -d postgres -X -q -v ON_ERROR_STOP=1") <<SQL
SET client_min_messages = warning;
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN
    CREATE ROLE "$user" LOGIN PASSWORD '$password';
  ELSE
    ALTER ROLE "$user" WITH LOGIN PASSWORD '$password';
  END IF;
END
\$\$;
DROP DATABASE IF EXISTS "$db" WITH (FORCE);
CREATE DATABASE "$db" OWNER "$user" ENCODING 'UTF8' TEMPLATE template0;
SQL
    # PostgreSQL 15: public is owned by pg_database_owner, so the owner may use it.

    local url="postgres://$user:$password@127.0.0.1:$port/$db?sslmode=disable"

    # Check that the test user can log in over TCP with its password and create a schema.
    if command -v psql >/dev/null 2>&1; then
        PGPASSWORD="$password" psql -X -q -v ON_ERROR_STOP=1 \
            "host=127.0.0.1 port=$port dbname=$db user=$user sslmode=disable" \
            -c 'CREATE SCHEMA start_postgres_check; DROP SCHEMA start_postgres_check;' >/dev/null \
            || { log "the test user cannot log in or create a schema"; return 1; }
    fi

    export DATABASE_URL="$url"
    echo "DATABASE_URL='$DATABASE_URL'"
}

if (return 0 2>/dev/null); then
    # Sourced: do the work in a separate bash process (so that `set -e` really
    # applies there and nothing leaks into the caller's shell), then export the
    # URL it printed into the calling shell.
    _bw_pg_out="$(bash "${BASH_SOURCE[0]}")" || { echo "[start-postgres] failed" >&2; return 1; }
    echo "$_bw_pg_out"
    DATABASE_URL="$(printf '%s\n' "$_bw_pg_out" | sed -n "s/^DATABASE_URL='\(.*\)'\$/\1/p" | tail -n 1)"
    export DATABASE_URL
    unset _bw_pg_out
    unset -f _bw_pg_main
else
    _bw_pg_main
fi
