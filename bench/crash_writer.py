#!/usr/bin/env python3
"""Acknowledged writes across a crash (issue #13), for bench/crash.sh and e2e/test_crash.py.

    crash_writer.py write --base URL --tokens FILE --acks FILE --kill-pid PID [--kill-after 3]
    crash_writer.py check --base URL --tokens FILE --acks FILE

`write`: writer threads (several per API token, so appends of one organization contend on
the same incidents) open incidents and append timeline entries through the API. Every 2xx
answer is an acknowledged write and is recorded (incident id and title; entry incident,
sequence, hash and text). After --kill-after seconds the server (--kill-pid) gets SIGKILL in
mid-stream; the writers stop when the server no longer answers. Requests cut by the kill have
an unknown outcome and are only counted. The acknowledgements are appended to --acks (JSON
lines), so several crash rounds accumulate. Exit status 1 if the server answered anything but
2xx before the kill.

`check` (after a restart on the same data): every acknowledged incident must be there with its
title and every acknowledged entry at its sequence with the same hash and text. Prints the
counts; exit status 1 if anything is missing.

Standard library only.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import signal
import sys
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field


class ServerGone(Exception):
    """The connection failed. `sent`: the request may have reached the server (its outcome is
    unknown); otherwise the connection was refused and nothing was sent."""

    def __init__(self, message: str, sent: bool):
        super().__init__(message)
        self.sent = sent


class Client:
    """One keep-alive connection with a bearer token; reconnects after a failure."""

    def __init__(self, base: str, token: str):
        url = urllib.parse.urlsplit(base)
        self.host, self.port, self.token = url.hostname, url.port, token
        self.connection: http.client.HTTPConnection | None = None

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        headers = {"Authorization": f"Bearer {self.token}", "Accept": "application/json"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=15)
            self.connection.request(method, "/api/v1" + path, body=data, headers=headers)
            response = self.connection.getresponse()
            raw = response.read()
        except ConnectionRefusedError as error:
            self.close()
            raise ServerGone(str(error), sent=False) from error
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise ServerGone(str(error), sent=True) from error
        if response.getheader("Connection", "").lower() == "close":
            self.close()
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:
            return response.status, None

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None


@dataclass
class WriteStats:
    acks: list[dict] = field(default_factory=list)
    unknown: int = 0                       # requests cut by the crash (outcome unknown)
    refused: Counter = field(default_factory=Counter)   # non-2xx answers, by status
    refused_samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def existing_incidents(base: str, token: str) -> list[str]:
    status, body = Client(base, token).request("GET", "/incidents?per=100")
    if status != 200:
        raise SystemExit(f"GET /incidents answered {status}: {body}")
    return [item["id"] for item in body["items"] if item["status"] == "open"]


def write(base: str, tokens: list[str], kill_pid: int | None, kill_after: float, threads_per_token: int = 2,
          max_seconds: float = 60, tag: str = "") -> WriteStats:
    """Writes until the server is gone (or max_seconds); kills kill_pid after kill_after s."""
    stats = WriteStats()
    stop = threading.Event()
    incidents = {index: existing_incidents(base, token) for index, token in enumerate(tokens)}
    lists_lock = threading.Lock()

    def writer(token_index: int, number: int) -> None:
        client = Client(base, tokens[token_index])
        rng = random.Random(f"{tag}-{token_index}-{number}")
        for i in range(10**9):
            if stop.is_set():
                break
            text = f"crash {tag} token{token_index} writer{number} #{i}"
            with lists_lock:
                targets = list(incidents[token_index])
            try:
                if not targets or rng.random() < 0.2:
                    title = f"crash incident {tag} t{token_index} w{number} #{i}"
                    status, body = client.request("POST", "/incidents", {
                        "kind": "system_outage", "title": title, "detectedAt": "2026-01-10T09:00:00+09:00"})
                    ack = {"type": "incident", "token": token_index, "id": (body or {}).get("id"), "title": title}
                else:
                    # Mostly the first listed incident, the same for every writer of the organization: they contend.
                    incident = targets[0] if rng.random() < 0.6 else rng.choice(targets)
                    status, body = client.request("POST", f"/incidents/{incident}/timeline", {"text": text})
                    body = body or {}
                    ack = {"type": "entry", "token": token_index, "incident": incident, "sequence": body.get("sequence"),
                           "hash": body.get("hash"), "text": body.get("text")}
            except ServerGone as gone:
                if not gone.sent:
                    break   # connection refused: the server is gone
                with stats.lock:
                    stats.unknown += 1
                continue    # reconnect: refused if the server is gone
            if 200 <= status < 300:
                with stats.lock:
                    stats.acks.append(ack)
                if ack["type"] == "incident":
                    with lists_lock:
                        incidents[token_index].append(ack["id"])
            else:
                with stats.lock:
                    stats.refused[status] += 1
                    if len(stats.refused_samples) < 5:
                        stats.refused_samples.append(f"{status}: {json.dumps(body, ensure_ascii=False)[:300]}")
        client.close()

    threads = [threading.Thread(target=writer, args=(t, n), daemon=True)
               for t in range(len(tokens)) for n in range(threads_per_token)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    if kill_pid is not None:
        time.sleep(kill_after)
        os.kill(kill_pid, signal.SIGKILL)   # mid-stream: every writer has a request out or about to
    while any(thread.is_alive() for thread in threads) and time.monotonic() - started < max_seconds:
        time.sleep(0.1)
    stop.set()
    for thread in threads:
        thread.join(timeout=20)
    return stats


@dataclass
class CheckResult:
    acknowledged: int
    found: int
    missing: list[str]


def check(base: str, tokens: list[str], acks: list[dict]) -> CheckResult:
    """Looks up every acknowledged write through the API."""
    clients = [Client(base, token) for token in tokens]
    timelines: dict[str, dict[int, dict]] = {}
    found, missing = 0, []

    def timeline(token: int, incident: str) -> dict[int, dict]:
        if incident not in timelines:
            status, body = clients[token].request("GET", f"/incidents/{incident}/timeline")
            timelines[incident] = {item["sequence"]: item for item in body["items"]} if status == 200 else {}
        return timelines[incident]

    for ack in acks:
        token = ack["token"]
        if ack["type"] == "incident":
            status, body = clients[token].request("GET", f"/incidents/{ack['id']}")
            ok = status == 200 and body["title"] == ack["title"] and len(timeline(token, ack["id"])) >= 1
            what = f"incident {ack['id']} ({ack['title']}): GET answered {status}"
        else:
            stored = timeline(token, ack["incident"]).get(ack["sequence"])
            ok = stored is not None and stored["hash"] == ack["hash"] and stored["text"] == ack["text"]
            what = f"entry {ack['sequence']} of {ack['incident']} ({ack['text']}): stored {stored and stored['text']!r}"
        if ok:
            found += 1
        else:
            missing.append(what)
    for client in clients:
        client.close()
    return CheckResult(len(acks), found, missing)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["write", "check"])
    parser.add_argument("--base", required=True)
    parser.add_argument("--tokens", required=True, help="file with one API token a line")
    parser.add_argument("--acks", required=True, help="JSON lines of acknowledged writes (appended by write)")
    parser.add_argument("--kill-pid", type=int)
    parser.add_argument("--kill-after", type=float, default=3)
    parser.add_argument("--threads-per-token", type=int, default=2)
    parser.add_argument("--tag", default="")
    args = parser.parse_args()
    tokens = [line.strip() for line in open(args.tokens) if line.strip()]

    if args.mode == "write":
        stats = write(args.base, tokens, args.kill_pid, args.kill_after, args.threads_per_token, tag=args.tag)
        with open(args.acks, "a") as out:
            for ack in stats.acks:
                out.write(json.dumps(ack) + "\n")
        kinds = Counter(ack["type"] for ack in stats.acks)
        print(f"acknowledged writes {len(stats.acks)} (incidents {kinds['incident']}, timeline entries {kinds['entry']}), "
              f"cut by the kill (outcome unknown) {stats.unknown}, non-2xx {sum(stats.refused.values())} {dict(stats.refused)}")
        for sample in stats.refused_samples:
            print("  non-2xx answer:", sample)
        return 1 if stats.refused else 0

    acks = [json.loads(line) for line in open(args.acks) if line.strip()]
    result = check(args.base, tokens, acks)
    print(f"acknowledged writes {result.acknowledged}, found {result.found}, missing {len(result.missing)}")
    for what in result.missing[:20]:
        print("  MISSING:", what)
    return 1 if result.missing or result.acknowledged == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
