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
