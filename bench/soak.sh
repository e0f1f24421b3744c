#!/usr/bin/env bash
# Soak test (issue #13): 200 concurrent connections for DURATION against a mix of signed-in
# pages, API reads and API writes (new incidents, timeline entries appended by many connections
# to the same few incidents, saved self-diagnoses), on loopback, then a clean stop and
# `mamori verify-timelines`. Exits non-zero on any socket error, any answer other than 2xx,
# a broken hash chain, an unclean shutdown, or fewer timeline entries in the database than
# the server acknowledged.
#
#   bash bench/soak.sh                              # SQLite, 200 organizations, 60 s
#   DB=postgres bash bench/soak.sh                  # a private PostgreSQL 15 on loopback
#   DURATION=20s ORGS=50 MAMORI_BIN=/path/to/mamori bash bench/soak.sh
#   TOKEN_ORGS=8 SESSION_ORGS=4 CONNECTIONS=200 THREADS=2 TIMEOUT=10s   # the other knobs
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

ORGS=${ORGS:-200}
USERS=${USERS:-3}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-200}
THREADS=${THREADS:-2}
TIMEOUT=${TIMEOUT:-10s}          # wrk's default 2 s would count slow answers as socket errors
TOKEN_ORGS=${TOKEN_ORGS:-8}      # organizations whose API tokens write (their incidents contend)
SESSION_ORGS=${SESSION_ORGS:-4}  # organizations whose owners read pages
PASSWORD=bench-password-1
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

bench_init
echo "==> Seeding $ORGS organizations × $USERS users"
"$BIN" seed --orgs "$ORGS" --users-per-org "$USERS" --password "$PASSWORD" | tail -1
TOKENS=()
for k in $(seq 1 "$TOKEN_ORGS"); do TOKENS+=("$(create_token "owner@org$k.example.jp" soak)"); done

# Counts before the run, for the acknowledged-versus-stored comparison afterwards.
counts() { "$BIN" verify-timelines | sed -n 's/^Verified \([0-9]*\) incident timeline(s) with \([0-9]*\) entries.*/\1 \2/p'; }
read -r INCIDENTS_BEFORE ENTRIES_BEFORE <<< "$(counts)"

start_server

# The request mix, one line per request (see soak.lua); with the defaults 60 % reads, 40 %
# writes. Per organization with a session, twice: the dashboard, the incident list, its seeded
# incident and a diagnosis result. Per organization with a token: the API incident list twice,
# a new incident, two timeline appends to its seeded incident (so all connections append to
# the same TOKEN_ORGS incidents) and a self-diagnosis.
REQUESTS=$DATA/requests.tsv
ANSWERS=$(python3 -c 'import json; print(json.dumps({"answers": {str(i): ["implemented","partly","not_implemented","dont_know"][i % 4] for i in range(1, 26)}}))')
api() { curl -fsS -H "Authorization: Bearer $1" "$BASE/api/v1/$2"; }
first_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'; }
: > "$REQUESTS"
for k in $(seq 1 "$TOKEN_ORGS"); do
  token=${TOKENS[$((k - 1))]}
  org=$(api "$token" me | python3 -c 'import json,sys; print(json.load(sys.stdin)["organization"]["id"])')
  incident=$(api "$token" "incidents?per=1" | first_id)
  if [ "$k" -le "$SESSION_ORGS" ]; then
    cookie=$(login "owner@org$k.example.jp" "$PASSWORD")
    [ -n "$cookie" ] || { echo "login failed for org$k"; exit 1; }
    diagnosis=$(api "$token" "self-diagnoses?per=1" | first_id)
    for _ in 1 2; do
      printf 'GET\t%s\tcookie=%s\t-\n' /dashboard "$cookie" "/orgs/$org/incidents" "$cookie" \
        "/orgs/$org/incidents/$incident" "$cookie" "/orgs/$org/diagnoses/$diagnosis" "$cookie" >> "$REQUESTS"
    done
  fi
  printf 'GET\t/api/v1/incidents\ttoken=%s\t-\n' "$token" "$token" >> "$REQUESTS"
  printf 'POST\t/api/v1/incidents\ttoken=%s\t{"kind": "virus_infection", "title": "soak %s", "detectedAt": "2026-01-20T09:30:00+09:00"}\n' "$token" "$k" >> "$REQUESTS"
  for n in 1 2; do
    printf 'POST\t/api/v1/incidents/%s/timeline\ttoken=%s\t{"text": "soak append %s from org%s"}\n' "$incident" "$token" "$n" "$k" >> "$REQUESTS"
  done
  printf 'POST\t/api/v1/self-diagnoses\ttoken=%s\t%s\n' "$token" "$ANSWERS" >> "$REQUESTS"
done
# Check every request once before the load, so a wrong path fails here with its answer.
while IFS=$'\t' read -r method path auth body; do
  args=(-s -o "$DATA/probe" -w '%{http_code}' -X "$method")
  case $auth in cookie=*) args+=(-H "Cookie: mamori_session=${auth#cookie=}");; token=*) args+=(-H "Authorization: Bearer ${auth#token=}");; esac
  [ "$body" = "-" ] || args+=(-H "Content-Type: application/json" --data-binary "$body")
  code=$(curl "${args[@]}" "$BASE$path")
  case $code in 2*) ;; *) echo "probe $method $path answered $code:"; head -c 500 "$DATA/probe"; echo; exit 1;; esac
  if [ "$method $path" = "POST /api/v1/incidents" ] && [ -z "${PROBE_INCIDENT:-}" ]; then
    PROBE_INCIDENT=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' < "$DATA/probe")
  fi
done < "$REQUESTS"
# Entries Mamori writes itself when an incident opens (counted in the comparison at the end).
ENTRIES_PER_OPEN=$(api "${TOKENS[0]}" "incidents/$PROBE_INCIDENT/timeline" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["items"]))')

echo "==> wrk: $THREADS threads, $CONNECTIONS connections, $DURATION, $(nproc) cores; the mix:" \
  "$(awk -F'\t' '$1 == "GET" {r++} $2 ~ /timeline$/ {a++} $1 == "POST" {w++} END {printf "%d requests, %d reads, %d writes (%d timeline appends)", NR, r, w, a}' "$REQUESTS")"
SOAK_REQUESTS=$REQUESTS wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$TIMEOUT" -s bench/soak.lua "$BASE" > "$DATA/wrk.out"
val() { awk -v k="$1" '$1 == "SOAK" && $2 == k {print $3}' "$DATA/wrk.out"; }
echo "total requests     $(val requests) in $(val seconds) s"
echo "throughput         $(val rps) req/s"
echo "latency            p50 $(val p50_ms) ms   p99 $(val p99_ms) ms   max $(val max_ms) ms"
echo "socket errors      $(val socket_errors) ($(awk '$2 == "socket_detail" {print $3, $4, $5, $6}' "$DATA/wrk.out"))"
echo "answers            2xx $(val 2xx)   3xx $(val 3xx)   4xx $(val 4xx)   5xx $(val 5xx)"
echo "by status          $(awk '$2 == "statuses" {$1 = $2 = ""; print}' "$DATA/wrk.out")"
echo "acknowledged (201) timeline entries $(val created_entries), incidents $(val created_incidents), self-diagnoses $(val created_other)"
NON_2XX=$(( $(val 3xx) + $(val 4xx) + $(val 5xx) + $(val 1xx) ))
echo "server RSS         $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MB", $1/1024}')"

FAILED=0
[ "$(val socket_errors)" -eq 0 ] || { echo "FAIL: socket errors"; FAILED=1; }
[ "$NON_2XX" -eq 0 ] || { echo "FAIL: $NON_2XX answers other than 2xx (5xx: $(val 5xx))"; FAILED=1; }

# wrk has stopped, but the server may still be working through requests it had queued (their
# clients are gone). Wait until it is idle, so the SIGTERM below tests a clean stop rather than
# a stop under load (that is e2e/test_shutdown.py's subject).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER/stat"; }
DRAIN_START=$(date +%s%N)
for _ in $(seq 1 120); do a=$(cpu_ticks); sleep 0.5; b=$(cpu_ticks); [ $((b - a)) -le 2 ] && break; done
echo "server idle        $(( ($(date +%s%N) - DRAIN_START) / 1000000 )) ms after wrk stopped"

echo "==> Stopping the server (SIGTERM)"
if stop_server; then echo "server exited with status 0"; else echo "FAIL: server exited with status $?"; FAILED=1; fi

echo "==> mamori verify-timelines"
if "$BIN" verify-timelines > "$DATA/verify.out" 2>&1; then cat "$DATA/verify.out"; else cat "$DATA/verify.out"; echo "FAIL: broken timeline"; FAILED=1; fi
read -r INCIDENTS_AFTER ENTRIES_AFTER <<< "$(sed -n 's/^Verified \([0-9]*\) incident timeline(s) with \([0-9]*\) entries.*/\1 \2/p' "$DATA/verify.out")"
# Every acknowledged append must be stored. Requests still in flight when wrk stopped may have
# been stored without wrk seeing the answer, so the database may hold up to CONNECTIONS more.
NEW_INCIDENTS=$((INCIDENTS_AFTER - INCIDENTS_BEFORE))
APPENDS_STORED=$((ENTRIES_AFTER - ENTRIES_BEFORE - ENTRIES_PER_OPEN * NEW_INCIDENTS))
APPENDS_ACKED=$(( $(val created_entries) + TOKEN_ORGS * 2 ))        # + the probes
INCIDENTS_ACKED=$(( $(val created_incidents) + TOKEN_ORGS ))
echo "stored vs acknowledged: timeline appends $APPENDS_STORED / $APPENDS_ACKED, incidents $NEW_INCIDENTS / $INCIDENTS_ACKED"
[ "$APPENDS_STORED" -ge "$APPENDS_ACKED" ] || { echo "FAIL: acknowledged timeline entries are missing"; FAILED=1; }
[ "$NEW_INCIDENTS" -ge "$INCIDENTS_ACKED" ] || { echo "FAIL: acknowledged incidents are missing"; FAILED=1; }

if [ "$FAILED" -ne 0 ]; then
  echo "==> SOAK FAILED. Server errors logged, by cause:"
  sed -n 's/.*underlying error: \(.\{0,90\}\).*operationID: \([A-Za-z]*\).*/\2: \1/p' "$DATA/server.log" | sort | uniq -c | sort -rn | head -10 || true
  grep -v 'operationID' "$DATA/server.log" | grep -E '^\[ (WARNING|ERROR|CRITICAL) \]' | sed 's/ \[request-id: [^]]*\]//' | cut -c1-200 | sort | uniq -c | sort -rn | head -5 || true
  # PostgreSQL's own log names the error that the driver's message hides.
  [ -z "${PGDATA_BENCH:-}" ] || grep -o 'ERROR: .*' "$PGDATA_BENCH/server.log" | cut -c1-150 | sort | uniq -c | sort -rn | head -5 || true
  grep -A4 'Swift runtime failure\|crashed:' "$DATA/server.log" | cut -c1-200 | head -20 || true
  exit 1
fi
echo "==> SOAK PASSED"
