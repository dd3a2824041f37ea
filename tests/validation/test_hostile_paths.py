"""Charters that are links: those leading outside the project are refused unread."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli

VALID = "format: 1\ncompany:\n  name: Acme\n  language: en\n"
SECRET = "format: 1\ncompany: {name: TOP-SECRET-VALUE, language: en}\nnope: TOP-SECRET-VALUE\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / "charters").mkdir(parents=True)
    (root / "charters" / "acme.yaml").write_text(VALID)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(SECRET)
    monkeypatch.chdir(root)
    return root


def test_link_outside_the_project_is_refused_without_echo(project: Path) -> None:
    (project / "charters" / "evil.yaml").symlink_to(project.parent / "outside" / "secret.yaml")
    (project / "charters" / "relative.yaml").symlink_to(Path("../../outside/secret.yaml"))
    result = CliRunner().invoke(cli, ["validate", "--format", "json"])
    assert result.exit_code == 1
    assert "TOP-SECRET-VALUE" not in result.output
    messages = {d["path"]: d["message"] for d in __import__("json").loads(result.stdout)[
        "diagnostics"]}
    assert set(messages) == {"charters/evil.yaml", "charters/relative.yaml"}
    assert all(m.startswith("this charter is a link to a file outside the project")
               for m in messages.values())


def test_link_inside_the_project_is_read(project: Path) -> None:
    (project / "charters" / "copy.yaml").symlink_to("acme.yaml")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0
    assert "2 charters valid" in result.stderr


def test_broken_and_looping_links_are_reported(project: Path) -> None:
    (project / "charters" / "broken.yaml").symlink_to("missing.yaml")
    (project / "charters" / "loop.yaml").symlink_to("loop.yaml")
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "charters/broken.yaml:1:1: error: this charter is a link" in result.stdout
    assert "charters/loop.yaml:1:1: error: this charter is a link" in result.stdout


def test_linked_folders_are_not_followed(project: Path) -> None:
    (project / "charters" / "more").symlink_to(project.parent / "outside",
                                               target_is_directory=True)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0
    assert "1 charter valid" in result.stderr
    assert "TOP-SECRET-VALUE" not in result.output
