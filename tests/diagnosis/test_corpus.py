"""The audit's verdicts against an expert's, over the calibration corpus.

Each company of ``companies/`` has interview notes, an expert's verdict per mistake and
the charter written from the notes (see README.md). A mistake the expert says is made
must be flagged (``warn`` or ``fail``); one the expert says is not made must pass; where
the notes say nothing, the audit may say either.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("diagnosis", ROOT / "benchmarks" /
                                                  "diagnosis.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["diagnosis"] = module
    spec.loader.exec_module(module)
    return module


diagnosis = _benchmark()
COMPANIES = diagnosis.companies()


def test_the_corpus_is_varied() -> None:
    assert len(COMPANIES) >= 12
    languages = {_language(folder) for folder in COMPANIES}
    assert languages == {"en", "fr"}
    for folder in COMPANIES:
        assert (folder / "notes.md").read_text(encoding="utf-8").strip(), folder.name


def _language(folder: Path) -> str:
    text = (folder / "charter.yaml").read_text(encoding="utf-8")
    return "fr" if "language: fr" in text else "en"


@pytest.mark.parametrize("folder", COMPANIES, ids=lambda p: p.name)
def test_every_verdict_matches_the_expert(folder: Path) -> None:
    company = diagnosis.audit(folder)
    wrong = [f"M{c.mistake}: expert {c.expert} ({c.reason}), audit {c.status}"
             for c in company.cells if not c.agrees]
    assert wrong == []


NEW_USER = "{company}-new-user.yaml"
"""The charters written from the notes and the docs alone (see new-user.md)."""


@pytest.mark.parametrize("folder", diagnosis.companies(NEW_USER), ids=lambda p: p.name)
def test_charters_written_by_a_new_user_get_the_experts_verdicts(folder: Path) -> None:
    """What a new user leaves unsaid lowers completeness; it does not flag a mistake."""
    company = diagnosis.audit(folder, charter_file=NEW_USER)
    wrong = [f"M{c.mistake}: expert {c.expert} ({c.reason}), audit {c.status}"
             for c in company.cells if not c.agrees]
    assert wrong == []


def test_corpus_figures() -> None:
    figures = diagnosis.summary([diagnosis.audit(folder) for folder in COMPANIES])
    assert figures["made_flagged"] == figures["made"] > 0
    assert figures["clean_flagged"] * 20 <= figures["clean"]


def test_the_benchmark_prints_the_figures_and_the_table(capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    assert diagnosis.main([]) == 0
    out = capsys.readouterr().out
    assert "mistakes made that were flagged: " in out
    assert "clean mistakes flagged: " in out
    assert all(folder.name in out for folder in COMPANIES)
