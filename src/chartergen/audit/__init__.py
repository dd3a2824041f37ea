"""The nine-mistakes audit: automatic checks on the typed charter, manual checklists, a score.

Public API::

    from chartergen.audit import run
    report = run(charter, today=datetime.date(2026, 11, 23))

and, for rule authors, :func:`rule`, :func:`manual_item`, :class:`Context` and
:class:`Verdict` (see :mod:`chartergen.audit.registry`).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from chartergen.audit.context import Context, Verdict
from chartergen.audit.registry import REGISTRY, manual_item, rule
from chartergen.audit.results import (
    AuditReport,
    CheckResult,
    Finding,
    ManualItem,
    MistakeResult,
    Status,
)

if TYPE_CHECKING:
    from chartergen.model import Charter

__all__ = [
    "REGISTRY",
    "AuditReport",
    "CheckResult",
    "Context",
    "Finding",
    "ManualItem",
    "MistakeResult",
    "Status",
    "Verdict",
    "manual_item",
    "rule",
    "run",
]


def run(charter: Charter, today: dt.date | None = None) -> AuditReport:
    """Audit ``charter`` as of ``today`` (default: the real date); see :mod:`.engine`."""
    from chartergen.audit.engine import run as run_audit

    return run_audit(charter, today)
