#!/usr/bin/env bash
# Mamori load benchmark: release build, seeded data (organizations with members, diagnosis
# history, incidents with timelines, program applications), wrk against every main page and API
# for each role. Prints req/s, p50, p99, non-2xx and the ratio to /healthz of the same run, the
# seeding time, and the server's RSS after the run.
#
#   bash bench/run.sh                      # 200 organizations × 5 users, 20 s per endpoint
#   ORGS=10000 USERS=3 DURATION=10s bash bench/run.sh
#   DB=postgres bash bench/run.sh          # starts its own PostgreSQL 15 on loopback (as .ci/run)
#   DATABASE_URL=postgres://… bash bench/run.sh   # an existing PostgreSQL instead of SQLite
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
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PORT=$(free_port)
export MAMORI_DATA_DIR=$DATA MAMORI_PORT=$PORT MAMORI_PUBLIC_URL="http://127.0.0.1:$PORT" LOG_LEVEL=warning MAMORI_REMINDERS=off
chmod 755 "$DATA"
cleanup() {
  kill "${SERVER:-0}" 2>/dev/null || true
  if [ -n "${PGDATA_BENCH:-}" ]; then runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$PGDATA_BENCH" -m fast stop >/dev/null 2>&1 || true; fi
  rm -rf "$DATA"
}
trap cleanup EXIT
if [ "${DB:-}" = "postgres" ] && [ -z "${DATABASE_URL:-}" ]; then
  PGBIN=/usr/lib/postgresql/15/bin
  PGDATA_BENCH=$DATA/pg; PGPORT=$(free_port)
  mkdir -p "$PGDATA_BENCH"; chown postgres:postgres "$PGDATA_BENCH"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_BENCH" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_BENCH" -o "-h 127.0.0.1 -p $PGPORT -k /tmp -c max_connections=200" -l "$PGDATA_BENCH/server.log" -w start >/dev/null
  runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres mamori_bench
  export DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/mamori_bench?sslmode=disable"
fi
echo "==> Database: ${DATABASE_URL:+PostgreSQL}${DATABASE_URL:-SQLite}" | sed 's/PostgreSQLpostgres.*/PostgreSQL/'

echo "==> Seeding $ORGS organizations × $USERS users (diagnoses, incidents with timelines, applications)"
SEED_START=$(date +%s)
"$BIN" seed --orgs "$ORGS" --users-per-org "$USERS" --password bench-password-1 | tail -2
echo "    seeding took $(( $(date +%s) - SEED_START )) s"
echo "bench-office-password-1" | "$BIN" create-admin --email office@bench.example.jp --name Office >/dev/null
API_TOKEN=$("$BIN" create-token --email owner@org1.example.jp --name bench | tail -1)

"$BIN" serve > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done

# Sign in (a session cookie per role).
login() {
  local jar=$DATA/cookies-$1 token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$PORT/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -o /dev/null -c "$jar" -b "$jar" -X POST "http://127.0.0.1:$PORT/login" \
    --data-urlencode "_csrf=$token" --data-urlencode "email=$1" --data-urlencode "password=$2"
  awk '$6 == "mamori_session" {print $7}' "$jar"
}
JAR=$DATA/cookies-owner@org1.example.jp
COOKIE=$(login owner@org1.example.jp bench-password-1)
MEMBER_COOKIE=$(login member1@org1.example.jp bench-password-1)
OFFICE_COOKIE=$(login office@bench.example.jp bench-office-password-1)
[ -n "$COOKIE" ] && [ -n "$OFFICE_COOKIE" ] || { echo "login failed"; cat "$DATA/server.log"; exit 1; }
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
  local ratio=""
  if [ -n "${HEALTHZ_RPS:-}" ] && [ -n "$rps" ]; then ratio=$(python3 -c "print(f'{$rps / $HEALTHZ_RPS:.3f}')"); fi
  printf '%-34s %10s req/s   p50 %-9s p99 %-9s non-2xx %-6s x/healthz %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-0}" "$ratio"
  LAST_RPS=$rps
}
OWNER=(-H "Cookie: mamori_session=$COOKIE")
API=(-H "Authorization: Bearer $API_TOKEN")
POST_JSON=(-s "$(pwd)/bench/post.lua")

ORG=$(curl -s "${OWNER[@]}" "http://127.0.0.1:$PORT/dashboard" | grep -o '/orgs/[0-9A-F-]\{36\}/' | head -1 | cut -d/ -f3)
INCIDENT=$(curl -s "${API[@]}" "http://127.0.0.1:$PORT/api/v1/incidents?per=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
DIAGNOSIS=$(curl -s "${API[@]}" "http://127.0.0.1:$PORT/api/v1/self-diagnoses?per=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
ANSWERS=$(python3 -c 'import json; print(json.dumps({"answers": {str(i): ["implemented","partly","not_implemented","dont_know"][i % 4] for i in range(1, 26)}}))')

echo "==> wrk: $THREADS threads, $CONNECTIONS connections, $DURATION each ($(nproc) cores)"
run "GET /healthz" "http://127.0.0.1:$PORT/healthz"
HEALTHZ_RPS=$LAST_RPS
run "GET /dashboard (owner)" "${OWNER[@]}" "http://127.0.0.1:$PORT/dashboard"
run "GET /dashboard (member)" -H "Cookie: mamori_session=$MEMBER_COOKIE" "http://127.0.0.1:$PORT/dashboard"
run "GET /dashboard (office)" -H "Cookie: mamori_session=$OFFICE_COOKIE" "http://127.0.0.1:$PORT/dashboard"
run "GET incidents (list)" "${OWNER[@]}" "http://127.0.0.1:$PORT/orgs/$ORG/incidents"
run "GET one incident" "${OWNER[@]}" "http://127.0.0.1:$PORT/orgs/$ORG/incidents/$INCIDENT"
run "GET diagnosis result" "${OWNER[@]}" "http://127.0.0.1:$PORT/orgs/$ORG/diagnoses/$DIAGNOSIS"
run "GET office applications" -H "Cookie: mamori_session=$OFFICE_COOKIE" "http://127.0.0.1:$PORT/office/program/applications"
run "GET office statistics" -H "Cookie: mamori_session=$OFFICE_COOKIE" "http://127.0.0.1:$PORT/office/program/statistics"
run "GET office organizations" -H "Cookie: mamori_session=$OFFICE_COOKIE" "http://127.0.0.1:$PORT/office/organizations"
run "GET directory search" "http://127.0.0.1:$PORT/help/contacts?q=%E7%9B%B8%E8%AB%87"
run "API GET /incidents" "${API[@]}" "http://127.0.0.1:$PORT/api/v1/incidents"
BODY='{"kind": "virus_infection", "title": "bench", "detectedAt": "2026-11-20T09:30:00+09:00"}' TOKEN=$API_TOKEN \
  run "API POST /incidents" "${POST_JSON[@]}" "http://127.0.0.1:$PORT/api/v1/incidents"
BODY=$ANSWERS run "API POST /self-diagnosis/score" "${POST_JSON[@]}" "http://127.0.0.1:$PORT/api/v1/self-diagnosis/score"
BODY='{"kind": "information_leak", "awareAt": "2026-12-01T10:00:00+09:00", "personalData": {"involved": true, "persons": 1200}}' \
  run "API POST /notification-duties" "${POST_JSON[@]}" "http://127.0.0.1:$PORT/api/v1/notification-duties"

# The asset register: import REGISTER rows into org1 (timed), propose its plan, then measure the
# register, risk and plan pages; then time an IMPORT-row file into org2.
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
