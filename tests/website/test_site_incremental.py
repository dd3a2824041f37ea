"""Charters rendered one at a time and kept by content: a rebuild re-renders only what changed."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sitetools import CHARTERS, EXAMPLES, FIXTURES, build, write_project

from chartergen.pipeline import discover, load_portfolio
from chartergen.render import portfolio
from chartergen.render.portfolio import PortfolioRenderer, RenderOptions
from chartergen.render.site import render_site
from chartergen.render.sources import charter_sources

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def renders(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The slug of every charter rendered in this process from now on."""
    calls: list[str] = []
    original = portfolio.render_charter

    def counting(source, site_slug, **options):  # type: ignore[no-untyped-def]
        calls.append(site_slug)
        return original(source, site_slug, **options)

    monkeypatch.setattr(portfolio, "render_charter", counting)
    return calls


def copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = (FIXTURES / "minimal.yaml").read_text(encoding="utf-8")
    paths = []
    for n in range(count):
        path = folder / f"bakery-{n:02d}.yaml"
        path.write_text(text.replace("Minimal Bakery", f"Bakery {n}"), encoding="utf-8")
        paths.append(path)
    return paths


def test_the_same_pages_as_rendering_the_whole_portfolio_at_once():
    loaded = load_portfolio([str(CHARTERS)])
    whole = render_site(charter_sources(loaded.charters, today=TODAY, base=CHARTERS.parent),
                        today=TODAY)
    result = PortfolioRenderer().render(discover([str(CHARTERS)]),
                                        RenderOptions(TODAY, base=str(CHARTERS.parent)))
    assert result.ok and result.site is not None
    assert result.site.pages == whole.pages
    assert result.site.nav == whole.nav
    assert [s.charter.slug for s in result.sources] == list(EXAMPLES)


def test_a_second_render_reuses_every_unchanged_charter(tmp_path: Path, renders: list[str]):
    files = copies(tmp_path / "charters", 3)
    renderer = PortfolioRenderer()
    first = renderer.render(files, RenderOptions(TODAY))
    assert sorted(renders) == ["bakery-00", "bakery-01", "bakery-02"]
    assert (renderer.stats.rendered, renderer.stats.reused) == (3, 0)

    files[1].write_text(files[1].read_text().replace("Bakery 1", "Bakery One"))
    renders.clear()
    second = renderer.render(files, RenderOptions(TODAY))
    assert renders == ["bakery-01"]
    assert (renderer.stats.rendered, renderer.stats.reused) == (1, 2)
    assert renderer.stats.rendered_paths == [files[1]]
    assert renderer.stats.total_rendered == 4
    assert first.site is not None and second.site is not None
    assert "Bakery One" in second.site.page("bakery-01/index.md").markdown
    assert second.site.page("bakery-00/index.md") == first.site.page("bakery-00/index.md")
    # the home page lists every charter, so it is always put together again
    assert "Bakery One" in second.site.page("index.md").markdown


def test_the_home_page_renders_again_only_the_rows_of_a_changed_charter(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from chartergen.render import site as site_module

    files = copies(tmp_path / "charters", 4)
    renderer = PortfolioRenderer()
    options = RenderOptions(TODAY)
    start = site_module.home_parts.rendered
    renderer.render(files, options)
    per_charter = (site_module.home_parts.rendered - start) // 4
    assert per_charter == 2  # its row in the portfolio table and in the heat-map

    def afresh(paths: list[Path], chosen: RenderOptions) -> str:
        """The home page rendered with nothing kept."""
        kept = site_module.home_parts
        monkeypatch.setattr(site_module, "home_parts", site_module.HomeParts())
        try:
            result = PortfolioRenderer().render(paths, chosen)
        finally:
            monkeypatch.setattr(site_module, "home_parts", kept)
        assert result.site is not None
        return result.site.page("index.md").markdown

    def home(paths: list[Path], chosen: RenderOptions) -> tuple[str, int]:
        before = site_module.home_parts.rendered
        result = renderer.render(paths, chosen)
        assert result.site is not None
        return result.site.page("index.md").markdown, site_module.home_parts.rendered - before

    # a name the home page shows, then a change it does not show
    for old, new in (("Bakery 1", "Bakery One"), ("language: en\n", "language: en\n# a note\n")):
        files[1].write_text(files[1].read_text().replace(old, new, 1))
        text, rendered = home(files, options)
        assert rendered == per_charter
        assert text == afresh(files, options)
    assert "Bakery One" in text
    # nothing changed, a charter gone, another day: as a home page rendered afresh
    assert home(files, options) == (afresh(files, options), 0)
    assert home(files[1:], options) == (afresh(files[1:], options), 0)
    later = RenderOptions(TODAY + dt.timedelta(days=400))
    text, rendered = home(files, later)
    assert (text, rendered) == (afresh(files, later), 4 * per_charter)


def test_any_other_input_of_a_page_renders_the_charter_again(tmp_path: Path,
                                                             renders: list[str]):
    files = copies(tmp_path / "charters", 2)
    renderer = PortfolioRenderer()
    renderer.render(files, RenderOptions(TODAY))
    renders.clear()
    renderer.render(files, RenderOptions(TODAY + dt.timedelta(days=1)))
    assert sorted(renders) == ["bakery-00", "bakery-01"]
    renders.clear()
    renderer.render(files, RenderOptions(TODAY + dt.timedelta(days=1), edit_url="x/{path}"))
    assert len(renders) == 2
    renders.clear()
    # alone on the site, a charter's overview becomes the home page: its links change
    alone = renderer.render(files[:1],
                            RenderOptions(TODAY + dt.timedelta(days=1), edit_url="x/{path}"))
    assert renders == ["bakery-00"]
    assert alone.site is not None and alone.site.single
    renders.clear()
    renderer.render(files[:1], RenderOptions(TODAY + dt.timedelta(days=1), edit_url="x/{path}"))
    assert renders == []


def test_changed_page_templates_render_every_charter_again(tmp_path: Path, renders: list[str]):
    files = copies(tmp_path / "charters", 2)
    templates = tmp_path / "templates"
    templates.mkdir()
    scope = templates / "scope.md.j2"
    scope.write_text('{% extends "_page.md.j2" %}{% block body %}First.{% endblock %}\n')
    renderer = PortfolioRenderer()
    options = RenderOptions(TODAY, templates=str(templates))
    assert renderer.render(files, options).site.page("bakery-00/scope.md").markdown.count(
        "First.") == 1
    scope.write_text('{% extends "_page.md.j2" %}{% block body %}Second.{% endblock %}\n')
    os.utime(scope, ns=(1, 1))  # a different modification time, however fast the test runs
    renders.clear()
    site = renderer.render(files, options).site
    assert len(renders) == 2
    assert "Second." in site.page("bakery-00/scope.md").markdown


def test_an_invalid_charter_is_reported_until_it_is_fixed(tmp_path: Path):
    files = copies(tmp_path / "charters", 2)
    good = files[0].read_text()
    files[0].write_text(good.replace("language: en", "language: de"))
    renderer = PortfolioRenderer()
    result = renderer.render(files, RenderOptions(TODAY))
    assert not result.ok and result.site is None
    assert [d.code for d in result.diagnostics if d.is_error]
    again = renderer.render(files, RenderOptions(TODAY))
    assert again.diagnostics == result.diagnostics and renderer.stats.rendered == 0
    files[0].write_text(good)
    fixed = renderer.render(files, RenderOptions(TODAY))
    assert fixed.ok and renderer.stats.rendered == 1


def test_worker_processes_render_the_same_site(tmp_path: Path):
    files = copies(tmp_path / "charters", portfolio.PARALLEL_FROM)
    serial = PortfolioRenderer(processes=1).render(files, RenderOptions(TODAY))
    parallel_renderer = PortfolioRenderer(processes=2)
    parallel = parallel_renderer.render(files, RenderOptions(TODAY))
    assert parallel_renderer._workers(len(files)) == 2
    assert parallel.site == serial.site
    assert parallel.diagnostics == serial.diagnostics


def test_progress_counts_every_charter_once(tmp_path: Path):
    files = copies(tmp_path / "charters", 3)
    renderer = PortfolioRenderer()
    steps: list[int] = []
    renderer.render(files, RenderOptions(TODAY), progress=steps.append)
    assert sum(steps) == 3
    files[2].write_text(files[2].read_text() + "\n")
    steps.clear()
    renderer.render(files, RenderOptions(TODAY), progress=steps.append)
    assert steps == [2, 1]


def test_a_rebuild_with_the_plugin_renders_only_the_edited_charter(tmp_path: Path,
                                                                   renders: list[str]):
    """What ``chartergen serve`` does when a charter is saved: MkDocs builds again with the
    same plugin instance (it keeps plugins that have on_startup across rebuilds)."""
    from mkdocs.config import load_config

    config_file = write_project(tmp_path, {f"shop-{n}": FIXTURES / "minimal.yaml"
                                           for n in range(3)})
    site = build(config_file)
    assert sorted(renders) == ["shop-0", "shop-1", "shop-2"]
    edited = tmp_path / "charters" / "shop-1.yaml"
    edited.write_text(edited.read_text().replace("Minimal Bakery", "Edited Bakery"))
    renders.clear()
    build(config_file)
    assert renders == ["shop-1"]
    plugin = load_config(config_file=str(config_file)).plugins["chartergen"]
    assert [p.resolve() for p in plugin.renderer.stats.rendered_paths] == [edited]
    assert plugin.renderer.stats.reused == 2
    assert "Edited Bakery" in (site / "shop-1" / "index.html").read_text()
    assert "Edited Bakery" not in (site / "shop-0" / "index.html").read_text()


def serve_build(config_file: Path, site: Path):  # type: ignore[no-untyped-def]
    """A build as ``chartergen serve`` makes each one; returns the plugin."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_startup(command="build", dirty=False)  # the instance is shared
    return config.plugins["chartergen"]


def files_of(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_serve_rebuilds_lay_out_only_the_edited_charter_and_give_the_same_site(tmp_path: Path):
    config_file = write_project(tmp_path / "project", {f"shop-{n}": FIXTURES / "minimal.yaml"
                                                       for n in range(2)})
    served = tmp_path / "served"
    first = serve_build(config_file, served)
    generated = set(first._pages)
    assert set(first.pages.stats.converted) == generated
    before = files_of(served)

    again = serve_build(config_file, served)
    assert again.pages.stats.converted == [] and again.pages.stats.laid_out == []
    assert again.pages.stats.kept == len(generated)
    assert again.pages.stats.indexed_kept == len(generated)  # no page parsed for search
    assert files_of(served) == before

    edited = config_file.parent / "charters" / "shop-1.yaml"
    edited.write_text(edited.read_text() + "scope:\n  applies_to: [Our three shops]\n")
    third = serve_build(config_file, served)
    changed = set(third.pages.stats.converted)
    assert changed and changed <= {p for p in generated if p.startswith("shop-1/")} | {"index.md"}
    assert set(third.pages.stats.laid_out) == changed
    assert "Our three shops" in (served / "shop-1" / "scope" / "index.html").read_text()
    assert third.pages.stats.indexed_kept == len(generated) - len(changed)
    assert "Our three shops" in (served / "search" / "search_index.json").read_text()

    # the same site, byte for byte, as a full build of the edited portfolio
    fresh = build(config_file, tmp_path / "fresh")
    assert files_of(served) == files_of(fresh)


def test_workers_started_early_are_stopped_when_the_build_fails_before_using_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import multiprocessing

    import mkdocs.commands.build as mkdocs_build
    from mkdocs.config import load_config

    config_file = write_project(tmp_path, {f"shop-{n}": FIXTURES / "minimal.yaml"
                                           for n in range(portfolio.PARALLEL_FROM)})
    started: list[object] = []
    original_start = PortfolioRenderer.start

    def start(self, files, options):  # type: ignore[no-untyped-def]
        self._processes = 2
        started.append(original_start(self, files, options))
        assert started[-1]._pool is not None  # workers at work while MkDocs goes on
        return started[-1]

    def broken_get_files(config):  # type: ignore[no-untyped-def]
        raise OSError("the docs folder vanished")

    monkeypatch.setattr(PortfolioRenderer, "start", start)
    monkeypatch.setattr(mkdocs_build, "get_files", broken_get_files)
    with pytest.raises(OSError):
        build(config_file)
    assert len(started) == 1 and started[0]._pool is None
    assert multiprocessing.active_children() == []
    plugin = load_config(config_file=str(config_file)).plugins["chartergen"]
    plugin.renderer._processes = None


@pytest.fixture
def preconverting(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Helper processes convert pages even for a small site, on any machine; MkDocs waits
    for each page from them (normally it converts a page itself rather than wait)."""
    import time

    from chartergen.engines.mkdocs import preconvert

    monkeypatch.setattr(preconvert, "PAGES_FROM", 1)
    monkeypatch.setattr(preconvert.os, "cpu_count", lambda: 2)
    take = preconvert.Preconverter.take

    def patient(self, src):  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            found = take(self, src)
            if found is not None or not self._connections:
                return found
            time.sleep(0.005)
        return None

    monkeypatch.setattr(preconvert.Preconverter, "take", patient)
    return preconvert


def test_pages_converted_by_helpers_give_the_same_site(tmp_path: Path, preconverting,
                                                       monkeypatch: pytest.MonkeyPatch):
    from mkdocs.config import load_config

    config_file = write_project(tmp_path / "project", {f"shop-{n}": FIXTURES / "minimal.yaml"
                                                       for n in range(3)})
    helped = build(config_file, tmp_path / "helped")
    plugin = load_config(config_file=str(config_file)).plugins["chartergen"]
    assert sorted(plugin.preconverted) == sorted(plugin._pages)  # every page from a helper
    monkeypatch.setattr(preconverting, "PAGES_FROM", 10**9)
    alone = build(config_file, tmp_path / "alone")
    assert plugin.preconverted == []
    assert files_of(helped) == files_of(alone)


def test_what_mkdocs_says_while_a_helper_converts_is_said_once_in_the_build(
        tmp_path: Path, preconverting, caplog: pytest.LogCaptureFixture):
    from mkdocs.config import load_config

    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "scope.md.j2").write_text(
        '{% extends "_page.md.j2" %}{% block body %}[Gone](gone.md){% endblock %}\n')
    config_file = write_project(tmp_path / "project", {f"shop-{n}": FIXTURES / "minimal.yaml"
                                                       for n in range(3)},
                                templates=str(templates))
    build(config_file)
    plugin = load_config(config_file=str(config_file)).plugins["chartergen"]
    warned = [r.getMessage() for r in caplog.records if "gone.md" in r.getMessage()]
    assert sorted(warned) == [
        f"Doc file 'shop-{n}/scope.md' contains a link 'gone.md', but the target "
        f"'shop-{n}/gone.md' is not found among documentation files." for n in range(3)]
    assert sorted(plugin.preconverted) == sorted(plugin._pages)


def test_serve_public_serves_the_version_to_publish(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch):
    # chartergen serve --public sets CHARTERGEN_PUBLIC, read at each of serve's rebuilds
    config_file = write_project(tmp_path / "project",
                                {"hartwell-pumps": CHARTERS / "hartwell-pumps.yaml"})
    internal = serve_build(config_file, tmp_path / "internal")
    assert "Catherine Doyle" in (tmp_path / "internal" / "hartwell-pumps" / "crisis"
                                 / "index.html").read_text()
    monkeypatch.setenv("CHARTERGEN_PUBLIC", "1")
    public = serve_build(config_file, tmp_path / "public")
    assert public is internal  # the same plugin instance, as in serve
    crisis = (tmp_path / "public" / "hartwell-pumps" / "crisis" / "index.html").read_text()
    assert "Catherine Doyle" not in crisis and "Level 3 – Serious" in crisis


def test_serve_shows_the_problems_of_an_invalid_charter_instead_of_failing(
        tmp_path: Path, caplog: pytest.LogCaptureFixture):
    # a failed build leaves serve's browser waiting with no explanation: the pages of the
    # invalid charter list its problems, the home page lists them all, the others stay
    config_file = write_project(tmp_path / "project", {f"shop-{n}": FIXTURES / "minimal.yaml"
                                                       for n in range(2)})
    served = tmp_path / "served"
    serve_build(config_file, served)
    edited = config_file.parent / "charters" / "shop-1.yaml"
    good = edited.read_text()
    edited.write_text(good.replace("format: 1", "format: 1\n<script>alert(1)</script>: x"))
    serve_build(config_file, served)

    page = (served / "shop-1" / "index.html").read_text()
    soup = BeautifulSoup(page, "html.parser")
    problem = soup.select_one(".admonition.failure")
    assert problem is not None
    assert problem.select_one(".admonition-title").get_text() == "This charter has problems"
    assert "shop-1.yaml:3:1: error: '<script>alert(1)</script>' is not a field of the " \
        "charter" in problem.get_text()
    assert soup.select("script:-soup-contains('alert(1)')") == []  # shown, never run
    home = BeautifulSoup((served / "index.html").read_text(), "html.parser")
    assert "shop-1.yaml:3:1" in home.select_one(".admonition.failure").get_text()
    assert "Bakery" in home.get_text()  # the list of charters is still there
    other = (served / "shop-0" / "index.html").read_text()
    assert "admonition failure" not in other
    assert any("shop-1.yaml:3:1" in r.getMessage() for r in caplog.records)

    edited.write_text(good)  # fixed: the charter's own pages come back
    serve_build(config_file, served)
    assert "admonition failure" not in (served / "shop-1" / "index.html").read_text()
    fresh = build(config_file, tmp_path / "fresh")
    assert files_of(served) == files_of(fresh)


def test_serve_with_no_valid_site_yet_shows_a_page_of_problems(tmp_path: Path):
    config_file = write_project(tmp_path / "project", {"shop": FIXTURES / "minimal.yaml"})
    charter = config_file.parent / "charters" / "shop.yaml"
    charter.write_text(charter.read_text().replace("format: 1", "format: 7"))
    served = tmp_path / "served"
    serve_build(config_file, served)
    home = BeautifulSoup((served / "index.html").read_text(), "html.parser")
    problem = home.select_one(".admonition.failure")
    assert problem is not None
    assert "shop.yaml:2:9: error: format 7 is not supported" in problem.get_text()


def test_build_still_fails_on_an_invalid_charter(tmp_path: Path,
                                                 caplog: pytest.LogCaptureFixture):
    from mkdocs.exceptions import Abort

    config_file = write_project(tmp_path / "project", {"shop": FIXTURES / "minimal.yaml"})
    charter = config_file.parent / "charters" / "shop.yaml"
    charter.write_text(charter.read_text().replace("format: 1", "format: 7"))
    with pytest.raises(Abort):
        build(config_file, tmp_path / "site")
    assert any("invalid charters, the site was not built" in r.getMessage()
               for r in caplog.records)


def test_a_renderer_with_a_store_reuses_what_another_process_rendered(
        tmp_path: Path, renders: list[str]):
    files = copies(tmp_path / "charters", 3)
    store = tmp_path / "store"
    first = PortfolioRenderer(store=store).render(files, RenderOptions(TODAY, base="/a"))
    files[2].write_text(files[2].read_text().replace("Bakery 2", "Bakery Two"))
    renders.clear()
    # a new renderer, as in the next build's process; the base folder is not an input
    renderer = PortfolioRenderer(store=store)
    second = renderer.render(files, RenderOptions(TODAY, base="/b"))
    assert renders == ["bakery-02"]
    assert (renderer.stats.rendered, renderer.stats.reused) == (1, 2)
    assert first.site is not None and second.site is not None
    assert second.site.page("bakery-00/index.md") == first.site.page("bakery-00/index.md")
    assert "Bakery Two" in second.site.page("bakery-02/index.md").markdown
    # one file per charter rendered with the last inputs: the first version was dropped
    assert len(list(store.glob("*.pickle"))) == 3


def test_a_store_file_that_cannot_be_read_is_rendered_again(tmp_path: Path,
                                                            renders: list[str]):
    files = copies(tmp_path / "charters", 2)
    store = tmp_path / "store"
    PortfolioRenderer(store=store).render(files, RenderOptions(TODAY))
    for kept in store.glob("*.pickle"):
        kept.write_bytes(b"not a pickle")
    renders.clear()
    result = PortfolioRenderer(store=store).render(files, RenderOptions(TODAY))
    assert sorted(renders) == ["bakery-00", "bakery-01"]
    assert result.ok
