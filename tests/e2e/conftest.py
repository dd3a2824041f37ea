"""Fixtures of the end-to-end tests: one site build, one local web server and one Chromium for
the session's tests of this folder; a fresh browser context (cookies, storage, permissions)
per test.

The site is the repository's own: its mkdocs.yml and the example charters, built with
``chartergen build`` exactly as ``make site`` builds it.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2etools import (
    CHROMIUM_ARGS,
    E2E,
    ROOT,
    TODAY,
    Tab,
    require_axe,
    require_chromium,
)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page left before the search index finished downloading: nothing to report."""


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example charters' site, built once for the session."""
    site = tmp_path_factory.mktemp("e2e") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "chartergen", "build", "--site-dir", str(site), "--today", TODAY,
         "-q"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return site


class _Server:
    """The site on a local web server (127.0.0.1, a free port), in a thread of this process."""

    def __init__(self) -> None:
        self._server: _QuietServer | None = None
        self._thread: threading.Thread | None = None

    def url(self, site: Path) -> str:
        if self._server is None:
            self._server = _QuietServer(
                ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
            self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
            self._thread.start()
        return f"http://127.0.0.1:{self._server.server_address[1]}/"

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
        self._server, self._thread = None, None


_SERVER = _Server()


@pytest.fixture
def base_url(site_dir: Path) -> str:
    """The site served on 127.0.0.1, started for the first test that needs it."""
    return _SERVER.url(site_dir)


@pytest.fixture(scope="session")
def file_url(site_dir: Path) -> str:
    """The same site opened from disk, with no server."""
    return site_dir.as_uri() + "/"


class _Chromium:
    """One Playwright and one Chromium for the tests of this folder, started on first use.

    Stopped as soon as the run leaves tests/e2e (see pytest_runtest_teardown).
    """

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None

    def get(self) -> Any:
        if self._browser is None:
            executable = require_chromium()
            from playwright.sync_api import sync_playwright

            self._playwright = sync_playwright().start()
            # Playwright starts each launch with a new, empty profile (user-data dir).
            self._browser = self._playwright.chromium.launch(
                executable_path=str(executable), args=CHROMIUM_ARGS)
        return self._browser

    def stop(self) -> None:
        if self._browser is not None:
            self._browser.close()
            self._browser = None
        if self._playwright is not None:
            self._playwright.stop()
            self._playwright = None


_CHROMIUM = _Chromium()


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> None:
    """Leaving tests/e2e: stop Chromium and the web server's thread.

    Tests elsewhere may start their own Playwright, or fork worker processes, which
    they rightly refuse to do while another thread runs.
    """
    if nextitem is None or E2E not in Path(str(nextitem.path)).parents:
        _CHROMIUM.stop()
        _SERVER.stop()


@pytest.fixture
def browser() -> Any:
    """Debian's Chromium, headless; a missing Chromium fails the tests with how to install it."""
    return _CHROMIUM.get()


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Tab]:
    """A page of the served site in a fresh context."""
    opened = Tab(browser, base_url)
    yield opened
    opened.close()


@pytest.fixture
def offline_tab(browser: Any, file_url: str) -> Iterator[Tab]:
    """A page of the site opened from disk (file://) in a fresh context."""
    opened = Tab(browser, file_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    return require_axe().read_text(encoding="utf-8")
