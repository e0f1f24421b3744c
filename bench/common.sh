# Shared helpers for the bench/ scripts (soak.sh, crash.sh). Source it, then call
# `bench_init`; everything it starts (server, PostgreSQL, temp folder) is cleaned up on exit.
#
#   MAMORI_BIN   the binary (default .build/release/mamori; nothing is built here)
#   DB=postgres  start a private PostgreSQL 15 on loopback (as bench/run.sh and .ci/run do)
#   DATABASE_URL an existing PostgreSQL instead (used as is, never dropped)
# After bench_init: $BIN, $DATA (temp folder), $PORT, $BASE (http://127.0.0.1:$PORT) and the
# MAMORI_* variables `mamori serve` and the other commands read.

PGBIN=/usr/lib/postgresql/15/bin
SERVER=""

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

bench_init() {
  BIN=${MAMORI_BIN:-$(pwd)/.build/release/mamori}
  [ -x "$BIN" ] || { echo "no binary at $BIN (build it, or set MAMORI_BIN)" >&2; exit 2; }
  DATA=$(mktemp -d /tmp/mamori-bench.XXXXXX)
  chmod 755 "$DATA"   # the postgres user must reach $DATA/pg
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  # Loopback only; reminders off so that no background job writes during a measurement.
  export MAMORI_DATA_DIR=$DATA MAMORI_HOST=127.0.0.1 MAMORI_PORT=$PORT MAMORI_PUBLIC_URL=$BASE \
         LOG_LEVEL=${LOG_LEVEL:-warning} MAMORI_REMINDERS=off
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM   # runs the EXIT trap
  if [ "${DB:-}" = "postgres" ] && [ -z "${DATABASE_URL:-}" ]; then start_postgres; fi
  echo "==> Database: $([ -n "${DATABASE_URL:-}" ] && echo PostgreSQL || echo SQLite), binary $BIN"
}

bench_cleanup() {
  if [ -n "$SERVER" ]; then kill -9 "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; fi
  if [ -n "${PGDATA_BENCH:-}" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -m fast stop >/dev/null 2>&1 || true; fi
  if [ -n "${KEEP_DATA:-}" ]; then echo "data kept in $DATA"; else rm -rf "$DATA"; fi
}

# A throwaway PostgreSQL 15 in $DATA/pg, trust auth on 127.0.0.1 only.
start_postgres() {
  local pgport; pgport=$(free_port)
  PGDATA_BENCH=$DATA/pg
  mkdir -p "$PGDATA_BENCH"; chown postgres:postgres "$PGDATA_BENCH"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_BENCH" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -o "-h 127.0.0.1 -p $pgport -k /tmp -c max_connections=200" \
    -l "$PGDATA_BENCH/server.log" -w start >/dev/null
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$pgport" -U postgres mamori_bench
  export DATABASE_URL="postgres://postgres@127.0.0.1:$pgport/mamori_bench?sslmode=disable"
}

# Starts `mamori serve` (output appended to $DATA/server.log) and waits for /healthz.
start_server() {
  "$BIN" serve >> "$DATA/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$BASE/healthz" && return 0
    kill -0 "$SERVER" 2>/dev/null || break
    sleep 0.2
  done
  echo "server did not become healthy; log:" >&2; tail -50 "$DATA/server.log" >&2
  exit 1
}

# SIGTERM and wait; returns the server's exit status (0 after a clean shutdown).
stop_server() {
  local status=0
  kill -TERM "$SERVER" 2>/dev/null || true
  wait "$SERVER" || status=$?
  SERVER=""
  return $status
}

# The crash: no shutdown code runs, nothing is flushed by the process.
kill_server() {
  kill -9 "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}

# Signs in through the login form (CSRF token from the page, same cookie jar) and prints the
# `mamori_session` cookie value.
login() {
  local jar token
  jar=$(mktemp "$DATA/cookies.XXXXXX")
  token=$(curl -s -c "$jar" -b "$jar" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "$BASE/login" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=$1" --data-urlencode "password=$2"
  awk '$6 == "mamori_session" {print $7}' "$jar"
}

# `mamori create-token` prints the token on its last line.
create_token() { "$BIN" create-token --email "$1" --name "${2:-bench}" | tail -1; }
