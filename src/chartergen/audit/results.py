"""What the audit produces: results per check and per mistake, and the overall score.

These types are the audit's contract with its readers (``chartergen check``,
the site's checklist and overview pages, ``chartergen diff``): they hold
plain, already-translated text and field paths, never YAML.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from chartergen.errors import FieldPath


class Status(enum.Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"

    def __str__(self) -> str:
        return self.value


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


@dataclass(frozen=True)
class ManualItem:
    """A checklist item only a person can confirm."""

    id: str
    """Stable id, e.g. ``m1.leadership-approved``; charters confirm it under ``reviews``."""
    mistake: int
    text: str
    confirmed_on: dt.date | None = None
    confirmed_by: str = ""

    @property
    def confirmed(self) -> bool:
        return self.confirmed_on is not None


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


@dataclass(frozen=True)
class AuditReport:
    slug: str
    language: str
    score: int
    """0-100, over the nine mistakes."""
    mistakes: tuple[MistakeResult, ...]
