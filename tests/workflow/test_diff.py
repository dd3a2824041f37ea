"""chartergen diff: the changes a reviewer cares about, as text and as a PR comment."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.audit import run as audit
from chartergen.cli import cli
from chartergen.diff import _code, compare, render_markdown
from chartergen.edit.fmt import format_text
from chartergen.loader import load_text
from chartergen.model import build

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "charters" / "hartwell-pumps.yaml"
TODAY = "2026-11-23"

EDITS = [
    ('  version: "3.1"', '  version: "3.2"'),
    ("  next_review: 2027-10-12", "  next_review: 2027-12-01"),
    ("    status: dormant\n", "    status: closed\n"),
    ("      holder: Tom Aldridge", "      holder: Priya Shah"),
    ("      role: Digital and Social Media Manager\n      phone: \"+44 1632 960102\"",
     "      role: Digital and Social Media Manager\n      phone: \"+44 1632 960199\""),
    ("        target: 40 per quarter", "        target: 50 per quarter"),
    ("  - id: x\n    platform: x\n",
     "  - id: tiktok\n    platform: tiktok\n    handle: \"@hartwellpumps\"\n    status: planned\n"
     "    owner: video-producer\n    backup: social-lead\n  - id: x\n    platform: x\n"),
]


def _changed(text: str) -> str:
    for old, new in EDITS:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def _score(text: str) -> int:
    document = load_text(text, "hartwell-pumps.yaml").document
    assert document is not None
    return audit(build(document.data, "hartwell-pumps"), dt.date(2026, 11, 23)).score


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    original = EXAMPLE.read_text(encoding="utf-8")
    old = tmp_path / "old" / "hartwell-pumps.yaml"
    new = tmp_path / "new" / "hartwell-pumps.yaml"
    old.parent.mkdir()
    new.parent.mkdir()
    old.write_text(original, encoding="utf-8")
    new.write_text(_changed(original), encoding="utf-8")
    return old, new


def test_text_report_on_a_real_change(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = run("diff", str(old), str(new), "--today", TODAY)
    assert result.exit_code == 0, result.output
    before, after = _score(old.read_text()), _score(new.read_text())
    lines = result.stdout.splitlines()
    assert lines[0] == f"{new} (Hartwell Pumps Ltd): changed"
    trend = "no change" if before == after else f"{after - before:+d}"
    assert lines[1] == f"  Audit score: {before} -> {after}/100 ({trend})"
    body = result.stdout[result.stdout.index("  Document"):]
    assert body == (
        "  Document\n"
        "    ~ version: 3.1 -> 3.2\n"
        "    ~ next_review: 2027-10-12 -> 2027-12-01\n"
        "  Networks\n"
        "    + tiktok (TikTok, @hartwellpumps, planned)\n"
        "    ~ x status: dormant -> closed\n"
        "  Roles\n"
        "    ~ social-lead holder: Tom Aldridge -> Priya Shah\n"
        "  Crisis contacts\n"
        "    ~ tom phone: +44 1632 960102 -> +44 1632 960199\n"
        "  Objectives and KPIs\n"
        "    ~ leads, KPI \"Marketing-qualified leads from social\" target: "
        "40 per quarter -> 50 per quarter\n"
    )


def test_markdown_report_on_a_real_change(versions: tuple[Path, Path]) -> None:
    old, new = versions
    result = run("diff", str(old), str(new), "--format", "markdown", "--today", TODAY)
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert text.startswith(f"## Charter changes: `{old}` → `{new}`\n\n"
                           "### Hartwell Pumps Ltd: changed\n\n"
                           f"File: `{new}`\n\n")
    assert "#### Networks\n\n- added `tiktok` (`TikTok, @hartwellpumps, planned`)\n" \
           "- `x` status: `dormant` → `closed`\n" in text
    assert "- `tom` phone: `+44 1632 960102` → `+44 1632 960199`\n" in text
    assert "- `leads`, KPI `Marketing-qualified leads from social` target: " \
           "`40 per quarter` → `50 per quarter`\n" in text


def test_pillar_shares_sections_and_other_fields(tmp_path: Path) -> None:
    base = "format: 1\ncompany:\n  name: Acme\n  language: en\n"
    old = base + (
        "content:\n  pillars:\n    - id: tips\n      name: Tips\n      share: 30%\n"
        "voice:\n  emoji: Sparingly\nmonitoring:\n  keywords: [acme]\n"
    )
    new = base + (
        "content:\n  pillars:\n    - id: tips\n      name: Tips\n      share: 40%\n"
        "voice:\n  emoji: Never\nscope:\n  applies_to: [staff]\n"
    )
    charters = [build(load_text(t, "acme.yaml").document.data, "acme")  # type: ignore[union-attr]
                for t in (old, new)]
    diff = compare(*charters, path="acme.yaml", today=dt.date(2026, 11, 23))
    shown = [(c.area, c.kind, c.subject, c.detail, c.before, c.after) for c in diff.changes]
    assert ("Sections", "added", "scope", "now filled in", "", "") in shown
    assert ("Sections", "removed", "monitoring", "now empty", "", "") in shown
    assert ("Content pillars", "changed", "tips", "share", "30%", "40%") in shown
    assert ("Other changes", "changed", "voice.emoji", "", "Sparingly", "Never") in shown


def test_moving_entries_or_reformatting_is_not_a_change(tmp_path: Path) -> None:
    original = EXAMPLE.read_text(encoding="utf-8")
    formatted = format_text(original, "hartwell-pumps.yaml").formatted
    assert formatted is not None
    a, b = tmp_path / "a" / "hartwell-pumps.yaml", tmp_path / "b" / "hartwell-pumps.yaml"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text(original, encoding="utf-8")
    b.write_text(formatted, encoding="utf-8")
    result = run("diff", str(a), str(b), "--today", TODAY)
    assert result.exit_code == 0
    assert result.stdout == f"No charter changed between {a} and {b}.\n"


def test_charter_text_cannot_become_markup() -> None:
    assert _code("<script>alert(1)</script>") == "`<script>alert(1)</script>`"
    assert _code("a `tick` b") == "``a `tick` b``"
    assert _code("`edge`") == "`` `edge` ``"
    base = "format: 1\ncompany:\n  name: \"<b>Acme</b> **Ltd**\"\n  language: en\n"
    old = base + "team:\n  roles:\n    - id: cm\n      title: CM\n      holder: Sam\n"
    new = base + "team:\n  roles:\n    - id: cm\n      title: CM\n" \
                 "      holder: \"<img src=x onerror=alert(1)>\"\n"
    charters = [build(load_text(t, "acme.yaml").document.data, "acme")  # type: ignore[union-attr]
                for t in (old, new)]
    diff = compare(*charters, path="acme.yaml", today=dt.date(2026, 11, 23))
    markdown = render_markdown([diff], old_label="a", new_label="b")
    assert "### \\<b\\>Acme\\</b\\> \\*\\*Ltd\\*\\*: changed" in markdown
    assert "- `cm` holder: `Sam` → `<img src=x onerror=alert(1)>`" in markdown


# -- against git -------------------------------------------------------------------------------


def _git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.com",
                    "-c", "commit.gpgsign=false", *args],
                   cwd=folder, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "hartwell-pumps.yaml").write_text(
        EXAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "charters" / "old-one.yaml").write_text(
        "format: 1\ncompany:\n  name: Old One\n  language: en\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "charters")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_rev_compares_with_the_working_tree(repo: Path) -> None:
    charter = repo / "charters" / "hartwell-pumps.yaml"
    charter.write_text(_changed(charter.read_text(encoding="utf-8")), encoding="utf-8")
    (repo / "charters" / "old-one.yaml").unlink()
    assert run("init", "new-one", "--company", "New One").exit_code == 0
    result = run("diff", "--rev", "HEAD", "--today", TODAY)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "charters/hartwell-pumps.yaml (Hartwell Pumps Ltd): changed\n" in out
    assert "    ~ x status: dormant -> closed\n" in out
    assert "charters/new-one.yaml (New One): new charter\n" in out
    assert "charters/old-one.yaml (Old One): charter removed\n" in out
    assert out.index("hartwell-pumps") < out.index("new-one") < out.index("old-one")


def test_rev_with_nothing_changed(repo: Path) -> None:
    result = run("diff", "--rev", "HEAD", "--format", "markdown")
    assert result.exit_code == 0
    assert result.stdout == "## Charter changes: `HEAD` → `working tree`\n\nNo charter changed.\n"


def test_unknown_revision_is_a_usage_error(repo: Path) -> None:
    result = run("diff", "--rev", "no-such-branch")
    assert result.exit_code == 2
    assert result.stderr == (
        "chartergen: 'no-such-branch' is not a commit, branch or tag of this repository\n"
    )


def test_outside_git_is_a_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    result = run("diff", "--rev", "HEAD")
    assert result.exit_code == 2
    assert "this folder is not in a git repository" in result.stderr


def test_two_files_are_needed_without_rev(tmp_path: Path) -> None:
    result = run("diff", str(EXAMPLE))
    assert result.exit_code == 2
    assert result.stderr == (
        "chartergen: give two charter files (chartergen diff OLD NEW), or --rev REV to "
        "compare with a git revision\n"
    )


def test_an_invalid_new_version_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "acme.yaml"
    bad.write_text("format: 1\ncompany:\n  name: Acme\n  language: de\n", encoding="utf-8")
    result = run("diff", str(EXAMPLE), str(bad))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{bad}:4:13: error: 'de' is not a valid language" in result.stderr


SECRET = "format: 1\ncompany:\n  name: TOP-SECRET-NAME\n  language: en\n"
LINK_OUT = ("error: this charter is a link to a file outside the project; it was not read "
            "(replace the link with the charter file itself)")


@pytest.fixture
def outside(repo: Path) -> Path:
    secret = repo.parent / "outside" / "secret.yaml"
    secret.parent.mkdir(exist_ok=True)
    secret.write_text(SECRET, encoding="utf-8")
    return secret


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_rev_never_follows_a_link_out_of_the_project(repo: Path, outside: Path,
                                                     output_format: str) -> None:
    (repo / "charters" / "evil.yaml").symlink_to(Path("../../outside/secret.yaml"))
    result = run("diff", "--rev", "HEAD", "--format", output_format)
    assert result.exit_code == 1
    assert "TOP-SECRET-NAME" not in result.output
    assert f"charters/evil.yaml:1:1: {LINK_OUT}\n" in result.stderr


def test_a_committed_link_is_not_followed_from_git(repo: Path, outside: Path) -> None:
    evil = repo / "charters" / "evil.yaml"
    evil.symlink_to(Path("../../outside/secret.yaml"))
    zero = repo / "charters" / "zero.yaml"
    zero.symlink_to("/dev/zero")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "links")
    evil.unlink()
    zero.unlink()
    result = run("diff", "--rev", "HEAD", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "TOP-SECRET-NAME" not in result.output
    assert ("> the version in HEAD was not read: this charter is a link; links are not "
            "followed, so it was not read") in result.stdout
    assert result.stdout.count("links are not followed") == 2


def test_a_committed_oversized_file_is_not_read_from_git(repo: Path) -> None:
    from chartergen.loader import MAX_BYTES

    big = repo / "charters" / "big.yaml"
    big.write_text("format: 1\n" + "# x\n" * (MAX_BYTES // 4 + 1), encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "big")
    big.unlink()
    result = run("diff", "--rev", "HEAD")
    assert result.exit_code == 0, result.output
    assert "the version in HEAD was not read: the file is 1024 KiB; a charter may be at " \
           "most 1024 KiB, so it was not read" in result.stdout


def test_two_files_are_read_the_guarded_way(repo: Path, outside: Path) -> None:
    (repo / "charters" / "evil.yaml").symlink_to(Path("../../outside/secret.yaml"))
    for args in (["charters/evil.yaml", "charters/hartwell-pumps.yaml"],
                 ["charters/hartwell-pumps.yaml", "charters/evil.yaml"]):
        result = run("diff", *args)
        assert result.exit_code == 1
        assert "TOP-SECRET-NAME" not in result.output
        assert f"charters/evil.yaml:1:1: {LINK_OUT}\n" in result.stderr
    if Path("/dev/zero").exists():
        result = run("diff", "charters/hartwell-pumps.yaml", "/dev/zero")
        assert result.exit_code == 1
        assert "/dev/zero:1:1: error: this is not a plain file" in result.stderr


def test_a_french_diff_says_the_verdicts_in_the_words_of_check_and_the_site(
        tmp_path: Path) -> None:
    # before: "m6.promo-per-network: pass -> warn", and "Trop de promotion: 100 -> 0"
    # without the space French puts before a colon
    old = tmp_path / "old.yaml"
    new = tmp_path / "new.yaml"
    text = (ROOT / "charters" / "cidrerie-du-bocage.yaml").read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    assert text.count("  promotional_ceiling: 20%") == 1
    new.write_text(text.replace("  promotional_ceiling: 20%", "  promotional_ceiling: 5%"),
                   encoding="utf-8")
    said = run("diff", str(old), str(new), "--today", TODAY).stdout
    assert f"{new} (Cidrerie du Bocage) : modifiée\n" in said
    assert "    6. Trop de promotion : 100 -> 0\n" in said
    assert "       m6.promo-per-network : aucun signe -> à risque : Réseaux où" in said
    assert "    ~ promotional_ceiling : 20% -> 5%\n" in said
    markdown = run("diff", str(old), str(new), "--format", "markdown", "--today", TODAY).stdout
    assert "### Cidrerie du Bocage : modifiée\n" in markdown
    assert "- 6. Trop de promotion : 100 → **0**\n" in markdown
    assert "  - `m6.promo-per-network` aucun signe → **à risque** : Réseaux où" in markdown
    assert "- `promotional_ceiling` : `20%` → `5%`\n" in markdown
    for english in ("pass", "warn", "fail"):
        assert f" {english} " not in said + markdown


def test_rev_given_twice_compares_two_revisions(repo: Path) -> None:
    # before, the first --rev was dropped without a word and the second compared with
    # the working tree
    charter = repo / "charters" / "hartwell-pumps.yaml"
    charter.write_text(_changed(charter.read_text(encoding="utf-8")), encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "changes")
    charter.write_text(charter.read_text(encoding="utf-8").replace(
        "Hartwell Pumps Ltd", "Hartwell Pumps plc"), encoding="utf-8")  # not committed
    result = run("diff", "--rev", "HEAD~1", "--rev", "HEAD", "--today", TODAY)
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("charters/hartwell-pumps.yaml (Hartwell Pumps Ltd): changed\n")
    assert "    ~ x status: dormant -> closed\n" in out and "plc" not in out
    markdown = run("diff", "--rev", "HEAD~1", "--rev", "HEAD", "--format", "markdown").stdout
    assert markdown.startswith("## Charter changes: `HEAD~1` → `HEAD`\n")
    assert run("diff", "--rev", "HEAD", "--rev", "HEAD").stdout == (
        "No charter changed between HEAD and HEAD.\n")
    three = run("diff", "--rev", "HEAD~1", "--rev", "HEAD", "--rev", "HEAD")
    assert three.exit_code == 2
    assert "give --rev once" in three.stderr and "not 3 times" in three.stderr
