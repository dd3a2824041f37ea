"""A French charter's every message is French: validate, check, diff, init, fmt and serve.

Each command's output for a French charter is searched for the words of chartergen's
English messages (those the French catalogue does not also use): none may appear.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli
from chartergen.messages import catalogue
from tests.i18n.test_messages import templates_in_code

ROOT = Path(__file__).resolve().parents[2]
FRENCH = ROOT / "charters" / "cidrerie-du-bocage.yaml"
_WORD = re.compile(r"[A-Za-zÀ-ÿ]{4,}")

# the severity of file:line:col: severity: message stays a stable token that editors,
# CI annotations and problem matchers read; an audit check id (m3.workload-fits) and a
# field's key (next_review) are written as in the charter
# and so are command names ('chartergen check')
KEPT = {"error", "warning", "validate", "check", "init", "diff", "schema", "build",
        "serve", "render", "force"}


def english_words() -> set[str]:
    """The words of chartergen's English messages and of the labels its commands print
    (serve's problem pages), less those the French also uses."""
    from chartergen.render.site import labels_for

    english_texts = [*templates_in_code(), *labels_for("en")["serve"].values()]
    french_texts = [*catalogue("fr").values(), *labels_for("fr")["serve"].values()]
    english = set()
    for template in english_texts:
        english |= {w.lower() for w in _WORD.findall(re.sub(r"\{[^}]*\}", " ", template))}
    french = set()
    for said in french_texts:
        french |= {w.lower() for w in _WORD.findall(re.sub(r"\{[^}]*\}", " ", said))}
    return english - french - KEPT


def english_in(output: str, charter_text: str) -> list[str]:
    """English message words in ``output``, leaving out paths, ids, field keys and the
    charter's own words (a company may name a network 'Facebook page')."""
    own = {w.lower() for w in _WORD.findall(charter_text)}
    text = re.sub(r"\S*[/_.]\S*", " ", output)  # paths, keys, check ids, addresses
    words = {w.lower() for w in _WORD.findall(text)}
    return sorted((words & english_words()) - own)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "charters").mkdir()
    shutil.copy(FRENCH, tmp_path / "charters" / FRENCH.name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.stdout + result.stderr


BROKEN = {
    "unknown field": ("  language: fr\n", "  language: fr\n  langage: fr\n"),
    "bad duration": ("format: 1\n", "format: 1\nnetworks_typo: 4 heures\n"),
    "indentation": ("  language: fr\n", "   language: fr\n"),
}


def test_the_english_words_are_the_messages_words() -> None:
    words = english_words()
    assert {"missing", "should", "charter", "write", "changed", "problems"} <= words
    assert "charte" not in words


@pytest.mark.parametrize("mistake", sorted(BROKEN))
def test_validate_a_broken_french_charter_speaks_french(repo: Path, mistake: str) -> None:
    charter = repo / "charters" / FRENCH.name
    old, new = BROKEN[mistake]
    charter.write_text(charter.read_text(encoding="utf-8").replace(old, new, 1),
                       encoding="utf-8")
    for output_format in ("text", "json", "github", "codequality"):
        output = _run("validate", "--format", output_format)
        assert "error" in output or "major" in output
        assert not english_in(_said(output, output_format),
                              FRENCH.read_text(encoding="utf-8")), output_format
    for args in (["check", "--today", "2026-12-01"], ["fmt", "--check"], ["fmt"]):
        output = _run(*args)
        assert "error" in output or args[0] == "fmt", (args, output)
        assert not english_in(output, FRENCH.read_text(encoding="utf-8")), (args, output)


def _said(output: str, output_format: str) -> str:
    """What a person reads in a machine format: the texts, not the format's own keys."""
    import json

    if output_format == "json":
        return "\n".join(f"{d['message']} {d['hint'] or ''}"
                         for d in json.loads(output)["diagnostics"])
    if output_format == "codequality":
        return "\n".join(issue["description"] for issue in json.loads(output))
    if output_format == "github":
        return "\n".join(line.split("::", 2)[-1] for line in output.splitlines())
    return output


def test_validate_check_fmt_of_a_valid_french_charter_speak_french(repo: Path) -> None:
    text = FRENCH.read_text(encoding="utf-8")
    for args in (["validate"], ["check", "--today", "2026-12-01"],
                 ["check", "--format", "markdown", "--today", "2026-12-01"],
                 ["fmt", "--check"], ["fmt"]):
        output = _run(*args)
        assert not english_in(output, text), (args, english_in(output, text))


def test_diff_of_a_french_charter_speaks_french(repo: Path) -> None:
    old = repo / "old.yaml"
    shutil.copy(FRENCH, old)
    new = repo / "charters" / FRENCH.name
    text = new.read_text(encoding="utf-8")
    changed = re.sub(r"hours_per_week: (\d+)", lambda m: f"hours_per_week: {int(m[1]) + 2}",
                     text, count=1)
    assert changed != text
    new.write_text(changed, encoding="utf-8")
    for output_format in ("text", "markdown"):
        output = _run("diff", "--format", output_format, "--today", "2026-12-01", str(old),
                      str(new))
        assert "hours_per_week" in output.replace("\\_", "_")
        assert not english_in(output, text), (output_format, english_in(output, text))


def test_init_in_french_speaks_french(repo: Path) -> None:
    output = _run("init", "fromagerie", "--lang", "fr")
    assert "fichier créé" in output
    assert not english_in(output, "")
    again = _run("init", "fromagerie", "--lang", "fr")
    assert "existe déjà" in again
    assert not english_in(again, "")


def test_serve_problem_pages_of_a_french_charter_speak_french(repo: Path) -> None:
    from chartergen.pipeline import load_portfolio
    from chartergen.render.problems import problems_site

    charter = repo / "charters" / FRENCH.name
    charter.write_text(charter.read_text(encoding="utf-8").replace(
        "  language: fr\n", "  language: fr\n  langage: fr\n", 1), encoding="utf-8")
    errors = [d for d in load_portfolio(["charters"]).diagnostics if d.is_error]
    assert errors and {d.language for d in errors} == {"fr"}
    site = problems_site(None, errors, errors[0].language)
    page = "\n".join(p.markdown for p in site.pages)
    assert "langage" in page
    assert not english_in(page, FRENCH.read_text(encoding="utf-8"))


def _break(charter: Path) -> None:
    text = re.sub(r"(?m)^(  language: fr\b.*\n)", r"\1  langage: fr\n",
                  charter.read_text(encoding="utf-8"), count=1)
    assert "langage" in text
    charter.write_text(text, encoding="utf-8")


def test_serve_of_an_invalid_french_charter_speaks_french(
        repo: Path, caplog: pytest.LogCaptureFixture) -> None:
    """What serve shows, through the MkDocs plugin as serve runs it: the terminal's list of
    problems and the page the browser gets instead of the site."""
    import logging

    from bs4 import BeautifulSoup
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from chartergen.commands.build import site_config

    _break(repo / "charters" / FRENCH.name)
    text = FRENCH.read_text(encoding="utf-8")
    with site_config([], None) as config_path, caplog.at_level(logging.ERROR):
        config = load_config(config_file=str(config_path), site_dir=str(repo / "served"))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
    terminal = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR)
    assert "langage" in terminal
    assert not english_in(terminal, text), english_in(terminal, text)
    page = BeautifulSoup((repo / "served" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")
    shown = page.select_one("article").get_text(" ")
    assert "langage" in shown and "erreurs" in shown
    assert not english_in(shown, text), english_in(shown, text)


def test_serve_on_zensical_of_an_invalid_french_charter_speaks_french(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from chartergen.commands.build import site_config
    from chartergen.engines import BuildRequest
    from chartergen.engines.zensical.engine import _renderer, project, render_checked

    _break(repo / "charters" / FRENCH.name)
    with site_config([], None) as config_path:
        site, valid = render_checked(project(BuildRequest(config_path)), _renderer(),
                                     problems=True)
    assert not valid
    terminal = capsys.readouterr().err
    page = "\n".join(p.markdown for p in site.pages)
    text = FRENCH.read_text(encoding="utf-8")
    for output in (terminal, page):
        assert "langage" in output
        assert not english_in(output, text), english_in(output, text)


@pytest.mark.parametrize("command", ["validate", "check", "fmt", "diff", "build"])
def test_a_missing_path_is_said_in_the_locales_language(
        repo: Path, monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    args = [command, "nowhere.yaml"] + (["nowhere.yaml"] if command == "diff" else [])
    output = _run(*args)
    assert "« nowhere.yaml » n'" in output, output  # n'existe pas, n'est pas un fichier...
    assert not english_in(output, "")


def test_render_of_a_french_charter_speaks_french(repo: Path) -> None:
    text = FRENCH.read_text(encoding="utf-8")
    output = _run("render", "charters", "--out", "rendered", "--today", "2026-12-01")
    assert "pages pour 1 charte écrites dans rendered/" in output, output
    assert not english_in(output, text), english_in(output, text)
    (repo / "other").mkdir()
    (repo / "other" / "notes.txt").write_text("x", encoding="utf-8")
    output = _run("--lang", "fr", "render", "charters", "--out", "other")
    assert "« other » n'est pas vide" in output, output
    assert not english_in(output, text), english_in(output, text)
    _break(repo / "charters" / FRENCH.name)
    output = _run("render", "charters", "--out", "broken")
    assert "langage" in output and "1 erreur" in output, output
    assert not english_in(output, text), english_in(output, text)


@pytest.mark.parametrize("args", [
    ["pdf", "nowhere"],
    ["pdf"],  # no Chromium at CHARTERGEN_CHROMIUM
    ["pdf", "--today", "31/12/2026"],
    ["build", "--today", "31/12/2026"],
    ["build", "-f", "missing.yml"],
    ["build", "-f", "broken.yml"],
    ["build", "-f", "list.yml"],
    ["build", "charters", "-f", "list.yml"],
    ["build", "charters", "other"],
])
def test_pdf_build_and_engine_settings_speak_french(repo: Path, args: list[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHARTERGEN_CHROMIUM", str(repo / "no-chromium"))
    (repo / "broken.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    (repo / "list.yml").write_text("- a\n- b\n", encoding="utf-8")
    (repo / "other").mkdir()
    shutil.copy(FRENCH, repo / "other" / "second.yaml")
    result = CliRunner().invoke(cli, ["--lang", "fr", *args])
    assert result.exit_code == 2, result.output
    output = result.stdout + result.stderr
    assert output.startswith("chartergen: "), output
    assert not english_in(output, ""), (output, english_in(output, ""))


def test_a_missing_engine_is_said_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    from importlib import metadata

    from chartergen import engines
    from chartergen.messages import say

    def absent(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "version", absent)
    said = say(engines.problem("zensical"), "fr")
    assert said.startswith("le moteur zensical a besoin de zensical==")
    assert not english_in(said, "")
    monkeypatch.setattr(metadata, "version", lambda name: "0.0.1")
    said = say(engines.problem("mkdocs"), "fr")
    assert "est testé avec mkdocs==1.6.1, et c'est la version 0.0.1" in said
    assert not english_in(said, "")
