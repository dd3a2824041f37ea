"""Every page of every valid charter in the repository says what the charter says.

Each charter of charters/ and tests/ that validates is rendered (with its audit) and
each page converted to HTML the way the site converts it; no page may carry a heading
with nothing under it, the same word twice in a row ("COO COO"), or an unset yes/no
fact shown as a no.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from pathlib import Path
from typing import Any

import markdown
import pytest
from bs4 import BeautifulSoup
from sitetools import CHARTERS, ROOT, as_seen

from chartergen.audit import run
from chartergen.errors import has_errors
from chartergen.model import build
from chartergen.pipeline import validate_files
from chartergen.render.site import render_charter
from chartergen.render.view import CharterSource

TODAY = dt.date(2026, 11, 23)
EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "sane_lists", "toc"]
# Words a sentence may well say twice ("nous nous organisons", "vous vous engagez").
DOUBLED_ON_PURPOSE = {"nous", "vous"}


def _valid_charters() -> list[tuple[Path, dict[str, Any], str]]:
    files = sorted(CHARTERS.glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    found = []
    for path, document, diagnostics in validate_files(files):
        if document is not None and not has_errors(diagnostics):
            found.append((path, document.data, document.slug))
    return found


CHARTER_FILES = _valid_charters()


def _pages(data: dict[str, Any], slug: str) -> list[tuple[str, BeautifulSoup]]:
    charter = build(data, slug, f"{slug}.yaml")
    source = CharterSource(charter, f"charters/{slug}.yaml", audit=run(charter, TODAY))
    rendered = render_charter(source, slug, today=TODAY)
    return [(page.src, as_seen(BeautifulSoup(markdown.markdown(
        page.markdown.split("\n---\n", 1)[-1], extensions=EXTENSIONS), "html.parser")))
            for page in rendered.pages]


def _without_false(value: Any) -> Any:
    """The charter with every yes/no fact set to no left unset instead."""
    if isinstance(value, dict):
        return {k: _without_false(v) for k, v in value.items() if v is not False}
    if isinstance(value, list):
        return [_without_false(v) for v in value]
    return value


def test_the_repository_holds_charters_to_check():
    assert len(CHARTER_FILES) >= 5
    assert {p.stem for p, _d, _s in CHARTER_FILES} >= {"hartwell-pumps", "cidrerie-du-bocage"}


def _says_nothing(element: Any) -> bool:
    """An element with no words and nothing to see or use (an empty list, box or paragraph)."""
    return (not element.get_text(strip=True)
            and element.find(["img", "svg", "input", "button", "canvas", "table"]) is None
            and element.name not in ("img", "svg", "input", "button", "canvas", "table"))


def empty_headings(html: BeautifulSoup) -> list[str]:
    headings = html.find_all(re.compile(r"^h[1-6]$"))
    empty = []
    for heading in headings:
        level = int(heading.name[1])
        sibling = heading.find_next_sibling()
        while sibling is not None and _says_nothing(sibling):
            sibling = sibling.find_next_sibling()
        nothing = sibling is None or (re.fullmatch(r"h[1-6]", sibling.name or "") is not None
                                      and int(sibling.name[1]) <= level)
        if nothing:
            empty.append(heading.get_text(" ", strip=True))
    return empty


def doubled_words(html: BeautifulSoup) -> list[str]:
    found = []
    for element in html.find_all(["p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4"]):
        text = element.get_text(" ", strip=True)
        for match in re.finditer(r"(?<![\w-])(\w{2,})\s+\1(?![\w-])", text, re.IGNORECASE):
            if match.group(1).lower() not in DOUBLED_ON_PURPOSE:
                found.append(match.group(0))
    return found


@pytest.mark.parametrize(("path", "data", "slug"), CHARTER_FILES,
                         ids=[p.relative_to(ROOT).as_posix() for p, _d, _s in CHARTER_FILES])
def test_no_empty_heading_and_no_word_twice_in_a_row(path: Path, data: dict[str, Any], slug: str):
    problems = []
    for src, html in _pages(data, slug):
        problems += [f"{src}: empty heading {h!r}" for h in empty_headings(html)]
        problems += [f"{src}: {w!r}" for w in doubled_words(html)]
    assert not problems


@pytest.mark.parametrize(("path", "data", "slug"), CHARTER_FILES,
                         ids=[p.relative_to(ROOT).as_posix() for p, _d, _s in CHARTER_FILES])
def test_an_unset_yes_no_fact_never_reads_as_a_no(path: Path, data: dict[str, Any], slug: str):
    unset = _without_false(copy.deepcopy(data))
    problems = []
    for src, html in _pages(unset, slug):
        problems += [f"{src}: {span.get_text(strip=True)!r}"
                     for span in html.select(".cg-no")]
        for cell in html.find_all(["td", "dd", "span"]):
            if cell.get_text(strip=True) in ("No", "Non", "✗ No", "✗ Non"):
                problems.append(f"{src}: {cell}")
    assert not problems


def test_the_checks_catch_what_they_look_for():
    page = BeautifulSoup(markdown.markdown(
        "# Title\n\nText\n\n## You may\n\n## You may not\n\n- COO COO\n\n## After\n",
        extensions=EXTENSIONS), "html.parser")
    assert empty_headings(page) == ["You may", "After"]
    boxed = BeautifulSoup(markdown.markdown(
        '# Title\n\nText\n\n## During a crisis\n\n<div class="cg-box"><p></p></div>\n\n'
        "## After\n\nText\n", extensions=EXTENSIONS), "html.parser")
    assert empty_headings(boxed) == ["During a crisis"]
    assert doubled_words(page) == ["COO COO"]


@pytest.fixture(scope="module")
def plain_words() -> dict[str, str]:
    path = ROOT / "tests" / "website" / "fixtures" / "plain-words.yaml"
    data, slug = next((d, s) for p, d, s in CHARTER_FILES if p == path)
    return {src.rsplit("/", 1)[-1]: str(html) for src, html in _pages(data, slug)}


def test_working_days_read_as_working_days(plain_words: dict[str, str]):
    assert "1\u00a0working day" in plain_words["crisis.md"]
    assert "1\u00a0day" not in plain_words["crisis.md"]


def test_roles_with_the_same_title_are_told_apart_by_their_holder(plain_words: dict[str, str]):
    roles = plain_words["roles.md"]
    assert "Co-founder – Maya Lind" in roles and "Co-founder – Sam Ortega" in roles


def test_severity_colours_go_by_rank_so_the_most_severe_of_two_levels_is_the_darkest(
        plain_words: dict[str, str]):
    crisis = BeautifulSoup(plain_words["crisis.md"], "html.parser")
    ranks = [[c for c in span["class"] if c.startswith("cg-level--")]
             for span in crisis.select(".cg-level-card__name .cg-level")]
    assert ranks == [["cg-level--1"], ["cg-level--3"]]


def test_planning_ahead_without_weekly_slots_is_not_called_a_missing_calendar(
        plain_words: dict[str, str]):
    content = plain_words["content.md"]
    assert "4\u00a0weeks" in content
    assert "calendar" not in BeautifulSoup(content, "html.parser").select_one(
        ".cg-gaps").get_text().lower()


@pytest.fixture(scope="module")
def notes_say() -> dict[str, BeautifulSoup]:
    """A charter using each fact the format gained to say what interview notes say."""
    path = ROOT / "tests" / "website" / "fixtures" / "what-notes-say.yaml"
    data, slug = next((d, s) for p, d, s in CHARTER_FILES if p == path)
    return {src.split("/", 1)[-1]: html for src, html in _pages(data, slug)}


def _text(page: BeautifulSoup) -> str:
    return " ".join(page.get_text(" ").split())


def test_headcount_members_and_a_website_without_address_are_on_the_overview(
        notes_say: dict[str, BeautifulSoup]):
    facts = {dt_.get_text(strip=True): dt_.find_next("dd").get_text(strip=True)
             for dt_ in notes_say["index.md"].select(".cg-facts dt")}
    assert (facts["Salariés"], facts["Adhérents"]) == ("0", "120")
    assert ("L'entreprise a un site web ; la charte n'en donne pas l'adresse."
            in _text(notes_say["index.md"]))


def test_pillar_cadence_and_automated_posting_have_their_columns(
        notes_say: dict[str, BeautifulSoup]):
    table = notes_say["content.md"].find("table")
    head = [th.get_text(strip=True) for th in table.select("th")]
    assert head[2] == "Fréquence" and "Publié automatiquement" in head
    rows = [[td.get_text(" ", strip=True) for td in tr.select("td")]
            for tr in table.select("tbody tr")]
    assert rows[0][2] == "1 publication par semaine" and "Oui" in rows[0][5]
    assert rows[1][2] == "1 publication par mois"


def test_no_hub_themes_and_a_seasonal_stop_are_on_the_content_page(
        notes_say: dict[str, BeautifulSoup]):
    content = _text(notes_say["content.md"])
    assert "L'entreprise n'a aucun canal à elle" in content
    assert "La vidéo du mois Chaque mois" in content
    assert "Rentrée de l'école de voile septembre et octobre" in content
    assert ("Rien n'est publié en décembre et janvier (tous les réseaux). Le plan d'eau est "
            "fermé." in content)
    assert "L'entreprise n'a aucun canal à elle" in _text(notes_say["independence.md"])


def test_training_followed_and_a_drill_known_to_the_month_read_as_months(
        notes_say: dict[str, BeautifulSoup]):
    assert ("Animer une page Facebook (une journée) (mars 2026) et Premiers secours "
            "(14 juin 2025)" in _text(notes_say["roles.md"]))
    assert "Dernier exercice : mai 2026." in _text(notes_say["crisis.md"])


def test_pages_without_the_new_facts_keep_their_columns():
    path = ROOT / "tests" / "website" / "fixtures" / "plain-words.yaml"
    data, slug = next((d, s) for p, d, s in CHARTER_FILES if p == path)
    content = dict((src.rsplit("/", 1)[-1], html) for src, html in _pages(data, slug))
    table = content["content.md"].find("table")
    if table is not None:
        head = [th.get_text(strip=True) for th in table.select("th")]
        assert "How often" not in head and "Published automatically" not in head


@pytest.mark.parametrize("name", ["hartwell-pumps", "cidrerie-du-bocage", "northwind-studio"])
def test_a_network_page_names_its_network_once_at_the_top(name: str):
    data, slug = next((d, s) for p, d, s in CHARTER_FILES if p == CHARTERS / f"{name}.yaml")
    checked = 0
    for src, html in _pages(data, slug):
        if "/networks/" not in f"/{src}" or src.endswith("networks/index.md"):
            continue
        title = html.h1.get_text(" ", strip=True).split(" · ")[0]
        head = html.select_one(".cg-network__head")
        assert head is not None and title not in head.get_text(" ", strip=True), src
        checked += 1
    assert checked >= 3


def test_the_home_table_says_not_stated_where_a_charter_leaves_a_fact_unset():
    from chartergen.render.site import render_home

    path, data, slug = next(c for c in CHARTER_FILES if c[0].parent.name == "domaine-castel")
    document = data.get("document") or {}
    assert not document.get("owner") and not document.get("status")  # what the row shows
    charter = build(data, slug, path.name)
    home = render_home([CharterSource(charter, str(path), audit=run(charter, TODAY))],
                       {slug: slug}, today=TODAY, language="fr")
    row = BeautifulSoup(home.markdown, "html.parser").select("#cg-portfolio tbody td")
    assert [cell.get_text(strip=True) for cell in row[1:4]] == ["Non précisé"] * 3
