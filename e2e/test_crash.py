"""Crash safety (issue #13), the short CI version of bench/crash.sh, on SQLite only: writer
threads make acknowledged writes through the API, the server gets SIGKILL in mid-stream, and
after a restart on the same data every acknowledged incident and timeline entry must be there
and `mamori verify-timelines` must pass.

These tests start their own `mamori` processes on their own port and data folder (not the
shared server of conftest.py): they kill and restart them. No browser is needed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import REPO_ROOT, _free_port, _mamori_binary, _read_log, _wait_healthy

sys.path.insert(0, str(REPO_ROOT / "bench"))
import crash_writer  # noqa: E402  (bench/crash_writer.py, shared with bench/crash.sh)

PASSWORD = "crash-password-1"


class OwnServer:
    """A mamori on a free port with a fresh SQLite data folder, started and stopped at will."""

    def __init__(self, binary: Path):
        self.binary = binary
        self.folder = Path(tempfile.mkdtemp(prefix="mamori-e2e-crash-"))
        (self.folder / "data").mkdir()
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = self.folder / "server.log"
        self.env = dict(os.environ, MAMORI_DATA_DIR=str(self.folder / "data"), MAMORI_PORT=str(self.port),
                        MAMORI_HOST="127.0.0.1", MAMORI_PUBLIC_URL=self.base, MAMORI_BCRYPT_COST="4",
                        MAMORI_REMINDERS="off", LOG_LEVEL="warning")
        self.env.pop("DATABASE_URL", None)
        self.process: subprocess.Popen | None = None

    def command(self, *arguments: str) -> subprocess.CompletedProcess:
        """Another mamori command on the same data (seed, create-token, verify-timelines)."""
        return subprocess.run([str(self.binary), *arguments], cwd=self.folder, env=self.env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)

    def seed_with_tokens(self, organizations: int) -> list[str]:
        seeded = self.command("seed", "--orgs", str(organizations), "--users-per-org", "1", "--password", PASSWORD, "--apply-every", "0")
        assert seeded.returncode == 0, seeded.stdout
        tokens = []
        for number in range(1, organizations + 1):
            created = self.command("create-token", "--email", f"owner@org{number}.example.jp", "--name", "e2e")
            assert created.returncode == 0, created.stdout
            tokens.append(created.stdout.strip().splitlines()[-1])
        return tokens

    def start(self) -> None:
        with open(self.log, "ab") as log:
            self.process = subprocess.Popen([str(self.binary), "serve"], cwd=self.folder, env=self.env,
                                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        _wait_healthy(f"{self.base}/healthz", self.process, self.log)

    def stop(self, timeout: float = 15) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def close(self, keep: bool) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=15)
        if keep:
            print(f"\n[e2e] crash-test data and log kept in {self.folder}\n{_read_log(self.log, 5_000)}")
        else:
            shutil.rmtree(self.folder, ignore_errors=True)


@pytest.fixture
def own_server(request):
    server = OwnServer(_mamori_binary())
    failed_before = request.session.testsfailed
    yield server
    # The call's report is counted before teardown: keep the folder and show the log on failure.
    server.close(keep=request.session.testsfailed > failed_before)


def test_acknowledged_writes_survive_kill_9(own_server: OwnServer):
    tokens = own_server.seed_with_tokens(2)
    own_server.start()

    # Three writers per organization (contending on the same incidents); SIGKILL after 2 s.
    stats = crash_writer.write(own_server.base, tokens, kill_pid=own_server.process.pid, kill_after=2,
                               threads_per_token=3, max_seconds=20, tag="e2e")
    own_server.process.wait(timeout=10)
    assert own_server.process.returncode == -signal.SIGKILL
    assert not stats.refused, f"non-2xx answers before the kill: {dict(stats.refused)} {stats.refused_samples}"
    kinds = {kind: sum(1 for ack in stats.acks if ack["type"] == kind) for kind in ("incident", "entry")}
    assert kinds["incident"] > 0 and kinds["entry"] > 0, kinds

    own_server.start()
    result = crash_writer.check(own_server.base, tokens, stats.acks)
    print(f"acknowledged writes {result.acknowledged} ({kinds}), cut by the kill {stats.unknown}, "
          f"found {result.found}, missing {len(result.missing)}")
    assert result.missing == [], result.missing[:10]
    assert own_server.stop() == 0

    verified = own_server.command("verify-timelines")
    assert verified.returncode == 0 and "all intact" in verified.stdout, verified.stdout
