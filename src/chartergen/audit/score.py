"""How the audit scores a mistake and a charter (0-100).

Each automatic check of a mistake earns points: **1 for pass, 0.5 for warn,
0 for fail**, times the rule's weight (1 for every built-in rule). Each manual
checklist item weighs **0.5** and earns it all when a ``reviews`` entry has
confirmed it within the last **365 days**, nothing otherwise.

    mistake score = floor(100 x points earned / points possible)

The charter's score is the plain average of its nine mistake scores, rounded
down, so every mistake weighs the same however many checks it has, and 100
means every check passed and every item is confirmed.

A mistake's **status** is ``fail`` when any of its checks fails, ``warn`` when
any check warns or a manual item is still open, and ``pass`` otherwise.

The figures live in :mod:`chartergen.audit.thresholds`; this docstring is
reused by ``docs/audit.md`` and may be shown by the site.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from chartergen.audit import thresholds
from chartergen.audit.results import CheckResult, ManualItem, Status

_VALUES = {
    Status.PASS: thresholds.PASS_VALUE,
    Status.WARN: thresholds.WARN_VALUE,
    Status.FAIL: thresholds.FAIL_VALUE,
}


def mistake_points(checks: Sequence[tuple[CheckResult, float]],
                   manual: Sequence[ManualItem]) -> tuple[float, float]:
    """(points earned, points possible) for one mistake; ``checks`` pairs with weights."""
    earned = sum(_VALUES[check.status] * weight for check, weight in checks)
    possible = sum(weight for _check, weight in checks)
    earned += sum(thresholds.MANUAL_ITEM_WEIGHT for item in manual if item.confirmed)
    possible += thresholds.MANUAL_ITEM_WEIGHT * len(manual)
    return earned, possible


def mistake_score(earned: float, possible: float) -> int:
    """0-100, rounded down; a mistake with nothing to score counts as 100."""
    if possible <= 0:
        return 100
    return math.floor(100 * earned / possible + 1e-9)


def mistake_status(checks: Sequence[CheckResult], manual: Sequence[ManualItem]) -> Status:
    worst = Status.worst(check.status for check in checks)
    if worst is Status.PASS and not all(item.confirmed for item in manual):
        return Status.WARN
    return worst


def overall_score(scores: Sequence[int]) -> int:
    """The plain average of the mistake scores, rounded down."""
    if not scores:
        return 100
    return math.floor(sum(scores) / len(scores) + 1e-9)
