"""Graceful shutdown (issue #13): SIGTERM while an upload is in flight. The upload is sent over
a raw socket in two halves, so it is certainly in flight when the signal arrives: the head and
half of the body before SIGTERM, the rest after. The server must stop accepting connections,
close an idle keep-alive connection, still answer the upload completely (201 with the file's
SHA-256), then exit with status 0 - and the file must be stored after a restart.

Vapor quiesces on SIGTERM (SwiftNIO's ServerQuiescingHelper): it closes the listening socket,
closes idle connections and lets a request in progress finish, for at most
`shutdownTimeout` (10 s by default), so the second half is sent well within that.

Found with Vapor 4.122 (issue #13): the HTTP side worked as above, but the upload got a 500
(`ConnectionPoolError.shutdown`), because `Application.asyncShutdown()` runs the lifecycle
handlers - Fluent's, which shuts the databases down - before the storage shutdown that stops
the HTTP server; a request that reached `req.db` after that point even crashed the process
(force unwrap in Fluent's `Request.db`, SIGILL). `Sources/mamori/entrypoint.swift` now stops
the HTTP server first (`await app.server.shutdown()` before `app.asyncShutdown()`)."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import time
import urllib.request

from test_crash import OwnServer, own_server  # noqa: F401  (the fixture)
import crash_writer


def read_response(sock: socket.socket, timeout: float = 10, check_closed: bool = True) -> tuple[int, dict[str, str], bytes, bool]:
    """Reads one HTTP/1.1 response (Content-Length framed); with check_closed, also tells
    whether the server closed the connection after it (waiting up to `timeout`)."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed before a complete head: {data!r}"
        data += chunk
    head, body = data.split(b"\r\n\r\n", 1)
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {name.strip().lower(): value.strip() for name, value in (line.split(":", 1) for line in lines[1:])}
    length = int(headers.get("content-length", "0"))
    while len(body) < length:
        chunk = sock.recv(65536)
        assert chunk, f"connection closed after {len(body)} of {length} body bytes"
        body += chunk
    closed = False
    if check_closed:
        try:
            closed = sock.recv(1) == b""
        except (socket.timeout, ConnectionResetError):
            pass
    return status, headers, body, closed


def connect(server: OwnServer) -> socket.socket:
    try:
        return socket.create_connection(("127.0.0.1", server.port), timeout=10)
    except ConnectionRefusedError:
        raise AssertionError(f"connection refused before SIGTERM; server exit status {server.process.poll()}") from None


def test_sigterm_lets_an_upload_in_flight_finish(own_server: OwnServer):
    token = own_server.seed_with_tokens(1)[0]
    own_server.start()
    incident = crash_writer.existing_incidents(own_server.base, token)[0]
    port = own_server.port

    # An idle keep-alive connection (one finished request): quiescing should close it.
    idle = connect(own_server)
    idle.sendall(f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
    assert read_response(idle, timeout=5, check_closed=False)[0] == 200

    # The upload: head and the first half of 256 KiB.
    payload = os.urandom(256 * 1024)
    upload = connect(own_server)
    upload.sendall((f"POST /api/v1/incidents/{incident}/evidence?filename=shutdown.bin HTTP/1.1\r\n"
                    f"Host: 127.0.0.1:{port}\r\nAuthorization: Bearer {token}\r\n"
                    f"Content-Type: application/octet-stream\r\nContent-Length: {len(payload)}\r\n\r\n").encode())
    upload.sendall(payload[:len(payload) // 2])
    time.sleep(0.5)   # the server has read the head and is waiting for the rest

    own_server.process.terminate()   # SIGTERM
    signalled = time.monotonic()
    seen: dict[str, object] = {}     # everything observed, shown whole if an expectation fails

    # New connections are refused once the listening socket is closed.
    while time.monotonic() - signalled < 5:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except ConnectionRefusedError:
            seen["refused after s"] = round(time.monotonic() - signalled, 2)
            break
        time.sleep(0.05)
    # The idle connection is closed by the server.
    idle.settimeout(5)
    try:
        seen["idle connection closed"] = idle.recv(1) == b""
    except (socket.timeout, ConnectionResetError) as error:
        seen["idle connection closed"] = repr(error)
    idle.close()
    # The server is still running: it waits for the upload.
    seen["running with the upload in flight"] = own_server.process.poll() is None

    # The second half, in slices over about a second, then the complete answer.
    rest = payload[len(payload) // 2:]
    try:
        for start in range(0, len(rest), 16 * 1024):
            upload.sendall(rest[start:start + 16 * 1024])
            time.sleep(0.12)
        status, _, body, closed = read_response(upload)
        seen.update({"upload status": status, "upload answer": body[:300].decode(errors="replace"),
                     "closed after the answer": closed, "answered after s": round(time.monotonic() - signalled, 2)})
    except (OSError, AssertionError) as error:
        status, body = None, b""
        seen["upload"] = f"no complete answer: {error!r}"
    upload.close()
    try:
        seen["exit status"] = own_server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        seen["exit status"] = "still running 15 s after SIGTERM"
    print("\nshutdown observations:", seen)

    assert "refused after s" in seen, f"new connections still accepted 5 s after SIGTERM: {seen}"
    assert seen["idle connection closed"] is True, seen
    assert seen["running with the upload in flight"], seen
    assert status == 201, f"the upload in flight got no 201: {seen}"
    receipt = json.loads(body)
    assert receipt["sha256"] == hashlib.sha256(payload).hexdigest() and receipt["size"] == len(payload)
    assert seen["closed after the answer"], seen
    assert seen["exit status"] == 0, seen

    # The acknowledged upload is stored: the same bytes after a restart.
    own_server.start()
    download = urllib.request.Request(f"{own_server.base}/api/v1/incidents/{incident}/evidence/{receipt['id']}",
                                      headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(download, timeout=10) as response:
        assert response.read() == payload
    assert own_server.stop() == 0
    verified = own_server.command("verify-timelines")
    assert verified.returncode == 0 and "all intact" in verified.stdout, verified.stdout
