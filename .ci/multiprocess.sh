#!/usr/bin/env bash
# Several stateless `bridgework serve` processes behind nginx share one PostgreSQL database
# correctly: sessions, CSRF, event places, the directory search and the sign-in limits.
#
# Runs as root after the debug build (from .ci/run, or by hand): bash .ci/multiprocess.sh
# It installs nginx if it is missing, starts PostgreSQL (.ci/start-postgres.sh) with a database
# of its own (bridgework_multi, never the Swift tests' bridgework_test), migrates it and loads
# the demo once, starts two servers on that database, and puts nginx in front of them:
#   MAIN_PORT    round robin over both processes (as deploy/nginx/bridgework.conf does)
#   PINNED_A/B   one port for each process alone, still through nginx, so a test can say
#                "through process A" and "through process B"
# Then it runs Tests/ops/test_through_proxy.py. Whatever happens, it stops nginx and both
# servers and drops the database; on failure it prints the end of each log.
#
# Optional environment:
#   BRIDGEWORK_BIN  the server binary (default .build/debug/bridgework)
#   MULTI_DB        the database to create and drop (default bridgework_multi)
#   BACKEND_A_PORT, BACKEND_B_PORT, MAIN_PORT, PINNED_A_PORT, PINNED_B_PORT
#                   (defaults 8081, 8082, 8080, 8083, 8084; a port already in use is replaced
#                   by a free one)
#   MULTI_TIMEOUT   limit for the pytest run (default 5m)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT="$(pwd)"
export DEBIAN_FRONTEND=noninteractive
# No __pycache__ or .pytest_cache left in the checkout.
export PYTHONDONTWRITEBYTECODE=1

STARTED=$SECONDS
# `timeout` puts its command in a new process group, out of reach of Ctrl-C at a terminal.
TIMEOUT_OPTS=(-k 10s)
if [ -t 0 ]; then TIMEOUT_OPTS=(--foreground -k 10s); fi
BIN="${BRIDGEWORK_BIN:-$ROOT/.build/debug/bridgework}"
DB_NAME="${MULTI_DB:-bridgework_multi}"
PY="$ROOT/.venv/bin/python"

log() { echo "[multiprocess] $*"; }

[ "$(id -u)" -eq 0 ] || { log "must run as root (it may install nginx and starts PostgreSQL)"; exit 1; }
[ -x "$BIN" ] || { log "no server binary at $BIN (build first, or set BRIDGEWORK_BIN)"; exit 1; }
[ -x "$PY" ] || { log "no venv at $ROOT/.venv (step 1 of .ci/run makes it)"; exit 1; }

need_apt=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need_apt+=(nginx)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ "${#need_apt[@]}" -gt 0 ]; then
    log "apt-get install: ${need_apt[*]}"
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
    "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
USED_PORTS=" 8089 8189 "
pick_port() {
    local wanted="$1" port="$1"
    while port_in_use "$port" || [[ "$USED_PORTS" == *" $port "* ]]; do port="$(free_port)"; done
    [ "$port" = "$wanted" ] || log "port $wanted is in use; using $port instead" >&2
    echo "$port"
}
# Each pick runs in a subshell, so the ports already chosen are passed along by hand.
BACKEND_A_PORT="$(pick_port "${BACKEND_A_PORT:-8081}")"; USED_PORTS+="$BACKEND_A_PORT "
BACKEND_B_PORT="$(pick_port "${BACKEND_B_PORT:-8082}")"; USED_PORTS+="$BACKEND_B_PORT "
MAIN_PORT="$(pick_port "${MAIN_PORT:-8080}")"; USED_PORTS+="$MAIN_PORT "
PINNED_A_PORT="$(pick_port "${PINNED_A_PORT:-8083}")"; USED_PORTS+="$PINNED_A_PORT "
PINNED_B_PORT="$(pick_port "${PINNED_B_PORT:-8084}")"; USED_PORTS+="$PINNED_B_PORT "

WORK="$(mktemp -d /tmp/bridgework-multi.XXXXXX)"
DATA_DIR="$WORK/data"
NGINX_DIR="$WORK/nginx"
mkdir -p "$DATA_DIR" "$NGINX_DIR/tmp"

PID_A="" PID_B="" NGINX_PID="" DB_CREATED="" ADMIN_URL=""

stop_pid() {
    local pid="$1" _
    [ -n "$pid" ] || return 0
    kill "$pid" 2>/dev/null || return 0
    for _ in $(seq 1 20); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

show_logs() {
    local name file
    for name in A B; do
        file="$WORK/server-$name.log"
        [ -f "$file" ] || continue
        echo "-- the last 40 lines of server $name's log ($file):"
        tail -n 40 "$file"
    done
    if [ -f "$NGINX_DIR/error.log" ] && [ -s "$NGINX_DIR/error.log" ]; then
        echo "-- nginx's error log:"
        tail -n 20 "$NGINX_DIR/error.log"
    fi
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    set +e
    if [ "$rc" -ne 0 ]; then
        log "FAILED (exit $rc)"
        show_logs
    fi
    stop_pid "$NGINX_PID"
    stop_pid "$PID_A"
    stop_pid "$PID_B"
    if [ -n "$DB_CREATED" ] && [ -n "$ADMIN_URL" ]; then
        psql "$ADMIN_URL" -X -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS \"$DB_NAME\" WITH (FORCE)" \
            >/dev/null 2>&1 || log "could not drop the database $DB_NAME"
    fi
    rm -rf "$WORK"
    log "took $((SECONDS - STARTED))s"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- PostgreSQL and one database for this step ------------------------------
export PG_TEST_DB="$DB_NAME"
# shellcheck source=start-postgres.sh
. "$ROOT/.ci/start-postgres.sh" >/dev/null
unset PG_TEST_DB
[ -n "${DATABASE_URL:-}" ] || { log "start-postgres.sh gave no DATABASE_URL"; exit 1; }
DB_CREATED=1
# The owner may drop its own database, from the maintenance database.
ADMIN_URL="${DATABASE_URL/\/$DB_NAME\?//postgres?}"
log "database $DB_NAME ready"

# Every process, and every command, reads the same settings.
export DATABASE_URL
export BRIDGEWORK_DATA_DIR="$DATA_DIR"         # mail is written to $DATA_DIR/mail
export BRIDGEWORK_PUBLIC_URL="http://127.0.0.1:$MAIN_PORT"
export BRIDGEWORK_BEHIND_PROXY=1
export LOG_FORMAT=json
unset BRIDGEWORK_SENDMAIL BRIDGEWORK_MAIL_DIR BRIDGEWORK_NO_DEMO

# Migrate and load the demo once, before any server starts: two `serve` processes started
# together on an empty database both migrate and both load the demo, and one of them exits with
# a duplicate-key error (ServeWithSetupCommand's FirstStart.prepare takes no lock).
"$BIN" migrate >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log"; exit 1; }
"$BIN" seed-demo >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log"; exit 1; }
log "migrated and loaded the demo ($((SECONDS - STARTED))s)"

# --- two servers --------------------------------------------------------------
"$BIN" serve --hostname 127.0.0.1 --port "$BACKEND_A_PORT" >"$WORK/server-A.log" 2>&1 </dev/null &
PID_A=$!
"$BIN" serve --hostname 127.0.0.1 --port "$BACKEND_B_PORT" >"$WORK/server-B.log" 2>&1 </dev/null &
PID_B=$!

wait_ready() {
    local name="$1" pid="$2" port="$3" started=$SECONDS
    while [ $((SECONDS - started)) -lt 90 ]; do
        kill -0 "$pid" 2>/dev/null || { log "server $name exited before it was ready"; return 1; }
        if curl -fsS --max-time 2 "http://127.0.0.1:$port/readyz" 2>/dev/null | grep -q '"ready":true'; then
            log "server $name (pid $pid) ready on 127.0.0.1:$port after $((SECONDS - started))s"
            return 0
        fi
        sleep 0.5
    done
    log "server $name did not answer /readyz within 90 s"
    return 1
}
wait_ready A "$PID_A" "$BACKEND_A_PORT"
wait_ready B "$PID_B" "$BACKEND_B_PORT"

# --- nginx in front -------------------------------------------------------------
# The proxy settings are those of deploy/nginx/bridgework.conf, on plain HTTP. X-Bridgework-Upstream
# names the process that answered, for the tests; a production config has no need of it.
cat >"$NGINX_DIR/nginx.conf" <<EOF
worker_processes 2;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
# Root, so the workers can use the temp folder (mktemp made it private to root).
user root;
events { worker_connections 1024; }
http {
    default_type application/octet-stream;
    log_format withupstream '\$remote_addr "\$request" \$status \$upstream_addr \$request_time';
    access_log $NGINX_DIR/access.log withupstream;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;

    upstream bridgework {
        server 127.0.0.1:$BACKEND_A_PORT max_fails=3 fail_timeout=10s;
        server 127.0.0.1:$BACKEND_B_PORT max_fails=3 fail_timeout=10s;
        keepalive 16;
    }
    upstream bridgework_a { server 127.0.0.1:$BACKEND_A_PORT; keepalive 8; }
    upstream bridgework_b { server 127.0.0.1:$BACKEND_B_PORT; keepalive 8; }

    client_max_body_size 1m;
    gzip on;
    gzip_proxied any;
    gzip_vary on;
    gzip_min_length 1024;
    gzip_types text/css text/plain text/csv text/calendar application/javascript application/json
               application/problem+json application/atom+xml application/xml image/svg+xml;
    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host \$host;
    proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto \$scheme;
    proxy_connect_timeout 5s;
    proxy_read_timeout 60s;
    proxy_send_timeout 60s;
    proxy_next_upstream error timeout http_502 http_503;
    proxy_next_upstream_tries 2;
    add_header X-Bridgework-Upstream \$upstream_addr always;

    server {
        listen 127.0.0.1:$MAIN_PORT;
        location / { proxy_pass http://bridgework; }
    }
    server {
        listen 127.0.0.1:$PINNED_A_PORT;
        location / { proxy_pass http://bridgework_a; }
    }
    server {
        listen 127.0.0.1:$PINNED_B_PORT;
        location / { proxy_pass http://bridgework_b; }
    }
}
EOF
"$NGINX" -t -q -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf"

# The sample production config must at least be valid nginx: checked with a throwaway
# self-signed certificate in place of the real one (nginx -t binds no port).
if command -v openssl >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
        -keyout "$NGINX_DIR/test.key" -out "$NGINX_DIR/test.crt" >/dev/null 2>&1
    sed -e "s#/etc/letsencrypt/live/bridgework.example.org/fullchain.pem#$NGINX_DIR/test.crt#" \
        -e "s#/etc/letsencrypt/live/bridgework.example.org/privkey.pem#$NGINX_DIR/test.key#" \
        "$ROOT/deploy/nginx/bridgework.conf" >"$NGINX_DIR/sample-site.conf"
    cat >"$NGINX_DIR/sample.conf" <<EOF
pid $NGINX_DIR/sample.pid;
error_log $NGINX_DIR/sample-error.log;
events {}
http {
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    include $NGINX_DIR/sample-site.conf;
}
EOF
    "$NGINX" -t -q -p "$NGINX_DIR" -e "$NGINX_DIR/sample-error.log" -c "$NGINX_DIR/sample.conf" \
        || { log "deploy/nginx/bridgework.conf is not valid nginx"; exit 1; }
    log "deploy/nginx/bridgework.conf passes nginx -t"
fi

"$NGINX" -p "$NGINX_DIR" -e "$NGINX_DIR/error.log" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' \
    </dev/null >"$NGINX_DIR/stdout.log" 2>&1 &
NGINX_PID=$!
for port in "$MAIN_PORT" "$PINNED_A_PORT" "$PINNED_B_PORT"; do
    for _ in $(seq 1 40); do
        curl -fsS --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
        kill -0 "$NGINX_PID" 2>/dev/null || { log "nginx exited"; exit 1; }
        sleep 0.25
    done
    curl -fsS --max-time 2 "http://127.0.0.1:$port/readyz" >/dev/null \
        || { log "nginx does not answer on port $port"; exit 1; }
done
log "nginx (pid $NGINX_PID) on $MAIN_PORT (round robin), $PINNED_A_PORT (A only), $PINNED_B_PORT (B only)"

# --- the checks -------------------------------------------------------------------
BW_MULTI_URL="http://127.0.0.1:$MAIN_PORT" \
BW_MULTI_URL_A="http://127.0.0.1:$PINNED_A_PORT" \
BW_MULTI_URL_B="http://127.0.0.1:$PINNED_B_PORT" \
BW_MULTI_BACKEND_A="127.0.0.1:$BACKEND_A_PORT" \
BW_MULTI_BACKEND_B="127.0.0.1:$BACKEND_B_PORT" \
BW_MULTI_LOG_A="$WORK/server-A.log" \
BW_MULTI_LOG_B="$WORK/server-B.log" \
BRIDGEWORK_URL="http://127.0.0.1:$MAIN_PORT" \
BRIDGEWORK_SERVER_DATA_DIR="$DATA_DIR" \
BRIDGEWORK_BIN="$BIN" \
    timeout "${TIMEOUT_OPTS[@]}" "${MULTI_TIMEOUT:-5m}" \
    "$PY" -m pytest -q -p no:cacheprovider -ra --tb=short Tests/ops/test_through_proxy.py

# Both processes must have lived through it.
kill -0 "$PID_A" 2>/dev/null || { log "server A is no longer running"; exit 1; }
kill -0 "$PID_B" 2>/dev/null || { log "server B is no longer running"; exit 1; }
log "passed"
