"""The site on a phone (390 px wide) in headless Chromium, light and dark.

Every page of the example charters reads without scrolling sideways (only our own wide
tables scroll, inside their box); label/value lists stack; the score chart's labels are
real text at a readable size; the home table shows each charter's name, status and score;
a legend says what the verdict colours mean; the footer names the charter's version.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from e2etools import Tab

PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser: Any, base_url: str) -> Any:
    opened = Tab(browser, base_url, viewport=PHONE)
    yield opened
    opened.assert_clean()
    opened.close()


def test_no_page_scrolls_sideways_on_a_phone(phone: Tab, site_dir: Path):
    pages = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
                   if "assets" not in p.parts and p.name != "404.html")
    assert len(pages) > 40
    wide = []
    for path in pages:
        phone.goto(path)
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            wide.append((path, width))
    assert wide == []


def test_label_value_lists_stack_on_a_phone(phone: Tab):
    phone.goto("hartwell-pumps/index.html")
    boxes = phone.page.evaluate("""() => {
        const dl = document.querySelector('dl.cg-facts');
        const dt = dl.querySelector('dt').getBoundingClientRect();
        const dd = dl.querySelector('dd').getBoundingClientRect();
        return [dt.left, dd.left, dt.bottom, dd.top];
    }""")
    dt_left, dd_left, dt_bottom, dd_top = boxes
    assert abs(dt_left - dd_left) < 1 and dd_top >= dt_bottom - 1


def test_score_chart_labels_are_text_of_at_least_12_px(phone: Tab):
    phone.goto("hartwell-pumps/index.html")
    sizes = phone.page.eval_on_selector_all(
        ".cg-bar__label", "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))")
    assert len(sizes) == 9 and min(sizes) >= 12
    assert phone.page.locator(".cg-chart .cg-legend").is_visible()


def test_home_table_shows_name_status_and_score_on_a_phone(phone: Tab):
    phone.goto("index.html")
    headers = phone.page.eval_on_selector_all(
        "#cg-portfolio thead th",
        "ths => ths.filter(th => th.offsetParent).map(th => th.innerText)")
    assert headers == ["Company", "Status", "Score"]
    for cell in phone.page.locator("#cg-portfolio tbody td").all():
        if cell.is_visible():
            box = cell.bounding_box()
            assert box["x"] + box["width"] <= PHONE["width"]
    # the heat-map names the mistakes, in short on a phone
    short = phone.page.eval_on_selector_all(
        ".cg-heatmap thead th .cg-short", "els => els.filter(e => e.offsetParent).length")
    assert short == 9


@pytest.mark.parametrize("charter", ["hartwell-pumps", "cidrerie-du-bocage", "northwind-studio"])
def test_the_checklist_summary_fits_a_phone_with_every_header_whole(phone: Tab, charter: str):
    phone.goto(f"{charter}/checklist.html")
    wide, box = phone.page.eval_on_selector(
        "table.cg-summary-table", "t => [t.scrollWidth, t.clientWidth]")
    assert wide <= box  # nothing to scroll to: "Completeness" was cut at the edge
    for header in phone.page.locator("table.cg-summary-table thead th").all():
        assert header.evaluate("th => th.scrollWidth <= th.clientWidth")


def test_the_revision_history_fits_a_phone(phone: Tab):
    # Material gives each column at least 5rem: "What changed" was left a word a line
    phone.goto("hartwell-pumps/index.html")
    wide, box = phone.page.eval_on_selector(
        "article table:not([class])",
        "t => [t.parentElement.scrollWidth, t.parentElement.clientWidth]")
    assert wide <= box


def test_the_not_stated_mark_shows_on_a_light_page(phone: Tab):
    phone.goto("hartwell-pumps/checklist.html")
    colour = phone.page.eval_on_selector(
        ".cg-status--not-stated", "e => getComputedStyle(e).color")
    assert colour not in ("rgb(255, 255, 255)", "rgba(255, 255, 255, 1)")  # white on white


def test_the_footer_names_the_charter_version_and_who_keeps_it(phone: Tab):
    phone.goto("cidrerie-du-bocage/crisis.html")
    footer = phone.page.locator(".cg-footer-charter").inner_text()
    assert footer.startswith("Cidrerie du Bocage · Version 2.0 · tenue par ")
    phone.goto("index.html")
    assert phone.page.locator(".md-footer-meta").count() == 0
