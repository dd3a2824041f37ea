"""Progress bars for builds of many charters: on a terminal only, never in CI."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sitetools import FIXTURES, TODAY, build, write_project

from chartergen.cli import cli
from chartergen.commands import build as build_command
from chartergen.engines.mkdocs import plugin as plugin_module


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_bars_show_on_a_terminal_only():
    assert build_command.show_progress(False, Terminal(), {}) is True
    assert build_command.show_progress(False, io.StringIO(), {}) is False
    assert build_command.show_progress(False, Terminal(), {"CI": "true"}) is False
    assert build_command.show_progress(True, Terminal(), {}) is False


class Bar:
    def __init__(self, length: int, label: str) -> None:
        self.length, self.label, self.done, self.open = length, label, 0, False

    def __enter__(self) -> Bar:
        self.open = True
        return self

    def __exit__(self, *exc: Any) -> None:
        self.open = False

    def update(self, steps: int) -> None:
        assert self.open
        self.done += steps


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The bars a build of three charters makes, with bars from three charters up."""
    from mkdocs.config import load_config

    monkeypatch.setattr(plugin_module, "PROGRESS_FROM", 3)
    config_file = write_project(tmp_path, {f"shop-{n}": FIXTURES / "minimal.yaml"
                                           for n in range(3)})
    made: list[Bar] = []
    plugin = load_config(config_file=str(config_file)).plugins["chartergen"]

    def factory(*, length: int, label: str) -> Bar:
        made.append(Bar(length, label))
        return made[-1]

    plugin.progress = factory
    try:
        yield config_file, made
    finally:
        plugin.progress = None


def test_a_build_counts_charters_then_each_page_twice(bars):  # type: ignore[no-untyped-def]
    config_file, made = bars
    site = build(config_file)
    charters, pages = made
    assert (charters.label, charters.length, charters.done) == ("Rendering 3 charters", 3, 3)
    count = len(list(site.rglob("*.html"))) - 1  # 404.html is no page
    assert pages.label == f"Building {count} pages"
    assert pages.length == pages.done == 2 * count
    assert not charters.open and not pages.open


def test_a_build_failing_halfway_closes_its_bar(bars, monkeypatch):  # type: ignore[no-untyped-def]
    import mkdocs.commands.build as mkdocs_build

    config_file, made = bars
    original = mkdocs_build._build_page
    calls: list[int] = []

    def failing(*args: Any, **kwargs: Any) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk full")
        original(*args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", failing)
    with pytest.raises(RuntimeError):
        build(config_file)
    _charters, pages = made
    assert 0 < pages.done < pages.length
    assert not pages.open


def test_chartergen_build_shows_the_bars_when_watched(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path):
    import shutil

    monkeypatch.setattr(plugin_module, "PROGRESS_FROM", 2)
    monkeypatch.setattr(build_command, "show_progress", lambda quiet: True)
    (tmp_path / "charters").mkdir()
    for n in range(2):
        shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "charters" / f"shop-{n}.yaml")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "-q", "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert "Rendering 2 charters" in result.output
    assert "Building " in result.output and " pages" in result.output
