"""The charters' dates as iCalendar files, read back with the icalendar library as a calendar
application reads them: the expected events, reminders a week before, and ids that stay the
same from one build to the next (importing again updates, never duplicates)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner
from sitetools import CHARTERS, EXAMPLES, TODAY

from chartergen.agenda import add_months, dates
from chartergen.cli import cli
from chartergen.loader import load_text
from chartergen.model import build


def render(project: Path, out: str, *args: str) -> Path:
    result = CliRunner().invoke(cli, ["render", str(project / "charters"), "--out",
                                      str(project / out), *args])
    assert result.exit_code == 0, result.output
    return project / out / "docs"


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = {}
    for event in calendar.walk("VEVENT"):
        assert str(event["uid"]) not in found  # one event per id within a file
        found[str(event["uid"])] = event
    return found


@pytest.fixture(scope="module")
def rendered(module_tmp: Path) -> dict[str, Path]:
    shutil.copytree(CHARTERS, module_tmp / "charters", ignore=shutil.ignore_patterns("*.json"))
    return {"first": render(module_tmp, "first", "--today", TODAY),
            "later": render(module_tmp, "later", "--today", "2027-01-15"),
            "public": render(module_tmp, "public", "--today", TODAY, "--public")}


def test_each_charter_has_a_calendar_with_its_dates(rendered):
    found = events(rendered["first"] / "hartwell-pumps" / "calendar.ics")
    by_uid = {uid: (event.decoded("dtstart"), str(event["summary"]))
              for uid, event in found.items()}
    assert by_uid["review.hartwell-pumps@chartergen"] == (
        dt.date(2027, 10, 12), "Review of the charter: Hartwell Pumps Ltd")
    assert by_uid["drill.hartwell-pumps@chartergen"] == (
        dt.date(2026, 12, 17), "Crisis drill due (Hartwell Pumps Ltd)")
    assert by_uid["kpi-support-1.hartwell-pumps@chartergen"] == (
        dt.date(2027, 6, 30),
        "KPI deadline: Technical questions answered on time (Hartwell Pumps Ltd)")
    assert by_uid["confirmation-m7.staff-informed.hartwell-pumps@chartergen"][0] == dt.date(
        2027, 11, 2)
    kinds = sorted({str(e["categories"].cats[0]) for e in found.values()})
    assert kinds == ["confirmation", "drill", "kpi", "review"]


def test_every_event_lasts_its_day_and_reminds_a_week_before(rendered):
    for name in EXAMPLES:
        for event in events(rendered["first"] / name / "calendar.ics").values():
            start = event.decoded("dtstart")
            assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
            assert event.decoded("dtend") == start + dt.timedelta(days=1)
            alarms = event.walk("VALARM")
            assert len(alarms) == 1
            assert alarms[0].decoded("trigger") == -dt.timedelta(days=7)
            assert str(alarms[0]["action"]) == "DISPLAY"


def test_a_french_charter_says_its_dates_in_french(rendered):
    found = events(rendered["first"] / "cidrerie-du-bocage" / "calendar.ics")
    review = found["review.cidrerie-du-bocage@chartergen"]
    # French spacing: a narrow no-break space before the colon
    assert str(review["summary"]) == "Revue de la charte\u202f: Cidrerie du Bocage"
    assert str(review["description"]) == (
        "La charte est revue chaque année\u202f: voir la page de présentation.")


def test_the_portfolio_calendar_holds_every_charters_events(rendered):
    portfolio = events(rendered["first"] / "charters.ics")
    each = {uid for name in EXAMPLES
            for uid in events(rendered["first"] / name / "calendar.ics")}
    assert set(portfolio) == each
    assert len(each) > 15


def test_the_portfolio_calendar_joined_from_the_charters_is_the_one_written_whole(rendered):
    from chartergen.render.calendar import CalendarSource, join_calendars, portfolio_calendar
    from chartergen.render.site import labels_for

    sources = []
    for name in EXAMPLES:
        text = (CHARTERS / f"{name}.yaml").read_text(encoding="utf-8")
        charter = build(load_text(text, f"{name}.yaml").document.data, name)
        sources.append(CalendarSource(charter, name, labels_for(charter.language)))
    today = dt.date.fromisoformat(TODAY)
    whole = portfolio_calendar(sources, today, "Charters", "en")
    joined = join_calendars([(rendered["first"] / n / "calendar.ics").read_bytes().decode()
                             for n in EXAMPLES], "Charters", "en")
    assert joined == whole
    assert whole.count("BEGIN:VEVENT") > 15


def test_importing_again_updates_rather_than_duplicates(rendered):
    """A calendar keys events by UID: a second import of a later build replaces them."""
    calendar: dict[str, icalendar.Event] = {}
    for which in ("first", "later"):
        calendar.update(events(rendered[which] / "charters.ics"))
    assert len(calendar) == len(events(rendered["first"] / "charters.ics"))
    first, later = (events(rendered[b] / "charters.ics") for b in ("first", "later"))
    assert set(first) == set(later)
    assert all(first[uid].decoded("dtstart") == later[uid].decoded("dtstart") for uid in first)


def test_the_same_charter_and_date_give_the_same_file(module_tmp: Path, rendered):
    again = render(module_tmp, "again", "--today", TODAY)
    for name in (*(f"{c}/calendar.ics" for c in EXAMPLES), "charters.ics"):
        assert (again / name).read_bytes() == (rendered["first"] / name).read_bytes()


def test_a_public_calendar_has_no_confirmations_by_name(rendered):
    found = events(rendered["public"] / "hartwell-pumps" / "calendar.ics")
    assert not [uid for uid in found if uid.startswith("confirmation-")]
    assert "review.hartwell-pumps@chartergen" in found


def test_pages_link_to_their_calendars(rendered):
    overview = (rendered["first"] / "hartwell-pumps" / "index.md").read_text()
    assert 'href="calendar.ics"' in overview
    assert 'href="charters.ics"' in (rendered["first"] / "index.md").read_text()


SMALL = """\
format: 1
company: {name: Acme, language: en}
team:
  roles: [{id: boss, title: Boss}]
crisis:
  current: {level: red, since: 2026-12-01, ended: 2026-12-04}
  levels: [{id: red, name: Red, lead: boss}]
  after_action: {within: 3wd}
  drills: {last: 2026-01-31, cadence: monthly}
"""


def test_a_closed_crisis_gives_its_after_action_review_until_it_is_held():
    data = load_text(SMALL, "acme.yaml").document.data
    found = {d.key: d.date for d in dates(build(data, "acme"))}
    # Friday 4 December + 3 working days: Wednesday 9 December
    assert found == {"after-action-2026-12-01": dt.date(2026, 12, 9),
                     "drill": dt.date(2026, 2, 28)}
    data["crisis"]["current"]["reviewed"] = "2026-12-08"
    assert "after-action-2026-12-01" not in {d.key for d in dates(build(data, "acme"))}


def test_months_are_added_as_people_count_them():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 15), 3) == dt.date(2027, 2, 15)
    assert add_months(dt.date(2024, 2, 29), 12) == dt.date(2025, 2, 28)
