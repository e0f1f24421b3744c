"""Fixtures for Mamori's browser end-to-end tests.

Run from the repository root:

    pip install -r e2e/requirements.txt
    apt-get install -y chromium chromium-driver fonts-noto-cjk   # Debian
    python3 -m pytest -q e2e

By default the suite runs `swift build` in the repository root (the folder above this one)
and starts `.build/debug/mamori serve`. Set MAMORI_BIN to an already built binary to skip the
build. Other knobs: CHROMIUM_BIN (default /usr/bin/chromium), CHROMEDRIVER_BIN (default
/usr/bin/chromedriver), MAMORI_E2E_STARTUP_TIMEOUT (seconds, default 120).

Each run uses a fresh temporary data folder (a new SQLite database) and a free port on
127.0.0.1. The server's output goes to a log file that is printed when a test fails.
Screenshots for human review are written to e2e/screenshots/ (ignored by git).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

E2E_DIR = Path(__file__).resolve().parent
REPO_ROOT = E2E_DIR.parent
SCREENSHOT_DIR = E2E_DIR / "screenshots"

CHROMIUM_BIN = os.environ.get("CHROMIUM_BIN", "/usr/bin/chromium")
CHROMEDRIVER_BIN = os.environ.get("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")
STARTUP_TIMEOUT = float(os.environ.get("MAMORI_E2E_STARTUP_TIMEOUT", "120"))

# Where the running server writes its output; read by pytest_terminal_summary on failure.
_server_log_path: Path | None = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _read_log(path: Path | None, limit: int = 20_000) -> str:
    if path is None or not path.exists():
        return "(no server log)"
    text = path.read_text(errors="replace")
    return text if len(text) <= limit else "…(earlier lines cut)…\n" + text[-limit:]


def _mamori_binary() -> Path:
    configured = os.environ.get("MAMORI_BIN")
    if configured:
        binary = Path(configured)
        if not binary.is_file():
            pytest.exit(f"MAMORI_BIN={configured} is not a file", returncode=2)
        return binary
    if shutil.which("swift") is None:
        pytest.exit("swift is not installed and MAMORI_BIN is not set", returncode=2)
    print(f"\n[e2e] swift build in {REPO_ROOT} …", flush=True)
    build = subprocess.run(["swift", "build"], cwd=REPO_ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    if build.returncode != 0:
        pytest.exit(f"swift build failed ({build.returncode}):\n{build.stdout[-20_000:]}", returncode=2)
    binary = REPO_ROOT / ".build" / "debug" / "mamori"
    if not binary.is_file():
        pytest.exit(f"swift build succeeded but {binary} does not exist", returncode=2)
    return binary


def _wait_healthy(url: str, process: subprocess.Popen, log_path: Path) -> None:
    deadline = time.monotonic() + STARTUP_TIMEOUT
    last_problem = "no answer yet"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"mamori exited with code {process.returncode} before it was healthy.\n"
                               f"--- server log ---\n{_read_log(log_path)}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
                last_problem = f"status {response.status}"
        except urllib.error.HTTPError as error:
            last_problem = f"status {error.code}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            last_problem = str(error)
        time.sleep(0.25)
    raise RuntimeError(f"GET {url} did not answer 200 within {STARTUP_TIMEOUT:.0f} s ({last_problem}).\n"
                       f"--- server log ---\n{_read_log(log_path)}")


@pytest.fixture(scope="session")
def base_url():
    """Starts `mamori serve` on a free port with a fresh database; yields http://127.0.0.1:PORT."""
    global _server_log_path
    binary = _mamori_binary()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    data_dir = Path(tempfile.mkdtemp(prefix="mamori-e2e-"))
    log_path = data_dir / "server.log"
    _server_log_path = log_path
    env = dict(os.environ,
               MAMORI_DATA_DIR=str(data_dir / "data"),
               MAMORI_PORT=str(port),
               MAMORI_HOST="127.0.0.1",
               MAMORI_PUBLIC_URL=url,
               MAMORI_BCRYPT_COST="4")
    env.pop("DATABASE_URL", None)  # always the throwaway SQLite database
    (data_dir / "data").mkdir()
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(binary), "serve"], cwd=data_dir, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait_healthy(f"{url}/healthz", process, log_path)
        yield url
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=15)
        # Keep the folder (and its log) when something failed, for a look afterwards.
        if not _session_failed:
            shutil.rmtree(data_dir, ignore_errors=True)
        else:
            print(f"\n[e2e] server data and log kept in {data_dir}")


_session_failed = False


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    global _session_failed
    outcome = yield
    report = outcome.get_result()
    if report.failed:
        _session_failed = True
        # A picture of the page the browser was on when the test failed.
        driver = item.funcargs.get("browser") if hasattr(item, "funcargs") else None
        if driver is not None:
            try:
                SCREENSHOT_DIR.mkdir(exist_ok=True)
                path = SCREENSHOT_DIR / f"FAILED-{item.name}-{report.when}.png"
                driver.save_screenshot(str(path))
                report.sections.append(("browser", f"url: {driver.current_url}\nscreenshot: {path}"))
            except Exception as error:  # the browser may be gone already
                report.sections.append(("browser", f"no screenshot: {error}"))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if _server_log_path is None:
        return
    if terminalreporter.stats.get("failed") or terminalreporter.stats.get("error"):
        terminalreporter.write_sep("=", "mamori server log")
        terminalreporter.write_line(_read_log(_server_log_path))


@pytest.fixture
def browser(base_url):
    """A fresh headless Chromium for each test (its own profile, so no shared cookies)."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM_BIN
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=ja"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "ja"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER_BIN))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
