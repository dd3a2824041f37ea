"""The engine around the rules: manual items and reviews, scores, statuses, purity."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from chartergen.audit import REGISTRY, Status, run
from chartergen.audit.results import CheckResult
from chartergen.audit.score import (
    completeness_points,
    mistake_points,
    mistake_score,
    mistake_status,
    overall_score,
)

from .charters import MANUAL_IDS, TODAY, audit, charter, complete


def test_the_complete_charter_scores_100() -> None:
    report = audit(complete())
    assert report.score == 100
    assert report.status is Status.PASS
    assert [m.score for m in report.mistakes] == [100] * 9
    assert report.completeness == 100
    assert [m.not_stated for m in report.mistakes] == [()] * 9
    assert report.warnings == ()


def test_nine_mistakes_in_order_with_titles_in_the_charter_language() -> None:
    data = complete()
    data["company"]["language"] = "fr"
    report = audit(data)
    assert [m.number for m in report.mistakes] == list(range(1, 10))
    assert [m.id for m in report.mistakes] == [f"m{n}" for n in range(1, 10)]
    assert report.mistake(6).title == "Trop de promotion"
    assert report.language == "fr"


def test_manual_item_ids_are_the_documented_ones() -> None:
    assert tuple(item.id for item in REGISTRY.manual_items()) == MANUAL_IDS


def test_every_mistake_has_checks_and_manual_items() -> None:
    for number in range(1, 10):
        assert len(REGISTRY.rules(number)) >= 5, number
        assert REGISTRY.manual_items(number), number


# -- reviews --------------------------------------------------------------------


def test_unconfirmed_items_are_to_dos_that_change_neither_verdict_nor_figures() -> None:
    data = complete()
    data["reviews"][0]["items"].remove("m9.hub-links")
    report = audit(data)
    m9 = report.mistake(9)
    assert m9.status is Status.PASS
    assert (m9.score, m9.completeness) == (100, 100)
    item = next(i for i in m9.manual if i.id == "m9.hub-links")
    assert not item.confirmed
    assert item.confirmed_on is None


def test_the_latest_confirmation_counts() -> None:
    data = complete()
    data["reviews"].append({"date": "2026-11-20", "reviewer": "Sam Lee",
                            "items": ["m1.leadership-approved"]})
    item = audit(data).mistake(1).manual[0]
    assert (item.confirmed_on, item.confirmed_by) == (dt.date(2026, 11, 20), "Sam Lee")


def test_a_confirmation_older_than_a_year_expires() -> None:
    data = complete()
    data["reviews"][0]["date"] = "2025-11-22"
    report = audit(data)
    item = report.mistake(1).manual[0]
    assert item.expired and not item.confirmed
    assert item.confirmed_on == dt.date(2025, 11, 22)
    assert report.mistake(1).status is Status.PASS

    data["reviews"][0]["date"] = "2025-11-23"  # exactly 365 days: still valid
    assert audit(data).mistake(1).manual[0].confirmed


def test_unknown_item_ids_are_reported_not_fatal() -> None:
    data = complete()
    data["reviews"].append({"date": "2026-11-01", "reviewer": "Sam Lee",
                            "items": ["m1.marketing-plan-aligned", "m4.zzz",
                                      "m5.backup-not-owner"]})
    report = audit(data)
    assert [(w.reason, w.field_path) for w in report.warnings] == [
        ("'m1.marketing-plan-aligned' is not a checklist item; did you mean "
         "'m1.marketing-aligned'?", ("reviews", 1, "items", 0)),
        ("'m4.zzz' is not a checklist item; run 'chartergen check' to see the item ids.",
         ("reviews", 1, "items", 1)),
        ("'m5.backup-not-owner' is an automatic check: it cannot be confirmed by hand; "
         "remove it from the review.", ("reviews", 1, "items", 2)),
    ]
    assert report.score == 100


def test_a_review_dated_in_the_future_does_not_count_yet() -> None:
    data = complete()
    data["reviews"] = [{"date": "2026-12-01", "reviewer": "Jo", "items": list(MANUAL_IDS)}]
    report = audit(data)
    assert not any(item.confirmed for m in report.mistakes for item in m.manual)
    assert [w.reason for w in report.warnings] == [
        "This review is dated 1\u00a0December\u00a02026, after today: its items count from "
        "that date."]
    assert audit(data, dt.date(2026, 12, 1)).score == 100


# -- score ------------------------------------------------------------------------


def _check(status: Status, kind: str = "evidence") -> CheckResult:
    return CheckResult("m1.x", 1, "x", status, "x", kind=kind)


@pytest.mark.parametrize(("statuses", "expected"), [
    ((Status.PASS, Status.PASS), 100),
    ((Status.PASS, Status.WARN), 75),
    ((Status.PASS, Status.FAIL), 50),
    ((Status.FAIL, Status.FAIL), 0),
    ((Status.WARN,) * 3, 50),
    ((), 100),
])
def test_mistake_score_counts_evidence_checks(statuses: tuple[Status, ...],
                                              expected: int) -> None:
    details = [(_check(Status.FAIL, "detail"), 1.0)] * 3
    checks = [(_check(s), 1.0) for s in statuses] + details
    assert mistake_score(*mistake_points(checks)) == expected


def test_completeness_counts_detail_checks_only() -> None:
    checks = [(_check(Status.FAIL), 1.0), (_check(Status.PASS, "detail"), 1.0),
              (_check(Status.WARN, "detail"), 1.0), (_check(Status.FAIL, "detail"), 2.0)]
    assert mistake_score(*completeness_points(checks)) == 37  # 1.5 of 4


def test_a_warning_costs_less_than_a_failure() -> None:
    def score(status: Status) -> int:
        return mistake_score(*mistake_points([(_check(status), 1.0)] * 4))

    assert score(Status.PASS) > score(Status.WARN) > score(Status.FAIL)


def test_status_is_the_worst_evidence_check_whatever_the_details() -> None:
    assert mistake_status([_check(Status.PASS), _check(Status.FAIL, "detail")]) is Status.PASS
    assert mistake_status([_check(Status.WARN), _check(Status.PASS, "detail")]) is Status.WARN
    assert mistake_status([_check(Status.FAIL), _check(Status.WARN)]) is Status.FAIL
    assert mistake_status([_check(Status.FAIL, "detail")]) is Status.PASS


def test_overall_score_is_the_floored_average() -> None:
    assert overall_score([100] * 8 + [99]) == 99
    assert overall_score([0, 100]) == 50
    assert overall_score([33, 34, 34]) == 33


# -- purity -------------------------------------------------------------------------


def test_same_charter_and_date_give_the_same_report() -> None:
    built = charter(complete())
    assert run(built, TODAY) == run(built, TODAY)


def test_today_is_injected() -> None:
    built = charter(complete())
    later = run(built, dt.date(2027, 9, 2))
    assert later.today == dt.date(2027, 9, 2)
    review = next(c for c in later.checks if c.id == "m8.next-review")
    assert review.reason == "The review planned for 1\u00a0September\u00a02027 is 1 day overdue."


def test_a_language_without_labels_falls_back_to_english() -> None:
    built = charter(complete())
    odd = dataclasses.replace(built, company=dataclasses.replace(built.company, language="de"))
    assert run(odd, TODAY).language == "en"


def test_the_complete_charter_passes_in_french_too() -> None:
    data = complete()
    data["company"]["language"] = "fr"
    report = audit(data)
    assert report.score == 100
    workload = next(c for c in report.mistake(3).checks if c.id == "m3.workload-fits")
    assert workload.reason == (
        "Le dispositif demande environ 10\u00a0h par semaine\u00a0; "
        "les rôles en donnent 16\u00a0h.")
