"""chartergen crisis open|close: the file changes by the crisis lines only, every comment kept;
refusals are plain and leave the file as it was; check reports an overdue after-action review."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli
from chartergen.edit.fmt import comment_lines

ROOT = Path(__file__).resolve().parents[2]

SMALL = """\
# Acme's charter
format: 1
company:
  name: Acme
  language: en
team:
  roles:
    - id: boss  # the one to call
      title: Boss
      phone: "+44 1632 960001"
    - id: deputy
      title: Deputy
crisis:
  # agreed with legal
  levels:
    - id: amber
      name: Amber
      lead: deputy
    - id: red
      name: Red  # worst
      lead: boss
      pause_scheduled: true
  after_action:
    within: 5d
# the end
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def charter(tmp_path: Path) -> Path:
    path = tmp_path / "acme.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


def test_open_adds_the_crisis_lines_below_crisis_and_nothing_else(charter: Path):
    code, out, _err = run("crisis", "open", str(charter), "--level", "2", "--since",
                          "2026-12-01", "--note", "Lot 42: recall # not a comment")
    assert code == 0
    assert out == (f"crisis opened in {charter}: level 'Red', led by Boss, +44 1632 960001; "
                   "scheduled posts paused\n")
    assert charter.read_text() == SMALL.replace("crisis:\n", (
        "crisis:\n"
        "  current:\n"
        "    level: red\n"
        "    since: 2026-12-01\n"
        "    lead: boss\n"
        "    paused: true\n"
        '    note: "Lot 42: recall # not a comment"\n'))


def test_close_adds_one_line_and_says_when_the_review_is_due(charter: Path):
    run("crisis", "open", str(charter), "--level", "amber", "--since", "2026-12-01",
        "--lead", "boss", "--not-paused")
    opened = charter.read_text()
    code, out, _err = run("crisis", "close", str(charter), "--ended", "2026-12-03")
    assert code == 0
    assert out == (f"crisis closed in {charter} on 3\u00a0December\u00a02026; the after-action "
                   "review is due by 8\u00a0December\u00a02026\n")
    assert charter.read_text() == opened.replace("    paused: false\n",
                                                 "    paused: false\n    ended: 2026-12-03\n")
    assert comment_lines(charter.read_text()) == comment_lines(SMALL)


def test_a_crisis_opened_again_after_one_closed_replaces_it_keeping_its_comments(
        charter: Path):
    run("crisis", "open", str(charter), "--level", "red", "--since", "2026-12-01")
    run("crisis", "close", str(charter), "--ended", "2026-12-02")
    text = charter.read_text().replace("    since: 2026-12-01\n",
                                       "    since: 2026-12-01  # first call at 7am\n")
    charter.write_text(text)
    code, _out, err = run("crisis", "open", str(charter), "--level", "1", "--since",
                          "2026-12-10")
    assert code == 0, err
    now = charter.read_text()
    assert "ended:" not in now and "level: amber" in now and "since: 2026-12-10" in now
    assert sorted(comment_lines(now)) == sorted(comment_lines(text))


@pytest.mark.parametrize(("args", "message"), [
    (("open", "--level", "purple"), "'purple' is not one of this charter's crisis levels: give "
     "its id or its number (1 (amber), 2 (red))"),
    (("open", "--level", "1", "--lead", "ghost"),
     "'ghost' is not one of this charter's roles (roles: boss, deputy)"),
    (("close",), "no crisis is open in this charter; there is nothing to close"),
])
def test_refusals_are_plain_and_leave_the_file_untouched(charter: Path, args, message):
    code, _out, err = run("crisis", args[0], str(charter), *args[1:])
    assert code == 1
    assert err == f"chartergen: {message}\n"
    assert charter.read_text() == SMALL


def test_opening_twice_or_closing_twice_is_refused(charter: Path):
    run("crisis", "open", str(charter), "--level", "red", "--since", "2026-12-01")
    code, _out, err = run("crisis", "open", str(charter), "--level", "amber")
    assert code == 1
    assert err == ("chartergen: a crisis is already open in this charter (level 'Red', since "
                   "1\u00a0December\u00a02026); close it first with 'chartergen crisis close'\n")
    run("crisis", "close", str(charter), "--ended", "2026-12-02")
    closed = charter.read_text()
    code, _out, err = run("crisis", "close", str(charter))
    assert code == 1
    assert err == ("chartergen: the crisis of this charter was already closed on "
                   "2\u00a0December\u00a02026; there is nothing to close\n")
    assert charter.read_text() == closed


def test_an_invalid_charter_is_left_as_it_is(charter: Path):
    bad = SMALL.replace("lead: boss", "lead: nobody")
    charter.write_text(bad)
    code, _out, err = run("crisis", "open", str(charter), "--level", "1")
    assert code == 1
    assert "the charter is not valid, so it was left as it is: fix it first" in err
    assert charter.read_text() == bad


def test_a_charter_in_french_is_answered_in_french(tmp_path: Path):
    charter = tmp_path / "cidrerie-du-bocage.yaml"
    shutil.copy(ROOT / "charters" / "cidrerie-du-bocage.yaml", charter)
    code, out, _err = run("crisis", "open", str(charter), "--level", "alerte", "--since",
                          "2026-12-01")
    assert code == 0
    assert out.startswith(f"crise ouverte dans {charter} : niveau « Alerte », pilotée par ")
    code, _out, err = run("crisis", "open", str(charter), "--level", "alerte")
    # the level by its name and the date as French writes it (before: « alerte », 2026-12-01)
    assert err == ("chartergen: une crise est déjà ouverte dans cette charte (niveau « Alerte », "
                   "depuis le 1er\u00a0décembre\u00a02026) ; fermez-la d'abord avec « chartergen "
                   "crisis close »\n")
    code, out, _err = run("crisis", "close", str(charter), "--ended", "2026-12-05")
    assert out.startswith(f"crise fermée dans {charter} le 5\u00a0décembre\u00a02026")


def test_a_one_line_crisis_written_in_flow_style_can_be_closed(tmp_path: Path):
    charter = tmp_path / "acme.yaml"
    charter.write_text(SMALL.replace(
        "  # agreed with legal\n",
        "  current: {level: red, since: 2026-12-01}  # opened from a phone\n"
        "  # agreed with legal\n"))
    code, _out, err = run("crisis", "close", str(charter), "--ended", "2026-12-02")
    assert code == 0, err
    code, _out, _err = run("validate", str(charter))
    assert code == 0
    assert "ended: 2026-12-02" in charter.read_text()
    assert sorted(comment_lines(charter.read_text())) == sorted(
        [*comment_lines(SMALL), "# opened from a phone"])


def test_a_charter_without_a_crisis_section_gets_one(tmp_path: Path):
    text = SMALL[:SMALL.index("crisis:")]
    charter = tmp_path / "acme.yaml"
    charter.write_text(text)
    code, _out, err = run("crisis", "open", str(charter), "--level", "1")
    assert code == 1
    assert err == ("chartergen: this charter declares no crisis levels; add them under "
                   "'crisis.levels' first\n")


def test_check_reports_an_after_action_review_once_it_is_overdue(charter: Path):
    run("crisis", "open", str(charter), "--level", "red", "--since", "2026-12-01")
    run("crisis", "close", str(charter), "--ended", "2026-12-03")
    _code, out, _err = run("check", str(charter), "--today", "2026-12-08")
    assert "after-action review of the crisis" not in out
    _code, out, _err = run("check", str(charter), "--today", "2026-12-09")
    assert (f"{charter}:19:12: warning: The after-action review of the crisis that ended on "
            "3\u00a0December\u00a02026 was due on 8\u00a0December\u00a02026 (5d after it ended): "
            "hold it, then "
            "write its date under 'crisis.current.reviewed'.") in out
    charter.write_text(charter.read_text().replace(
        "    ended: 2026-12-03\n", "    ended: 2026-12-03\n    reviewed: 2026-12-09\n"))
    _code, out, _err = run("check", str(charter), "--today", "2026-12-20")
    assert "after-action review of the crisis" not in out


@pytest.mark.parametrize(("current", "message"), [
    ("{level: red, since: 2026-12-05, ended: 2026-12-01}",
     "the crisis ends (2026-12-01) before it starts (2026-12-05)"),
    ("{level: red, since: 2026-12-01, reviewed: 2026-12-05}",
     "the after-action review is dated, but the crisis has not ended: add 'ended'"),
    ("{level: red, since: 2026-12-01, ended: 2026-12-05, reviewed: 2026-12-04}",
     "the after-action review (2026-12-04) comes before the end of the crisis (2026-12-05)"),
    ("{level: red, since: 2026-12-01, lead: ghost}", "'ghost' is not one of this charter's"),
    ("{since: 2026-12-01}", "'level' is missing"),
])
def test_validate_checks_the_crisis_dates_and_references(tmp_path: Path, current, message):
    charter = tmp_path / "acme.yaml"
    charter.write_text(SMALL.replace("crisis:\n", f"crisis:\n  current: {current}\n"))
    code, out, _err = run("validate", str(charter))
    assert code == 1
    assert message in out


def test_diff_spells_out_a_crisis_opened(charter: Path, tmp_path: Path):
    old = tmp_path / "old" / "acme.yaml"
    old.parent.mkdir()
    old.write_text(SMALL)
    run("crisis", "open", str(charter), "--level", "red", "--since", "2026-12-01")
    _code, out, _err = run("diff", str(old), str(charter))
    assert ("  Crisis in progress\n"
            "    ~ level: (empty) -> red\n"
            "    ~ since: (empty) -> 2026-12-01\n"
            "    ~ lead: (empty) -> boss\n"
            "    ~ paused: (empty) -> yes\n") in out
    assert "Other changes" not in out


# --- what a user can write, and what a user can pass: it works, or says what to change -----

_BEFORE_CRISIS = SMALL[:SMALL.index("crisis:")]
_FLOW_SECTION = _BEFORE_CRISIS + (
    "crisis: {\n"
    "  levels: [{id: amber, name: Amber, lead: deputy},  # first\n"
    "    {id: red, name: Red, lead: boss, pause_scheduled: true}],\n"
    "  # between\n"
    "  after_action: {within: 5d}}\n")
_FLOW_CURRENT = SMALL.replace(
    "  # agreed with legal\n",
    "  current: {level: red,  # the colour\n    since: 2026-12-01}\n  # agreed with legal\n")


@pytest.mark.parametrize("text", [
    pytest.param("--- # the dashes\n" + _FLOW_SECTION, id="comment-on-dashes-flow-section"),
    pytest.param(_FLOW_SECTION + "... # the end\n# after the end\n",
                 id="comments-after-the-end-flow-section"),
    pytest.param("# above\n%YAML 1.2\n--- # the dashes\n" + _FLOW_SECTION,
                 id="comment-above-a-directive-flow-section"),
    pytest.param("\ufeff" + _FLOW_SECTION.replace("\n", "\r\n"), id="bom-and-crlf-flow-section"),
    pytest.param(_FLOW_SECTION.replace("name: Acme\n", 'name: "Acme #1: co"\n'),
                 id="quoted-hash-flow-section"),
    pytest.param(SMALL.replace("# the end\n", "") + "... # the end\n",
                 id="crisis-last-then-end-of-document"),
    pytest.param(SMALL.replace("# the end\n", "").replace(
        "  after_action:\n    within: 5d\n",
        "  after_action:\n    within: 5d\n  current: {level: amber, since: 2026-11-01,\n"
        "    ended: 2026-11-02}  # the last one\n") + "...\n# after\n",
        id="closed-flow-current-last-then-end-of-document"),
])
def test_a_crisis_opens_and_closes_in_any_layout_keeping_every_comment(tmp_path: Path,
                                                                        text: str):
    charter = tmp_path / "acme.yaml"
    charter.write_bytes(text.encode("utf-8"))
    assert run("validate", str(charter))[0] == 0
    code, _out, err = run("crisis", "open", str(charter), "--level", "red", "--since",
                          "2026-12-03", "--note", "Flooded plant")
    assert code == 0, err
    code, _out, err = run("crisis", "close", str(charter), "--ended", "2026-12-05")
    assert code == 0, err
    after = charter.read_bytes().decode("utf-8")
    assert run("validate", str(charter))[0] == 0
    assert sorted(comment_lines(after)) == sorted(comment_lines(text))
    from ruamel.yaml import YAML

    current = YAML(typ="safe").load(after.lstrip("\ufeff"))["crisis"]["current"]
    assert {k: str(v) for k, v in current.items()} == {
        "level": "red", "since": "2026-12-03", "lead": "boss", "paused": "True",
        "note": "Flooded plant", "ended": "2026-12-05"}


def test_a_flow_current_over_several_lines_is_closed_keeping_its_comment(tmp_path: Path):
    charter = tmp_path / "acme.yaml"
    charter.write_text(_FLOW_CURRENT)
    code, _out, err = run("crisis", "close", str(charter), "--ended", "2026-12-05")
    assert code == 0, err
    assert run("validate", str(charter))[0] == 0
    assert "  # the colour\n  current:\n    level: red\n    since: 2026-12-01\n" \
           "    ended: 2026-12-05\n" in charter.read_text()


@pytest.mark.parametrize(("note", "said"), [
    ("red \x1b[31malert", "a control character (U+001B)"),
    ("a\rb", "a control character (U+000D)"),
    ("caf\udce9", "half of a character (a lone surrogate, U+DCE9)"),  # bytes not UTF-8
])
def test_a_note_a_charter_cannot_hold_is_refused_in_plain_words(charter: Path, note: str,
                                                                said: str):
    code, _out, err = run("crisis", "open", str(charter), "--level", "red", "--note", note)
    assert code == 1
    assert err == (f"chartergen: the note holds {said}, which a charter cannot hold; write "
                   "the note without it\n")
    assert charter.read_text() == SMALL


def test_the_last_safety_checks_say_where_and_what_to_do_never_report_this():
    from chartergen.edit.crisis import CrisisRefused, _verify
    from chartergen.edit.fmt import plain_data
    from chartergen.loader import load_text
    from chartergen.model import build

    document = load_text(SMALL, "acme.yaml").document
    assert document is not None
    charter = build(document.data, "acme", "acme.yaml")
    expected = plain_data(SMALL, "")
    # a value read differently
    with pytest.raises(CrisisRefused) as caught:
        _verify(SMALL, SMALL.replace("title: Deputy", "title: 'on'"), expected, charter)
    assert str(caught.value) == (
        "the crisis could not be written without changing what YAML reads in the value at "
        "line 12, so the file was left as it is; put that value in double quotes and run the "
        "command again")
    # a comment lost
    with pytest.raises(CrisisRefused) as caught:
        _verify(SMALL, SMALL.replace("  # worst", ""), expected, charter)
    assert str(caught.value) == (
        "the comment '# worst' at line 20 could not be kept where it is, so the file was "
        "left as it is; move the comment onto a line of its own next to a key, or remove it, "
        "and run the command again")
    # an invalid result
    broken = SMALL.replace("      lead: boss\n", "      lead: nobody\n")
    with pytest.raises(CrisisRefused) as caught:
        _verify(SMALL, broken, plain_data(broken, ""), charter)
    assert str(caught.value).startswith(
        "the change would make the charter invalid, so the file was left as it is: ")
    assert str(caught.value).endswith("(crisis.levels[1].lead)")
