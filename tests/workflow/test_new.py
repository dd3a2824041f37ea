"""chartergen new: a company's charters repository that validates, checks and builds as it is,
with working CI and hooks, in the chosen language, and never a file overwritten."""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from chartergen.cli import cli
from chartergen.edit import scaffold
from chartergen.edit.template import starter_charter
from tests.workflow.test_integrations import (
    GITHUB,
    GITLAB,
    HOOKS,
    INTEGRATIONS,
    _command_lines,
    _parses,
    _scripts,
)

FILES = {
    "github": {"charters/acme-france.yaml", "charters/charter.schema.json", "README.md",
               ".gitignore", ".pre-commit-config.yaml", ".github/workflows/charters.yml"},
    "gitlab": {"charters/acme-france.yaml", "charters/charter.schema.json", "README.md",
               ".gitignore", ".pre-commit-config.yaml", ".gitlab-ci.yml"},
}


def run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args))


def files_in(folder: Path) -> set[str]:
    return {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_new_writes_a_repository_that_validates_checks_and_is_tidy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "acme-france", "--ci", ci)
    assert result.exit_code == 0, result.output
    repo = tmp_path / "acme-france"
    assert files_in(repo) == FILES[ci]
    assert (repo / "charters" / "acme-france.yaml").read_text(encoding="utf-8") == \
        starter_charter(language="en", company="Acme France")
    monkeypatch.chdir(repo)
    assert run("validate").exit_code == 0
    assert run("fmt", "--check").exit_code == 0
    checked = run("check", "--format", "json", "--today", "2026-12-01")
    assert checked.exit_code == 0, checked.output
    assert [c["slug"] for c in json.loads(checked.stdout)["charters"]] == ["acme-france"]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_the_ci_workflow_is_the_template_with_its_own_header(ci: str) -> None:
    files = scaffold.repository_files(language="fr", company="Acme", ci=ci)
    path, template = scaffold.CI_FILES[ci]
    written = files[path]
    assert INTEGRATIONS / template == (GITHUB if ci == "github" else GITLAB)
    original = (INTEGRATIONS / template).read_text(encoding="utf-8")

    def body_of(text: str) -> list[str]:  # what pip cannot install is said in French
        return [line for line in text.splitlines()
                if not line.startswith("#") and "CHARTERGEN_HELP:" not in line]

    body = body_of(original)
    assert written.splitlines()[0] == (
        "# Vérifie les chartes de Acme et publie leur site ; écrit par « chartergen new »."
    )
    assert body_of(written) == body
    workflow = YAML(typ="safe").load(written)
    commands = _command_lines(_scripts(workflow))
    assert commands
    for words in commands:
        _parses(words)
    assert written.count("CHARTERGEN:") == 1


def test_the_ci_installs_the_chartergen_given() -> None:
    spec = "chartergen @ git+https://git.acme.example/tools/chartergen@v0.2.0"
    for ci in ("github", "gitlab"):
        files = scaffold.repository_files(language="en", company="Acme", ci=ci,
                                          chartergen=spec)
        workflow = YAML(typ="safe").load(files[scaffold.CI_FILES[ci][0]])
        settings = workflow["env"] if ci == "github" else workflow["variables"]
        assert settings["CHARTERGEN"] == spec
        assert f"`{spec}`" in files["README.md"]


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_from_a_wheel_the_ci_asks_an_index_for_the_same_version(
        ci: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from chartergen import __version__

    monkeypatch.setattr(scaffold, "installed_from", lambda: None)  # a wheel or a folder
    monkeypatch.chdir(tmp_path)
    result = run("--lang", "fr", "new", "acme", "--ci", ci)
    assert result.exit_code == 0, result.output
    assert f"la CI installe donc chartergen=={__version__} depuis un index" in result.stderr
    workflow = load(tmp_path / "acme" / scaffold.CI_FILES[ci][0])
    settings = workflow["env"] if ci == "github" else workflow["variables"]
    assert settings["CHARTERGEN"] == f"chartergen=={__version__}"
    readme = (tmp_path / "acme" / "README.md").read_text(encoding="utf-8")
    assert f"`chartergen=={__version__}`, la ligne `CHARTERGEN`" in readme
    assert "PIP_INDEX_URL" in readme


@pytest.mark.parametrize("ci", ["github", "gitlab"])
def test_a_chartergen_the_ci_cannot_install_stops_it_with_what_to_change(
        ci: str) -> None:
    files = scaffold.repository_files(language="fr", company="Acme", ci=ci,
                                      chartergen="chartergen==0.1.0")
    path = scaffold.CI_FILES[ci][0]
    workflow = YAML(typ="safe").load(files[path])
    if ci == "github":
        settings = workflow["env"]
        steps = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
                 if "pip install" in step.get("run", "")]
    else:
        settings = workflow["variables"]
        steps = workflow[".chartergen"]["before_script"]
    assert len(steps) == (2 if ci == "github" else 1)
    # an install pip cannot do here (no index, a package that is nowhere), as a CI meets it
    env = {**os.environ, "CHARTERGEN": "chartergen-nowhere==0.1.0",
           "CHARTERGEN_HELP": settings["CHARTERGEN_HELP"], "PIP_NO_INDEX": "1",
           "PIP_DISABLE_PIP_VERSION_CHECK": "1",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for step in steps:
        done = subprocess.run(["bash", "-c", step], env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 1
        assert f"pip n'a pas pu installer CHARTERGEN : indiquez, en haut de {path}, où" \
            in done.stdout, done.stdout


class _Distribution:
    version = "0.3.1"

    def __init__(self, direct_url: dict[str, Any] | None) -> None:
        self.direct_url = direct_url

    def read_text(self, name: str) -> str | None:
        assert name == "direct_url.json"
        return None if self.direct_url is None else json.dumps(self.direct_url)


@pytest.mark.parametrize(("direct_url", "spec"), [
    (None, "chartergen==0.3.1"),  # from a package index
    ({"url": "https://git.acme.example/tools/chartergen.git",
      "vcs_info": {"vcs": "git", "requested_revision": "v0.3.1", "commit_id": "ab12"}},
     "chartergen @ git+https://git.acme.example/tools/chartergen.git@v0.3.1"),
    ({"url": "https://git.acme.example/tools/chartergen.git",
      "vcs_info": {"vcs": "git", "commit_id": "ab12"}},
     "chartergen @ git+https://git.acme.example/tools/chartergen.git@ab12"),
    ({"url": "file:///home/me/chartergen", "dir_info": {"editable": True}}, None),
    ({"url": "file:///tmp/chartergen-0.3.1-py3-none-any.whl", "archive_info": {}}, None),
])
def test_where_chartergen_was_installed_from(monkeypatch: pytest.MonkeyPatch,
                                             direct_url: dict[str, Any] | None,
                                             spec: str | None) -> None:
    from importlib import metadata

    monkeypatch.setattr(metadata, "distribution", lambda name: _Distribution(direct_url))
    assert scaffold.installed_from() == spec


def test_the_hooks_are_chartergens_own(tmp_path: Path) -> None:
    """The local hooks run what .pre-commit-hooks.yaml declares, on the same files."""
    declared = {hook["id"]: hook for hook in load(HOOKS)}
    text = scaffold.repository_files(language="en", company="Acme",
                                     ci="github")[".pre-commit-config.yaml"]
    config = YAML(typ="safe").load(text)
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    assert [hook["id"] for hook in repo["hooks"]] == ["chartergen-fmt", "chartergen-validate"]
    for hook in repo["hooks"]:
        assert hook["entry"] == declared[hook["id"]]["entry"]
        assert hook["files"] == declared[hook["id"]]["files"]
        assert hook["language"] == "system"  # the chartergen installed here
        _parses(shlex.split(hook["entry"]))


def test_new_in_french_speaks_french_and_writes_french(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("new", "charte", "--lang", "fr", "--company", "Cidrerie Lefèvre")
    assert result.exit_code == 0, result.output
    assert "fichier créé : charte/charters/cidrerie-lefevre.yaml" in result.stdout
    assert result.stderr.splitlines()[-1].startswith("Ensuite : cd charte, complétez")
    repo = tmp_path / "charte"
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Chartes réseaux sociaux de Cidrerie Lefèvre\n")
    assert "chartergen init NOM --lang fr" in readme
    charter = load(repo / "charters" / "cidrerie-lefevre.yaml")
    assert charter["company"] == {**charter["company"], "name": "Cidrerie Lefèvre",
                                  "language": "fr"}
    assert (repo / ".gitignore").read_text(encoding="utf-8").startswith(
        "# Produit par chartergen")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_new_never_overwrites_and_writes_nothing_when_a_file_exists(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str) -> None:
    monkeypatch.chdir(tmp_path)
    repo = tmp_path / "acme-france"
    repo.mkdir()
    (repo / "README.md").write_text("Our own README\n", encoding="utf-8")
    (repo / ".gitignore").symlink_to("nowhere")  # a dangling link is a file that exists
    result = run("--lang", language, "new", "acme-france")
    assert result.exit_code == 2
    said = {"en": "acme-france already has .gitignore, README.md; new never replaces a file, "
                  "and wrote nothing (add --keep-existing to write only the missing files)",
            "fr": "acme-france contient déjà .gitignore, README.md ; new ne remplace jamais "
                  "un fichier, et n'a rien écrit (ajoutez --keep-existing pour n'écrire que "
                  "les fichiers absents)"}[language]
    assert result.stderr == f"chartergen: {said}\n"
    assert files_in(repo) == {"README.md"}
    assert not (repo / "charters").exists()

    kept = run("--lang", language, "new", "acme-france", "--keep-existing")
    assert kept.exit_code == 0, kept.output
    assert (repo / "README.md").read_text(encoding="utf-8") == "Our own README\n"
    assert (repo / ".gitignore").is_symlink()
    assert files_in(repo) == FILES["github"] - {".gitignore"}
    assert {"en": "kept acme-france/README.md as it is",
            "fr": "acme-france/README.md laissé tel quel"}[language] in kept.stderr
    again = run("new", "acme-france", "--keep-existing")
    assert again.exit_code == 0
    assert "created" not in again.stdout


def test_new_on_a_file_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "acme").write_text("x", encoding="utf-8")
    result = run("new", "acme")
    assert result.exit_code == 2
    assert (tmp_path / "acme").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(("company", "name"), [
    ("Café Durand", "cafe-durand"), ("  ACME  France ", "acme-france"), ("???", "charter"),
    ("L'Atelier & Co.", "l-atelier-co"), ("x" * 80, "x" * 64),
])
def test_the_charter_is_named_after_the_company(company: str, name: str) -> None:
    import re

    from chartergen.schema.fields import ID_PATTERN

    assert scaffold.charter_name(company) == name
    assert re.match(ID_PATTERN, name)


def test_the_made_repository_builds_a_site(tmp_path: Path) -> None:
    """The site of a new repository, built by the command a person runs in it."""
    env = {**os.environ, "CI": "1"}
    made = subprocess.run([sys.executable, "-m", "chartergen", "new", "acme-france"],
                          cwd=tmp_path, capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    repo = tmp_path / "acme-france"
    built = subprocess.run([sys.executable, "-m", "chartergen", "build", "--strict", "-q"],
                           cwd=repo, capture_output=True, text=True, env=env)
    assert built.returncode == 0, built.stderr
    assert (repo / "site" / "index.html").is_file()
    assert (repo / "site" / "acme-france" / "crisis.html").is_file()
