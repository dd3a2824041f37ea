"""Typed values a reader must not misread: durations, dates, percentages, money, links.

Each parser takes what YAML gave (text or a number) and returns the typed value,
or raises :class:`ValueError` whose message says, in plain words, what to write
instead. The schema uses them to validate and the model to convert, so both
always agree.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from chartergen.messages import Msg

_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?)\s*(min|wd|wh|h|d|w)", re.IGNORECASE)
_DURATION = re.compile(r"^\s*(?:\d+(?:\.\d+)?\s*(?:min|wd|wh|h|d|w)\s*)+$", re.IGNORECASE)
_MINUTES = {"min": 1, "h": 60, "d": 24 * 60, "wd": 24 * 60, "wh": 60, "w": 7 * 24 * 60}
"""``wd`` is a working day and ``wh`` a working hour: for comparisons they count as a day
and an hour, they read as written, and the clock stops outside working time (see
:attr:`Duration.working`)."""


@dataclass(frozen=True, order=True)
class Duration:
    """A span of time, kept in minutes; written back as the user wrote it."""

    minutes: float
    text: str = ""

    @property
    def hours(self) -> float:
        return self.minutes / 60

    @property
    def working(self) -> bool:
        """Counted in working days or hours (``1wd``, ``4wh``): weekends do not count."""
        return any(unit.lower() in ("wd", "wh") for _n, unit in _DURATION_PART.findall(self.text))

    def __str__(self) -> str:
        return self.text or f"{self.minutes:g}min"


def parse_duration(value: object) -> Duration:
    if isinstance(value, str) and _DURATION.match(value):
        minutes = sum(
            float(amount) * _MINUTES[unit.lower()]
            for amount, unit in _DURATION_PART.findall(value)
        )
        return Duration(minutes, value.strip())
    raise ValueError(
        Msg("{value} is not a duration: write a number and a unit, "
            "for example 30min, 4h, 2d, 1wd (working day) or 1w", value=_show(value))
    )


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and _DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                Msg("{value} is not a real date (check the day and the month)",
                    value=_show(value))
            ) from None
    raise ValueError(
        Msg("{value} is not a date: write it as YYYY-MM-DD, for example 2027-03-31",
            value=_show(value))
    )


_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


class Month(dt.date):
    """A date known to the month only ("in May 2026"): the first day of that month, which
    reads back as the month (``2026-05``) and is shown as the month and year."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"Month({self.year}, {self.month})"


def parse_month(value: object) -> dt.date:
    """A full date, or a month written YYYY-MM (a :class:`Month`)."""
    if isinstance(value, str) and (match := _MONTH.match(value.strip())):
        year, month = int(match.group(1)), int(match.group(2))
        if 1 <= month <= 12:
            return Month(year, month, 1)
        raise ValueError(Msg("{value} is not a real month (check the month)",
                             value=_show(value)))
    if isinstance(value, str) and not _DATE.match(value.strip()):
        raise ValueError(
            Msg("{value} is not a date or a month: write it as YYYY-MM-DD or YYYY-MM, "
                "for example 2026-05-14 or 2026-05", value=_show(value))
        )
    return parse_date(value)


_PERCENT = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*%\s*$")


def parse_percent(value: object) -> float:
    number: float | None = None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # a whole number past a float's range (hundreds of digits) is past 100% too
        number = float(value) if abs(value) < 10**300 else float("inf")
    elif isinstance(value, str) and (match := _PERCENT.match(value)):
        number = float(match.group(1).replace(",", "."))
    if number is None:
        raise ValueError(Msg("{value} is not a percentage: write it as 20% or 20",
                             value=_show(value)))
    if not 0 <= number <= 100:
        raise ValueError(Msg("{value} is not between 0% and 100%", value=_show(value)))
    return number


@dataclass(frozen=True)
class Money:
    amount: Decimal
    currency: str

    def __str__(self) -> str:
        whole = f"{self.amount:,.2f}".replace(",", "\u202f")
        if whole.endswith(".00"):
            whole = whole[:-3]
        return f"{whole} {self.currency}"


# Spaces between digits must be followed by a digit: with "[\d\s]*\s*" the two could
# share a run of spaces, and a long run (a hostile charter) took quadratic time.
_MONEY = re.compile(r"^\s*(\d(?:[\d_]|\s+(?=\d))*(?:[.,]\d{1,2})?)\s*([A-Z]{3})\s*$")
_MONEY_MAX = 100
"""No amount is written in more characters; longer text is not read as money."""


def parse_money(value: object) -> Money:
    if isinstance(value, str) and len(value) <= _MONEY_MAX and (match := _MONEY.match(value)):
        digits = re.sub(r"[\s_\u202f]", "", match.group(1)).replace(",", ".")
        return Money(Decimal(digits), match.group(2))
    raise ValueError(
        Msg("{value} is not an amount of money: write the amount then the "
            "three-letter currency code, for example 12000 EUR or 4500.50 USD",
            value=_show(value))
    )


URL_SCHEMES = ("http", "https", "mailto")


def parse_url(value: object) -> str:
    from urllib.parse import urlsplit  # only charters with links pay for it

    if isinstance(value, str):
        text = value.strip()
        parts = urlsplit(text)
        scheme = parts.scheme.lower()
        if scheme in ("http", "https") and parts.netloc and not re.search(r"\s", text):
            return text
        if scheme == "mailto" and parse_email_ok(text[len("mailto:"):]):
            return text
        if scheme and scheme not in URL_SCHEMES:
            raise ValueError(
                Msg("links may only start with http://, https:// or mailto:, not "
                    "'{scheme}:'", scheme=scheme)
            )
    raise ValueError(
        Msg("{value} is not a web address: write it in full, "
            "for example https://www.example.com/page", value=_show(value))
    )


_EMAIL = re.compile(r"^[^@\s<>\"']+@[^@\s<>\"']+\.[A-Za-z]{2,}$")


def parse_email_ok(text: str) -> bool:
    return bool(_EMAIL.match(text))


def parse_email(value: object) -> str:
    if isinstance(value, str) and parse_email_ok(value.strip()):
        return value.strip()
    raise ValueError(Msg("{value} is not an email address, such as name@example.com",
                         value=_show(value)))


_PHONE = re.compile(r"^\+?[0-9][0-9 ().\-]{4,22}[0-9]$")


def parse_phone(value: object) -> str:
    if isinstance(value, str) and _PHONE.match(value.strip()):
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            Msg("put phone numbers in quotes, for example '+33 1 99 00 01 01': without them "
                "YAML reads the number as {value} and drops any leading 0 or +", value=value)
        )
    raise ValueError(
        Msg("{value} is not a phone number: use digits, spaces and an optional "
            "leading +, and put it in quotes, for example '+33 4 72 00 00 00'",
            value=_show(value))
    )


_TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def parse_time(value: object) -> str:
    if isinstance(value, str) and (match := _TIME.match(value.strip())):
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    raise ValueError(Msg("{value} is not a time of day: write it as HH:MM, for example 09:30",
                         value=_show(value)))


PARSERS = {
    "duration": parse_duration,
    "date": parse_date,
    "month": parse_month,
    "percent": parse_percent,
    "money": parse_money,
    "url": parse_url,
    "email": parse_email,
    "phone": parse_phone,
    "time": parse_time,
}
"""Custom schema types, by name, with the parser that defines each."""


def _show(value: object) -> str:
    """A value as a message quotes it: text in quotes (in English as Python writes it, in
    French between « »), anything else by what it is."""
    if isinstance(value, str):
        return Msg("{text!r}", text=value if len(value) <= 60 else value[:57] + "...")
    if value is None:
        return Msg("an empty value")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, dict)):
        return Msg("a list") if isinstance(value, list) else Msg("a section")
    return str(value)
