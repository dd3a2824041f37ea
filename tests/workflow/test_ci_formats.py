"""What CI reads: GitLab Code Quality reports and GitHub workflow-command annotations.

Shapes checked against the documented formats: GitLab's Code Quality report is a JSON
array of issues with description, check_name, fingerprint (unique), severity (info,
minor, major, critical, blocker), location.path and location.lines.begin; a GitHub
annotation is ``::error file={name},line={line},col={col},title={title}::{message}`` with
``%``, CR and LF escaped in the message, and also ``:`` and ``,`` in properties.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from chartergen.cli import cli
from chartergen.errors import Diagnostic, Severity
from chartergen.output import code_quality, github_annotation

CODE_QUALITY_REPORT = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "additionalProperties": False,
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "pattern": "^[0-9a-f]{32}$"},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "additionalProperties": False,
                "properties": {
                    "path": {"type": "string", "pattern": r"^[^/\\][^\\]*$"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}

BAD = (
    "format: 1\ncompany:\n  name: Acme\n  language: de\nnetwroks: []\n"
    "team:\n  roles:\n    - id: a\n      title: A\n    - id: a\n      title: B\n"
)


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def in_repo(tmp_path: Path):
    """Run from a repository root with a charters/ folder, as CI does."""
    (tmp_path / "charters").mkdir()
    old = Path.cwd()
    os.chdir(tmp_path)
    yield tmp_path
    os.chdir(old)


def test_code_quality_report_has_the_documented_shape(in_repo: Path) -> None:
    (in_repo / "charters" / "acme.yaml").write_text(BAD, encoding="utf-8")
    result = run("validate", "--format", "codequality")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert list(Draft7Validator(CODE_QUALITY_REPORT).iter_errors(report)) == []
    assert len(report) == 3
    assert report[0] == {
        "description": "'de' is not a valid language (choose from: en, fr) (company.language)",
        "check_name": "chartergen.allowed",
        "fingerprint": report[0]["fingerprint"],
        "severity": "major",
        "location": {"path": "charters/acme.yaml", "lines": {"begin": 4}},
    }
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints)


def test_fingerprints_survive_lines_added_above(in_repo: Path) -> None:
    charter = in_repo / "charters" / "acme.yaml"
    charter.write_text(BAD, encoding="utf-8")
    before = json.loads(run("validate", "--format", "codequality").stdout)
    charter.write_text("# a new comment\n" + BAD, encoding="utf-8")
    after = json.loads(run("validate", "--format", "codequality").stdout)
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [
        i["location"]["lines"]["begin"] + 1 for i in before
    ]


def test_valid_charters_give_an_empty_report(in_repo: Path) -> None:
    (in_repo / "charters" / "acme.yaml").write_text(
        "format: 1\ncompany:\n  name: Acme\n  language: en\n", encoding="utf-8"
    )
    result = run("validate", "--format", "codequality")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []


def test_repeated_findings_get_distinct_fingerprints() -> None:
    same = Diagnostic("charters/a.yaml", 3, 1, Severity.WARNING, "same", ("x",), code="c")
    report = json.loads(code_quality([same, same]))
    assert report[0]["fingerprint"] != report[1]["fingerprint"]
    assert report[0]["severity"] == "minor"


def test_whole_file_findings_point_at_line_one() -> None:
    whole = Diagnostic("charters\\a.yaml", 0, 0, Severity.ERROR, "empty", code="empty")
    issue = json.loads(code_quality([whole]))[0]
    assert issue["location"] == {"path": "charters/a.yaml", "lines": {"begin": 1}}


ANNOTATION = re.compile(
    r"^::(?P<level>error|warning|notice) (?P<props>[^:]*)::(?P<message>.*)$"
)


def _parse(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    props = dict(part.split("=", 1) for part in match["props"].split(","))
    return match["level"], props, match["message"]


def test_github_annotations_have_the_documented_shape(in_repo: Path) -> None:
    (in_repo / "charters" / "acme.yaml").write_text(BAD, encoding="utf-8")
    result = run("validate", "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    level, props, message = _parse(lines[0])
    assert level == "error"
    assert props == {"file": "charters/acme.yaml", "line": "4", "col": "13",
                     "title": "chartergen error"}
    assert message == "'de' is not a valid language (choose from: en, fr) (company.language)"


def test_github_annotations_escape_what_the_runner_reads() -> None:
    diagnostic = Diagnostic("charters/a,b:c.yaml", 2, 5, Severity.WARNING,
                            "50% done\nsecond line\r", code="x")
    line = github_annotation(diagnostic)
    assert "\n" not in line and "\r" not in line
    level, props, message = _parse(line)
    assert level == "warning"
    assert props["file"] == "charters/a%2Cb%3Ac.yaml"
    assert message == "50%25 done%0Asecond line%0D"
