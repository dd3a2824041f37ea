"""What a rule receives besides the charter, and what it gives back.

A rule returns a :class:`Verdict`, usually built with ``ctx.passed(...)``,
``ctx.warn(...)`` or ``ctx.fail(...)``. Their first argument is a message key
looked up under ``audit.rules.<rule id>`` in the charter's language, so a
rule never holds wording; a plugin without labels may pass ``text=`` instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from chartergen.audit.results import Finding, Status
from chartergen.errors import FieldPath
from chartergen.i18n.formatting import Formatter
from chartergen.schema.types import Duration, Money


@dataclass(frozen=True)
class Verdict:
    status: Status
    reason: str
    field_path: FieldPath = ()
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class Context:
    """The rule's id, the audit date and the charter's language, with wording helpers."""

    rule_id: str
    today: dt.date
    language: str

    # -- verdicts --------------------------------------------------------------

    def passed(self, key: str = "pass", path: FieldPath = (), *, text: str | None = None,
               **values: Any) -> Verdict:
        return self._verdict(Status.PASS, key, path, (), text, values)

    def warn(self, key: str = "", path: FieldPath = (), *, findings: Iterable[Finding] = (),
             text: str | None = None, **values: Any) -> Verdict:
        return self._verdict(Status.WARN, key, path, findings, text, values)

    def fail(self, key: str = "", path: FieldPath = (), *, findings: Iterable[Finding] = (),
             text: str | None = None, **values: Any) -> Verdict:
        return self._verdict(Status.FAIL, key, path, findings, text, values)

    def finding(self, key: str, path: FieldPath = (), **values: Any) -> Finding:
        """One item at fault, with its own reason (key under this rule's labels)."""
        return Finding(self.say(key, **values), path)

    # -- wording -----------------------------------------------------------------

    def say(self, key: str, **values: Any) -> str:
        """This rule's label ``key``, filled with ``values`` (formatted for the language)."""
        from chartergen.i18n import label

        mistake, _, name = self.rule_id.partition(".")
        shown = {k: self.show(v) for k, v in values.items()}
        return label(self.language, f"audit.rules.{mistake}.{name}.{key}", **shown)

    def word(self, key: str, **values: Any) -> str:
        """A shared label under ``audit.words`` (units, list joiners...)."""
        from chartergen.i18n import label

        return label(self.language, f"audit.words.{key}", **values)

    def show(self, value: Any) -> str:
        """A value as the charter's reader writes it: decimals, dates, durations, amounts
        and lists as the site shows them ("24 août 2026", "1 h 30", "A, B et C")."""
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, float):
            return self.number(value)
        if isinstance(value, dt.date):
            return self.formats.date(value)
        if isinstance(value, Duration):
            return self.formats.duration(value)
        if isinstance(value, Money):
            return self.formats.money(value)
        if isinstance(value, (list, tuple)):
            return self.formats.join([self.show(v) for v in value])
        return str(value)

    @property
    def formats(self) -> Formatter:
        """The language's formatter, shared with the site."""
        return Formatter.of(self.language)

    def platform(self, key: str) -> str:
        """A platform's name in the charter's language ("X (anciennement Twitter)")."""
        return self.formats.enum("platform", key)

    def number(self, value: float) -> str:
        """12.5 in English, 12,5 in French; at most one decimal."""
        return self.formats.number(value)

    def hours(self, minutes: float) -> str:
        return self.word("hours", n=self.number(minutes / 60))

    def days(self, count: int) -> str:
        """``1 day``, ``22 days``; French counts 0 and 1 as singular."""
        single = count in (0, 1) if self.language == "fr" else count == 1
        return self.word("day" if single else "days", n=count)

    def percent(self, value: float) -> str:
        return self.word("percent", n=self.number(value))

    def _verdict(self, status: Status, key: str, path: FieldPath,
                 findings: Iterable[Finding], text: str | None,
                 values: dict[str, Any]) -> Verdict:
        reason = text if text is not None else self.say(key, **values)
        found = tuple(findings)
        if not path and found:
            path = found[0].field_path
        return Verdict(status, reason, path, found)
