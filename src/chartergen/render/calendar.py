"""The charter's dates as iCalendar files (RFC 5545), written with the ``icalendar`` library.

Each charter's site folder gets ``calendar.ics``; the portfolio gets ``charters.ics`` with
every charter's dates. Events last the whole day they fall due, remind a week before, and
keep the same ``UID`` from build to build (the date's key in :mod:`chartergen.agenda`, the
charter's folder and ``chartergen``), so a calendar that imports the file again, or
subscribes to it, updates its events instead of adding copies. ``DTSTAMP`` is the build's
date, so the same charter and date give the same file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from chartergen.agenda import Due, dates
from chartergen.model import Charter

CHARTER_FILE = "calendar.ics"
"""In each charter's folder on the site."""
PORTFOLIO_FILE = "charters.ics"
"""At the root of the site: every charter's dates."""
PRODID = "-//chartergen//charter dates//EN"
REMINDER = dt.timedelta(days=7)


@dataclass(frozen=True)
class CalendarSource:
    """One charter, its folder on the site and its labels (its own language)."""

    charter: Charter
    site_slug: str
    labels: Mapping[str, Any]


def charter_calendar(source: CalendarSource, today: dt.date) -> str:
    """The iCalendar file of one charter."""
    name = _say(source.labels, "calendar_name", company=source.charter.company.name)
    return _calendar(name, source.charter.language, _events(source, today, ""))


def portfolio_calendar(sources: Iterable[CalendarSource], today: dt.date, name: str,
                       language: str) -> str:
    """The iCalendar file of every charter of the portfolio."""
    events = [event for source in sources
              for event in _events(source, today, f"{source.site_slug}/")]
    return _calendar(name, language, events)


def join_calendars(calendars: Iterable[str], name: str, language: str) -> str:
    """The portfolio's file from the charters' own files (:func:`charter_calendar`): the
    same events, so the same text as :func:`portfolio_calendar` gives, without writing
    every charter's events again (a build that re-renders one charter re-uses the rest)."""
    empty = _calendar(name, language, [])
    end = empty.rindex(_END)
    events = []
    for text in calendars:
        start = text.find(_BEGIN_EVENT)
        if start >= 0:
            events.append(text[start:text.rindex(_END)])
    return empty[:end] + "".join(events) + empty[end:]


_BEGIN_EVENT = "BEGIN:VEVENT\r\n"
_END = "END:VCALENDAR\r\n"


def uid(due: Due, site_slug: str) -> str:
    """The event's id: the same from one build to the next while the fact stays."""
    return f"{due.key}.{site_slug}@chartergen"


def _calendar(name: str, language: str, events: list[Any]) -> str:
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", " ".join(name.split()))  # one line, as the format wants
    for event in events:
        calendar.add_component(event)
    text: str = calendar.to_ical().decode("utf-8")
    return text


def _events(source: CalendarSource, today: dt.date, folder: str) -> list[Any]:
    import icalendar

    charter, labels = source.charter, source.labels
    stamp = dt.datetime(today.year, today.month, today.day, tzinfo=dt.UTC)
    events = []
    for due in dates(charter):
        summary, description = _words(due, charter, labels)
        event = icalendar.Event()
        event.add("uid", uid(due, source.site_slug))
        event.add("dtstamp", stamp)
        event.add("dtstart", due.date)
        event.add("dtend", due.date + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", description)
        event.add("categories", [due.kind])
        event.add("transp", "TRANSPARENT")
        alarm = icalendar.Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("trigger", -REMINDER)
        alarm.add("description", _say(labels, "event_alarm", summary=summary))
        event.add_component(alarm)
        events.append(event)
    return events


def _words(due: Due, charter: Charter, labels: Mapping[str, Any]) -> tuple[str, str]:
    """The event's title and text, in the charter's language."""
    from chartergen.i18n import label

    values = dict(due.values)
    company = charter.company.name
    enums = labels["enums"]
    if due.kind == "review":
        cadence = enums["cadence_every"].get(values.get("cadence", ""), "")
        text = _say(labels, "event_review_text", cadence=cadence) if cadence else ""
        return _say(labels, "event_review", company=company), text
    if due.kind == "kpi":
        return (_say(labels, "event_kpi", metric=values["metric"], company=company),
                _say(labels, "event_kpi_text", target=values["target"] or "-",
                     objective=values["objective"]))
    if due.kind == "drill":
        cadence = enums["cadence_every"].get(values["cadence"], values["cadence"])
        return (_say(labels, "event_drill", company=company),
                _say(labels, "event_drill_text", date=_date(labels, values["last"]),
                     cadence=cadence))
    if due.kind == "confirmation":
        mistake, _, name = values["item"].partition(".")
        try:
            item = label(charter.language, f"audit.manual.{mistake}.{name}")
        except KeyError:
            item = values["item"]
        return (_say(labels, "event_confirmation", item=item.rstrip("."), company=company),
                _say(labels, "event_confirmation_text", date=_date(labels, values["date"]),
                     who=values["who"]))
    return (_say(labels, "event_after_action", company=company),
            _say(labels, "event_after_action_text", date=_date(labels, values["ended"]),
                 within=values["within"]))


def _date(labels: Mapping[str, Any], iso: str) -> str:
    from chartergen.render.formatting import Formatter
    from chartergen.schema.types import parse_month  # a date, or a month (a drill in May)

    return Formatter(dict(labels)).date(parse_month(iso)).replace("\u00a0", " ")


def _say(labels: Mapping[str, Any], key: str, **values: Any) -> str:
    return str(labels["live"][key]).format(**values)
