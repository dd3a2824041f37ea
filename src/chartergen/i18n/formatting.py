"""Dates, numbers, durations, amounts and lists written the way each language writes them.

One :class:`Formatter` per language serves the site and the audit's reasons alike,
so a date reads "24 août 2026" on a page and in ``chartergen check`` (programs get
ISO dates from ``--format json``). Its labels are the ``site`` area of the catalogue
(``date``, ``number``, ``duration``, ``common``, ``enums``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from decimal import Decimal
from functools import cache
from typing import Any

from chartergen.schema.types import Duration, Money, Month


class Formatter:
    """Formats values with the labels of one language (``site.yaml``)."""

    def __init__(self, labels: dict[str, Any]):
        self.labels = labels

    @staticmethod
    def of(language: str) -> Formatter:
        """The formatter of ``language`` (English for a language without labels)."""
        return _formatter(language)

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        labels = self.labels["date"]
        month = labels["months"][value.month - 1]
        if isinstance(value, Month):  # known to the month only: "May 2026"
            return str(labels["month_format"]).format(month=month, year=value.year)
        day = labels["first_day"] if value.day == 1 else value.day
        return str(labels["format"]).format(day=day, month=month, year=value.year)

    def time(self, value: str) -> str:
        """A time of day written HH:MM, the language's way ("18:30", "18 h 30", "9 h");
        anything else is shown as written."""
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", value.strip()) if value else None
        if not match:
            return value or ""
        hour, minute = int(match.group(1)), match.group(2)
        labels = self.labels["date"]
        key = "time_on_the_hour" if minute == "00" else "time"
        return str(labels[key]).format(h=hour, hh=f"{hour:02d}", mm=minute)

    def number(self, value: float | Decimal, decimals: int = 1) -> str:
        """``1,234.5`` in English, ``1 234,5`` in French; no decimals when they are zeros."""
        rounded = round(Decimal(str(value)), decimals)
        text = f"{rounded:,.{decimals}f}" if rounded != rounded.to_integral_value() else (
            f"{int(rounded):,d}")
        labels = self.labels["number"]
        return text.translate({ord(","): str(labels["thousands"]),
                               ord("."): str(labels["decimal"])})

    def duration(self, value: Duration | None) -> str:
        if value is None:
            return ""
        labels = self.labels["duration"]
        minutes = value.minutes
        if value.working:  # working time reads as working time ("2 working days")
            day = minutes >= 24 * 60 and minutes % (24 * 60) == 0
            n = int(minutes // (24 * 60)) if day else minutes / 60
            key = ("working_day" if n == 1 else "working_days") if day else (
                "working_hour" if n == 1 else "working_hours")
            return str(labels[key]).format(n=self.number(n))
        week, day = 7 * 24 * 60, 24 * 60
        if minutes >= week and minutes % week == 0:
            n = int(minutes // week)
            return str(labels["week" if n == 1 else "weeks"]).format(n=n)
        if minutes >= day and minutes % day == 0:
            n = int(minutes // day)
            return str(labels["day" if n == 1 else "days"]).format(n=n)
        if minutes >= 60:
            hours, rest = divmod(minutes, 60)
            if rest:
                return str(labels["hours_minutes"]).format(h=self.number(hours),
                                                           m=self.number(rest))
            return str(labels["hours"]).format(n=self.number(hours))
        return str(labels["minutes"]).format(n=self.number(minutes))

    def percent(self, value: float | None) -> str:
        if value is None:
            return ""
        return str(self.labels["number"]["percent"]).format(value=self.number(value))

    def hours(self, value: float | None) -> str:
        if value is None:
            return ""
        return str(self.labels["number"]["hours"]).format(value=self.number(value))

    def money(self, value: Money | None) -> str:
        if value is None:
            return ""
        return str(self.labels["number"]["money"]).format(
            amount=self.number(value.amount, 2), currency=value.currency)

    def enum(self, group: str, value: str) -> str:
        """The label of a closed-list value; an unknown value is shown as written."""
        return str(self.labels["enums"][group].get(value, value)) if value else ""

    def join(self, items: Sequence[str]) -> str:
        """A short list in running text: "A, B and C" when that cannot be misread, else
        "A; B; C" (an item holds a comma, a semicolon or the word "and" itself)."""
        items = [str(i) for i in items if str(i)]
        if len(items) <= 1:
            return "".join(items)
        common = self.labels["common"]
        conjunction = str(common["and"])
        if any(_ambiguous(item, conjunction) for item in items):
            return str(common["semicolon"]).join(items)
        return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return str(self.labels["common"]["unknown"])
        return str(self.labels["common"]["yes" if value else "no"])


def _ambiguous(item: str, conjunction: str) -> bool:
    if any(mark in item for mark in ",;&·"):
        return True
    return re.search(rf"(?<!\w){re.escape(conjunction)}(?!\w)", item, re.IGNORECASE) is not None


@cache
def _formatter(language: str) -> Formatter:
    from chartergen.i18n import LANGUAGES, catalogue

    return Formatter(catalogue(language if language in LANGUAGES else "en")["site"])
