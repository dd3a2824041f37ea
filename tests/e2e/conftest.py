"""Fixtures of the browser tests: one site build and one Chromium for the session's tests of
this folder, the site on the local web server for each module; a fresh browser context
(cookies, storage, permissions) per test. Every test that drives a browser lives here.

The site is the repository's own: its mkdocs.yml and the example charters, built with
``chartergen build`` exactly as ``make site`` builds it, once with each site engine: every
test that uses the site runs against the MkDocs site and the Zensical site.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2etools import E2E, ROOT, TODAY, Tab, require_axe, require_chromium, served

from chartergen.pdf import CHROMIUM_ARGS

ENGINES = ("mkdocs", "zensical")


@pytest.fixture(scope="session", params=ENGINES)
def engine(request: pytest.FixtureRequest) -> str:
    """The site engine that built the site under test."""
    return str(request.param)


@pytest.fixture(scope="session")
def built_sites() -> dict[str, Path]:
    """The example charters' site built by each engine, built when first asked for."""
    return {}


@pytest.fixture(scope="module")
def site_dir(tmp_path_factory: pytest.TempPathFactory, built_sites: dict[str, Path],
             engine: str) -> Path:
    """The example charters' site built with ``engine``, once for the session.

    Asked for again by each module, so that a module that chooses its own engine (the
    search tests: MkDocs only) does not hand its site to the next module's other engine:
    a session-wide fixture kept the first site it was built for.
    """
    if engine not in built_sites:
        site = tmp_path_factory.mktemp(f"e2e-{engine}") / "site"
        result = subprocess.run(
            [sys.executable, "-m", "chartergen", "build", "--site-dir", str(site), "--today",
             TODAY, "-q", "--engine", engine],
            cwd=ROOT, capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr
        built_sites[engine] = site
    return built_sites[engine]


@pytest.fixture(scope="module")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served on 127.0.0.1 for the tests of one module (a module may serve another
    site by defining its own ``base_url``)."""
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
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
                executable_path=str(executable), args=list(CHROMIUM_ARGS))
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
    """Leaving tests/e2e: stop Chromium.

    Tests elsewhere may start their own Playwright, or fork worker processes, which
    they rightly refuse to do while another thread runs.
    """
    if nextitem is None or E2E not in Path(str(nextitem.path)).parents:
        _CHROMIUM.stop()


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
