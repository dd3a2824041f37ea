"""The dates a charter keeps: what falls due, when, and where the charter says it.

One list for every reader of dates (the iCalendar files of the site, and anything else that
wants them): the next review, each KPI's deadline, the next crisis drill, each checklist
confirmation that expires, and the after-action review of the last crisis. Each date has a
``key`` that stays the same from one build to the next while the fact it comes from stays
(a calendar that imports the file again updates the event rather than adding another).
Only what the charter states gives a date: nothing is guessed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from chartergen.audit import thresholds
from chartergen.model import Charter

CADENCE_MONTHS = {"monthly": 1, "quarterly": 3, "half-yearly": 6, "yearly": 12,
                  "every-two-years": 24}
"""How far apart two drills are, by the charter's cadence."""


@dataclass(frozen=True)
class Due:
    """One date a charter keeps."""

    key: str
    """Stable within the charter: ``review``, ``kpi-<objective>-<n>``, ``drill``,
    ``confirmation-<item>``, ``after-action-<day the crisis started>``."""
    kind: str
    """``review``, ``kpi``, ``drill``, ``confirmation`` or ``after-action``."""
    date: dt.date
    page: str
    """The page of the charter's site that states the fact (a page key)."""
    anchor: str = ""
    values: tuple[tuple[str, str], ...] = ()
    """What the event's words are filled with (``metric``, ``target``...), as stated."""


def dates(charter: Charter) -> tuple[Due, ...]:
    """Every date ``charter`` keeps, in date order (then by key)."""
    found: list[Due] = []
    document = charter.document
    if document.next_review:
        found.append(Due("review", "review", document.next_review, "overview",
                         values=(("cadence", document.review_cadence),)))
    for objective in charter.objectives:
        for number, kpi in enumerate(objective.kpis, 1):
            if kpi.deadline:
                found.append(Due(f"kpi-{objective.id}-{number}", "kpi", kpi.deadline,
                                 "strategy", f"objective-{objective.id}",
                                 (("metric", kpi.metric), ("target", kpi.target),
                                  ("objective", objective.statement))))
    drills = charter.crisis.drills
    if drills.last and drills.cadence in CADENCE_MONTHS:
        found.append(Due("drill", "drill", add_months(drills.last,
                                                      CADENCE_MONTHS[drills.cadence]),
                         "crisis", values=(("last", drills.last.isoformat()),
                                           ("cadence", drills.cadence))))
    for item, (day, who) in sorted(_confirmations(charter).items()):
        found.append(Due(f"confirmation-{item}", "confirmation",
                         day + dt.timedelta(days=thresholds.CONFIRMATION_VALID_DAYS),
                         "checklist", values=(("item", item), ("date", day.isoformat()),
                                              ("who", who))))
    due = charter.crisis.after_action_due
    current = charter.crisis.current
    if due is not None and current.ended is not None:
        started = current.since.isoformat() if current.since else current.ended.isoformat()
        found.append(Due(f"after-action-{started}", "after-action", due, "crisis",
                         values=(("ended", current.ended.isoformat()),
                                 ("within", str(charter.crisis.after_action.within)))))
    return tuple(sorted(found, key=lambda d: (d.date, d.key)))


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` later; the month's last day when it is shorter (31 Jan + 1)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _confirmations(charter: Charter) -> dict[str, tuple[dt.date, str]]:
    """The latest confirmation of each checklist item in ``reviews``, and who gave it."""
    latest: dict[str, tuple[dt.date, str]] = {}
    for review in charter.reviews:
        for item in review.items:
            if item not in latest or review.date >= latest[item][0]:
                latest[item] = (review.date, review.reviewer)
    return latest
