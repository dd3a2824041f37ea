"""A site of one charter opens on that charter: its overview is the home page, with no
portfolio table and no filter, and every link works, served and opened from disk.

The site is Hartwell Pumps alone, built by ``chartergen build CHARTER`` with each engine.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urljoin

import pytest
from e2etools import ROOT, TODAY, Tab, click, served, sidebar

CHARTER = ROOT / "charters" / "hartwell-pumps.yaml"


@pytest.fixture(scope="module")
def one_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    site = tmp_path_factory.mktemp(f"one-{engine}") / "site"
    result = subprocess.run(
        [sys.executable, "-m", "chartergen", "build", str(CHARTER), "--site-dir", str(site),
         "--today", TODAY, "-q", "--engine", engine],
        cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def base_url(one_site: Path) -> Iterator[str]:
    with served(one_site) as url:
        yield url


@pytest.fixture(scope="module")
def file_url(one_site: Path) -> str:
    return one_site.as_uri() + "/"


@pytest.fixture(params=["served", "from-disk"])
def any_tab(request: pytest.FixtureRequest, engine: str) -> Tab:
    return request.getfixturevalue("tab" if request.param == "served" else "offline_tab")




def broken_links(tab: Tab, site: Path) -> list[str]:
    """Links of the open page to a file of the site that does not exist."""
    hrefs = tab.page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    broken = []
    for href in hrefs:
        target = urljoin(tab.page.url, href).split("#")[0].split("?")[0]
        if not target.startswith(tab.allowed):
            continue
        path = site / unquote(target[len(tab.allowed):])
        if target.endswith("/") or path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            broken.append(href)
    return broken


def test_the_home_page_is_the_charters_overview(any_tab: Tab, one_site: Path):
    tab, page = any_tab, any_tab.page
    tab.goto("index.html")
    assert page.locator("article h1").inner_text().rstrip("¶") == "Overview · Hartwell Pumps Ltd"
    assert page.locator("table.cg-portfolio").count() == 0
    assert page.locator(".cg-filter, [data-cg-filter]").count() == 0
    assert sidebar(tab).get_by_role("link", name="All charters").count() == 0
    assert broken_links(tab, one_site) == []
    tab.assert_clean()


def test_every_page_leads_back_to_the_overview(any_tab: Tab, one_site: Path):
    tab, page = any_tab, any_tab.page
    tab.goto("index.html")
    click(tab, sidebar(tab).get_by_role("link", name="Crisis playbook"),
          "hartwell-pumps/crisis.html")
    assert broken_links(tab, one_site) == []
    click(tab, sidebar(tab).get_by_role("link", name="Overview", exact=True), "index.html")

    click(tab, page.locator("article").get_by_role("link", name="Networks", exact=True),
          "hartwell-pumps/networks/index.html")
    click(tab, page.locator("article a.cg-card").filter(has_text="YouTube"),
          "hartwell-pumps/networks/youtube.html")
    assert broken_links(tab, one_site) == []
    click(tab, page.locator("header a.md-logo"), "index.html")
    tab.assert_clean()
