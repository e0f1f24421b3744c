#!/usr/bin/env bash
# Mamori load benchmark: release build, seeded data, wrk against /healthz and a signed-in
# dashboard. Prints requests/second and p50/p99 latency for each.
#
#   bash bench/run.sh                      # 200 organizations × 5 users, 20 s per endpoint
#   ORGS=1000 USERS=5 DURATION=30s bash bench/run.sh
#   DATABASE_URL=postgres://… bash bench/run.sh   # against PostgreSQL instead of SQLite
#   MAMORI_BIN=.build/debug/mamori bash bench/run.sh  # an existing binary (no release build)
#   REGISTER=2000 IMPORT=10000 bash bench/run.sh     # sizes of the asset-register runs
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${ORGS:-200}
USERS=${USERS:-5}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

REGISTER=${REGISTER:-2000}
IMPORT=${IMPORT:-10000}
if [ -n "${MAMORI_BIN:-}" ]; then
  BIN=$MAMORI_BIN
  echo "==> Using $BIN"
else
  echo "==> Release build"
  swift build -c release --product mamori >/dev/null
  BIN=$(swift build -c release --show-bin-path)/mamori
fi

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

# The asset register: import REGISTER rows into org1 (timed), propose its plan, then measure the
# register, risk and plan pages; then time an IMPORT-row file into org2.
ORG=$(curl -s -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/dashboard" | grep -o '/orgs/[0-9A-F-]\{36\}/' | head -1 | cut -d/ -f3)
make_csv() {
  python3 - "$1" "$2" <<'PY'
import sys
rows, path = int(sys.argv[1]), sys.argv[2]
with open(path, "w", encoding="utf-8") as f:
    f.write("業務分類,情報資産の名称,管理部署,個人情報の種類,機密性,完全性,可用性\n")
    for i in range(rows):
        f.write(f"業務{i % 12},資産{i:05d},部署{i % 7},{['なし','個人情報','要配慮個人情報'][i % 3]},{i % 3 + 1},{(i // 3) % 3 + 1},{(i // 9) % 3 + 1}\n")
PY
}
import_file() {
  local jar=$1 org=$2 file=$3 token started upload
  token=$(curl -s -b "$jar" "http://127.0.0.1:$PORT/orgs/$org/asset-import" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  started=$(date +%s.%N)
  upload=$(curl -s -b "$jar" -H "Origin: http://127.0.0.1:$PORT" -F "_csrf=$token" -F "file=@$file;type=text/csv" \
    "http://127.0.0.1:$PORT/orgs/$org/asset-import" | grep -o "asset-import/[0-9A-F-]\{36\}" | head -1 | cut -d/ -f2)
  local checked; checked=$(date +%s.%N)
  curl -s -o /dev/null -b "$jar" -H "Origin: http://127.0.0.1:$PORT" --data-urlencode "_csrf=$token" "http://127.0.0.1:$PORT/orgs/$org/asset-import/$upload"
  local done; done=$(date +%s.%N)
  printf '%-22s %s rows: check %.2f s, save %.2f s\n' "import $(basename "$file")" "$(($(wc -l < "$file") - 1))" \
    "$(echo "$checked - $started" | bc)" "$(echo "$done - $checked" | bc)"
}
command -v bc >/dev/null || { apt-get update -qq && apt-get install -y -qq bc; }
make_csv "$REGISTER" "$DATA/register.csv"
import_file "$JAR" "$ORG" "$DATA/register.csv"
CSRF=$(curl -s -b "$JAR" "http://127.0.0.1:$PORT/orgs/$ORG/plan" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -b "$JAR" -H "Origin: http://127.0.0.1:$PORT" --data-urlencode "_csrf=$CSRF" "http://127.0.0.1:$PORT/orgs/$ORG/plan/proposal"
run "GET assets (page 1)" -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/orgs/$ORG/assets"
run "GET assets ?importance=3" -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/orgs/$ORG/assets?importance=3&sort=importance"
run "GET risks" -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/orgs/$ORG/risks"
run "GET plan" -H "Cookie: mamori_session=$COOKIE" "http://127.0.0.1:$PORT/orgs/$ORG/plan"

JAR2=$DATA/cookies2
TOKEN=$(curl -s -c "$JAR2" -b "$JAR2" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -o /dev/null -c "$JAR2" -b "$JAR2" -X POST "http://127.0.0.1:$PORT/login" \
  --data-urlencode "_csrf=$TOKEN" --data-urlencode "email=owner@org2.example.jp" --data-urlencode "password=bench-password-1"
ORG2=$(curl -s -b "$JAR2" "http://127.0.0.1:$PORT/dashboard" | grep -o '/orgs/[0-9A-F-]\{36\}/' | head -1 | cut -d/ -f3)
make_csv "$IMPORT" "$DATA/import.csv"
import_file "$JAR2" "$ORG2" "$DATA/import.csv"
echo "==> server RSS: $(ps -o rss= -p $SERVER | awk '{printf "%.0f MB", $1/1024}')"
