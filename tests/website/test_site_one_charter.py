"""A site of one charter has no portfolio page: the charter's overview is the home page.

The site engines' part (the logo and the sidebar leading home, served and from disk) is
driven in Chromium by tests/e2e/test_e2e_one_charter.py.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sitetools import FIXTURES, build, parse, write_project

from chartergen.pipeline import load_portfolio
from chartergen.render.problems import problems_site
from chartergen.render.site import HOME, render_site
from chartergen.render.view import CharterSource

TODAY = dt.date(2026, 11, 23)
MINIMAL = FIXTURES / "minimal.yaml"


def sources(*names: str, tmp_path: Path) -> list[CharterSource]:
    for name in names:
        (tmp_path / f"{name}.yaml").write_text(
            MINIMAL.read_text(encoding="utf-8").replace("Minimal Bakery", name.title()),
            encoding="utf-8")
    portfolio = load_portfolio([str(tmp_path / f"{name}.yaml") for name in names])
    assert portfolio.ok
    return [CharterSource(charter=c.charter, source_path=f"charters/{c.charter.slug}.yaml",
                          last_changed=None) for c in portfolio.charters]


def test_the_overview_of_the_only_charter_is_the_home_page(tmp_path: Path) -> None:
    site = render_site(sources("bakery", tmp_path=tmp_path), today=TODAY)
    assert site.single
    home = site.page(HOME)
    assert home.charter == "bakery"
    assert home.markdown.count("# Overview") == 1
    assert "cg-portfolio" not in home.markdown and "data-cg-filter" not in home.markdown
    assert "bakery/index.md" not in {page.src for page in site.pages}
    (charter,) = site.nav
    pages = charter["Bakery"]
    assert pages[0] == {"Overview": HOME}
    # links to the overview from the charter's pages lead to the site's root
    checklist = site.page("bakery/checklist.md").markdown
    assert "bakery/index" not in checklist
    # and the overview's links lead into the charter's folder
    assert "(bakery/scope.md)" in home.markdown


def test_two_charters_keep_the_portfolio_page(tmp_path: Path) -> None:
    site = render_site(sources("bakery", "dairy", tmp_path=tmp_path), today=TODAY)
    assert not site.single
    assert site.page(HOME).charter == ""
    assert "cg-portfolio" in site.page(HOME).markdown
    assert {"bakery/index.md", "dairy/index.md"} <= {page.src for page in site.pages}
    assert site.nav[0] == {"Social-media charters": HOME}


def test_serve_shows_the_only_charters_problems_on_the_home_page(tmp_path: Path) -> None:
    last = render_site(sources("bakery", tmp_path=tmp_path), today=TODAY)
    broken = tmp_path / "bakery.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "typo: 1\n", encoding="utf-8")
    errors = [d for d in load_portfolio([str(broken)]).diagnostics if d.is_error]
    shown = problems_site(last, errors, "en")
    assert "typo" in shown.page(HOME).markdown
    assert "typo" in shown.page("bakery/scope.md").markdown


@pytest.fixture(scope="module")
def one(module_tmp: Path) -> Path:
    return build(write_project(module_tmp / "one", {"bakery": MINIMAL}))


def test_the_built_home_page_is_the_overview_with_no_filter(one: Path) -> None:
    home = parse(one / "index.html")
    assert home.select_one("article h1").get_text(strip=True).startswith("Overview")
    assert home.select(".cg-filter, table.cg-portfolio") == []
    logo = home.select_one("header a.md-logo")
    assert logo is not None and logo["href"] in (".", "./")
    crisis = parse(one / "bakery" / "crisis" / "index.html")  # directory URLs here
    assert crisis.select_one("header a.md-logo")["href"].rstrip("/") == "../.."
    assert crisis.select_one("nav.md-nav--primary a.md-logo")["href"].rstrip("/") == "../.."
    assert [a.get_text(strip=True) for a in crisis.select("nav.md-nav--primary a")
            if "cg-nav-home" in (a.parent.get("class") or [])] == []
    assert not (one / "bakery" / "index.html").exists()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_header_of_a_one_charter_site_names_its_company(
        engine: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from chartergen.cli import cli

    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "bakery.yaml").write_text(
        MINIMAL.read_text(encoding="utf-8").replace("Minimal Bakery", "Dupont & Fils"),
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    built = CliRunner().invoke(cli, ["build", "charters", "-q", "--engine", engine,
                                     "--today", TODAY.isoformat()])
    assert built.exit_code == 0, built.output
    for page in ("index.html", "bakery/crisis/index.html", "bakery/crisis.html"):
        if (tmp_path / "site" / page).is_file():
            html = parse(tmp_path / "site" / page)
            header = html.select_one(".md-header__topic").get_text(strip=True)
            assert header == "Dupont & Fils", (page, header)
            assert html.select_one("title").get_text().endswith("Dupont & Fils")


def test_the_site_name_chosen_else_the_company_else_the_default(tmp_path: Path) -> None:
    from chartergen.render.site import site_name

    one = render_site(sources("d-and-f", tmp_path=tmp_path), today=TODAY)
    two = render_site(sources("bakery", "mill", tmp_path=tmp_path), today=TODAY)
    assert site_name(one, None) == ("D-And-F", False)
    assert site_name(one, "Social-media charters") == ("D-And-F", False)  # the default
    assert site_name(one, "Our policies") == ("Our policies", False)
    assert site_name(two, None) == ("Social-media charters", True)
    assert site_name(two, "Our policies") == ("Our policies", False)
