"""A hostile pull request against the built site: markup everywhere, file names that
collide with the theme's folders or hide characters, links out of the project.

One internal and one public build of a charter whose every free-text field holds
markup, template syntax and hostile links, next to charters named after the site's
own folders (assets, search, sitemap). The search index is read as Material's search
box reads it: its titles and texts are inserted into the page as HTML, so they must
hold no live markup either.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from ruamel.yaml import YAML

from chartergen.cli import cli
from chartergen.schema.text import link_scheme

from .charters import full_charter

TODAY = "2026-11-23"
PAYLOAD = ('<script>alert("cg")</script><img src=x onerror=alert(1)>{{ 7*7 }}'
           '<a href="javascript:alert(2)">x</a><iframe src="file:///etc/passwd"></iframe>'
           "\u202ecod.exe\u200b")
MARKDOWN = ("*ok* [safe](https://example.org) <script>alert(3)</script> "
            "<svg onload=alert(4)> {{ 6*7 }}")
MINIMAL = "format: 1\ncompany:\n  name: {name}\n  language: en\n"
FORBIDDEN_TAGS = {"script", "iframe", "img", "object", "embed", "style", "form", "svg",
                  "math", "link", "meta", "base"}


def hostile_yaml() -> str:
    from chartergen.schema.structure import rule_at

    def text(place: str) -> str:
        # Markdown fields refuse javascript: links (tests/validation): they get the
        # Markdown payload, every other text the raw one
        rule = rule_at(tuple(place.split("."))) or {}
        return MARKDOWN if rule.get("meta", {}).get("markdown") else f"{PAYLOAD} {place}"

    data = full_charter(text)
    data["company"]["website"] = "https://example.org/?q=<script>"
    stream = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, stream)
    return stream.getvalue()


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def search_docs(site: Path) -> list[dict]:
    """The search index's entries: MkDocs' (Material's) or Zensical's."""
    mkdocs = site / "search/search_index.json"
    if mkdocs.is_file():
        return json.loads(mkdocs.read_text(encoding="utf-8"))["docs"]
    return json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def project(tmp_path_factory: pytest.TempPathFactory,
            request: pytest.FixtureRequest) -> dict[str, object]:
    root = tmp_path_factory.mktemp(f"hostile-{request.param}")
    charters = root / "charters"
    charters.mkdir()
    (charters / "evil.yaml").write_text(hostile_yaml(), encoding="utf-8")
    for name in ("assets", "search", "sitemap", "404", "index"):
        (charters / f"{name}.yaml").write_text(MINIMAL.format(name=name.title()))
    before = _files(root)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        results = [CliRunner().invoke(cli, ["build", "-q", "--today", TODAY, "--engine",
                                            request.param, *extra])
                   for extra in ([], ["--public"])]
    return {"root": root, "before": before, "results": results, "engine": request.param}


def test_both_builds_succeed_and_write_only_their_site_folders(project: dict) -> None:
    root: Path = project["root"]
    for result in project["results"]:
        assert result.exit_code == 0, result.output
    after = _files(root)
    outside = {name for name in after if not name.startswith(("site/", "site-public/"))}
    assert outside == set(project["before"])
    assert all(after[name] == project["before"][name] for name in outside)


@pytest.mark.parametrize("site", ["site", "site-public"])
def test_the_search_index_holds_no_live_markup(project: dict, site: str) -> None:
    docs = [d for d in search_docs(project["root"] / site)
            if d["location"].startswith("evil/")]
    assert len(docs) > 20
    seen_payload = False
    for doc in docs:
        for field in ("title", "text"):
            soup = BeautifulSoup(doc[field], "html.parser")
            for tag in soup.find_all(True):
                assert tag.name not in FORBIDDEN_TAGS, (doc["location"], tag)
                assert not any(a.lower().startswith("on") for a in tag.attrs), tag
                for attr in ("href", "src", "action"):
                    scheme = link_scheme(str(tag.get(attr, "")))
                    assert scheme in (None, "http", "https", "mailto", "tel"), tag
            seen_payload |= '<script>alert("cg")</script>' in soup.get_text()
        assert "49" not in doc["text"].replace("2049", "")
    assert seen_payload  # shown as text: the search box prints it, never runs it


@pytest.mark.parametrize("site", ["site", "site-public"])
def test_every_page_holds_no_live_markup_from_the_charter(project: dict, site: str) -> None:
    pages = sorted((project["root"] / site / "evil").rglob("*.html"))
    assert pages
    for path in pages:
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "article")
        assert article is not None
        for tag in article.find_all(True):
            assert tag.name not in FORBIDDEN_TAGS - {"svg"} or "cg-chart" in str(
                tag.get("class")), (path, tag.name)
            assert not any(a.lower().startswith("on") for a in tag.attrs), (path, tag)
            href = str(tag.get("href", ""))
            assert link_scheme(href) in (None, "http", "https", "mailto", "tel"), (path, href)


def test_charters_named_like_the_site_folders_leave_the_theme_and_search_intact(
        project: dict) -> None:
    site: Path = project["root"] / "site"
    assert list((site / "assets/javascripts").glob("bundle.*.min.js"))
    assert (site / "assets/chartergen/chartergen.js").is_file()
    assert search_docs(site)
    assert (site / "sitemap.xml").read_text(encoding="utf-8").startswith("<?xml")
    assert (site / "404.html").is_file() and (site / "index.html").is_file()
    for name in ("assets", "search", "sitemap", "404", "index"):
        assert (site / name).is_dir(), name  # each charter in a folder of its own


@pytest.mark.parametrize("name", [
    "acme\u202eyaml.exe", "acme\u200b", "\u0430cme", "Acme", "acme corp", "acme..x", "-acme",
    "ACME\u2024yaml",
])
def test_odd_file_names_are_refused_and_nothing_is_built(name: str, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / f"{name}.yaml").write_text(MINIMAL.format(name="Acme"))
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    # a direction override is shown as an escape: it cannot reorder what the terminal shows
    shown = name.replace("\u202e", "\\u202e")
    assert (f"charters/{shown}.yaml:1:1: error: the file name '{shown}' is also the charter's "
            "address on the site") in result.stdout
    result = CliRunner().invoke(cli, ["build", "-q", "--today", TODAY])
    assert result.exit_code == 1
    assert not (tmp_path / "site").exists()


def test_a_link_out_of_the_project_stops_the_build_unread(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.yaml"
    secret.write_text(MINIMAL.format(name="TOP-SECRET-VALUE"))
    project = tmp_path / "repo"
    (project / "charters").mkdir(parents=True)
    (project / "charters" / "acme.yaml").write_text(MINIMAL.format(name="Acme"))
    os.symlink(secret, project / "charters" / "evil.yaml")
    monkeypatch.chdir(project)
    for args in (["build", "-q"], ["render", "--out", "out"], ["check"], ["pdf", "evil"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code in (1, 2), (args, result.output)
        assert "TOP-SECRET-VALUE" not in result.output
    assert not (project / "site").exists() and not (project / "out").exists()


def test_checks_and_a_build_with_a_path_never_read_the_projects_mkdocs_yml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # mkdocs.yml is code (MkDocs' loader calls Python for !!python tags): a pull request
    # that changes it is not a charter change. The checks, and a build given its charters,
    # never read it.
    marker = tmp_path / "ran"
    (tmp_path / "mkdocs.yml").write_text(
        f'site_name: !!python/object/apply:os.system ["touch {marker}"]\n'
        "plugins: [chartergen]\n")
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "acme.yaml").write_text(MINIMAL.format(name="Acme"))
    monkeypatch.chdir(tmp_path)
    for args in (["validate"], ["check", "--today", TODAY], ["fmt", "--check"],
                 ["build", "-q", "charters", "--today", TODAY]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == (1 if args[0] == "fmt" else 0), (args, result.output)
    assert not marker.exists()
    assert (tmp_path / "site" / "acme" / "scope.html").is_file()


@pytest.mark.parametrize("site", ["site", "site-public"])
def test_the_crisis_banner_shows_the_hostile_text_as_text(project: dict, site: str) -> None:
    pages = sorted((project["root"] / site / "evil").rglob("*.html"))
    for path in pages:
        banner = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            ".cg-crisis-banner")
        assert banner is not None, path
        internal = site == "site"  # the lead's phone and the note stay off the public site
        assert [tag.name for tag in banner.find_all(True)] == [
            "p", "strong", "span", "p", "span", *(["a"] if internal else []), "span",
            *(["p"] if internal else []), "p", "a"], path
        assert '<script>alert("cg")</script>' in banner.get_text()
