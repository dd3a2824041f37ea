"""The built site, read with an HTML parser: content, escaping, navigation, languages, safety.

One build for the whole module: the three example charters, a charter with only the
required fields, and a hostile charter whose every free-text field holds markup.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from ruamel.yaml import YAML
from site_hostile import PAYLOAD, hostile_charter
from sitetools import EDIT_URL, EXAMPLES, FIXTURES, build, example, parse, write_project

CHARTER_PAGES = ("", "scope/", "strategy/", "networks/", "voice/", "content/", "engagement/",
                 "staff/", "self-check/", "roles/", "resources/", "accounts/", "monitoring/",
                 "crisis/", "reporting/", "independence/", "checklist/", "propose-a-change/")


@pytest.fixture(scope="module")
def site(module_tmp: Path) -> Path:
    import io

    stream = io.StringIO()
    YAML().dump(hostile_charter(), stream)
    charters: dict[str, str | Path] = {name: example(name) for name in EXAMPLES}
    charters["minimal"] = FIXTURES / "minimal.yaml"
    charters["evil"] = stream.getvalue()
    config = write_project(module_tmp / "project", charters, edit_url=EDIT_URL)
    return build(config)


def page(site: Path, url: str) -> BeautifulSoup:
    return parse(site / url / "index.html")


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def text_of(soup: BeautifulSoup) -> str:
    article = soup.select_one("article")
    assert article is not None
    return article.get_text(" ", strip=True)


# --- pages and content -----------------------------------------------------------------------

@pytest.mark.parametrize("slug", [*EXAMPLES, "minimal", "evil"])
def test_every_charter_has_its_pages_each_with_version_and_approval(site: Path, slug: str):
    for url in CHARTER_PAGES:
        soup = page(site, f"{slug}/{url}")
        strip = soup.select_one("article .cg-meta")
        assert strip is not None, url
        assert "Version" in strip.get_text() or "version" in strip.get_text().lower()
    assert len(CHARTER_PAGES) >= 12


def test_network_pages_exist_one_per_network(site: Path):
    folder = site / "hartwell-pumps" / "networks"
    names = sorted(p.parent.name for p in folder.glob("*/index.html"))
    assert names == ["linkedin", "x", "youtube"]
    card = page(site, "hartwell-pumps/networks/linkedin").select_one(".cg-network")
    assert card is not None
    text = card.get_text(" ", strip=True)
    assert "Why this network" in text and "Reply targets" in text and "Backup" in text


def test_overview_shows_owner_approval_next_review_and_score_chart(site: Path):
    soup = page(site, "hartwell-pumps")
    text = text_of(soup)
    assert "Version 3.1" in text
    assert "approved on 12\u00a0October\u00a02026 by Richard Hartwell, Managing Director" in text
    assert "Next review: 12\u00a0October\u00a02027" in text
    bars = soup.select("ol.cg-bars li.cg-bar")
    assert len(bars) == 9
    assert soup.select_one(".cg-score__value").get_text().endswith("/ 100")


def test_strategy_has_a_four_quadrant_swot_and_kpi_tables(site: Path):
    soup = page(site, "hartwell-pumps/strategy")
    cells = soup.select(".cg-swot .cg-swot__cell")
    assert [c.select_one(".cg-swot__title").get_text() for c in cells] == [
        "Strengths", "Weaknesses", "Opportunities", "Threats"]
    headers = [th.get_text() for th in soup.select("table")[0].select("th")]
    assert headers[:4] == ["Metric", "Definition", "Baseline", "Target"]


def test_content_page_has_pillars_calendar_grid_approval_and_sensitive_topics(site: Path):
    soup = page(site, "hartwell-pumps/content")
    days = [d.get_text() for d in soup.select(".cg-week .cg-week__name")]
    assert days[:5] == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    assert soup.select(".cg-week .cg-slot")
    assert soup.select("ol.cg-flow li")
    assert soup.find(id="sensitive-topics") is not None
    assert "Promotional content:" in text_of(soup)


def test_voice_puts_do_and_dont_side_by_side(site: Path):
    soup = page(site, "hartwell-pumps/voice")
    pair = soup.select_one(".cg-pair")
    assert pair.select_one(".cg-pair__item--do") and pair.select_one(".cg-pair__item--dont")


def test_roles_page_has_the_roles_by_networks_matrix(site: Path):
    soup = page(site, "hartwell-pumps/roles")
    matrix = soup.select("table.cg-matrix")[0]
    headers = [th.get_text() for th in matrix.select("thead th")]
    assert headers == ["Role", "LinkedIn", "YouTube", "X (formerly Twitter)"]
    assert {td.get_text() for td in matrix.select("td")} >= {"O", "B"}


def test_crisis_playbook_before_during_after_with_diagram_and_copy_buttons(site: Path):
    soup = page(site, "hartwell-pumps/crisis")
    assert [h.get("id") for h in soup.select("article h2")] == ["before", "during", "after"]
    assert soup.select(".cg-levels .cg-level-card")
    assert soup.select_one("pre.mermaid code").get_text().startswith("flowchart TD")
    statements = soup.select(".cg-statement")
    assert statements
    for statement in statements:
        button = statement.select_one("button[data-clipboard-target]")
        target = button["data-clipboard-target"].lstrip("#")
        assert soup.find(id=target) is not None
    scripts = [s.get("src", "") for s in soup.select("script[src]")]
    assert any(s.endswith("assets/chartergen/mermaid.min.js") for s in scripts)
    # only the playbook pays for Mermaid
    other = [s.get("src", "") for s in page(site, "hartwell-pumps").select("script[src]")]
    assert not any("mermaid" in s for s in other)


def test_checklist_has_nine_mistakes_linked_reasons_and_stored_checkboxes(site: Path):
    soup = page(site, "hartwell-pumps/checklist")
    ids = [h.get("id") for h in soup.select("article h2")]
    assert ids == [f"mistake-{n}" for n in range(1, 10)]
    checks = soup.select("li.cg-check")
    assert checks and all(c.select_one(".cg-status") for c in checks)
    base = "hartwell-pumps/checklist/"
    for link in soup.select("a.cg-check__where"):
        target = urlsplit(urljoin(base, link["href"])).path
        assert (site / target / "index.html").is_file(), link["href"]
    lists = soup.select("ul.cg-manual")
    assert {ul["data-cg-storage"] for ul in lists} == {"chartergen:hartwell-pumps:3.1"}
    assert soup.select("ul.cg-manual input[type=checkbox][data-cg-item]")


def test_propose_a_change_names_the_file_edit_link_reviewers_and_checks(site: Path):
    soup = page(site, "hartwell-pumps/propose-a-change")
    assert soup.select_one("article code").get_text() == "charters/hartwell-pumps.yaml"
    edit = soup.select_one(".cg-edit a")["href"]
    assert edit == EDIT_URL.replace("{path}", "charters/hartwell-pumps.yaml")
    text = text_of(soup)
    assert "chartergen validate" in text and "Head of Marketing and Communications" in text


def test_every_charter_page_has_the_edit_link_to_its_yaml(site: Path):
    for url in ("hartwell-pumps/", "hartwell-pumps/crisis/", "cidrerie-du-bocage/voice/"):
        link = parse(site / url / "index.html").select_one("a.md-content__button[rel=edit]")
        assert link is not None and link["href"].endswith(
            "charters/" + url.split("/")[0] + ".yaml"), url


def test_last_changed_date_is_on_every_page(site: Path):
    strip = page(site, "hartwell-pumps/scope").select_one(".cg-meta").get_text()
    assert re.search(r"last changed on \d{1,2}\s\w+\s\d{4}", strip)


def test_an_empty_section_says_what_is_missing_and_which_mistakes(site: Path):
    soup = page(site, "minimal/crisis")
    box = soup.select_one(".cg-gaps")
    assert box.select_one(".admonition-title").get_text() == "This section is empty"
    assert "severity levels" in box.get_text()
    links = [a["href"] for a in box.select("a")]
    assert links == ["../checklist/#mistake-7"]
    assert page(site, "minimal/checklist").find(id="mistake-7") is not None


# --- languages ---------------------------------------------------------------------------------

def test_french_charter_has_french_labels_and_material_ui(site: Path):
    soup = page(site, "cidrerie-du-bocage/crisis")
    assert soup.html["lang"] == "fr"
    assert soup.select_one("article h1").get_text() == "Gestion de crise · Cidrerie du Bocage"
    assert [h.get_text(strip=True) for h in soup.select("article h2")][:1] == ["Avant une crise"]
    assert soup.select_one("input.md-search__input")["placeholder"] == "Rechercher"
    assert "validée le" in soup.select_one(".cg-meta").get_text()
    english = page(site, "hartwell-pumps/crisis")
    assert english.html["lang"] == "en"


# --- navigation --------------------------------------------------------------------------------

def nav_links(soup: BeautifulSoup) -> list[str]:
    # links to the current page's own headings (Material's integrated TOC) left out
    return [a["href"] for a in soup.select("nav.md-nav--primary a.md-nav__link")
            if not a["href"].startswith("#")]


def test_navigation_holds_every_page_of_its_charter_and_no_other(site: Path):
    soup = page(site, "hartwell-pumps/crisis")
    base = "hartwell-pumps/crisis/"
    targets = {urlsplit(urljoin(base, href)).path for href in nav_links(soup)}
    expected = {f"hartwell-pumps/{url}" for url in CHARTER_PAGES} | {
        f"hartwell-pumps/networks/{n}/" for n in ("linkedin", "youtube", "x")} | {"/"}
    assert targets == expected
    assert not any("cidrerie" in t or "northwind" in t for t in targets)


def test_home_page_lists_charters_with_filter_overdue_flag_and_heatmap(site: Path):
    soup = parse(site / "index.html")
    rows = soup.select("table.cg-portfolio tbody tr")
    names = [r.select_one("td a").get_text() for r in rows]
    assert names == ["Cidrerie du Bocage", f"{PAYLOAD} (name)", "Hartwell Pumps Ltd",
                     "Minimal Bakery", "Northwind Studio"]
    overdue = {r.select_one("td a").get_text() for r in rows if r.select_one(".cg-badge--fail")}
    assert "Minimal Bakery" in overdue and "Hartwell Pumps Ltd" not in overdue
    assert soup.select_one("input[data-cg-filter=cg-portfolio]") is not None
    heat = soup.select("table.cg-heatmap tbody tr")
    assert len(heat) == 5 and all(len(r.select("td.cg-heat")) == 9 for r in heat)
    # the home page's navigation: one link per charter, none of their pages
    assert len(nav_links(soup)) == 6


def test_previous_and_next_links_stay_within_a_charter(site: Path):
    last = page(site, "cidrerie-du-bocage/propose-a-change")
    assert last.select_one("a.md-footer__link--next") is None
    first = page(site, "hartwell-pumps")
    assert first.select_one("a.md-footer__link--prev") is None


# --- safety ------------------------------------------------------------------------------------

ALLOWED_SCRIPTS = re.compile(
    r"(assets/javascripts/bundle\.[0-9a-f]+\.min\.js|assets/chartergen/chartergen\.js|"
    r"assets/chartergen/mermaid\.min\.js)$"
)


def test_hostile_text_is_shown_never_executed(site: Path):
    for path in sorted((site / "evil").rglob("index.html")):
        soup = parse(path)
        for script in soup.find_all("script"):
            if script.get("src"):
                assert ALLOWED_SCRIPTS.search(script["src"]), (path, script["src"])
            else:  # Material's own inline scripts and its JSON configuration
                assert "alert" not in (script.string or ""), (path, script)
        for tag in soup.find_all(True):
            assert not any(a.lower().startswith("on") for a in tag.attrs), (path, tag.name)
            for attr in ("href", "src", "action", "formaction"):
                assert not str(tag.get(attr, "")).lower().startswith(("javascript:", "data:")), path
        assert soup.find("iframe") is None and soup.select("article img") == []
        assert "49" not in text_of(soup).replace("2049", "")
    overview = page(site, "evil")
    shown = text_of(overview)
    assert '<script>alert("cg")</script>' in shown
    assert "{{ 7*7 }}" in shown and "{% if 1 %}J{% endif %}" in shown
    assert "[x](javascript:alert(2))" in shown
    assert overview.title.get_text() == f"Overview - {PAYLOAD} (name)"


def test_hostile_markdown_keeps_the_subset_and_drops_the_rest(site: Path):
    soup = page(site, "evil/strategy")
    prose = soup.select_one(".cg-prose")
    assert prose.select_one("em").get_text() == "ok"
    links = {a.get_text(): a.get("href") for a in prose.select("a")}
    assert links["safe"] == "https://example.org/a"
    assert "bad" not in links  # not a well-formed link: shown as text, quote and all
    assert '[bad](https://example.org/" onclick=' in prose.get_text()
    assert all(not name.startswith("on") for a in prose.select("a") for name in a.attrs)
    assert prose.find("iframe") is None and prose.find("img") is None
    assert "<iframe" in prose.get_text()


def test_no_page_loads_anything_from_an_outside_host(site: Path):
    for path in html_files(site):
        soup = parse(path)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"),
                          ("iframe", "src"), ("source", "src"), ("video", "src"),
                          ("audio", "src"), ("embed", "src"), ("object", "data")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and "stylesheet" not in element.get("rel", []) and (
                        "preconnect" not in element.get("rel", [])):
                    continue
                assert not re.match(r"^(https?:)?//", value), (path, tag, value)
        assert "fonts.googleapis.com" not in path.read_text(encoding="utf-8")


def test_no_end_of_life_or_version_banner(site: Path):
    for path in html_files(site):
        text = path.read_text(encoding="utf-8")
        assert "end of life" not in text.lower() and "zensical" not in text.lower(), path
        soup = BeautifulSoup(text, "html.parser")
        for banner in soup.select("aside.md-banner"):
            assert not banner.get_text(strip=True), path
