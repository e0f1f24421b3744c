#!/usr/bin/env bash
# Mamori load benchmark: release build, seeded data, wrk against /healthz and a signed-in
# dashboard. Prints requests/second and p50/p99 latency for each.
#
#   bash bench/run.sh                      # 200 organizations × 5 users, 20 s per endpoint
#   ORGS=1000 USERS=5 DURATION=30s bash bench/run.sh
#   DATABASE_URL=postgres://… bash bench/run.sh   # against PostgreSQL instead of SQLite
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${ORGS:-200}
USERS=${USERS:-5}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

echo "==> Release build"
swift build -c release --product mamori >/dev/null
BIN=$(swift build -c release --show-bin-path)/mamori

DATA=$(mktemp -d /tmp/mamori-bench.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export MAMORI_DATA_DIR=$DATA MAMORI_PORT=$PORT MAMORI_PUBLIC_URL="http://127.0.0.1:$PORT" LOG_LEVEL=warning

echo "==> Seeding $ORGS organizations × $USERS users"
"$BIN" seed --orgs "$ORGS" --users-per-org "$USERS" --password bench-password-1 >/dev/null

"$BIN" serve > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

# Sign in as one seeded owner and keep the session cookie for the dashboard run.
JAR=$DATA/cookies
TOKEN=$(curl -s -c "$JAR" -b "$JAR" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR" -b "$JAR" -X POST "http://127.0.0.1:$PORT/login" \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "email=owner@org1.example.jp" --data-urlencode "password=bench-password-1"
COOKIE=$(awk '$6 == "mamori_session" {print $7}' "$JAR")
[ -n "$COOKIE" ] || { echo "login failed"; cat "$DATA/server.log"; exit 1; }
curl -fs -o /dev/null -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/dashboard" || { echo "dashboard failed"; exit 1; }

run() {
  local name=$1; shift
  local out
  out=$(wrk --latency -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" "$@")
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  printf '%-22s %10s req/s   p50 %-9s p99 %-9s non-2xx %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}"
}

echo "==> wrk: $THREADS threads, $CONNECTIONS connections, $DURATION each ($(nproc) cores)"
run "GET /healthz" "http://127.0.0.1:$PORT/healthz"
run "GET /dashboard" -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/dashboard"
