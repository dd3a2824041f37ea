"""The site engines: which one is used, what is said when it is missing or out of range, and
the Zensical engine's builds (the site folder's guarantees, public builds, serve's rewrites).

The browser suite (tests/e2e) runs every page, search, checklist, crisis card, print and
accessibility test against the site of each engine.
"""

from __future__ import annotations

import os
from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import CHARTERS, TODAY, write_project

from chartergen import engines
from chartergen.cli import cli
from chartergen.errors import ChartergenError, UsageError
from chartergen.sitedir import MARKER


def test_the_option_wins_over_the_setting_and_the_setting_over_the_environment(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTERGEN_ENGINE", "zensical")
    assert engines.choose("mkdocs", "zensical") == "mkdocs"
    assert engines.choose(None, "mkdocs") == "mkdocs"
    assert engines.choose(None, None) == "zensical"
    monkeypatch.delenv("CHARTERGEN_ENGINE")
    assert engines.choose(None, None) == "mkdocs"
    with pytest.raises(UsageError, match="unknown site engine 'hugo': choose one of mkdocs, "
                                         "zensical"):
        engines.choose(None, "hugo")


def fake_versions(monkeypatch: pytest.MonkeyPatch, **versions: str | None) -> None:
    real = metadata.version

    def version(name: str) -> str:
        key = name.replace("-", "_")
        if key in versions:
            if versions[key] is None:
                raise metadata.PackageNotFoundError(name)
            return str(versions[key])
        return real(name)

    monkeypatch.setattr(engines.metadata, "version", version)


def test_a_missing_engine_is_named_with_how_to_install_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    fake_versions(monkeypatch, zensical=None)
    assert engines.problem("zensical") == (
        "the zensical engine needs zensical==0.0.73, which is not installed: pip install "
        "'chartergen[zensical]' (in chartergen's folder: pip install -e '.[zensical]')")
    assert engines.problem("mkdocs") is None


@pytest.mark.parametrize(("distribution", "installed"), [
    ("mkdocs", "2.0.0a1"), ("mkdocs", "1.6.0"), ("mkdocs_material", "10.0.0"),
    ("zensical", "0.1.4"), ("zensical", "0.0.72"),
])
def test_an_engine_outside_the_tested_range_is_refused(
        monkeypatch: pytest.MonkeyPatch, distribution: str, installed: str) -> None:
    fake_versions(monkeypatch, **{distribution: installed})
    engine = "zensical" if distribution == "zensical" else "mkdocs"
    why = engines.problem(engine)
    assert why is not None
    assert f"and {installed} is installed" in why
    with pytest.raises(UsageError, match="is tested with"):
        engines.load(engine)


def test_build_says_so_when_the_chosen_engine_is_missing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    fake_versions(monkeypatch, zensical=None)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", str(CHARTERS), "--engine", "zensical",
                                      "--today", TODAY])
    assert result.exit_code == 2
    assert "the zensical engine needs zensical==0.0.73, which is not installed" in result.output
    assert not (tmp_path / "site").exists()


def test_a_configuration_is_read_without_mkdocs_environment_values_included(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SITE_NAME", "From the environment")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: !ENV SITE_NAME\nsite_dir: !ENV [UNSET_ONE, public]\n"
                      "plugins:\n  - search\n  - chartergen:\n      engine: zensical\n"
                      "      charters: ours\n", encoding="utf-8")
    data, options = engines.read_config(config)
    assert data["site_name"] == "From the environment"
    assert data["site_dir"] == "public"
    assert options == {"engine": "zensical", "charters": "ours"}
    config.write_text("site_name: [unclosed\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"mkdocs\.yml: cannot be read"):
        engines.read_config(config)


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example charters built by ``chartergen build``, the engine set in mkdocs.yml."""
    project = tmp_path_factory.mktemp("zensical")
    write_project(project, {p.stem: p for p in sorted(CHARTERS.glob("*.yaml"))},
                  engine="zensical")
    result = run_build(project)
    assert result.exit_code == 0, result.output
    return project / "site"


def run_build(project: Path, *args: str) -> object:
    here = os.getcwd()
    os.chdir(project)
    try:
        return CliRunner().invoke(cli, ["build", *args])
    finally:
        os.chdir(here)


def test_the_engine_setting_builds_every_page_with_zensical(zensical_site: Path) -> None:
    pages = {p.relative_to(zensical_site).as_posix() for p in zensical_site.rglob("*.html")}
    for slug in ("cidrerie-du-bocage", "hartwell-pumps", "northwind-studio"):
        assert {f"{slug}/index.html", f"{slug}/crisis.html", f"{slug}/checklist.html",
                f"{slug}/networks/index.html"} <= pages
    assert "index.html" in pages
    assert (zensical_site / "search.json").is_file()
    # the theme overrides, and nothing for developers
    assert (zensical_site / "assets" / "chartergen" / "chartergen.js").is_file()
    assert not (zensical_site / "README.md").exists()
    crisis = (zensical_site / "hartwell-pumps" / "crisis.html").read_text(encoding="utf-8")
    assert "Dave Okafor" in crisis
    assert 'class="md-header' in crisis  # Material's classic look


def test_a_zensical_build_lists_what_it_wrote_and_needs_no_outside_host(
        zensical_site: Path) -> None:
    written = (zensical_site / MARKER).read_text(encoding="utf-8").splitlines()
    assert "hartwell-pumps/crisis.html" in written
    for page in zensical_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in text, page
        assert 'src="https://' not in text and 'href="https://cdn' not in text, page


def test_a_zensical_build_refuses_a_site_folder_holding_other_files(tmp_path: Path) -> None:
    write_project(tmp_path, {"acme": CHARTERS / "hartwell-pumps.yaml"}, engine="zensical")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "notes.txt").write_text("mine", encoding="utf-8")
    result = run_build(tmp_path)
    assert result.exit_code == 2
    assert "holds files chartergen did not write (notes.txt" in result.output
    assert (tmp_path / "site" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_failed_zensical_build_leaves_the_previous_site(tmp_path: Path) -> None:
    write_project(tmp_path, {"acme": CHARTERS / "hartwell-pumps.yaml"}, engine="zensical")
    assert run_build(tmp_path).exit_code == 0
    before = (tmp_path / "site" / "index.html").read_bytes()
    (tmp_path / "charters" / "acme.yaml").write_text("format: 1\ncompany: [\n",
                                                     encoding="utf-8")
    result = run_build(tmp_path)
    assert result.exit_code == 1
    assert "acme.yaml:2:" in result.output
    assert (tmp_path / "site" / "index.html").read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.building")]


def test_a_public_zensical_build_goes_to_its_own_folder_without_personal_data(
        tmp_path: Path) -> None:
    write_project(tmp_path, {"acme": CHARTERS / "hartwell-pumps.yaml"}, engine="zensical")
    result = run_build(tmp_path, "--public", "-q")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "site").exists()
    site = tmp_path / "site-public"
    text = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    text += (site / "search.json").read_text(encoding="utf-8")
    assert "Hartwell" in text
    assert "Fiona Marsh" not in text and "960101" not in text  # people: personal data
    assert not (site / "hartwell-pumps" / "checklist.html").exists()


def test_serve_rewrites_only_the_pages_of_the_charter_that_changed(tmp_path: Path) -> None:
    from chartergen.engines import BuildRequest
    from chartergen.engines.zensical.engine import Watcher, _renderer, project

    config = write_project(tmp_path, {"acme": CHARTERS / "hartwell-pumps.yaml",
                                      "cidre": CHARTERS / "cidrerie-du-bocage.yaml"})
    served = tmp_path / "served"
    served.mkdir()
    watcher = Watcher(served, project(BuildRequest(config)), _renderer())
    watcher.update()
    pages = {p: p.stat().st_mtime_ns for p in (served / "docs").rglob("*.md")}
    assert len(pages) > 30
    os.utime(served / "docs" / "index.md", ns=(0, 0))  # to see it rewritten or not
    pages = {p: p.stat().st_mtime_ns for p in (served / "docs").rglob("*.md")}
    charter = tmp_path / "charters" / "acme.yaml"
    charter.write_text(charter.read_text(encoding="utf-8").replace(
        "Dave Okafor", "David Okafor"), encoding="utf-8")
    watcher.update()
    changed = {p.relative_to(served / "docs").as_posix() for p, stamp in pages.items()
               if p.stat().st_mtime_ns != stamp}
    assert "acme/crisis.md" in changed
    assert all(p.startswith("acme/") for p in changed)
    assert "David Okafor" in (served / "docs" / "acme" / "crisis.md").read_text(
        encoding="utf-8")


def test_serve_sees_a_saved_charter_at_once_not_at_its_next_look(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from chartergen.engines import BuildRequest
    from chartergen.engines.zensical import engine
    from chartergen.engines.zensical.wake import Wake

    probe = Wake(tmp_path)
    notified = probe.notified
    probe.close()
    if not notified:
        pytest.skip("no file notifications here: serve looks every POLL seconds")
    config = write_project(tmp_path, {"acme": CHARTERS / "hartwell-pumps.yaml"})
    served = tmp_path / "served"
    served.mkdir()
    monkeypatch.setattr(engine, "POLL", 3600)  # within the test, only a save can wake it
    watcher = engine.Watcher(served, engine.project(BuildRequest(config)), engine._renderer())
    watcher.update()
    updated = threading.Event()
    original = watcher.update

    def update() -> None:
        original()
        updated.set()

    watcher.update = update  # type: ignore[method-assign]
    watcher.start()
    try:
        charter = tmp_path / "charters" / "acme.yaml"
        charter.write_text(charter.read_text(encoding="utf-8").replace(
            "Dave Okafor", "David Okafor"), encoding="utf-8")
        assert updated.wait(120)
    finally:
        watcher.stop()
    assert not watcher._thread.is_alive()
    assert "David Okafor" in (served / "docs" / "acme" / "crisis.md").read_text(
        encoding="utf-8")


def test_a_wake_comes_from_a_file_written_and_closed_renamed_or_removed(
        tmp_path: Path) -> None:
    from chartergen.engines.zensical.wake import Wake

    (tmp_path / "team").mkdir()
    (tmp_path / "old.yaml").write_text("a")
    wake = Wake(tmp_path)
    if not wake.notified:
        wake.close()
        pytest.skip("no file notifications here")
    try:
        assert not wake.wait(0)
        with (tmp_path / "team" / "acme.yaml").open("w") as file:
            file.write("format: 1\n")
            file.flush()
            assert not wake.wait(0.1)  # still being written
        assert wake.wait(60)  # closed, in a folder below
        assert not wake.wait(0)
        (tmp_path / "old.yaml").rename(tmp_path / "new.yaml")
        assert wake.wait(60)
        (tmp_path / "new.yaml").unlink()
        assert wake.wait(60)
        wake.interrupt()
        assert wake.wait(60)
    finally:
        wake.close()


def test_zensical_pages_go_through_the_allow_list_and_the_theme_part_stays(
        tmp_path: Path) -> None:
    from chartergen.engines.zensical.engine import allow_list
    from chartergen.render.site import RenderedPage

    theme = '<a id="__skip" tabindex="-1"></a><a href="edit" class="md-content__button">e</a>'
    page = tmp_path / "acme" / "crisis.html"
    page.parent.mkdir()
    page.write_text(
        '<html><script src="assets/bundle.js"></script>'
        f'<article class="md-content__inner md-typeset">{theme}'
        '<h1 id="t">Crisis</h1><p onclick="x()">Call <script>alert(1)</script>'
        '<a href="javascript:alert(1)">us</a></p><iframe src="x"></iframe></article>'
        '</html>', encoding="utf-8")
    allow_list(tmp_path, [RenderedPage(src="acme/crisis.md", title="Crisis", markdown="")])
    html = page.read_text(encoding="utf-8")
    assert '<script src="assets/bundle.js"></script>' in html  # the theme's, outside
    assert theme in html
    article = html[html.index("<article"):]
    for hostile in ("onclick", "alert", "javascript:", "<iframe"):
        assert hostile not in article
    assert '<h1 id="t">Crisis</h1><p>Call <a>us</a></p>' in article


def test_a_zensical_page_of_an_unknown_form_stops_the_build(tmp_path: Path) -> None:
    from chartergen.engines.zensical.engine import allow_list
    from chartergen.render.site import RenderedPage

    (tmp_path / "index.html").write_text("<html><main><p>Hi</p></main></html>",
                                         encoding="utf-8")
    with pytest.raises(ChartergenError, match=r"index\.md in a form chartergen does not know"):
        allow_list(tmp_path, [RenderedPage(src="index.md", title="Home", markdown="")])


def test_a_zensical_public_build_stopped_by_a_leak_does_not_call_the_charter_invalid(
        tmp_path: Path) -> None:
    text = (CHARTERS / "hartwell-pumps.yaml").read_text(encoding="utf-8")
    assert "Our talent team can tell you more." in text
    leaky = tmp_path / "leaky.yaml"
    leaky.write_text(text.replace("Our talent team can tell you more.",
                                  "Our talent team can tell you more, or call Fiona first."),
                     encoding="utf-8")
    write_project(tmp_path, {"acme": leaky}, engine="zensical")
    result = run_build(tmp_path, "--public", "-q")
    assert result.exit_code == 1
    assert "the public site was not built: it would show personal data" in result.output
    assert "invalid charters" not in result.output
    assert "the name of a person ('Fiona', from team.roles[0].holder)" in result.output
    assert not (tmp_path / "site-public").exists()
