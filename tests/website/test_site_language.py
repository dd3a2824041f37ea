"""The site's own language follows the portfolio: a French-only portfolio gets a French site.

Material's words, the home page and a default site name are French when every charter is
French, English otherwise; a name chosen in mkdocs.yml is kept. The footer never carries
Material's "Made with" notice (an internal policy site).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML
from sitetools import ROOT, TODAY, build, example, parse

from chartergen.cli import cli
from chartergen.render.config import dump_yaml, theme_config


def project(folder: Path, names: tuple[str, ...], site_name: str = "Social-media charters",
            **plugin: str) -> Path:
    """A project as `chartergen init` users have it: the default name, theme language en."""
    (folder / "charters").mkdir(parents=True)
    (folder / "pages").mkdir()
    for name in names:
        (folder / "charters" / f"{name}.yaml").write_text(
            example(name).read_text(encoding="utf-8"), encoding="utf-8")
    config = {
        "site_name": site_name,
        "docs_dir": "pages",
        "theme": {**theme_config("en"), "custom_dir": str(ROOT / "theme")},
        "plugins": [{"search": {"lang": ["en", "fr"]}},
                    {"chartergen": {"today": TODAY, **plugin}}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(dump_yaml(config), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def french(module_tmp: Path) -> Path:
    return build(project(module_tmp / "fr", ("cidrerie-du-bocage",)))


@pytest.fixture(scope="module")
def mixed(module_tmp: Path) -> Path:
    return build(project(module_tmp / "mixed", ("cidrerie-du-bocage", "hartwell-pumps")))


def header_name(site: Path, page: str = "index.html") -> str:
    topic = parse(site / page).select_one(".md-header__topic .md-ellipsis")
    assert topic is not None
    return topic.get_text(strip=True)


def test_a_french_portfolio_gets_a_french_site(french: Path):
    home = parse(french / "index.html")  # the overview of the site's one charter
    assert home.html is not None and home.html["lang"] == "fr"
    assert header_name(french) == "Cidrerie du Bocage"  # one charter: its company
    title = home.select_one("article h1").get_text(strip=True)
    assert title.startswith("Vue d'ensemble") and "Cidrerie du Bocage" in title
    search = home.select_one("input.md-search__input")
    assert search is not None and search["placeholder"] == "Rechercher"
    assert header_name(french, "cidrerie-du-bocage/crisis/index.html") == (
        "Cidrerie du Bocage")


def test_a_mixed_portfolio_keeps_english(mixed: Path):
    home = parse(mixed / "index.html")
    assert home.html is not None and home.html["lang"] == "en"
    assert header_name(mixed) == "Social-media charters"
    # each charter's pages still speak the charter's language
    french_page = parse(mixed / "cidrerie-du-bocage" / "index.html")
    assert french_page.html is not None and french_page.html["lang"] == "fr"


def zensical_build(config_file: Path) -> Path:
    from sitetools import chartergen_build

    site = config_file.parent / "site-zensical"
    here = Path.cwd()
    try:
        import os

        os.chdir(config_file.parent)
        result = chartergen_build("--engine", "zensical", "--site-dir", str(site))
    finally:
        os.chdir(here)
    assert result.exit_code == 0, result.output
    return site


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_header_names_the_site_in_each_page_language(module_tmp: Path, engine: str,
                                                         mixed: Path):
    site = mixed if engine == "mkdocs" else zensical_build(
        project(module_tmp / "mixed-zensical", ("cidrerie-du-bocage", "hartwell-pumps")))

    def page(key: str) -> str:  # URLs end in .html or in a folder
        return f"{key}.html" if (site / f"{key}.html").is_file() else f"{key}/index.html"

    for french in ("cidrerie-du-bocage/index", "cidrerie-du-bocage/networks/instagram"):
        assert header_name(site, page(french)) == "Chartes réseaux sociaux"
        html = str(parse(site / page(french)).select_one("body"))
        assert "Social-media charters" not in html, french
    for english in ("index", "hartwell-pumps/crisis"):
        assert header_name(site, page(english)) == "Social-media charters"
        assert "Chartes réseaux sociaux" not in str(parse(site / page(english)).select_one("body"))


def test_a_chosen_site_name_stays_on_every_page(module_tmp: Path):
    site = build(project(module_tmp / "chosen-mixed", ("cidrerie-du-bocage", "hartwell-pumps"),
                         site_name="Our charters"))
    assert header_name(site, "cidrerie-du-bocage/index.html") == "Our charters"
    assert header_name(site) == "Our charters"


@pytest.mark.parametrize("site", ["french", "mixed"])
def test_the_footer_does_not_advertise_the_generator(site: str, request: pytest.FixtureRequest):
    folder: Path = request.getfixturevalue(site)
    for page in ("index.html", "cidrerie-du-bocage/crisis/index.html"):
        footer = parse(folder / page).select_one("footer")
        assert footer is not None
        assert "Made with" not in footer.get_text(" ")
        assert "squidfunk" not in str(footer)


def test_a_chosen_site_name_and_a_forced_language_are_kept(module_tmp: Path):
    site = build(project(module_tmp / "chosen", ("cidrerie-du-bocage",),
                         site_name="Nos chartes", language="en"))
    home = parse(site / "index.html")  # the French charter's overview
    assert header_name(site) == "Nos chartes"
    assert home.select_one("article h1").get_text(strip=True).startswith("Vue d'ensemble")
    # the charter's pages speak French; the site's own pages, the forced language
    assert home.html is not None and home.html["lang"] == "fr"
    missing = parse(site / "404.html")
    assert missing.html is not None and missing.html["lang"] == "en"


def test_render_writes_a_french_configuration_for_a_french_portfolio(module_tmp: Path):
    out = module_tmp / "rendered"
    result = CliRunner().invoke(cli, ["render", str(example("cidrerie-du-bocage")),
                                      "--out", str(out), "--today", TODAY])
    assert result.exit_code == 0, result.output
    config = YAML(typ="safe").load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_name"] == "Cidrerie du Bocage"  # one charter: its company
    two = module_tmp / "two-french"
    two.mkdir()
    for name in ("cidrerie-du-bocage", "cidrerie-de-la-vallee"):
        shutil.copy(example("cidrerie-du-bocage"), two / f"{name}.yaml")
    result = CliRunner().invoke(cli, ["render", str(two), "--out", str(module_tmp / "r2"),
                                      "--today", TODAY])
    assert result.exit_code == 0, result.output
    both = YAML(typ="safe").load((module_tmp / "r2" / "mkdocs.yml").read_text("utf-8"))
    assert both["site_name"] == "Chartes réseaux sociaux"
    assert config["theme"]["language"] == "fr"
    assert config["extra"] == {"generator": False,
                               "polyfills": ["assets/chartergen/iframe-worker.min.js"],
                               "chartergen_not_found": {
                                   "title": "Page introuvable",
                                   "text": config["extra"]["chartergen_not_found"]["text"],
                                   "home": "Aller à la page d'accueil"}}
    assert "language: fr" in (out / "docs" / "index.md").read_text(encoding="utf-8")


def test_the_404_page_speaks_the_site_language(french: Path, mixed: Path):
    page = parse(french / "404.html")
    assert page.html is not None and page.html["lang"] == "fr"
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Page introuvable"
    assert page.select_one("a.home").get_text(strip=True) == "Aller à la page d'accueil"
    page = parse(mixed / "404.html")
    assert page.h1 is not None and page.h1.get_text(strip=True) == "Page not found"
