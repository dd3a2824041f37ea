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
def test_removing_any_section_lowers_the_score_or_the_completeness(slug: str) -> None:
    """Each optional top-level section feeds at least one check.

    The section is removed from the data and the model built as is: references
    into it (roles, audiences...) then dangle, which the audit must survive.
    """
    data = _load(slug)
    baseline = _audit(data, slug)
    sections = [key for key in data if key not in REQUIRED]
    assert len(sections) >= 15
    unchanged = []
    for section in sections:
        trimmed = copy.deepcopy(data)
        del trimmed[section]
        report = _audit(trimmed, slug)
        if (report.score, report.completeness) >= (baseline.score, baseline.completeness):
            unchanged.append(section)
    assert unchanged == [] or unchanged == ["reviews"]  # confirmations are to-dos only


def _drop(data: dict[str, Any], *paths: str) -> None:
    """Remove each dotted path; ``networks.*.x`` removes ``x`` from every network."""
    for dotted in paths:
        head, _, rest = dotted.partition(".*.")
        if rest:
            parent: Any = data
            for part in head.split("."):
                parent = parent.get(part, {})
            for entry in parent or []:
                entry.pop(rest, None)
            continue
        *parents, last = dotted.split(".")
        node = data
        for part in parents:
            node = node.get(part, {})
        node.pop(last, None)


CORE = {
    1: ("strategy.purpose",),
    2: ("audiences", "objectives", "networks.*.audiences", "networks.*.objectives",
        "content.pillars"),
    3: ("team",),
    4: ("engagement", "networks.*.reply_targets", "networks.*.engagement_time",
        "content.pillars"),
    5: ("networks",),
    6: ("content.pillars",),
    7: ("monitoring", "crisis"),
    8: ("objectives", "networks.*.objectives"),
    9: ("content.hub", "company.website"),
}
"""For each mistake, what a full example loses when its core practice is taken out."""

SHOWN = {("cidrerie-du-bocage", 3)}
"""Mistakes a full example shows the company making (the planned work is more than the
hours its roles give)."""

DETAILS = (
    ("document",), ("scope",), ("voice",), ("staff",), ("accounts",), ("team.budget",),
    ("strategy.orientations",), ("independence.exit_plans",), ("independence.exports",),
    ("crisis.drills", "crisis.after_action"), ("networks.*.why",), ("networks.*.coverage",),
    ("networks.*.why", "networks.*.audiences", "networks.*.objectives"),
    ("content.pillars.*.share",),
    ("networks.*.tone", "networks.*.formats"), ("audiences.*.where",),
    ("audiences.*.expectations",), ("monitoring.time_per_week",),
    ("measurement.time_per_week",),
)
"""Details a full example may leave unsaid without that being evidence of a mistake."""


@pytest.mark.parametrize("slug", COMPLETE_EXAMPLES)
@pytest.mark.parametrize("number", sorted(CORE))
def test_removing_a_core_practice_flags_its_mistake(slug: str, number: int) -> None:
    data = _load(slug)
    expected = Status.FAIL if (slug, number) in SHOWN else Status.PASS
    assert _audit(data, slug).mistake(number).status is expected
    trimmed = copy.deepcopy(data)
    _drop(trimmed, *CORE[number])
    assert _audit(trimmed, slug).mistake(number).status in (Status.WARN, Status.FAIL)


@pytest.mark.parametrize("slug", COMPLETE_EXAMPLES)
@pytest.mark.parametrize("detail", DETAILS, ids="+".join)
def test_removing_a_detail_lowers_completeness_not_the_verdicts(
        slug: str, detail: tuple[str, ...]) -> None:
    data = _load(slug)
    baseline = _audit(data, slug)
    trimmed = copy.deepcopy(data)
    _drop(trimmed, *detail)
    report = _audit(trimmed, slug)
    assert [m.status for m in report.mistakes] == [m.status for m in baseline.mistakes]
    assert _completeness(report) < _completeness(baseline)


def _completeness(report: AuditReport) -> int:
    """The nine mistakes' completeness added up: finer than the rounded average."""
    return sum(m.completeness for m in report.mistakes)


def test_the_draft_example_scores_lower_than_the_complete_ones() -> None:
    draft = _audit(_load("northwind-studio"), "northwind-studio").score
    assert all(draft < _audit(_load(slug), slug).score for slug in COMPLETE_EXAMPLES)
