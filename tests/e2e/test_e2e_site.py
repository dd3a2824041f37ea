"""What a reader does on the site, in Chromium: follow links, search, tick the checklist, copy
a holding statement, see the escalation diagram, filter the portfolio.

Navigation and search run twice: on the local web server and opened from disk (file://),
the way the site is handed over as a zip.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from e2etools import Tab, click, screenshot, sidebar

MATERIAL_SEARCH = "input.md-search__input"
RESULT = {"mkdocs": ".md-search-result__item > a", "zensical": 'a[role="option"]'}
"""A search result's link: Material's list, or Zensical's search dialog (in a shadow root,
which Playwright's locators enter)."""


def search_for(tab: Tab, engine: str, query: str) -> None:
    """Type ``query`` in the site's search: Material's box, or Zensical's dialog."""
    page = tab.page
    if engine == "zensical":
        page.click(".md-search__button")
        page.locator("input[type=search], input[placeholder]").last.wait_for(timeout=10_000)
        page.keyboard.type(query)
        return
    search = page.locator(MATERIAL_SEARCH)
    search.click()
    search.press_sequentially(query)


@pytest.fixture(params=["served", "from-disk"])
def any_tab(request: pytest.FixtureRequest, engine: str) -> Tab:
    """The site on the local server, then the same site opened from disk (``engine`` named
    so that both tabs are asked for each engine's site)."""
    return request.getfixturevalue("tab" if request.param == "served" else "offline_tab")




def test_the_site_under_test_is_the_one_its_engine_built(site_dir: Path, engine: str):
    # a module that searches the MkDocs site only once handed that site to the Zensical
    # tests after it, which then tested MkDocs' pages twice
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    generator = re.search(r'<meta name="generator" content="([^"]+)"', home)
    assert generator is not None
    assert generator.group(1).startswith(f"{engine}-"), generator.group(1)


def test_navigation_between_charters_networks_and_the_crisis_playbook(any_tab: Tab,
                                                                     engine: str):
    tab, page = any_tab, any_tab.page
    tab.goto("index.html")
    click(tab, page.locator("table.cg-portfolio").get_by_role("link", name="Hartwell Pumps Ltd"),
          "hartwell-pumps/index.html")
    assert page.locator("article h1").inner_text().rstrip("¶") == "Overview · Hartwell Pumps Ltd"

    click(tab, page.locator("article").get_by_role("link", name="Networks", exact=True),
          "hartwell-pumps/networks/index.html")
    click(tab, page.locator("article a.cg-card").filter(has_text="YouTube"),
          "hartwell-pumps/networks/youtube.html")
    assert "YouTube" in page.locator("article h1").inner_text()

    click(tab, sidebar(tab).get_by_role("link", name="Crisis playbook"),
          "hartwell-pumps/crisis.html")
    if engine == "mkdocs":  # Zensical shows no previous/next links (docs/hosting.md)
        click(tab, page.locator("a.md-footer__link--next"), "hartwell-pumps/reporting.html")
    else:
        assert page.locator("a.md-footer__link--next").count() == 0
    click(tab, sidebar(tab).get_by_role("link", name="All charters"), "index.html")

    click(tab, page.locator("table.cg-portfolio").get_by_role("link", name="Cidrerie du Bocage"),
          "cidrerie-du-bocage/index.html")
    click(tab, sidebar(tab).get_by_role("link", name="Gestion de crise"),
          "cidrerie-du-bocage/crisis.html")
    assert page.locator("html").get_attribute("lang") == "fr"
    # the networks are a folded section of the sidebar: unfold it, then pick one
    sidebar(tab).locator("label.md-nav__link", has_text="Réseaux").click()
    click(tab, sidebar(tab).get_by_role("link", name="Instagram"),
          "cidrerie-du-bocage/networks/instagram.html")
    tab.assert_clean()


SEARCHES = [
    # (page searched from, query, page expected among the results, text on that page)
    ("hartwell-pumps/index.html", "YouTube", "hartwell-pumps/networks/youtube.html",
     "YouTube"),
    ("hartwell-pumps/index.html", "Okafor", "hartwell-pumps/crisis.html", "Dave Okafor"),
    ("cidrerie-du-bocage/index.html", "TikTok", "cidrerie-du-bocage/networks/tiktok.html",
     "TikTok"),
    ("cidrerie-du-bocage/index.html", "Roussel", "cidrerie-du-bocage/crisis.html",
     "Maître Anne Roussel"),
]


@pytest.mark.parametrize(("start", "query", "expected", "text"), SEARCHES,
                         ids=["en-network", "en-crisis-contact", "fr-network",
                              "fr-crisis-contact"])
def test_search_finds_networks_and_crisis_contacts_in_english_and_french(
        tab: Tab, engine: str, start: str, query: str, expected: str, text: str):
    search_and_follow(tab, engine, start, query, expected, text)


@pytest.mark.parametrize(("start", "query", "expected", "text"), SEARCHES[1:3],
                         ids=["en-crisis-contact", "fr-network"])
def test_search_works_on_the_site_opened_from_disk(
        offline_tab: Tab, engine: str, start: str, query: str, expected: str, text: str):
    search_and_follow(offline_tab, engine, start, query, expected, text)


def search_and_follow(tab: Tab, engine: str, start: str, query: str, expected: str,
                      text: str) -> None:
    """Search the site, wait for the expected result, follow it."""
    page = tab.page
    tab.goto(start)
    search_for(tab, engine, query)
    result = page.locator(f'{RESULT[engine]}[href*="{expected}"]').first
    result.wait_for(timeout=10_000)
    click(tab, result, expected)
    assert text in page.locator("article").inner_text()
    tab.assert_clean()


def test_french_search_ignores_accents_and_finds_the_crisis_contact(tab: Tab, engine: str):
    tab.goto("cidrerie-du-bocage/index.html")
    if engine == "zensical":  # the dialog's own box says "Search" in every language
        assert tab.page.locator(".md-search__button").inner_text().strip() == "Recherche"
    else:
        assert tab.page.locator(MATERIAL_SEARCH).get_attribute("placeholder") == "Rechercher"
    search_for(tab, engine, "helene lecanu")
    tab.page.locator(f'{RESULT[engine]}[href*="cidrerie-du-bocage/crisis.html"]').first \
        .wait_for(timeout=10_000)
    tab.assert_clean()


def test_a_checklist_tick_survives_a_reload_and_is_kept_per_charter(tab: Tab):
    page = tab.page
    tab.goto("northwind-studio/checklist.html")
    box = page.locator("ul.cg-manual input[data-cg-item]:not([disabled])").first
    item = box.get_attribute("data-cg-item")
    same_box = page.locator(f'ul.cg-manual input[data-cg-item="{item}"]')
    box.check()
    page.reload(wait_until="load")
    assert same_box.is_checked()
    stored = page.evaluate("() => window.localStorage.getItem('chartergen:northwind-studio:0.3')")
    assert f'"{item}":true' in stored
    page.click("[data-cg-reset]")
    assert not same_box.is_checked()
    box.check()
    # the same item of another charter stays unticked
    tab.goto("hartwell-pumps/checklist.html")
    other = page.locator(f'ul.cg-manual input[data-cg-item="{item}"]:not([disabled])')
    assert other.count() == 0 or not other.first.is_checked()
    tab.assert_clean()


def test_the_copy_button_puts_the_holding_statement_on_the_clipboard(tab: Tab, base_url: str):
    tab.context.grant_permissions(["clipboard-read", "clipboard-write"],
                                  origin=base_url.rstrip("/"))
    page = tab.page
    tab.goto("hartwell-pumps/crisis.html")
    statement = page.locator("#statement-hacked")
    statement.locator("button.cg-copy").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied.strip() == (
        "Our LinkedIn page has been accessed by someone outside the company. Please ignore "
        "recent posts and messages from it and do not click any links. We are restoring it now.")
    tab.assert_clean()


def test_the_escalation_diagram_is_drawn_as_svg_by_the_local_mermaid(tab: Tab):
    page = tab.page
    # Material draws Mermaid diagrams in a closed shadow root; open it to look inside.
    page.add_init_script("""
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (options) {
            return attach.call(this, {...options, mode: "open"});
        };
    """)
    tab.goto("hartwell-pumps/crisis.html")
    svg = page.locator("div.mermaid svg")
    svg.wait_for(timeout=15_000)
    labels = svg.text_content()
    assert "Whoever spots it alerts the social lead" in labels
    assert "Legal review of every statement" in labels
    assert svg.locator("g.node").count() == 5
    assert page.evaluate("() => typeof window.mermaid") == "object"
    screenshot(page.locator("div.mermaid"), "crisis-escalation-diagram")
    tab.assert_clean()


def test_the_portfolio_filter_narrows_the_list(tab: Tab):
    page = tab.page
    tab.goto("index.html")
    rows = page.locator("table.cg-portfolio tbody tr:visible td:first-child a")
    assert rows.all_inner_texts() == ["Cidrerie du Bocage", "Hartwell Pumps Ltd",
                                      "Northwind Studio"]
    page.locator("#cg-filter-input").press_sequentially("pumps")
    assert rows.all_inner_texts() == ["Hartwell Pumps Ltd"]
    assert not page.locator(".cg-filter__none").is_visible()
    page.locator("#cg-filter-input").fill("no such company")
    assert rows.all_inner_texts() == []
    assert page.locator(".cg-filter__none").is_visible()
    page.locator("#cg-filter-input").fill("")
    assert len(rows.all_inner_texts()) == 3
    assert not page.locator(".cg-filter__none").is_visible()
    tab.assert_clean()
