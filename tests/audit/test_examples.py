"""The audit on the bundled example charters, and on a charter with only the required fields."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from chartergen.audit import AuditReport, Status, run
from chartergen.loader import load_file
from chartergen.model import build
from chartergen.schema import validate

from .charters import TODAY, audit

CHARTERS = Path(__file__).resolve().parents[2] / "charters"
COMPLETE_EXAMPLES = ("cidrerie-du-bocage", "hartwell-pumps")
REQUIRED = ("format", "company")


def _load(slug: str) -> dict[str, Any]:
    loaded = load_file(CHARTERS / f"{slug}.yaml")
    assert loaded.document is not None, loaded.diagnostics
    errors = [d.format() for d in loaded.diagnostics + validate(loaded.document) if d.is_error]
    assert not errors, errors
    return loaded.document.data


def _audit(data: dict[str, Any], slug: str) -> AuditReport:
    return run(build(data, slug), TODAY)


def test_required_fields_only_trip_all_nine_mistakes() -> None:
    report = audit({"format": 1, "company": {"name": "Acme", "language": "en"}})
    assert [m.status for m in report.mistakes] == [Status.FAIL] * 9
    assert report.score < 15


@pytest.mark.parametrize("slug", COMPLETE_EXAMPLES)
def test_examples_confirm_only_known_items(slug: str) -> None:
    report = _audit(_load(slug), slug)
    assert report.warnings == ()
    assert any(item.confirmed for m in report.mistakes for item in m.manual)


@pytest.mark.parametrize("slug", COMPLETE_EXAMPLES)
def test_removing_any_section_lowers_the_score(slug: str) -> None:
    """Each optional top-level section feeds at least one check or item.

    The section is removed from the data and the model built as is: references
    into it (roles, audiences...) then dangle, which the audit must survive.
    """
    data = _load(slug)
    baseline = _audit(data, slug).score
    sections = [key for key in data if key not in REQUIRED]
    assert len(sections) >= 15
    unchanged = []
    for section in sections:
        trimmed = copy.deepcopy(data)
        del trimmed[section]
        if _audit(trimmed, slug).score >= baseline:
            unchanged.append(section)
    assert unchanged == []


def test_the_draft_example_scores_lower_than_the_complete_ones() -> None:
    draft = _audit(_load("northwind-studio"), "northwind-studio").score
    assert all(draft < _audit(_load(slug), slug).score for slug in COMPLETE_EXAMPLES)
