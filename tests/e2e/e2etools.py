"""Helpers of the browser tests: where Chromium is and how it starts (the same as
``chartergen pdf``), the one local web server, a tab that records what a page does wrong,
axe-core and screenshots.

The folder has no __init__.py, so pytest puts it on sys.path and the tests import this as
``e2etools`` (as tests/website does with ``sitetools``).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chartergen.pdf import chromium_path

ROOT = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
TODAY = "2026-11-23"
CHROMIUM = chromium_path()
"""Debian's Chromium, or CHARTERGEN_CHROMIUM: the browser ``chartergen pdf`` prints with."""
AXE = E2E / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = E2E / "screenshots"
"""Written by the tests for a person to look at; ignored by git."""

INSTALL = ("run `make browser` from the repository root (it runs "
           "`apt-get install chromium fonts-dejavu-core` and `npm ci --prefix tests/e2e`)")


def require_chromium(path: Path = CHROMIUM) -> Path:
    """Chromium's path, or a failed test saying how to install it (never a silent skip)."""
    if not path.exists():
        pytest.fail(f"the browser tests need Debian's Chromium at {path}, which is missing: "
                    f"{INSTALL}", pytrace=False)
    try:
        import playwright  # noqa: F401
    except ImportError:
        pytest.fail("the browser tests need Playwright for Python: "
                    "pip install -e '.[test]'", pytrace=False)
    return path


def require_axe(path: Path = AXE) -> Path:
    """axe-core's script, installed from the npm registry with the locked version if missing."""
    if path.is_file():
        return path
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail(f"the accessibility tests need axe-core from the npm registry, and npm is "
                    f"missing: {INSTALL}", pytrace=False)
    result = subprocess.run(
        [npm, "ci", "--prefix", str(path.parents[2]), "--no-audit", "--no-fund"],
        capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not path.is_file():
        pytest.fail(f"npm could not install axe-core ({result.stderr.strip()[-500:]}): "
                    f"{INSTALL}", pytrace=False)
    return path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A page left before the search index finished downloading: nothing to report."""


@contextlib.contextmanager
def served(site: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler,
           ) -> Iterator[str]:
    """The base URL of ``site`` served on 127.0.0.1 (a free port) for the ``with`` block,
    each request answered by ``handler``."""
    server = _QuietServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Tab:
    """A page in a fresh browser context that lets through only requests to ``allowed``.

    Anything else is recorded in ``outside`` and aborted; console errors and uncaught
    exceptions are recorded in ``errors`` with the page they happened on.
    """

    def __init__(self, browser: Any, allowed: str, **context_options: Any):
        self.allowed = allowed
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.context = browser.new_context(
            viewport=context_options.pop("viewport", {"width": 1280, "height": 900}),
            **context_options)
        self.context.set_default_timeout(10_000)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(
            f"{self.page.url}: uncaught {error}"))

    def goto(self, path: str, **options: Any) -> Any:
        response = self.page.goto(self.allowed + path, **options)
        if response is not None:  # file:// pages have no response status
            assert response.status == 200, f"{path}: HTTP {response.status}"
        return response

    def close(self) -> None:
        self.context.close()

    def assert_clean(self) -> None:
        """No request left the site and nothing went wrong in the console."""
        assert self.outside == [], f"requests outside the site: {self.outside}"
        assert self.errors == [], "\n".join(self.errors)

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith((self.allowed, "data:", "blob:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"{self.page.url}: {message.text}")


def screenshot(target: Any, name: str, full_page: bool = True) -> Path:
    """Save what a page (all of it, or its first screen) or one element shows as
    tests/e2e/screenshots/<name>.png."""
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    if hasattr(target, "goto"):
        target.screenshot(path=str(path), full_page=full_page)
    else:
        # the page's fixed header would cover the top of an element scrolled into view
        target.screenshot(path=str(path), style=".md-header { visibility: hidden; }")
    return path


def run_axe(page: Any, axe_source: str) -> list[dict[str, Any]]:
    """axe-core's violations on the page, as (impact, id, help, targets) dicts."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(content=axe_source)
    result = page.evaluate(
        """async () => {
            const report = await window.axe.run(document, {
                resultTypes: ["violations"],
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                               "best-practice"]},
            });
            return report.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            }));
        }""")
    return list(result)


def describe(violations: list[dict[str, Any]]) -> str:
    return json.dumps(violations, indent=1, ensure_ascii=False)


def click(tab: Tab, locator, expected_path: str) -> None:
    """Click a link and wait for the page it leads to."""
    with tab.page.expect_navigation(wait_until="load"):
        locator.click()
    assert tab.page.url.split("#")[0].split("?")[0] == tab.allowed + expected_path


def sidebar(tab: Tab):
    return tab.page.locator("nav.md-nav--primary")
