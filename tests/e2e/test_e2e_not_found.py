"""The 404 page as readers meet it, on the MkDocs and the Zensical site: shown by a web server
for a missing address at any depth (the site at the server's root or in a sub-folder), and
opened from disk. It is styled, says what happened, and its link home leads home.
"""

from __future__ import annotations

import contextlib
import http.server
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from e2etools import Tab, served


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A server that answers a missing address with the site's 404.html, as GitHub Pages,
    GitLab Pages or nginx's ``error_page 404`` do."""

    site: Path

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = self.site / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_with_404(root: Path, site: Path) -> contextlib.AbstractContextManager[str]:
    return served(root, type("Handler", (_NotFoundHandler,), {"site": site}))


@pytest.fixture(scope="module", params=["root", "sub-folder"])
def hosted(request: pytest.FixtureRequest, site_dir: Path,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(server URL, the site's folder on it): the site at the server's root, or copied into
    /team/charters/ of a server whose root holds nothing else."""
    if request.param == "root":
        with serve_with_404(site_dir, site_dir) as url:
            yield url, ""
    else:
        root = tmp_path_factory.mktemp("hosted")
        shutil.copytree(site_dir, root / "team" / "charters")
        with serve_with_404(root, root / "team" / "charters") as url:
            yield url, "team/charters/"


def is_home(page: Any) -> bool:
    return page.locator('meta[name="chartergen-home"]').count() == 1


def assert_styled(page: Any) -> None:
    header = page.locator("header").first
    assert header.evaluate("e => getComputedStyle(e).backgroundColor") not in (
        "rgba(0, 0, 0, 0)", "transparent")
    button = page.locator("a.home")
    assert button.evaluate("e => getComputedStyle(e).display") == "inline-block"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= page.viewport_size[
        "width"]


@pytest.mark.parametrize("missing", ["nowhere.html", "hartwell-pumps/gone.html",
                                     "hartwell-pumps/networks/old/deeper/page.html"])
def test_a_missing_address_shows_the_404_page_whose_link_leads_home(
        browser: Any, hosted: tuple[str, str], missing: str):
    url, folder = hosted
    opened = Tab(browser, url)
    try:
        response = opened.page.goto(url + folder + missing, wait_until="networkidle")
        assert response is not None and response.status == 404
        page = opened.page
        assert page.locator("h1").inner_text() == "Page not found"
        assert page.title().startswith("Page not found - ")
        assert_styled(page)
        page.wait_for_function(
            "root => document.querySelector('a.home').href === root",
            arg=f"{url}{folder}index.html")
        page.locator("a.home").click()
        page.wait_for_load_state()
        assert page.url == f"{url}{folder}index.html" and is_home(page)
        assert opened.outside == []
        if not folder:  # home found at the first try: nothing else went wrong
            own = f"{url}{missing}: Failed to load resource: the server responded with a status"
            assert [e for e in opened.errors if not e.startswith(own)] == []
    finally:
        opened.close()


def test_the_404_page_opened_from_disk_leads_home(offline_tab: Tab, site_dir: Path):
    offline_tab.goto("404.html")
    page = offline_tab.page
    assert page.locator("h1").inner_text() == "Page not found"
    assert_styled(page)
    page.locator("header a").click()
    page.wait_for_load_state()
    assert page.url == (site_dir / "index.html").as_uri() and is_home(page)
    offline_tab.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_404_page_reads_in_both_colour_schemes(browser: Any, base_url: str, scheme: str,
                                                   axe_source: str):
    from e2etools import describe, run_axe, screenshot

    opened = Tab(browser, base_url, color_scheme=scheme)
    try:
        opened.page.goto(base_url + "404.html", wait_until="networkidle")
        violations = run_axe(opened.page, axe_source)
        assert violations == [], describe(violations)
        screenshot(opened.page, f"not-found-{scheme}")
    finally:
        opened.close()
