"""The schema itself: valid for cerberus, documented field by field, typed values parsed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from cerberus.schema import DefinitionSchema

from chartergen.schema.charter import SCHEMA
from chartergen.schema.crossref import declaring_paths
from chartergen.schema.fields import marked, places
from chartergen.schema.structure import validator_class
from chartergen.schema.types import (
    parse_date,
    parse_duration,
    parse_email,
    parse_money,
    parse_percent,
    parse_phone,
    parse_time,
    parse_url,
)


def test_schema_passes_cerberus_own_check() -> None:
    # the validator skips this check at start-up for speed; it must hold here
    DefinitionSchema(validator_class()(), SCHEMA).validate(SCHEMA)


def _fields(rules, path=()):
    for name, rule in rules.items():
        yield (*path, name), rule
        if rule.get("type") == "dict":
            yield from _fields(rule["schema"], (*path, name))
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            yield from _fields(rule["schema"]["schema"], (*path, name))


def test_every_field_has_help_text() -> None:
    undocumented = [".".join(p) for p, rule in _fields(SCHEMA) if not rule["meta"]["help"]]
    assert undocumented == []


def test_only_format_and_company_identity_are_required_at_the_top() -> None:
    required = sorted(name for name, rule in SCHEMA.items() if rule.get("required"))
    assert required == ["company", "format"]
    company = SCHEMA["company"]["schema"]
    assert sorted(n for n, r in company.items() if r.get("required")) == ["language", "name"]


def test_every_reference_kind_is_declared_exactly_once() -> None:
    declared = [rule["meta"]["declares"] for _p, rule in _fields(SCHEMA)
                if rule["meta"].get("declares")]
    referred = {rule["meta"]["ref"] for _p, rule in _fields(SCHEMA) if rule["meta"].get("ref")}
    assert len(declared) == len(set(declared)) == 8
    assert referred == set(declared)
    assert declaring_paths()["role"] == "team.roles"


@pytest.mark.parametrize(("text", "minutes"), [
    ("30min", 30), ("4h", 240), ("2d", 2880), ("1w", 10080), ("1h30min", 90), ("1.5h", 90),
])
def test_durations(text: str, minutes: float) -> None:
    assert parse_duration(text).minutes == minutes
    assert str(parse_duration(text)) == text


@pytest.mark.parametrize("text", ["4 hours", "4", "h", "", "soon", "-1h"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(ValueError, match="is not a duration"):
        parse_duration(text)


def test_dates() -> None:
    assert parse_date("2027-03-31") == dt.date(2027, 3, 31)
    with pytest.raises(ValueError, match="not a real date"):
        parse_date("2027-02-29")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("31/03/2027")


def test_percentages() -> None:
    assert parse_percent("20%") == 20
    assert parse_percent("12,5 %") == 12.5
    assert parse_percent(35) == 35
    for bad in ("120%", "-5%", "twenty", True):
        with pytest.raises(ValueError):
            parse_percent(bad)


def test_money() -> None:
    money = parse_money("12 000 EUR")
    assert (money.amount, money.currency) == (Decimal("12000"), "EUR")
    assert str(parse_money("4500.50 USD")) == "4\u202f500.50 USD"
    for bad in ("12000", "EUR 12000", "12000 euros", 12000):
        with pytest.raises(ValueError, match="amount of money"):
            parse_money(bad)


@pytest.mark.parametrize("url", ["https://example.com/a?b=1", "http://intranet.local/x",
                                 "mailto:press@example.com"])
def test_allowed_urls(url: str) -> None:
    assert parse_url(url) == url


@pytest.mark.parametrize(("url", "scheme"), [
    ("javascript:alert(1)", "javascript"), ("JavaScript:alert(1)", "javascript"),
    ("data:text/html,<b>x</b>", "data"), ("ftp://example.com", "ftp"),
    ("vbscript:msgbox", "vbscript"),
])
def test_refused_url_schemes(url: str, scheme: str) -> None:
    with pytest.raises(ValueError, match=f"not '{scheme}:'"):
        parse_url(url)


def test_relative_or_broken_urls() -> None:
    for bad in ("www.example.com", "https://", "https://exa mple.com", "mailto:nobody"):
        with pytest.raises(ValueError):
            parse_url(bad)


def test_emails_phones_times() -> None:
    assert parse_email("press@example.fr") == "press@example.fr"
    with pytest.raises(ValueError):
        parse_email("press(at)example.fr")
    assert parse_phone("+33 1 99 00 01 01") == "+33 1 99 00 01 01"
    with pytest.raises(ValueError, match="put phone numbers in quotes"):
        parse_phone(199000101)
    assert parse_time("9:05") == "09:05"
    with pytest.raises(ValueError):
        parse_time("24:00")


def test_the_pages_the_schema_names_are_charter_pages():
    from chartergen.render.pages import PAGES

    keys = {page.key for page in PAGES}
    named = {page for _place, rule in places(SCHEMA)
             for page in (rule["meta"].get("page"), *rule["meta"].get("also_on", ())) if page}
    assert named <= keys
    assert {"overview", "roles", "resources", "checklist"} <= named


def test_withheld_and_shown_mark_fields_of_the_schema():
    withheld = marked(SCHEMA, "public", "withheld")
    assert "crisis.contacts" in withheld and "team.roles.email" in withheld
    shown = marked(SCHEMA, "diff")
    assert "networks" in shown and "networks.status" in shown
    assert "networks.tone" not in shown


def test_working_time_is_kept_as_working_time() -> None:
    from chartergen.i18n.formatting import Formatter
    from chartergen.schema.types import parse_duration

    hours, days, plain = parse_duration("4wh"), parse_duration("2wd"), parse_duration("4h")
    assert (hours.minutes, hours.working) == (240, True)
    assert (days.minutes, days.working) == (2 * 24 * 60, True)
    assert not plain.working
    assert Formatter.of("en").duration(hours) == "4\u00a0working hours"
    assert Formatter.of("en").duration(parse_duration("1wd")) == "1\u00a0working day"
    assert Formatter.of("fr").duration(days) == "2\u00a0jours ouvrés"
    assert Formatter.of("en").duration(plain) == "4\u00a0h"
