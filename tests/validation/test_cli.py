"""`chartergen validate` as users and CI call it: paths, formats, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli
from chartergen.loader import MAX_BYTES

VALID = "format: 1\ncompany:\n  name: Acme\n  language: en\n"
INVALID = "format: 1\ncompany:\n  name: Acme\n  language: en\nnetwroks: []\n"


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_valid_charter_exits_zero(write_charter) -> None:
    result = run("validate", str(write_charter(VALID)))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "1 charter valid" in result.stderr


def test_invalid_charter_exits_one_and_locates(write_charter) -> None:
    path = write_charter(INVALID)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:5:1: error: 'netwroks' is not a field of the charter; "
        "did you mean 'networks'? (netwroks)\n"
    )
    assert "1 error, 0 warnings in 1 charter\n" in result.stderr


def test_every_file_in_a_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(INVALID)
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "b.yml").write_text(INVALID.replace("netwroks", "stratgy"))
    (tmp_path / "c.yaml").write_text(VALID)
    (tmp_path / "notes.txt").write_text("not a charter")
    result = run("validate", str(tmp_path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{tmp_path / 'a.yaml'}:5:1: error:")
    assert lines[1].startswith(f"{tmp_path / 'nested' / 'b.yml'}:5:1: error: 'stratgy'")
    assert "2 errors, 0 warnings in 2 of 3 charters" in result.stderr


def test_default_folder_is_charters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "acme.yaml").write_text(INVALID)
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 1
    assert result.stdout.startswith("charters/acme.yaml:5:1: error:")


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 2
    assert f"'{tmp_path / 'nope.yaml'}' does not exist" in result.stderr
    assert "Traceback" not in result.output


def test_missing_default_folder_says_where_to_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("validate")
    assert result.exit_code == 2
    assert "'charters' does not exist (run it from your charters repository" in result.stderr


def test_folder_without_charters_is_a_usage_error(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"no charter (*.yaml or *.yml file) in the folder '{tmp_path}'" in result.stderr


def test_unknown_option_is_a_usage_error(write_charter) -> None:
    result = run("validate", "--colour", str(write_charter(VALID)))
    assert result.exit_code == 2
    assert "No such option '--colour'" in result.stderr


def test_json_format(write_charter) -> None:
    path = write_charter(INVALID)
    result = run("validate", "--format", "json", str(path))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["charters"] == [
        {"path": str(path), "valid": False, "errors": 1, "warnings": 0}
    ]
    (diagnostic,) = report["diagnostics"]
    assert diagnostic["line"] == 5 and diagnostic["column"] == 1
    assert diagnostic["severity"] == "error"
    assert diagnostic["field"] == "netwroks"


def test_github_format_prints_workflow_commands(write_charter) -> None:
    path = write_charter(INVALID)
    result = run("validate", "--format", "github", str(path))
    assert result.exit_code == 1
    escaped = str(path).replace(":", "%3A").replace(",", "%2C")
    assert result.stdout == (
        f"::error file={escaped},line=5,col=1,title=chartergen error::'netwroks' is not a "
        "field of the charter; did you mean 'networks'? (netwroks)\n"
    )


def test_warnings_pass_unless_strict(write_charter) -> None:
    text = VALID + (
        "content:\n  pillars:\n    - {id: a, name: A, share: 40%}\n"
        "    - {id: b, name: B, share: 40%}\n"
    )
    path = write_charter(text)
    relaxed = run("validate", str(path))
    assert relaxed.exit_code == 0
    assert ": warning: the pillars' shares add up to 80%, not 100%" in relaxed.stdout
    assert run("validate", "--strict", str(path)).exit_code == 1


def test_no_colour_when_not_a_terminal(write_charter) -> None:
    result = run("validate", str(write_charter(INVALID)))
    assert "\x1b[" not in result.output


def test_colour_on_a_terminal(write_charter) -> None:
    result = CliRunner().invoke(cli, ["validate", str(write_charter(INVALID))], color=True)
    assert "\x1b[31m" in result.stdout  # errors in red


def test_file_over_the_size_cap_is_refused_unread(write_charter) -> None:
    path = write_charter(VALID + "# padding\n" * (MAX_BYTES // 10 + 1))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "a charter may be at most 1024 KiB, so it was not read" in result.stdout


def test_unreadable_path_is_reported_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "odd.yaml"
    folder.mkdir()  # a folder named like a charter, inside a folder of charters
    (tmp_path / "ok.yaml").write_text(VALID)
    result = run("validate", str(tmp_path))
    assert result.exit_code == 0
    assert "1 charter valid" in result.stderr


def test_debug_is_the_only_way_to_a_traceback(monkeypatch: pytest.MonkeyPatch,
                                              write_charter) -> None:
    import chartergen.pipeline

    def boom(files):  # an internal bug, not a charter problem
        raise RuntimeError("kaboom")

    monkeypatch.setattr(chartergen.pipeline, "check_files", boom)
    path = str(write_charter(VALID))
    clean = run("validate", path)
    assert clean.exit_code == 2
    assert "internal error: RuntimeError: kaboom" in clean.stderr
    assert "Traceback" not in clean.output
    debug = run("--debug", "validate", path)
    assert isinstance(debug.exception, RuntimeError)


def test_large_batches_use_workers_and_keep_order(tmp_path: Path) -> None:
    import chartergen.pipeline as pipeline

    files = []
    for i in range(pipeline.PARALLEL_FROM + 5):
        path = tmp_path / f"c{i:02d}.yaml"
        path.write_text(INVALID if i % 3 == 0 else VALID)
        files.append(path)
    parallel = pipeline.check_files(files)
    sequential = [(path, diagnostics) for path, _doc, diagnostics
                  in pipeline.validate_files(files)]
    assert parallel == sequential
    assert sum(bool(found) for _path, found in parallel) == 7


@pytest.mark.parametrize("value", ['"Acme #1 company"', "'Acme #1 company'",
                                   '"Acme \\"quoted\\" #1: co"'])
def test_a_quoted_hash_is_text_not_a_comment(write_charter, value: str) -> None:
    result = run("validate", "--strict", str(write_charter(VALID.replace("Acme", value))))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""


def test_init_with_a_hash_in_the_name_passes_strict(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("init", "acme", "--company", 'Acme "quoted" #1: co').exit_code == 0
    result = run("validate", "--strict")
    assert result.exit_code == 0, result.output


def test_an_unquoted_hashtag_is_still_warned(write_charter) -> None:
    result = run("validate", "--strict", str(write_charter(VALID + "notes: Bake #bread\n")))
    assert result.exit_code == 1
    assert ":5:13: warning: the text from ' #' on is read as a comment" in result.stdout


@pytest.mark.parametrize("command", [["validate"], ["check"], ["render", "--out", "out"]])
def test_yaml_beside_yml_is_refused_by_every_command_alike(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "charters").mkdir()
    (tmp_path / "charters" / "acme.yaml").write_text(VALID)
    (tmp_path / "charters" / "acme.yml").write_text(VALID)
    result = run(*command)
    assert result.exit_code == 1
    assert ("charters/acme.yml:1:1: error: another charter has the same file name "
            "(charters/acme.yaml); the file name is the charter's address on the site, so "
            "each must be unique") in result.output


def test_a_carriage_return_in_a_file_name_cannot_hide_the_location(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a\rb.yaml").write_text(INVALID)
    result = run("validate", "a\rb.yaml")
    assert result.exit_code == 1
    assert "\r" not in result.output
    assert "\na\\rb.yaml:5:1: error: 'netwroks' is not a field" in result.stdout


def test_output_to_a_terminal_never_carries_a_control_character() -> None:
    from chartergen.errors import Diagnostic, Severity
    from chartergen.output import styled

    diagnostic = Diagnostic("x\x1b[2J.yaml", 3, 4, Severity.ERROR,
                            "the key 'a\rb\x00\ud800\u202e' is wrong", ("a\r",))
    for shown in (styled(diagnostic), diagnostic.format()):
        assert not any((ord(c) < 32 and c != "\x1b") or 0xD800 <= ord(c) <= 0xDFFF
                       or c == "\u202e" for c in shown)
        assert "x\\x1b[2J.yaml:3:4:" in shown
        assert "a\\rb\\x00\\ud800\\u202e" in shown


def test_a_hundred_thousand_numeric_keys_stop_at_the_cap(write_charter) -> None:
    path = write_charter("format: 1\n" + "".join(f"{i}: x\n" for i in range(100_000)))
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:10001:1: error: the file holds more than 10,000 keys and list entries; a "
        "charter may hold at most 10,000 (a complete one holds about 1,000), so it was not "
        "checked\n")


def test_at_most_two_hundred_problems_of_a_kind(write_charter) -> None:
    path = write_charter(VALID + "".join(f"{i}: x\n" for i in range(3_000)))
    lines = run("validate", str(path)).stdout.splitlines()
    assert len(lines) == 201
    assert lines[199] == (f"{path}:204:1: error: the key 199 is a number; keys must be words: "
                          "put it in quotes or rename it")
    assert lines[200] == (f"{path}:205:1: error: 2,800 more problems like the ones above are "
                          "not listed; fix those and validate again")


def test_the_french_summary_counts_the_charters_as_french_does(tmp_path: Path) -> None:
    # before: "1 erreur, 0 avertissement dans 1 sur 2 chartes"
    french = INVALID.replace("language: en", "language: fr")
    assert french != INVALID
    (tmp_path / "a.yaml").write_text(french)
    alone = run("validate", str(tmp_path / "a.yaml"))
    assert "1 erreur, 0 avertissement dans 1 charte\n" in alone.stderr
    (tmp_path / "b.yaml").write_text(VALID.replace("language: en", "language: fr"))
    both = run("validate", str(tmp_path))
    assert "1 erreur, 0 avertissement dans 1 des 2 chartes\n" in both.stderr
