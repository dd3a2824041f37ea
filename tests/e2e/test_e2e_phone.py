"""The site on a phone (390 px wide) in headless Chromium, light and dark.

Every page of the example charters reads without scrolling sideways (only our own wide
tables scroll, inside their box); label/value lists stack; the score chart's labels are
real text at a readable size; the home table shows each charter's name, status and score;
a legend says what the verdict colours mean; the footer names the charter's version; the
separators kept for search snippets are never shown.
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


@pytest.mark.parametrize("path", ["hartwell-pumps/accounts.html",
                                  "cidrerie-du-bocage/content.html"])
def test_the_separators_kept_for_search_snippets_are_never_shown(phone: Tab, path: str):
    phone.goto(path)
    shown = phone.page.evaluate("""() => {
        const seps = [...document.querySelectorAll('.cg-sep')];
        return [seps.length, seps.filter(s => s.getClientRects().length).length,
                document.querySelector('dl.cg-facts dt').innerText,
                document.querySelector('article table th').innerText];
    }""")
    count, visible, label, header = shown
    assert count > 10 and visible == 0
    assert not label.rstrip().endswith(":") and "·" not in header


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
    # it scrolls sideways, and a line above it says so (on a phone only)
    assert phone.page.eval_on_selector("table.cg-heatmap", "t => t.scrollWidth > t.clientWidth")
    assert phone.page.locator(".cg-scroll-hint").is_visible()
    phone.page.set_viewport_size({"width": 1280, "height": 800})
    assert not phone.page.locator(".cg-scroll-hint").is_visible()


@pytest.mark.parametrize("path", ["cidrerie-du-bocage/crisis.html", "hartwell-pumps/crisis.html"])
def test_the_header_names_the_site_whole_on_a_phone(phone: Tab, path: str):
    phone.goto(path)
    name = phone.page.eval_on_selector(
        ".md-header__topic .md-ellipsis",
        "el => [el.innerText, el.scrollWidth <= el.clientWidth]")
    assert name[0] in ("Chartes réseaux sociaux", "Social-media charters") and name[1]


COLOUR = "el => getComputedStyle(el).color"


@pytest.mark.parametrize("charter", ["hartwell-pumps", "cidrerie-du-bocage", "northwind-studio"])
def test_a_score_has_its_verdict_colour_on_the_home_page_overview_and_checklist(
        phone: Tab, charter: str):
    phone.goto(f"{charter}/index.html")
    overview = phone.page.eval_on_selector(".cg-score", COLOUR)
    link = phone.page.eval_on_selector(".md-typeset a", "el => getComputedStyle(el).color")
    assert overview != link
    phone.goto(f"{charter}/checklist.html")
    assert phone.page.eval_on_selector(".cg-score", COLOUR) == overview
    phone.goto("index.html")
    home = phone.page.eval_on_selector(
        f"#cg-portfolio tbody tr:has(a[href^='{charter}/']) .cg-score-link", COLOUR)
    assert home == overview


def test_a_mistake_the_charter_shows_is_red_on_the_chart_even_at_zero(phone: Tab):
    phone.goto("northwind-studio/index.html")
    bars = phone.page.eval_on_selector_all(".cg-bar", """bars => bars.map(b => [
        b.className, b.querySelector('.cg-bar__value').innerText,
        getComputedStyle(b.querySelector('.cg-bar__value')).color,
        getComputedStyle(b.querySelector('.cg-bar__track')).fill])""")
    shown = [bar for bar in bars if "cg-bar--fail" in bar[0]]
    passed = [bar for bar in bars if "cg-bar--pass" in bar[0]]
    assert any(value == "0" for _, value, _, _ in shown) and passed
    # the figure and the empty track of a shown mistake are in its colour, not a pass's
    assert {colour for _, _, colour, _ in shown} == {shown[0][2]} != {passed[0][2]}
    assert shown[0][3] != passed[0][3]


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
