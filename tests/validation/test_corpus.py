"""The invalid-charter corpus: each case must produce exactly its expected report.

Each ``cases/NAME.yaml`` has a ``cases/NAME.expected`` holding the lines
``chartergen validate NAME.yaml`` prints, word for word. After a deliberate
change to messages, regenerate with ``CHARTERGEN_UPDATE_GOLDEN=1 pytest
tests/validation`` and review the diff before committing it.
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


@pytest.mark.parametrize("case", _cases(), ids=lambda p: p.stem)
def test_invalid_charter_report(case: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CASES)
    result = CliRunner().invoke(cli, ["validate", case.name])
    expected_file = case.with_suffix(".expected")
    if UPDATE:
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
