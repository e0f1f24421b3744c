#!/usr/bin/env bash
# Fuzzes every API operation from Mamori's own OpenAPI document and fails on any 5xx answer:
# no input may produce a server error. Starts its own server on a free port with a fresh
# SQLite database, an organization and a token.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${MAMORI_BIN:-.build/debug/mamori}
DATA=$(mktemp -d /tmp/mamori-fuzz.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
export MAMORI_DATA_DIR=$DATA MAMORI_PORT=$PORT MAMORI_PUBLIC_URL="http://127.0.0.1:$PORT" MAMORI_BCRYPT_COST=4 LOG_LEVEL=error
"$BIN" serve > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT
for _ in $(seq 1 150); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
echo "fuzz-password-1" | "$BIN" create-org --name Fuzz --prefecture 13 --category retail --employees 5 --owner-email fuzz@example.jp >/dev/null
TOKEN=$("$BIN" create-token --email fuzz@example.jp --name fuzz | tail -1)
schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.yaml" --url "http://127.0.0.1:$PORT/api/v1" \
  -H "Authorization: Bearer $TOKEN" --checks not_a_server_error --max-examples 25 --seed 1
# The office's operations answer 403 to the organization's token above: fuzz them again with
# an office admin's token (the same server and database): the program's settings, applications
# and experts, and the directory's corrections, retirement, verification and reports.
echo "fuzz-office-password-1" | "$BIN" create-admin --email office@example.jp --name Office >/dev/null
OFFICE_TOKEN=$("$BIN" create-token --email office@example.jp --name office-fuzz | tail -1)
schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.yaml" --url "http://127.0.0.1:$PORT/api/v1" \
  -H "Authorization: Bearer $OFFICE_TOKEN" --checks not_a_server_error --max-examples 25 --seed 1 \
  --include-path-regex '^/(program/(settings|applications|experts|expert-invitations)|directory)'
