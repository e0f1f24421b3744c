#!/usr/bin/env bash
# Crash test (issue #13): writer threads make acknowledged writes through the API (new incidents,
# timeline entries appended by several writers to the same incidents); the server gets `kill -9`
# in mid-stream, is restarted on the same data, and every acknowledged write must be there
# (checked through the API) with every hash chain intact (`mamori verify-timelines`).
# ROUNDS crash/restart rounds on the same data; the check after each round covers the
# acknowledgements of every round so far.
#
#   bash bench/crash.sh                         # SQLite (write-ahead log)
#   DB=postgres bash bench/crash.sh             # a private PostgreSQL 15 on loopback
#   ROUNDS=5 KILL_AFTER=4 ORGS=4 WRITERS=3 MAMORI_BIN=/path/to/mamori bash bench/crash.sh
# Only the Mamori process is killed: this checks that nothing is acknowledged before it is
# committed, not what the disk keeps after a power cut.
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh

ORGS=${ORGS:-4}            # organizations writing, each with its own API token
WRITERS=${WRITERS:-3}      # writer threads per token (they contend on the same incidents)
ROUNDS=${ROUNDS:-3}
KILL_AFTER=${KILL_AFTER:-3}

bench_init
export MAMORI_BCRYPT_COST=4   # nobody signs in; keeps seeding quick
"$BIN" seed --orgs "$ORGS" --users-per-org 1 --password crash-password-1 --apply-every 0 | tail -1
for k in $(seq 1 "$ORGS"); do create_token "owner@org$k.example.jp" crash; done > "$DATA/tokens"
ACKS=$DATA/acks.jsonl
: > "$ACKS"

FAILED=0
writer() { python3 bench/crash_writer.py "$@" --base "$BASE" --tokens "$DATA/tokens" --acks "$ACKS"; }
for round in $(seq 1 "$ROUNDS"); do
  echo "==> Round $round: $((ORGS * WRITERS)) writers, kill -9 after ${KILL_AFTER} s"
  start_server
  writer write --kill-pid "$SERVER" --kill-after "$KILL_AFTER" --threads-per-token "$WRITERS" --tag "r$round" || FAILED=1
  kill_server   # reaps the process the writer killed
  echo "    restart on the same data"
  start_server
  writer check || FAILED=1
  stop_server || { echo "FAIL: server exited with status $? on SIGTERM"; FAILED=1; }
done

echo "==> mamori verify-timelines"
"$BIN" verify-timelines || { echo "FAIL: broken timeline"; FAILED=1; }
if [ "$FAILED" -ne 0 ]; then echo "==> CRASH TEST FAILED"; tail -5 "$DATA/server.log" | cut -c1-300; exit 1; fi
echo "==> CRASH TEST PASSED"
