"""A living charter on the site, with each engine: the banner of a crisis in progress on every
page of its charter and no other, the home page's mark, and nothing of it in a public build
unless the charter says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import CHARTERS, EXAMPLES, TODAY, parse

from chartergen.cli import cli

CRISIS = "cidrerie-du-bocage"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def sites(module_tmp: Path, request: pytest.FixtureRequest) -> dict[str, Path]:
    """The examples with a crisis open in one charter, built internal and public."""
    root = module_tmp / request.param
    shutil.copytree(CHARTERS, root / "charters", ignore=shutil.ignore_patterns("*.json"))
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        invoke("crisis", "open", f"charters/{CRISIS}.yaml", "--level", "alerte", "--since",
               "2026-11-20", "--note", "Lot 12 rappelé")
        for extra in ([], ["--public"]):
            invoke("build", "-q", "--today", TODAY, "--engine", request.param, *extra)
    return {"site": root / "site", "public": root / "site-public", "root": root}


def pages(site: Path, charter: str) -> list[Path]:
    return sorted((site / charter).rglob("*.html"))


def test_every_page_of_the_charter_carries_the_banner_and_no_other_does(sites):
    own = pages(sites["site"], CRISIS)
    assert len(own) > 15
    for path in own:
        banner = parse(path).select(".cg-crisis-banner")
        assert len(banner) == 1, path
        text = " ".join(banner[0].get_text(" ").split())
        assert text.startswith("Crise en cours · Niveau : Alerte · depuis le 20 novembre 2026")
        assert "Pilote : Responsable communication" in text
        assert "Lot 12 rappelé" in text
        card = banner[0].select_one("a.cg-crisis-banner__card")
        assert card["href"].split("#")[1] == "crisis-card"
        assert card["href"].split("#")[0].endswith("crisis.html")
    for other in EXAMPLES:
        if other != CRISIS:
            assert all(not parse(p).select(".cg-crisis-banner")
                       for p in pages(sites["site"], other)), other


def test_the_home_page_marks_the_charter(sites):
    marks = parse(sites["site"] / "index.html").select(".cg-crisis-mark")
    assert [" ".join(m.get_text().split()) for m in marks] == ["Crisis: Alerte"]


def test_a_public_build_shows_nothing_of_the_crisis(sites):
    for path in sorted(sites["public"].rglob("*")):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".ics"):
            text = path.read_text(encoding="utf-8")
            assert "cg-crisis-banner" not in text and "Lot 12" not in text, path
            assert "Crise en cours" not in text, path


def test_the_built_site_offers_the_calendars(sites):
    import icalendar

    site = sites["site"]
    own = icalendar.Calendar.from_ical((site / CRISIS / "calendar.ics").read_bytes())
    every = icalendar.Calendar.from_ical((site / "charters.ics").read_bytes())
    uids = {str(e["uid"]) for e in own.walk("VEVENT")}
    assert f"review.{CRISIS}@chartergen" in uids
    assert uids <= {str(e["uid"]) for e in every.walk("VEVENT")}
    link = parse(site / CRISIS / "index.html").select_one("a.cg-calendar__link")
    assert link["href"] == "calendar.ics"


QUIZ = "self-check.html"


def quiz_questions(site: Path, charter: str) -> list:
    return parse(site / charter / QUIZ).select(".cg-quiz__q")


@pytest.mark.parametrize("charter", EXAMPLES)
def test_each_example_has_a_self_check_of_at_least_eight_questions(sites, charter):
    questions = quiz_questions(sites["site"], charter)
    assert len(questions) >= 8
    for question in questions:
        choices = [" ".join(b.get_text().split()) for b in question.select(".cg-quiz__choice")]
        assert 2 <= len(choices) <= 4 and len(set(choices)) == len(choices)
        assert 0 <= int(question["data-cg-answer"]) < len(choices)


@pytest.mark.parametrize("charter", EXAMPLES)
def test_each_answer_links_to_the_page_that_states_it(sites, charter):
    """The right choice is written on the page the explanation links to (and the heading
    it names exists there)."""
    site = sites["site"]
    for question in quiz_questions(site, charter):
        choices = question.select(".cg-quiz__choice")
        right = " ".join(choices[int(question["data-cg-answer"])].get_text().split())
        link = question.select_one("a.cg-quiz__source")
        href, _, anchor = link["href"].partition("#")
        target = (site / charter / QUIZ).parent / href
        if href.endswith("/"):
            target = target / "index.html"
        page = parse(target.resolve())
        article = page.select_one("article") or page
        said = " ".join(article.get_text(" ").split()).casefold()
        assert right.casefold() in said, (question["id"], href)
        if anchor:
            assert page.find(id=anchor) is not None, (question["id"], link["href"])
        why = " ".join(question.select_one(".cg-quiz__why").get_text(" ").split())
        assert right in why


def test_the_staff_guidelines_link_to_the_self_check(sites):
    for charter in EXAMPLES:
        link = parse(sites["site"] / charter / "staff.html").select_one(".cg-quiz-link a")
        assert link is not None and link["href"] == QUIZ, charter


def test_the_self_check_is_in_the_charters_language(sites):
    ask = quiz_questions(sites["site"], "cidrerie-du-bocage")[0].select_one(".cg-quiz__ask")
    assert " ".join(ask.get_text().split()).startswith("1. Au niveau de crise « Vigilance »")


def test_a_public_build_has_no_self_check(sites):
    assert not list(sites["public"].rglob(QUIZ))
    assert not parse(sites["public"] / "hartwell-pumps" / "staff.html").select(".cg-quiz-link")
