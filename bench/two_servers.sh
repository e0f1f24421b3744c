#!/usr/bin/env bash
# Two servers, one PostgreSQL (issue #13): two `mamori serve` processes on different ports share
# one database, with no proxy in front; the requests alternate between them as a load balancer
# without sticky sessions would send them. What must hold across servers lives in the database,
# and this checks it against the real processes (Tests/MamoriAppTests/TwoInstanceTests.swift
# checks the same in-process in CI):
#   1. session     signed in on A, B shows the dashboard of the organization
#   2. CSRF        a form posted to A with the token of a page served by B is accepted (303);
#                  a form without the token is refused by B (403)
#   3. logout      logging out on A ends the session on B (B redirects to /login)
#   4. throttle    five wrong passwords alternating A/B: 401, 401, 401, 401, 429; then the right
#                  password is refused (429) by both
#   5. capacity    PLACES + 2 organizations declare SECURITY ACTION and apply through the API
#                  (not with `mamori seed --apply-every`: seeded organizations have no SECURITY
#                  ACTION declaration, so the seed's applications are refused as not eligible); the
#                  capacity is set so that PLACES places remain (default 3; with CAPACITY=400 the
#                  program is first filled to 397 through both servers, so the last acceptance
#                  is the 400th); then PLACES + 2 applications are accepted at once, alternating
#                  servers, the first of them on both servers at once (a double click reaching
#                  two servers): the program ends exactly full, and the applications accepted
#                  are exactly the places taken
#   6. timeline    ENTRIES (40) timeline entries posted at once to one incident, alternating A/B:
#                  all 201, sequences 1..n without a gap, every text stored, the chain intact
#                  on both servers and for `mamori verify-timelines`
# Each check prints PASS or FAIL; the script exits 1 on any FAIL. Both servers are then stopped
# with SIGTERM and must exit with status 0.
#
# PostgreSQL only: two processes on one SQLite file is not the deployment this checks (SQLite is
# the single-server setup), so without DB=postgres or DATABASE_URL the script refuses to run.
#
#   DB=postgres bash bench/two_servers.sh                 # a private PostgreSQL 15 on loopback
#   DATABASE_URL=postgres://… bash bench/two_servers.sh   # an existing, EMPTY database (it is
#                                                         # written to and never dropped)
#   DB=postgres CAPACITY=400 bash bench/two_servers.sh    # the literal 400th acceptance (about
#                                                         # 80 s instead of 10: ~540 organizations
#                                                         # get tokens and apply, 397 are accepted)
#   MAMORI_BIN=/path/to/mamori   (default .build/release/mamori; nothing is built here)
#   PLACES=3 ENTRIES=40 WORKERS=20 KEEP_DATA=1            # the other knobs (ORGS: by default
#                                                         # enough for the applications needed)
set -euo pipefail
cd "$(dirname "$0")/.."
export MAMORI_BIN=${MAMORI_BIN:-$(pwd)/.build/release/mamori}
. bench/common.sh

if [ "${DB:-}" != "postgres" ] && [ -z "${DATABASE_URL:-}" ]; then
  echo "bench/two_servers.sh checks two servers on one PostgreSQL database: run it with DB=postgres" \
       "(a private PostgreSQL 15) or DATABASE_URL=postgres://… (an existing empty database)." >&2
  echo "Two processes on one SQLite file is not a supported deployment, so SQLite is not checked here." >&2
  exit 2
fi

PLACES=${PLACES:-3}
CAPACITY=${CAPACITY:-}
# Applications needed: the race's PLACES + 2, plus those accepted first when CAPACITY is given
# (assuming nothing accepted yet); a few spare organizations for any the rules exclude.
NEEDED=$(( PLACES + 2 + (CAPACITY ? CAPACITY - PLACES : 0) ))
APPLICANTS=$(( NEEDED + NEEDED / 3 + 3 ))     # about one seeded organization in five is not an SME
ORGS=${ORGS:-$(( APPLICANTS + 10 ))}
ENTRIES=${ENTRIES:-40}
WORKERS=${WORKERS:-20}
PASSWORD=bench-password-1
OFFICE_PASSWORD=bench-office-password-1
OWNER=owner@org1.example.jp        # checks 1-3 and the timeline
LOCKED=owner@org2.example.jp       # check 4 locks this account
ORG_NAME="デモ株式会社 1"

EXISTING_DB=${DATABASE_URL:-}
bench_init
SERVER_B=""
FINISHED=""
# On an abort (a command failed under `set -e`, e.g. a server stopped answering): say whether
# each server is still running or how it ended, and the end of its log, before cleaning up.
server_state() {
  local pid=$1 status=0
  if [ -z "$pid" ]; then echo "not running (not started, or stopped by the script)"
  elif kill -0 "$pid" 2>/dev/null; then echo "running (pid $pid)"
  else wait "$pid" 2>/dev/null || status=$?; echo "GONE (pid $pid, exit status $status$([ "$status" -gt 128 ] && echo ", signal $((status - 128))"))"; fi
}
two_cleanup() {
  local status=$?
  if [ "$status" -ne 0 ] && [ -z "$FINISHED" ] && [ -d "${DATA:-}" ]; then
    echo "==> ABORTED (status $status). Server A: $(server_state "$SERVER"); server B: $(server_state "$SERVER_B")"
    for log in server.log server-b.log; do
      [ -f "$DATA/$log" ] && { echo "--- end of $log"; tail -15 "$DATA/$log" | cut -c1-300; }
    done
  fi
  if [ -n "$SERVER_B" ]; then kill -9 "$SERVER_B" 2>/dev/null || true; wait "$SERVER_B" 2>/dev/null || true; fi
  bench_cleanup
}
trap two_cleanup EXIT
set -E
trap 'echo "command failed (status $?) at line $LINENO: $BASH_COMMAND" >&2' ERR

if [ -n "$EXISTING_DB" ]; then
  # The checks name seeded accounts (owner@org1…) and lock one: they need a database of their own.
  if existing=$("$BIN" verify-timelines 2>/dev/null) && ! grep -q '^Verified 0 incident' <<< "$existing"; then
    echo "DATABASE_URL holds data already ($existing); give bench/two_servers.sh an empty database." >&2
    FINISHED=1; exit 2
  fi
fi

FAILED=0
pass() { echo "PASS  $*"; }
fail() { echo "FAIL  $*"; FAILED=$((FAILED + 1)); }
expect() { if [ "$2" = "$3" ]; then pass "$1 ($2)"; else fail "$1: got $2, expected $3"; fi; }
ms_since() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

echo "==> Seeding $ORGS organizations"
STARTED=$(date +%s%N)
"$BIN" seed --orgs "$ORGS" --users-per-org 2 --password "$PASSWORD" --incidents 1 --apply-every 0 | tail -1
echo "    seeding took $(ms_since "$STARTED") ms"
echo "$OFFICE_PASSWORD" | "$BIN" create-admin --email office@two-servers.example.jp --name Office >/dev/null
OFFICE_TOKEN=$(create_token office@two-servers.example.jp two-servers)
OWNER_TOKEN=$(create_token "$OWNER" two-servers)
# Owners' tokens of the organizations that will apply (org3 onwards; org1 and org2 are the
# other checks'): NEEDED and the spares, one `mamori create-token` each.
STARTED=$(date +%s%N)
[ $(( APPLICANTS + 2 )) -le "$ORGS" ] || APPLICANTS=$(( ORGS - 2 ))
for k in $(seq 3 $(( APPLICANTS + 2 ))); do create_token "owner@org$k.example.jp" two-servers; done > "$DATA/applicant-tokens"
echo "    $APPLICANTS applicants' tokens in $(ms_since "$STARTED") ms"

# Server A: common.sh's start_server ($SERVER, $PORT, $BASE, log $DATA/server.log).
# Server B: its own port, public URL and data folder (nothing passes through files), same DATABASE_URL.
start_server
A=$BASE
PORT_B=$(free_port)
B="http://127.0.0.1:$PORT_B"
mkdir -p "$DATA/b"
MAMORI_PORT=$PORT_B MAMORI_PUBLIC_URL=$B MAMORI_DATA_DIR=$DATA/b "$BIN" serve >> "$DATA/server-b.log" 2>&1 &
SERVER_B=$!
for _ in $(seq 1 300); do
  curl -fs -o /dev/null "$B/healthz" && break
  kill -0 "$SERVER_B" 2>/dev/null || { echo "server B exited; log:" >&2; tail -50 "$DATA/server-b.log" >&2; exit 1; }
  sleep 0.2
done
curl -fs -o /dev/null "$B/healthz" || { echo "server B did not become healthy; log:" >&2; tail -50 "$DATA/server-b.log" >&2; exit 1; }
echo "==> Server A $A (pid $SERVER), server B $B (pid $SERVER_B), one PostgreSQL; $(nproc) cores"

csrf_of() { sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1; }
# A browser: one cookie jar for both servers (cookies do not distinguish ports, so a browser
# sends the same mamori_session to A and to B, as it would behind a load balancer).
# post JAR SERVER PATH [--data-urlencode …]: prints the status; headers in $DATA/headers.
post() {
  local jar=$1 server=$2 path=$3; shift 3
  curl -s -o "$DATA/body" -D "$DATA/headers" -w '%{http_code}' -b "$jar" -c "$jar" -H "Origin: $server" -X POST "$server$path" "$@"
}
get() {
  local jar=$1 url=$2; shift 2
  curl -s -o "$DATA/body" -D "$DATA/headers" -w '%{http_code}' -b "$jar" -c "$jar" "$@" "$url"
}
location() { awk 'tolower($1) == "location:" {print $2}' "$DATA/headers" | tr -d '\r'; }
session_of() { awk '$6 == "mamori_session" {print $7}' "$1"; }

echo "==> 1. Session: signed in on A, the dashboard on B"
STARTED=$(date +%s%N)
JAR=$DATA/browser.jar
get "$JAR" "$A/login" >/dev/null
token=$(csrf_of < "$DATA/body")
expect "login on A" "$(post "$JAR" "$A" /login --data-urlencode "_csrf=$token" --data-urlencode "email=$OWNER" --data-urlencode "password=$PASSWORD")" 303
SESSION=$(session_of "$JAR")
expect "dashboard on B with A's session" "$(get "$JAR" "$B/dashboard")" 200
if grep -qF "$ORG_NAME" "$DATA/body"; then pass "B's dashboard names the organization ($ORG_NAME)"; else fail "B's dashboard does not name $ORG_NAME"; fi
echo "    $(ms_since "$STARTED") ms"

echo "==> 2. CSRF: B's token accepted by A, no token refused by B"
STARTED=$(date +%s%N)
get "$JAR" "$B/dashboard" >/dev/null; TOKEN_B=$(csrf_of < "$DATA/body")
get "$JAR" "$A/dashboard" >/dev/null; TOKEN_A=$(csrf_of < "$DATA/body")
if [ -n "$TOKEN_B" ] && [ "$TOKEN_A" = "$TOKEN_B" ]; then pass "A's and B's pages carry the session's one CSRF token"
else fail "CSRF tokens differ or are missing: A '${TOKEN_A:0:8}…', B '${TOKEN_B:0:8}…'"; fi
expect "form to A with B's token" "$(post "$JAR" "$A" /language --data-urlencode "_csrf=$TOKEN_B" --data-urlencode lang=en --data-urlencode back=/dashboard)" 303
get "$JAR" "$B/dashboard" >/dev/null
if grep -q '<html lang="en"' "$DATA/body"; then pass "B shows the language chosen on A (en)"; else fail "B does not show the language chosen on A"; fi
expect "form to B without a token" "$(post "$JAR" "$B" /language --data-urlencode lang=ja --data-urlencode back=/dashboard)" 403
echo "    $(ms_since "$STARTED") ms"

echo "==> 3. Logout on A ends the session on B"
STARTED=$(date +%s%N)
get "$JAR" "$A/dashboard" >/dev/null; token=$(csrf_of < "$DATA/body")
expect "logout on A" "$(post "$JAR" "$A" /logout --data-urlencode "_csrf=$token")" 303
expect "dashboard on B after the logout" "$(get "$JAR" "$B/dashboard")" 303
case $(location) in /login*) pass "B redirects to $(location)";; *) fail "B redirects to '$(location)', not /login";; esac
# The old cookie itself (as a copy kept elsewhere would send it) is worthless on B too.
expect "dashboard on B with the old session cookie" "$(curl -s -o /dev/null -D "$DATA/headers" -w '%{http_code}' -H "Cookie: mamori_session=$SESSION" "$B/dashboard")" 303
case $(location) in /login*) pass "B redirects the old cookie to /login";; *) fail "B redirects the old cookie to '$(location)'";; esac
echo "    $(ms_since "$STARTED") ms"

echo "==> 4. Login throttle: failures on A and B count together ($LOCKED)"
STARTED=$(date +%s%N)
JAR2=$DATA/stranger.jar
get "$JAR2" "$A/login" >/dev/null; token=$(csrf_of < "$DATA/body")
CODES=""
for attempt in 1 2 3 4 5; do
  if [ $((attempt % 2)) -eq 0 ]; then server=$B; else server=$A; fi
  CODES+="$(post "$JAR2" "$server" /login --data-urlencode "_csrf=$token" --data-urlencode "email=$LOCKED" --data-urlencode "password=wrong-password-$attempt") "
done
expect "five wrong passwords, A B A B A" "${CODES% }" "401 401 401 401 429"
expect "the right password on A" "$(post "$JAR2" "$A" /login --data-urlencode "_csrf=$token" --data-urlencode "email=$LOCKED" --data-urlencode "password=$PASSWORD")" 429
expect "the right password on B" "$(post "$JAR2" "$B" /login --data-urlencode "_csrf=$token" --data-urlencode "email=$LOCKED" --data-urlencode "password=$PASSWORD")" 429
echo "    $(ms_since "$STARTED") ms"

# Checks 5 and 6 send requests at once: Python threads (standard library only).
cat > "$DATA/two_servers.py" <<'PY'
import json, statistics, sys, threading, time, urllib.error, urllib.request
from concurrent.futures import ThreadPoolExecutor

failures = 0
def passed(text): print(f"PASS  {text}", flush=True)
def failed(text):
    global failures
    failures += 1
    print(f"FAIL  {text}", flush=True)
def expect(label, got, want):
    (passed(f"{label} ({got})") if got == want else failed(f"{label}: got {got}, expected {want}"))

def call(method, url, token, body=None):
    """(status, JSON answer or text, seconds)"""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json", "Accept": "application/json"})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    except OSError as error:
        return 0, str(error), time.monotonic() - started
    try:
        payload = json.loads(raw) if raw else None
    except ValueError:
        payload = raw[:300].decode(errors="replace")
    return status, payload, time.monotonic() - started

def ok(method, url, token, body=None, want=200):
    status, payload, _ = call(method, url, token, body)
    if status != want:
        raise SystemExit(f"FAIL  {method} {url} answered {status}: {str(payload)[:400]}")
    return payload

def ms(seconds): return f"{seconds * 1000:.0f} ms"

def latencies(values):
    values = sorted(values)
    return f"p50 {ms(statistics.median(values))}, max {ms(values[-1])}"

def capacity(a, b, token, places, target):
    api = lambda server: f"{server}/api/v1"
    settings = ok("GET", f"{api(a)}/program/settings", token)
    accepted_before = settings["acceptedCount"]
    target = int(target) if target else accepted_before + places
    prefill = target - places - accepted_before
    if prefill < 0:
        failed(f"CAPACITY {target} leaves fewer than {places} places ({accepted_before} accepted already)"); return
    pending, page = [], 1
    while True:   # every application still waiting for a decision, pages read from A and B in turn
        answer = ok("GET", f"{api(a if page % 2 else b)}/program/applications?status=submitted&per=100&page={page}", token)
        pending += [item["id"] for item in answer["items"]]
        if page * answer["metadata"]["per"] >= answer["metadata"]["total"]: break
        page += 1
    needed = prefill + places + 2
    print(f"      fiscal year {settings['fiscalYear']}: capacity {settings['capacity']}, {accepted_before} accepted, "
          f"{len(pending)} applications waiting; capacity set to {target}, {prefill} accepted first, then {places + 2} at once")
    if len(pending) < needed:
        failed(f"only {len(pending)} applications waiting, {needed} needed (raise ORGS)"); return
    # The other fields as they are (PUT on B what was read on A).
    body = {"capacity": target, "visitsPerCompany": settings["visitsPerCompany"], "hoursPerVisit": settings["hoursPerVisit"],
            "opensOn": settings["opensOn"], "closesOn": settings["closesOn"], "termsTextJa": settings["terms"]["textJa"],
            "termsTextEn": settings["terms"]["textEn"], "preferOutsideMetro": settings["preferOutsideMetro"]}
    saved = ok("PUT", f"{api(b)}/program/settings", token, body)
    expect("capacity saved through B", saved["capacity"], target)
    expect("terms version unchanged by the PUT", saved["terms"]["version"], settings["terms"]["version"])
    started = time.monotonic()
    prefill_codes = {}
    for index, application in enumerate(pending[:prefill]):   # one after the other, A and B in turn
        status, payload, _ = call("POST", f"{api(a if index % 2 == 0 else b)}/program/applications/{application}/decision", token, {"decision": "accept"})
        prefill_codes[status] = prefill_codes.get(status, 0) + 1
        if status != 200 and prefill_codes[status] == 1: print(f"      prefill answer {status}: {str(payload)[:300]}")
    if prefill:
        expect(f"{prefill} acceptances one after the other, A and B in turn", prefill_codes, {200: prefill})
        print(f"      filled to {target - places} in {ms(time.monotonic() - started)}")
    before = ok("GET", f"{api(b)}/program/settings", token)
    expect("places left before the race", before["capacity"] - before["acceptedCount"], places)

    # PLACES + 2 applications; the first is accepted on A and on B at once.
    chosen = pending[prefill:prefill + places + 2]
    attempts = [(a, chosen[0]), (b, chosen[0])] + [((b, a)[index % 2], application) for index, application in enumerate(chosen[1:])]
    barrier = threading.Barrier(len(attempts))
    results = [None] * len(attempts)
    def accept(slot):
        server, application = attempts[slot]
        barrier.wait()
        results[slot] = call("POST", f"{api(server)}/program/applications/{application}/decision", token, {"decision": "accept"})
    started = time.monotonic()
    threads = [threading.Thread(target=accept, args=(slot,)) for slot in range(len(attempts))]
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    wall = time.monotonic() - started
    codes = [result[0] for result in results]
    for (server, application), (status, payload, seconds) in zip(attempts, results):
        print(f"      {'A' if server == a else 'B'} accept {application[:8]}{' (on both)' if application == chosen[0] else ''}: "
              f"{status} in {ms(seconds)}" + ("" if status == 200 else f"  {str(payload)[:120]}"))
    print(f"      {len(attempts)} acceptances at once in {ms(wall)}: {codes.count(200)} × 200, {codes.count(409)} × 409")
    unexpected = [code for code in codes if code not in (200, 409)]
    if unexpected: failed(f"answers other than 200 or 409: {unexpected}")
    else: passed("every acceptance answered 200 or 409 (full)")
    if 409 in codes: passed("someone met a full program (409)")
    else: failed("no acceptance met a full program, though there were more applications than places")

    after_a = ok("GET", f"{api(a)}/program/settings", token)
    after_b = ok("GET", f"{api(b)}/program/settings", token)
    expect("acceptedCount == capacity, read on A", after_a["acceptedCount"], after_a["capacity"])
    expect("acceptedCount read on B", after_b["acceptedCount"], after_a["capacity"])
    accepted_total = ok("GET", f"{api(b)}/program/applications?status=accepted&per=1", token)["metadata"]["total"]
    expect("applications with status accepted == places taken (acceptedCount)", accepted_total, after_a["acceptedCount"])
    statuses = {application: ok("GET", f"{api((a, b)[index % 2])}/program/applications/{application}", token)["status"]
                for index, application in enumerate(chosen)}
    accepted_now = {application for application, status in statuses.items() if status == "accepted"}
    answered_200 = {application for (_, application), code in zip(attempts, codes) if code == 200}
    expect(f"applications of the race accepted", len(accepted_now), places)
    if accepted_now == answered_200: passed("the applications answered 200 are exactly those accepted")
    else: failed(f"answered 200: {sorted(x[:8] for x in answered_200)}, accepted: {sorted(x[:8] for x in accepted_now)}")

def timeline(a, b, token, incident, entries, workers, run):
    api = lambda server: f"{server}/api/v1/incidents/{incident}/timeline"
    before = len(ok("GET", api(a), token)["items"])
    texts = [f"two servers {run}: entry {index}" for index in range(1, entries + 1)]
    def append(index):
        return call("POST", api(a if index % 2 else b), token, {"text": texts[index - 1]}), index
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(append, range(1, entries + 1)))
    wall = time.monotonic() - started
    codes = {}
    for (status, _, _), _ in results: codes[status] = codes.get(status, 0) + 1
    print(f"      {entries} appends ({workers} at a time, A and B in turn) in {ms(wall)} = {entries / wall:.0f}/s; "
          f"latency {latencies([seconds for (_, _, seconds), _ in results])}; answers {codes}")
    if codes == {201: entries}: passed(f"all {entries} appends answered 201")
    else:
        failed(f"appends answered {codes}")
        for (status, payload, _), index in results:
            if status != 201: print(f"      entry {index}: {status} {str(payload)[:300]}"); break
    acknowledged = sorted(payload["sequence"] for (status, payload, _), _ in results if status == 201)
    expect("sequences acknowledged are distinct", len(set(acknowledged)), len(acknowledged))
    for name, server in (("A", a), ("B", b)):
        items = ok("GET", api(server), token)["items"]
        sequences = [item["sequence"] for item in items]
        if sequences == list(range(1, before + entries + 1)): passed(f"timeline read on {name}: sequences 1..{len(sequences)} without a gap")
        else: failed(f"timeline read on {name}: {len(sequences)} entries, sequences {sequences[:5]}…{sequences[-5:]}, expected 1..{before + entries}")
        missing = set(texts) - {item["text"] for item in items}
        expect(f"texts missing on {name}", len(missing), 0)
        verdict = ok("GET", f"{api(server)}/verify", token)
        expect(f"timeline/verify on {name}: intact", verdict["intact"], True)

def apply(a, b, office, token_file, today):
    """Each organization declares one SECURITY ACTION star and applies (owners' tokens),
    declaration and application on different servers."""
    settings = ok("GET", f"{a}/api/v1/program/settings", office)
    if not settings["opensOn"] <= today <= settings["closesOn"]:
        # Outside this fiscal year's application period: widen it to today, as `mamori seed` does.
        body = {"capacity": settings["capacity"], "visitsPerCompany": settings["visitsPerCompany"], "hoursPerVisit": settings["hoursPerVisit"],
                "opensOn": min(settings["opensOn"], today), "closesOn": max(settings["closesOn"], today),
                "termsTextJa": settings["terms"]["textJa"], "termsTextEn": settings["terms"]["textEn"], "preferOutsideMetro": settings["preferOutsideMetro"]}
        settings = ok("PUT", f"{b}/api/v1/program/settings", office, body)
        print(f"      application period widened to {settings['opensOn']}..{settings['closesOn']}")
    tokens = [line.strip() for line in open(token_file) if line.strip()]
    version = ok("GET", f"{a}/api/v1/program/terms", tokens[0])["version"]
    started, codes = time.monotonic(), {}
    for index, token in enumerate(tokens):
        first, second = (a, b) if index % 2 == 0 else (b, a)
        ok("POST", f"{first}/api/v1/security-action/declarations", token,
           {"stars": 1, "declarationId": f"TWO-SERVERS-{index}", "declaredOn": today}, want=201)
        status, payload, _ = call("POST", f"{second}/api/v1/program/application", token, {
            "legalForm": "corporation", "hasSecurityPolicy": False, "participatedPreviousYear": False,
            "contactName": "Two Servers", "contactPhone": "03-0000-0000", "message": "", "agreedTermsVersion": version})
        codes[status] = codes.get(status, 0) + 1
        if status not in (201, 422): failed(f"application answered {status}: {str(payload)[:300]}")
    print(f"      {len(tokens)} organizations declared and applied in {ms(time.monotonic() - started)}: "
          f"{codes.get(201, 0)} applications, {codes.get(422, 0)} not eligible")

mode, args = sys.argv[1], sys.argv[2:]
if mode == "apply": apply(*args)
elif mode == "capacity": capacity(args[0], args[1], args[2], int(args[3]), args[4])
else: timeline(args[0], args[1], args[2], args[3], int(args[4]), int(args[5]), args[6])
sys.exit(min(failures, 100))
PY

echo "==> 5. Capacity: the last places taken through A and B at once"
STARTED=$(date +%s%N)
python3 "$DATA/two_servers.py" apply "$A" "$B" "$OFFICE_TOKEN" "$DATA/applicant-tokens" "$(TZ=Asia/Tokyo date +%F)" || FAILED=$((FAILED + $?))
python3 "$DATA/two_servers.py" capacity "$A" "$B" "$OFFICE_TOKEN" "$PLACES" "$CAPACITY" || FAILED=$((FAILED + $?))
echo "    $(ms_since "$STARTED") ms"

echo "==> 6. Timeline: $ENTRIES entries to one incident through A and B at once"
STARTED=$(date +%s%N)
INCIDENT=$(curl -fsS -H "Authorization: Bearer $OWNER_TOKEN" "$A/api/v1/incidents?per=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
python3 "$DATA/two_servers.py" timeline "$A" "$B" "$OWNER_TOKEN" "$INCIDENT" "$ENTRIES" "$WORKERS" "$(date +%s)" || FAILED=$((FAILED + $?))
# Each process queues its own appends to an incident; between the two processes the unique
# (incident, sequence) index decides, and the loser retries. PostgreSQL logs each such retry.
[ -z "${PGDATA_BENCH:-}" ] || echo "      sequence collisions between the servers, retried: $(grep -c 'duplicate key value violates unique constraint "uq:incident_timeline' "$PGDATA_BENCH/server.log" || true)"
echo "    $(ms_since "$STARTED") ms"

echo "==> Server RSS: A $(ps -o rss= -p "$SERVER" | awk '{printf "%.0f MB", $1/1024}'), B $(ps -o rss= -p "$SERVER_B" | awk '{printf "%.0f MB", $1/1024}')"
echo "==> Stopping both servers (SIGTERM)"
kill -TERM "$SERVER_B" 2>/dev/null || true
status=0; wait "$SERVER_B" || status=$?; SERVER_B=""
expect "server B's exit status" "$status" 0
status=0; stop_server || status=$?
expect "server A's exit status" "$status" 0

echo "==> mamori verify-timelines"
if "$BIN" verify-timelines > "$DATA/verify.out" 2>&1; then cat "$DATA/verify.out"; pass "mamori verify-timelines"
else cat "$DATA/verify.out"; fail "mamori verify-timelines"; fi

FINISHED=1
if [ "$FAILED" -ne 0 ]; then
  echo "==> TWO SERVERS: $FAILED check(s) FAILED. Warnings and errors the servers logged:"
  for log in server.log server-b.log; do
    echo "--- $log"
    grep -E '^\[ (WARNING|ERROR|CRITICAL) \]' "$DATA/$log" | sed 's/ \[request-id: [^]]*\]//' | cut -c1-200 | sort | uniq -c | sort -rn | head -8 || true
  done
  [ -z "${PGDATA_BENCH:-}" ] || { echo "--- PostgreSQL"; grep -o 'ERROR: .*' "$PGDATA_BENCH/server.log" | cut -c1-150 | sort | uniq -c | sort -rn | head -5; } || true
  exit 1
fi
echo "==> TWO SERVERS PASSED"
