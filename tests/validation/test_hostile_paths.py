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
    assert ("charters/broken.yaml:1:1: error: this charter is a link to a file that does "
            "not exist") in result.stdout
    assert ("charters/loop.yaml:1:1: error: this charter is a link that leads back to itself "
            "through other links (a loop)") in result.stdout
    assert "outside the project" not in result.stdout


@pytest.mark.parametrize("command", [["validate"], ["check"], ["render", "--out", "out"]])
def test_a_loop_of_links_is_plain_words_for_every_command(project: Path,
                                                          command: list[str]) -> None:
    (project / "charters" / "a.yaml").symlink_to("b.yaml")
    (project / "charters" / "b.yaml").symlink_to("a.yaml")
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 1, result.output
    assert "charters/a.yaml:1:1: error: this charter is a link that leads back" in result.output
    assert "internal error" not in result.output and "RuntimeError" not in result.output


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null"])
def test_devices_are_refused_unread_named_or_linked(project: Path, special: str) -> None:
    if not Path(special).exists():
        pytest.skip(f"no {special} here")
    (project / "charters" / "zero.yaml").symlink_to(special)
    named = CliRunner().invoke(cli, ["validate", special])
    assert named.exit_code == 1
    assert named.stdout == (f"{special}:1:1: error: this is not a plain file (a device, a pipe "
                            "or a socket); a charter must be a plain YAML file, so it was not "
                            "read\n")
    linked = CliRunner().invoke(cli, ["validate"])
    assert "charters/zero.yaml:1:1: error: this charter is a link to a file outside" in (
        linked.stdout)


def test_a_fifo_is_refused_without_waiting_for_a_writer(project: Path) -> None:
    import os

    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    os.mkfifo(project / "charters" / "pipe.yaml")
    result = CliRunner().invoke(cli, ["validate", "charters/pipe.yaml"])
    assert result.exit_code == 1
    assert "charters/pipe.yaml:1:1: error: this is not a plain file" in result.stdout


def test_the_size_cap_is_checked_while_reading_not_from_stat(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chartergen import loader

    big = project / "charters" / "big.yaml"
    big.write_text(VALID + "# padding\n" * 300)
    monkeypatch.setattr(loader, "MAX_BYTES", 2048)
    raw, refused = loader.read_charter(big, "charters/big.yaml")
    assert raw is None
    assert refused[0].code == "file-too-large"
    assert refused[0].format() == (
        "charters/big.yaml:1:1: error: the file is more than 2 KiB; a charter may be at most "
        "2 KiB, so it was not read")


def test_linked_folders_are_not_followed(project: Path) -> None:
    (project / "charters" / "more").symlink_to(project.parent / "outside",
                                               target_is_directory=True)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 0
    assert "1 charter valid" in result.stderr
    assert "TOP-SECRET-VALUE" not in result.output
