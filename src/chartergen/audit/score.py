"""How the audit gives a verdict per mistake, and its two figures (0-100).

Every automatic check says what it looks for:

- an **evidence** check looks for signs that the company makes the mistake: a fact
  the charter states (the planned work is more than the hours given; selling content
  is above the ceiling; nobody stands in for the owner), a stated absence ("we have no
  backup"), or the mistake's small core missing altogether (no purpose at all; no
  audiences and no objectives; no time given to anyone; no way of conversing; no
  rhythm; no promotional share; no monitoring and no crisis procedure; no measurable
  target reviewed by someone; no channel the company owns);
- a **detail** check looks for information a full charter gives and this one may not
  (a KPI's baseline, a network's weekend hours, a budget). A detail that is missing is
  listed as *not stated*, with where to add it; it is never evidence.

A mistake's **status** is the worst of its evidence checks: ``fail`` when the charter
shows the company makes the mistake, ``warn`` on partial evidence, ``pass`` when there
is no sign of it. Detail checks and manual checklist items never change it.

The **mistake score** of a mistake is ``floor(100 x points / evidence checks)``, each
evidence check earning **1 for pass, 0.5 for warn, 0 for fail**, times its weight; the
charter's score is the plain average of its nine mistake scores, rounded down.

The **completeness** of a mistake is the same computation over its detail checks; the
charter's completeness is the plain average of the nine, rounded down. 100 means the
charter states everything the audit looks for.

Manual checklist items (what only a person can confirm) are to-dos: they count in
neither figure. A confirmation in ``reviews`` stays valid within the last **365 days**.

The figures live in :mod:`chartergen.audit.thresholds`; this docstring is
reused by ``docs/audit.md`` and may be shown by the site.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from chartergen.audit import thresholds
from chartergen.audit.results import CheckResult, Status

_VALUES = {
    Status.PASS: thresholds.PASS_VALUE,
    Status.WARN: thresholds.WARN_VALUE,
    Status.FAIL: thresholds.FAIL_VALUE,
}


def points(checks: Sequence[tuple[CheckResult, float]]) -> tuple[float, float]:
    """(points earned, points possible) of ``checks``, pairs of a result and its weight."""
    earned = sum(_VALUES[check.status] * weight for check, weight in checks)
    possible = sum(weight for _check, weight in checks)
    return earned, possible


def mistake_points(checks: Sequence[tuple[CheckResult, float]]) -> tuple[float, float]:
    """(points earned, points possible) of a mistake's evidence checks."""
    return points([(check, weight) for check, weight in checks if check.is_evidence])


def completeness_points(checks: Sequence[tuple[CheckResult, float]]) -> tuple[float, float]:
    """(points earned, points possible) of a mistake's detail checks."""
    return points([(check, weight) for check, weight in checks if not check.is_evidence])


def mistake_score(earned: float, possible: float) -> int:
    """0-100, rounded down; nothing to score counts as 100."""
    if possible <= 0:
        return 100
    return math.floor(100 * earned / possible + 1e-9)


def mistake_status(checks: Sequence[CheckResult]) -> Status:
    """The worst evidence check: detail checks and manual items never change it."""
    return Status.worst(check.status for check in checks if check.is_evidence)


def overall_score(scores: Sequence[int]) -> int:
    """The plain average of the mistake scores (or completeness figures), rounded down."""
    if not scores:
        return 100
    return math.floor(sum(scores) / len(scores) + 1e-9)
