"""Fixtures for Gazette's real-browser tests: a Gazette site on loopback and
headless Chromium sessions driven by Selenium.

Environment:
  GAZETTE_BINARY               the gazette executable to test (required)
  GAZETTE_BROWSER_ARTIFACTS    folder for screenshots, page sources and the
                               server's log when a test fails (default: a
                               new temporary folder, printed in the report)
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

# Selenium Manager must never try to download a browser or a driver.
os.environ.setdefault("SE_OFFLINE", "true")
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
HOST = "127.0.0.1"


# ---------------------------------------------------------------- signals


def pytest_configure(config):
    # A SIGTERM (say, from a CI time-out) ends the run like Ctrl-C does, so
    # the fixtures still stop the server and the browsers.
    def interrupt(signum, frame):
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, interrupt)


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM it if pytest itself dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


# ---------------------------------------------------------------- reports


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # Lets fixtures know, at teardown, whether the test itself failed.
    setattr(item, "rep_" + report.when, report)
    if report.failed and report.when == "call":
        site = _SITES[-1] if _SITES else None
        if site is not None:
            report.sections.append(("gazette server log (last 60 lines)", site.log_tail(60)))
    return report


def _failed(request) -> bool:
    rep = getattr(request.node, "rep_call", None)
    return rep is None or rep.failed


@pytest.fixture(scope="session")
def artifacts_dir():
    wanted = os.environ.get("GAZETTE_BROWSER_ARTIFACTS")
    if wanted:
        path = Path(wanted)
        path.mkdir(parents=True, exist_ok=True)
        yield path
        return
    path = Path(tempfile.mkdtemp(prefix="gazette-browser-artifacts."))
    yield path
    try:
        path.rmdir()  # only when nothing was saved in it
    except OSError:
        pass


# ---------------------------------------------------------------- the site


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _clean_env() -> dict[str, str]:
    """The environment without GAZETTE_* settings (GAZETTE_DATABASE_URL,
    GAZETTE_THEME, ... would change what the site under test is)."""
    return {k: v for k, v in os.environ.items() if not k.startswith("GAZETTE_")}


def run_cli(binary: str, data_dir: Path, *args: str) -> str:
    cmd = [binary, *args, "--data-dir", str(data_dir)]
    done = subprocess.run(
        cmd, capture_output=True, text=True, timeout=60, env=_clean_env(), check=False
    )
    if done.returncode != 0:
        raise AssertionError(
            f"{' '.join(cmd)} exited with {done.returncode}\n"
            f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
        )
    return done.stdout


@dataclass
class Site:
    binary: str
    data_dir: Path
    port: int
    process: subprocess.Popen
    log_path: Path
    started_on: dt.date  # UTC date when the site was created

    @property
    def base_url(self) -> str:
        return f"http://{HOST}:{self.port}"

    def url(self, path: str = "/") -> str:
        return self.base_url + path

    def cli(self, *args: str) -> str:
        """Runs `gazette ARGS --data-dir D` and returns its standard output."""
        return run_cli(self.binary, self.data_dir, *args)

    def comment_lines(self, status: str | None = None) -> list[str]:
        args = ["comments", "list"] + (["--status", status] if status else [])
        return [line for line in self.cli(*args).splitlines() if line.startswith("#")]

    def wait_for_output(self, pattern: str, timeout: float = 20.0) -> re.Match:
        """The first match of the regular expression PATTERN in what the
        server has printed so far, waiting up to TIMEOUT seconds for it."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                match = re.search(pattern, self.log_path.read_text(errors="replace"))
            except OSError:
                match = None
            if match:
                return match
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(
                    f"gazette serve did not print /{pattern}/ within {timeout:.0f}s; its output:\n"
                    + self.log_tail(40)
                )
            time.sleep(0.1)

    def log_tail(self, n: int) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError as e:
            return f"(no log: {e})"
        return "\n".join(lines[-n:])


_SITES: list[Site] = []


def _wait_healthy(site: Site, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if site.process.poll() is not None:
            raise RuntimeError(
                f"gazette serve exited with {site.process.returncode} before it was ready:\n"
                + site.log_tail(40)
            )
        try:
            with urllib.request.urlopen(site.url("/healthz"), timeout=2) as r:
                if r.status == 200 and r.read().strip() == b"ok":
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"gazette serve not ready after {timeout:.0f}s:\n" + site.log_tail(40))


def _start_site(binary: str, data_dir: Path, line_buffered: bool = False) -> Site:
    """Starts `gazette serve` on a free loopback port, its standard output and
    error going to DATA_DIR/serve-N.log. With LINE_BUFFERED, through
    `stdbuf -oL`: gazette's own print()s (the setup link) are block-buffered
    when standard output is a file, and would reach the log only at exit."""
    last_error: Exception | None = None
    prefix = ["stdbuf", "-oL"] if line_buffered else []
    for attempt in range(3):  # another process may take the port we picked
        port = _free_port()
        log_path = data_dir / f"serve-{attempt}.log"
        log = open(log_path, "wb")
        started_on = dt.datetime.now(dt.timezone.utc).date()
        process = subprocess.Popen(
            [
                *prefix,
                binary, "serve",
                "--host", HOST,
                "--port", str(port),
                "--data-dir", str(data_dir),
                "--base-url", f"http://{HOST}:{port}",
            ],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=_clean_env(),
            preexec_fn=_die_with_parent,
        )
        log.close()
        site = Site(binary, data_dir, port, process, log_path, started_on)
        try:
            _wait_healthy(site)
            return site
        except RuntimeError as e:
            last_error = e
            _stop_site(site)
    raise RuntimeError(f"could not start gazette serve: {last_error}")


def _stop_site(site: Site) -> int | None:
    """SIGTERM by pid; SIGKILL if it is still running after 20 s."""
    if site.process.poll() is None:
        os.kill(site.process.pid, signal.SIGTERM)
        try:
            site.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.kill(site.process.pid, signal.SIGKILL)
            site.process.wait(timeout=10)
            return None
    return site.process.returncode


def _keep_data(data_dir: Path, artifacts_dir: Path, name: str = "gazette-data") -> None:
    """Copies the site's database and server logs next to the screenshots
    (in ARTIFACTS_DIR/NAME), and removes the temporary folder."""
    dest = artifacts_dir / name
    shutil.copytree(data_dir, dest, dirs_exist_ok=True)
    shutil.rmtree(data_dir, ignore_errors=True)
    print(f"\ngazette data folder and server log copied to {dest}")


@pytest.fixture(scope="session")
def site(request, artifacts_dir):
    binary = os.environ.get("GAZETTE_BINARY", "")
    if not binary or not os.access(binary, os.X_OK):
        pytest.fail(f"GAZETTE_BINARY must name the gazette executable (got {binary!r})", pytrace=False)
    data_dir = Path(tempfile.mkdtemp(prefix="gazette-browser-site."))
    try:
        # Flood control (one comment per IP every 15 s) would refuse the
        # second comment from 127.0.0.1; the 3 s minimum stays at its default.
        run_cli(binary, data_dir, "settings", "set", "comments.flood_seconds", "0")
        the_site = _start_site(binary, data_dir)
    except BaseException:
        _keep_data(data_dir, artifacts_dir)
        raise
    _SITES.append(the_site)
    try:
        yield the_site
    finally:
        _SITES.remove(the_site)
        code = _stop_site(the_site)
        if request.session.testsfailed > 0 or code != 0:
            _keep_data(data_dir, artifacts_dir)
        shutil.rmtree(data_dir, ignore_errors=True)
        if code is None:
            pytest.fail("gazette serve did not stop within 20 s of SIGTERM (killed)", pytrace=False)
        if code != 0:
            pytest.fail(f"gazette serve exited with {code} on SIGTERM (expected 0)", pytrace=False)


@pytest.fixture(scope="module")
def fresh_site(request, artifacts_dir):
    """A brand-new site for one test module, with its own data folder: no
    admin yet, so it prints a first-admin setup link (Site.wait_for_output
    reads it; its output is line-buffered, see _start_site). Comment flood
    control is off, as for `site`. Stopped with SIGTERM at the module's end."""
    binary = os.environ.get("GAZETTE_BINARY", "")
    if not binary or not os.access(binary, os.X_OK):
        pytest.fail(f"GAZETTE_BINARY must name the gazette executable (got {binary!r})", pytrace=False)
    keep_as = "gazette-data-" + request.module.__name__.rpartition(".")[2]
    data_dir = Path(tempfile.mkdtemp(prefix="gazette-browser-fresh-site."))
    failed_before = request.session.testsfailed
    try:
        run_cli(binary, data_dir, "settings", "set", "comments.flood_seconds", "0")
        the_site = _start_site(binary, data_dir, line_buffered=True)
    except BaseException:
        _keep_data(data_dir, artifacts_dir, keep_as)
        raise
    _SITES.append(the_site)
    try:
        yield the_site
    finally:
        _SITES.remove(the_site)
        code = _stop_site(the_site)
        if request.session.testsfailed > failed_before or code != 0:
            _keep_data(data_dir, artifacts_dir, keep_as)
        shutil.rmtree(data_dir, ignore_errors=True)
        if code is None:
            pytest.fail("gazette serve did not stop within 20 s of SIGTERM (killed)", pytrace=False)
        if code != 0:
            pytest.fail(f"gazette serve exited with {code} on SIGTERM (expected 0)", pytrace=False)


# ---------------------------------------------------------------- browsers


def chrome_options() -> webdriver.ChromeOptions:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--window-size=1280,1024",
        # Loopback only: every name but 127.0.0.1 resolves to nothing, and
        # anything that would use a proxy goes to a dead local port
        # (loopback addresses always bypass the proxy).
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        "--proxy-server=http://127.0.0.1:9",
        "--proxy-bypass-list=127.0.0.1;localhost",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--disable-domain-reliability",
        "--disable-client-side-phishing-detection",
        "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
        "--password-store=basic",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    return options


@pytest.fixture
def new_browser(request, artifacts_dir):
    """A factory of fresh headless Chromium sessions (each with its own new
    profile, so no cookie is shared). All are quit at the end of the test;
    when the test failed, each one's screenshot and page source are saved."""
    drivers: list[webdriver.Chrome] = []

    def make() -> webdriver.Chrome:
        index = len(drivers)
        service = Service(
            executable_path=CHROMEDRIVER,
            log_output=str(artifacts_dir / f"chromedriver-{request.node.name}-{index}.log"),
        )
        driver = webdriver.Chrome(service=service, options=chrome_options())
        driver.set_page_load_timeout(30)
        drivers.append(driver)
        return driver

    yield make

    failed = _failed(request)
    for index, driver in enumerate(drivers):
        try:
            if failed:
                stem = artifacts_dir / f"{request.node.name}-browser{index}"
                driver.save_screenshot(str(stem) + ".png")
                Path(str(stem) + ".html").write_text(
                    f"<!-- {driver.current_url} -->\n{driver.page_source}"
                )
        except Exception as e:  # the browser may be gone already
            print(f"could not save browser {index}'s page: {e}")
        finally:
            driver.quit()
    if failed:
        print(f"\nbrowser screenshots and page sources in {artifacts_dir}")
    else:
        for log in artifacts_dir.glob(f"chromedriver-{request.node.name}-*.log"):
            log.unlink(missing_ok=True)
