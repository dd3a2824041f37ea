"""Hostile charter text in the self-check and the calendar: shown as text, never as markup."""

from __future__ import annotations

import copy
import datetime as dt

import icalendar
from bs4 import BeautifulSoup

from chartergen.model import build
from chartergen.render.site import render_charter
from chartergen.render.view import CharterSource

from .charters import full_charter
from .test_hostile_site import FORBIDDEN_TAGS, PAYLOAD


def hostile_charter():
    data = full_charter(lambda place: f"{PAYLOAD} {place}")
    # a second of everything the questions choose among, so that they are asked
    roles = data["team"]["roles"]
    roles.append({**copy.deepcopy(roles[0]), "id": "two", "title": f"{PAYLOAD} second"})
    staff = data["staff"]
    staff["dont"].append(f"{PAYLOAD} never")
    networks = data["networks"]
    networks.append({**copy.deepcopy(networks[0]), "id": "two", "owner": "two", "backup": "",
                     "cadence": {"posts": 9, "per": "week"},
                     "reply_targets": {"complaint": "9h"}})
    return build(data, "evil", "charters/evil.yaml")


def test_the_self_check_of_a_hostile_charter_holds_no_live_markup():
    charter = hostile_charter()
    rendered = render_charter(CharterSource(charter, "charters/evil.yaml"), "evil",
                              today=dt.date(2026, 11, 23))
    page = next(p for p in rendered.pages if p.src == "evil/self-check.md")
    soup = BeautifulSoup(page.markdown, "html.parser")
    questions = soup.select(".cg-quiz__q")
    assert len(questions) >= 4
    for tag in soup.find_all(True):
        assert tag.name not in FORBIDDEN_TAGS, tag
        assert not any(a.lower().startswith("on") for a in tag.attrs), tag
    assert PAYLOAD.split("{{")[0] in soup.get_text()  # the payload is there, as text
    assert "49" not in soup.get_text()  # no template syntax ran


def test_the_calendar_of_a_hostile_charter_is_read_back_as_it_was_written():
    charter = hostile_charter()
    rendered = render_charter(CharterSource(charter, "charters/evil.yaml"), "evil",
                              today=dt.date(2026, 11, 23))
    calendar = icalendar.Calendar.from_ical(rendered.files[0].content)
    summaries = [str(e["summary"]) for e in calendar.walk("VEVENT")]
    assert any(PAYLOAD in s for s in summaries)  # plain text in iCalendar, escaped by it
    assert len({str(e["uid"]) for e in calendar.walk("VEVENT")}) == len(summaries)
