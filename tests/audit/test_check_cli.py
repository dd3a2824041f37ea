"""`chartergen check` as users and CI call it: the three formats, --fail-under, exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from chartergen.cli import cli

from .charters import complete, to_yaml

MINIMAL = "format: 1\ncompany:\n  name: Acme\n  language: en\n"
TODAY = ("--today", "2026-11-23")


def check(*args: str) -> Result:
    return CliRunner().invoke(cli, ["check", *args, *TODAY])


@pytest.fixture
def charters(tmp_path: Path) -> Path:
    """A folder with the complete charter (acme) and a weaker one (beta)."""
    (tmp_path / "acme.yaml").write_text(to_yaml(complete()), encoding="utf-8")
    weak = complete()
    weak["company"]["name"] = "Beta <b>Tools</b> | Ltd"
    weak["networks"][1]["backup"] = weak["networks"][1]["owner"]  # evidence of mistake 5
    weak["strategy"]["purpose"] = "To be *seen*."  # a detail: short, but a purpose
    (tmp_path / "beta.yaml").write_text(to_yaml(weak), encoding="utf-8")
    return tmp_path


def test_text_report_groups_by_mistake_and_locates_findings(charters: Path) -> None:
    result = check(str(charters / "beta.yaml"))
    assert result.exit_code == 0, result.output
    out = result.stdout
    path = charters / "beta.yaml"
    assert out.startswith(f"Beta <b>Tools</b> | Ltd ({path}): ")
    assert "\x1b[" not in out  # no colour off a terminal
    headings = re.findall(r"^([✓!✗]) (\d)\. (.+) · (?:no sign of it|at risk|shown by the "
                          r"charter) · score (\d+)/100 · completeness (\d+)%$",
                          out, re.MULTILINE)
    assert [int(h[1]) for h in headings] == list(range(1, 10))
    # a short purpose is a detail: it lowers completeness, not the verdict
    assert headings[0] == ("✓", "1", "Present with no purpose", "100", "91")
    assert headings[4][0] == "✗"
    line = _line_of(path, "purpose:")
    assert "m1.strategy-linked" not in out  # passing checks are only counted
    assert ("    ○ m1.purpose-stated  not stated or incomplete: The purpose is 3 words long: "
            f"under 12, it reads as a slogan, not an ambition.\n        {path}:{line}:") in out
    assert re.search(
        rf"    ✗ m5\.keeps-up  Presence stops or goes unanswered on: LinkedIn\.\n"
        rf"        {re.escape(str(path))}:\d+:\d+: LinkedIn: the backup is the owner\.",
        out)
    assert "    ✓ checks passed: 5\n" in out
    assert "    [x] m1.leadership-approved  Leadership has read and approved" in out
    assert "          confirmed on 1\u00a0October\u00a02026 by Jo Smith\n" in out
    assert "Score: each mistake's verdict from the evidence" in out
    assert "Completeness: how much of what a full charter says is stated" in out
    # m5's one evidence check fails, the other eight mistakes score 100: 800 / 9
    assert result.stderr == "\n1 charter checked: beta 88\n"


def test_verbose_lists_passing_checks(charters: Path) -> None:
    result = check("-v", str(charters / "acme.yaml"))
    assert "    ✓ m9.spread  No network carries more than 60% of the posts.\n" in result.stdout
    assert "checks passed" not in result.stdout


def test_a_french_charter_reports_in_french(charters: Path) -> None:
    data = complete()
    data["company"]["language"] = "fr"
    del data["content"]["hub"]["url"]
    path = charters / "fr.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    out = check(str(path)).stdout
    assert ("✓ 9. La dépendance aux plateformes · aucun signe · score 100/100 · "
            "complétude 90\u00a0%") in out
    assert ("    ○ m9.owned-hub  non indiqué ou incomplet : "
            "Le point d'ancrage «\u00a0Acme blog\u00a0» "
            "n'a pas d'adresse.") in out
    assert "    ✓ contrôles réussis\u00a0: 5" in out


def test_json_shape(charters: Path) -> None:
    result = check("--format", "json", str(charters))
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert set(report) == {"today", "fail_under", "passed", "charters"}
    assert (report["today"], report["fail_under"], report["passed"]) == ("2026-11-23", None, True)
    acme, beta = report["charters"]
    assert acme["score"] == 100 and acme["status"] == "pass"
    assert beta["company"] == "Beta <b>Tools</b> | Ltd"
    assert set(beta) >= {"path", "slug", "company", "language", "score", "status", "mistakes",
                         "warnings"}
    assert [m["number"] for m in beta["mistakes"]] == list(range(1, 10))
    for mistake in beta["mistakes"]:
        assert set(mistake) >= {"number", "title", "status", "score", "checks", "manual"}
        assert mistake["status"] in ("pass", "warn", "fail")
        assert 0 <= mistake["score"] <= 100
        for item in mistake["checks"]:
            assert set(item) == {"id", "title", "status", "kind", "reason", "field", "line",
                                 "column", "findings"}
            assert item["kind"] in ("evidence", "detail")
            assert item["id"].startswith(f"m{mistake['number']}.")
        for item in mistake["manual"]:
            assert set(item) == {"id", "text", "confirmed", "confirmed_on", "confirmed_by",
                                 "expired"}
    assert 0 <= beta["completeness"] <= 100 and acme["completeness"] == 100
    assert set(beta["figures"]) == {"score", "completeness"}
    m1 = beta["mistakes"][0]
    assert (m1["status"], m1["not_stated"]) == ("pass", ["m1.purpose-stated"])
    backup = _find(beta, "m5.keeps-up")
    assert (backup["status"], backup["kind"]) == ("fail", "evidence")
    [finding] = backup["findings"]
    assert (finding["reason"], finding["field"]) == ("LinkedIn: the backup is the owner.",
                                                     "networks[1].backup")
    lines = (charters / "beta.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[finding["line"] - 1][finding["column"] - 1:] == "lead"
    assert beta["mistakes"][0]["manual"][0] == {
        "id": "m1.leadership-approved",
        "text": "Leadership has read and approved the purpose of the social presence.",
        "confirmed": True, "confirmed_on": "2026-10-01", "confirmed_by": "Jo Smith",
        "expired": False,
    }


def test_markdown_suits_a_pull_request_comment(charters: Path) -> None:
    result = check("--format", "markdown", str(charters))
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("## chartergen check\n\n### Acme Tools: 100/100 · completeness 100%\n")
    assert "Every check passes and every item is confirmed." in out
    table = [line for line in out.splitlines() if re.match(r"\| \d \|", line)]
    assert len(table) == 18
    assert "| 5 | Irregular presence | ❌ shown by the charter | 0 | 83% |" in out
    assert "| 1 | Present with no purpose | ✅ no sign of it | 100 | 91% |" in out
    # charter text cannot inject HTML or break the table
    assert "### Beta \\<b\\>Tools\\</b\\> \\| Ltd: " in out
    assert "<b>" not in out
    assert "<details><summary>Details</summary>" in out
    assert "- ❌ `m5.keeps-up` Presence stops or goes unanswered on: LinkedIn." in out
    assert "  - LinkedIn: the backup is the owner. (`" in out
    assert "- ○ not stated or incomplete: `m1.purpose-stated` The purpose is 3 words" in out
    assert "- [ ] `m9.hub-links`" not in out
    assert "- [x] `m1.leadership-approved` Leadership has read" in out


def test_fail_under(charters: Path) -> None:
    passing = check("--fail-under", "80", str(charters))
    assert passing.exit_code == 0
    failing = check("--fail-under", "100", str(charters))
    assert failing.exit_code == 1
    assert f"{charters / 'beta.yaml'}: score 88 is under 100\n" in failing.stderr
    assert "acme.yaml: score" not in failing.stderr
    as_json = check("--format", "json", "--fail-under", "100", str(charters))
    assert as_json.exit_code == 1
    assert json.loads(as_json.stdout)["passed"] is False


def test_fail_under_must_be_a_score(charters: Path) -> None:
    result = check("--fail-under", "101", str(charters))
    assert result.exit_code == 2
    assert "101 is not in the range 0<=x<=100" in result.stderr


def test_invalid_charters_get_the_validation_report(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(MINIMAL + "netwroks: []\n")
    (tmp_path / "good.yaml").write_text(MINIMAL)
    result = check(str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{bad}:5:1: error: 'netwroks' is not a field of the charter; "
        "did you mean 'networks'? (netwroks)\n"
    )
    assert "1 error, 0 warnings in 1 of 2 charters" in result.stderr
    as_json = json.loads(check("--format", "json", str(tmp_path)).stdout)
    assert as_json["valid"] is False
    assert as_json["diagnostics"][0]["line"] == 5
    markdown = check("--format", "markdown", str(tmp_path)).stdout
    assert "not valid" in markdown and "bad.yaml:5:1: error:" in markdown


def test_unknown_review_items_warn_in_the_output(tmp_path: Path) -> None:
    data = complete()
    data["reviews"][0]["items"].append("m1.leadership-aproved")
    path = tmp_path / "acme.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    result = check(str(path))
    assert result.exit_code == 0
    line = _line_of(path, "- m1.leadership-aproved")
    assert (f"  {path}:{line}:5: warning: 'm1.leadership-aproved' is not a checklist item; "
            "did you mean 'm1.leadership-approved'?") in result.stdout
    report = json.loads(check("--format", "json", str(path)).stdout)["charters"][0]
    assert report["warnings"][0]["line"] == line


def test_a_french_report_says_everything_in_french(tmp_path: Path) -> None:
    """Warnings about reviews, findings and to-dos of a French charter are all in French."""
    data = complete()
    data["company"]["language"] = "fr"
    data["reviews"][0]["items"].append("m1.leadership-aproved")
    data["networks"][1].pop("why")
    path = tmp_path / "acme.yaml"
    path.write_text(to_yaml(data), encoding="utf-8")
    out = re.sub("[\u00a0\u202f]", " ", check(str(path)).stdout)
    assert "avertissement : « m1.leadership-aproved » n'est pas un point" in out
    assert "LinkedIn : ne dit pas pourquoi l'entreprise y est (« why »)." in out
    assert "warning" not in out and "no 'why'" not in out


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = check(str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_check_does_not_import_mkdocs(tmp_path: Path) -> None:
    charter = tmp_path / "acme.yaml"
    charter.write_text(MINIMAL)
    code = (
        "import sys\n"
        "from chartergen.cli import main\n"
        "try:\n"
        f"    main(['check', {str(charter)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        "print('HEAVY=' + ','.join(sorted(m for m in sys.modules\n"
        "                      if m.split('.')[0] in ('mkdocs', 'material', 'jinja2'))))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[-1] == "HEAVY="


def _find(charter: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(c for m in charter["mistakes"] for c in m["checks"] if c["id"] == rule_id)


def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)
