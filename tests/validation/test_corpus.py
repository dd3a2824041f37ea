"""The invalid-charter corpus: each case must produce exactly its expected report.

Each ``cases/NAME.yaml`` has a ``cases/NAME.expected`` holding the lines
``chartergen validate NAME.yaml`` prints, word for word. The corpus runs in French
too: each case with ``language: en`` made ``language: fr`` (same lines, same
columns), and ``--lang fr`` for files whose language cannot be read, must print
``cases/fr/NAME.expected``. After a deliberate change to messages, regenerate with
``CHARTERGEN_UPDATE_GOLDEN=1 pytest tests/validation`` and review the diff before
committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli

CASES = Path(__file__).parent / "cases"
UPDATE = os.environ.get("CHARTERGEN_UPDATE_GOLDEN") == "1"


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_invalid_charter_report(case: Path, language: str, monkeypatch: pytest.MonkeyPatch,
                                tmp_path: Path) -> None:
    expected_file = case.with_suffix(".expected")
    if language == "en":
        monkeypatch.chdir(CASES)
    else:
        (tmp_path / case.name).write_bytes(
            case.read_bytes().replace(b"language: en", b"language: " + language.encode()))
        monkeypatch.chdir(tmp_path)
        expected_file = CASES / language / expected_file.name
    result = CliRunner().invoke(cli, ["--lang", language, "validate", case.name])
    if UPDATE:
        expected_file.parent.mkdir(exist_ok=True)
        expected_file.write_text(result.stdout, encoding="utf-8")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    assert result.stdout == expected_file.read_text(encoding="utf-8")
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert result.exit_code == (1 if errors else 0)


def test_every_case_has_an_expected_report() -> None:
    missing = [p.name for p in _cases() if not p.with_suffix(".expected").exists()]
    assert not missing


def test_corpus_is_large() -> None:
    # the corpus is the contract for error messages: keep it broad
    assert len(_cases()) >= 45
