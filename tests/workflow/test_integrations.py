"""The files users copy into their repositories: pre-commit hooks, GitHub and GitLab CI.

Each chartergen command line in them must parse with the real command-line interface,
so a renamed option breaks this test rather than someone's pipeline.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner
from ruamel.yaml import YAML

from chartergen.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / ".pre-commit-hooks.yaml"
INTEGRATIONS = ROOT / "src" / "chartergen" / "integrations"
GITHUB = INTEGRATIONS / "github" / "charters.yml"
GITLAB = INTEGRATIONS / "gitlab" / "chartergen.gitlab-ci.yml"


def _load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def _command_lines(text: str) -> list[list[str]]:
    """Every chartergen invocation in shell snippets, as argument lists."""
    found = []
    for match in re.finditer(r"(?m)^\s*(chartergen [^\n|>&;]*)", text):
        found.append(shlex.split(match.group(1)))
    return found


def test_a_wrong_option_does_not_parse() -> None:
    with pytest.raises(click.UsageError):
        _parses(["chartergen", "validate", "--format", "gitlab"])


def _parses(words: list[str]) -> None:
    assert words[0] == "chartergen"
    name, rest = words[1], words[2:]
    assert name in COMMANDS, words
    with click.Context(cli) as context:
        command = cli.get_command(context, name)
        assert command is not None
        command.make_context(name, list(rest), parent=context)


def _scripts(node: Any) -> str:
    if isinstance(node, dict):
        return "\n".join(
            _scripts(v) for k, v in node.items() if k in ("run", "script", "jobs", "steps")
            or isinstance(v, (dict, list))
        )
    if isinstance(node, list):
        return "\n".join(_scripts(v) for v in node)
    return node if isinstance(node, str) else ""


# -- pre-commit -------------------------------------------------------------------------------


def test_pre_commit_hooks_are_declared() -> None:
    hooks = {hook["id"]: hook for hook in _load(HOOKS)}
    assert set(hooks) == {"chartergen-validate", "chartergen-fmt"}
    for hook in hooks.values():
        assert hook["language"] == "python"
        assert hook["files"] == r"^charters/.*\.ya?ml$"
        assert {"id", "name", "entry", "language"} <= set(hook)
        _parses(shlex.split(hook["entry"]))
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'chartergen = "chartergen.cli:main"' in pyproject  # the entry pre-commit installs


@pytest.mark.parametrize(("path", "matches"), [
    ("charters/acme.yaml", True), ("charters/eu/acme-fr.yml", True),
    ("charters/charter.schema.json", False), ("docs/acme.yaml", False),
    ("mkdocs.yml", False),
])
def test_hooks_run_on_charters_only(path: str, matches: bool) -> None:
    for hook in _load(HOOKS):
        assert bool(re.search(hook["files"], path)) is matches


def test_hooks_run_as_pre_commit_calls_them(tmp_path: Path) -> None:
    """pre-commit appends the staged file names to the entry."""
    good = tmp_path / "acme.yaml"
    good.write_text("company:\n  language: en\n  name: Acme\nformat: 1\n", encoding="utf-8")
    hooks = {hook["id"]: hook for hook in _load(HOOKS)}
    fmt = shlex.split(hooks["chartergen-fmt"]["entry"])[1:]
    validate = shlex.split(hooks["chartergen-validate"]["entry"])[1:]
    first = CliRunner().invoke(cli, [*fmt, str(good)])
    assert first.exit_code == 0  # files rewritten: pre-commit fails the commit by itself
    assert good.read_text(encoding="utf-8").startswith("format: 1\n")
    assert CliRunner().invoke(cli, [*fmt, str(good)]).stdout == ""
    assert CliRunner().invoke(cli, [*validate, str(good)]).exit_code == 0


# -- GitHub Actions ---------------------------------------------------------------------------


def test_github_workflow_validates_reports_builds_and_deploys() -> None:
    workflow = _load(GITHUB)
    jobs = workflow["jobs"]
    assert set(jobs) == {"check", "site", "deploy"}
    assert workflow["permissions"] == {"contents": "read"}
    check_runs = "\n".join(step.get("run", "") for step in jobs["check"]["steps"])
    assert "chartergen validate --format github" in check_runs
    assert "chartergen check --format markdown" in check_runs
    assert 'chartergen diff --rev "origin/$BASE_REF" --format markdown' in check_runs
    assert "$GITHUB_STEP_SUMMARY" in check_runs
    assert "gh pr comment" in check_runs
    uses = [step.get("uses", "") for job in jobs.values() for step in job["steps"]]
    assert "actions/upload-pages-artifact@v3" in uses
    assert "actions/deploy-pages@v4" in uses
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert jobs["deploy"]["environment"]["name"] == "github-pages"
    assert jobs["site"]["if"] == "github.event_name != 'pull_request'"
    site_runs = "\n".join(step.get("run", "") for step in jobs["site"]["steps"])
    assert "chartergen build --site-dir public" in site_runs


def test_github_workflow_commands_parse() -> None:
    commands = _command_lines(_scripts(_load(GITHUB)))
    assert [words[1] for words in commands] == ["validate", "fmt", "diff", "check", "build"]
    for words in commands:
        _parses(words)


# -- GitLab CI --------------------------------------------------------------------------------


def test_gitlab_template_reports_code_quality_and_publishes_pages() -> None:
    jobs = _load(GITLAB)
    validate = jobs["charters:validate"]
    report = validate["artifacts"]["reports"]["codequality"]
    assert report == "gl-code-quality-report.json"
    assert validate["script"][0].startswith(
        f"chartergen validate --format codequality > {report}"
    )
    assert validate["artifacts"]["when"] == "always"
    pages = jobs["pages"]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["script"] == ["chartergen build --site-dir public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]


def test_gitlab_template_commands_parse() -> None:
    commands = _command_lines(_scripts(_load(GITLAB)))
    assert [words[1] for words in commands] == [
        "validate", "validate", "fmt", "diff", "check", "build"
    ]
    for words in commands:
        _parses(words)
