"""What the audit produces: results per check and per mistake, and the overall score.

These types are the audit's contract with its readers (``chartergen check``,
the site's checklist and overview pages, ``chartergen diff``): they hold
plain, already-translated text and field paths, never YAML.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from dataclasses import dataclass

from chartergen.errors import FieldPath


class Status(enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    def __str__(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        """0 for pass, 1 for warn, 2 for fail: ``max(..., key=...)`` gives the worst."""
        return _RANKS[self]

    @classmethod
    def worst(cls, statuses: Iterable[Status]) -> Status:
        """The most severe of ``statuses`` (pass when there are none)."""
        return max(statuses, key=lambda status: status.rank, default=cls.PASS)


_RANKS = {Status.PASS: 0, Status.WARN: 1, Status.FAIL: 2}


@dataclass(frozen=True)
class Finding:
    """One precise place a check points at, with its own one-line reason.

    A check about every network (say, backups) gives one :class:`CheckResult`
    whose ``reason`` sums up, and one finding per network at fault, each with
    the field path of that network's value.
    """

    reason: str
    field_path: FieldPath = ()


@dataclass(frozen=True)
class CheckResult:
    """One automatic check on one charter."""

    id: str
    """Stable id, e.g. ``m5.backup-not-owner``."""
    mistake: int
    title: str
    status: Status
    reason: str
    """One line, in the charter's language."""
    field_path: FieldPath = ()
    """Where the fact lives (or should live) in the charter file."""
    findings: tuple[Finding, ...] = ()
    """For a warn or fail about several items: one finding per item at fault."""
    help: str = ""
    """What the check looks at and why, in English (the rule's docstring)."""
    kind: str = "evidence"
    """``evidence`` (sets the mistake's verdict) or ``detail`` (counts towards
    completeness only); see :func:`chartergen.audit.rule`."""

    @property
    def is_evidence(self) -> bool:
        return self.kind == "evidence"


@dataclass(frozen=True)
class ManualItem:
    """A checklist item only a person can confirm."""

    id: str
    """Stable id, e.g. ``m1.leadership-approved``; charters confirm it under ``reviews``."""
    mistake: int
    text: str
    confirmed_on: dt.date | None = None
    confirmed_by: str = ""
    expired: bool = False
    """Confirmed once, but longer ago than a confirmation stays valid (see thresholds)."""

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None and not self.expired


@dataclass(frozen=True)
class MistakeResult:
    number: int
    title: str
    summary: str
    status: Status
    score: int
    """0-100."""
    checks: tuple[CheckResult, ...]
    manual: tuple[ManualItem, ...]
    completeness: int = 100
    """0-100: how much of what a full charter says about this mistake is stated."""

    @property
    def evidence(self) -> tuple[CheckResult, ...]:
        """The checks that look for evidence of the mistake: they set ``status``."""
        return tuple(c for c in self.checks if c.is_evidence)

    @property
    def details(self) -> tuple[CheckResult, ...]:
        """The checks that look for information the charter may leave unsaid."""
        return tuple(c for c in self.checks if not c.is_evidence)

    @property
    def not_stated(self) -> tuple[CheckResult, ...]:
        """Details still to write: never, by themselves, a reason to warn or fail."""
        return tuple(c for c in self.details if c.status is not Status.PASS)

    @property
    def id(self) -> str:
        """``m1`` ... ``m9``: the prefix of this mistake's check and item ids."""
        return f"m{self.number}"


@dataclass(frozen=True)
class AuditReport:
    slug: str
    language: str
    score: int
    """0-100, over the nine mistakes."""
    mistakes: tuple[MistakeResult, ...]
    warnings: tuple[Finding, ...] = ()
    """Problems in the ``reviews`` section (unknown item ids...), in the charter's language."""
    today: dt.date | None = None
    """The date the audit was computed for."""
    completeness: int = 100
    """0-100: how much of what a full charter says is stated, over the nine mistakes."""

    @property
    def status(self) -> Status:
        return Status.worst(m.status for m in self.mistakes)

    @property
    def checks(self) -> tuple[CheckResult, ...]:
        """Every automatic check, mistake by mistake."""
        return tuple(c for m in self.mistakes for c in m.checks)

    def mistake(self, number: int) -> MistakeResult:
        return next(m for m in self.mistakes if m.number == number)
