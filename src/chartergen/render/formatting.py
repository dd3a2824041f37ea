"""Dates, durations, percentages and lists written the way each language writes them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from chartergen.schema.types import Duration, Money


class Formatter:
    """Formats values with the labels of one language (``site.yaml``)."""

    def __init__(self, labels: dict[str, Any]):
        self.labels = labels

    def date(self, value: dt.date | None) -> str:
        if value is None:
            return ""
        month = self.labels["date"]["months"][value.month - 1]
        return str(self.labels["date"]["format"]).format(
            day=value.day, month=month, year=value.year
        )

    def duration(self, value: Duration | None) -> str:
        if value is None:
            return ""
        labels = self.labels["duration"]
        minutes = value.minutes
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
                return str(labels["hours_minutes"]).format(h=_number(hours), m=_number(rest))
            return str(labels["hours"]).format(n=_number(hours))
        return str(labels["minutes"]).format(n=_number(minutes))

    def percent(self, value: float | None) -> str:
        if value is None:
            return ""
        return str(self.labels["number"]["percent"]).format(value=_number(round(value, 1)))

    def hours(self, value: float | None) -> str:
        if value is None:
            return ""
        return str(self.labels["number"]["hours"]).format(value=_number(round(value, 1)))

    def money(self, value: Money | None) -> str:
        return "" if value is None else str(value)

    def enum(self, group: str, value: str) -> str:
        """The label of a closed-list value; an unknown value is shown as written."""
        return str(self.labels["enums"][group].get(value, value)) if value else ""

    def join(self, items: Sequence[str]) -> str:
        items = [str(i) for i in items if str(i)]
        if len(items) <= 1:
            return "".join(items)
        return f"{', '.join(items[:-1])} {self.labels['common']['and']} {items[-1]}"

    def yes_no(self, value: bool | None) -> str:
        if value is None:
            return str(self.labels["common"]["unknown"])
        return str(self.labels["common"]["yes" if value else "no"])


def _number(value: float) -> str:
    return f"{value:g}"
