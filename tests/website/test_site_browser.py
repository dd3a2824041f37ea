"""The site's few behaviours in headless Chromium: the home filter, checklist boxes kept in
localStorage per charter and version, copy buttons, Mermaid served locally, no outside request.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sitetools import CHROMIUM, EXAMPLES, build, example, served, write_project

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium here")


@pytest.fixture(scope="module")
def base_url(module_tmp: Path) -> Iterator[str]:
    site = build(write_project(module_tmp / "project", {n: example(n) for n in EXAMPLES}))
    with served(site) as url:
        yield url


def open_page(browser: object, url: str, outside: list[str]) -> object:
    page = browser.new_page()  # type: ignore[attr-defined]
    host = url.split("/")[2]
    page.on("request", lambda r: outside.append(r.url)
            if r.url.split("/")[2] != host and not r.url.startswith("data:") else None)
    page.goto(url, wait_until="networkidle")
    return page


def test_home_filter_hides_rows_that_do_not_match(browser: object, base_url: str):
    outside: list[str] = []
    page = open_page(browser, base_url, outside)
    page.fill("#cg-filter-input", "cidre")
    visible = page.locator(
        "table.cg-portfolio tbody tr:visible td:first-child a").all_inner_texts()
    assert visible == ["Cidrerie du Bocage"]
    page.fill("#cg-filter-input", "no such company")
    assert page.locator(".cg-filter__none").is_visible()
    assert outside == []


def test_checklist_ticks_survive_a_reload_and_are_kept_per_charter_and_version(
        browser: object, base_url: str):
    outside: list[str] = []
    url = base_url + "northwind-studio/checklist/"
    page = open_page(browser, url, outside)
    box = page.locator("ul.cg-manual input[data-cg-item]:not([disabled])").first
    item = box.get_attribute("data-cg-item")
    box.check()
    page.reload(wait_until="networkidle")
    assert page.locator(f'ul.cg-manual input[data-cg-item="{item}"]').is_checked()
    stored = page.evaluate("() => window.localStorage.getItem('chartergen:northwind-studio:0.3')")
    assert f'"{item}":true' in stored
    page.click("[data-cg-reset]")
    assert not page.locator(f'ul.cg-manual input[data-cg-item="{item}"]').is_checked()
    assert outside == []


def test_crisis_page_draws_the_escalation_with_the_local_mermaid(browser: object, base_url: str):
    outside: list[str] = []
    page = open_page(browser, base_url + "hartwell-pumps/crisis/", outside)
    # Material swaps <pre class="mermaid"> for a <div> whose (closed) shadow root holds the SVG
    page.wait_for_selector("div.mermaid", timeout=15000, state="attached")
    assert page.evaluate("() => typeof window.mermaid") == "object"
    assert page.locator("pre.mermaid").count() == 0
    assert outside == []
