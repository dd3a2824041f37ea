"""The rows of a page's facts table that come from the schema (``listed``): each listed field
has a label in both languages and a type a page knows how to write, and its value is written
as that type says."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from chartergen.i18n import catalogue
from chartergen.model import build
from chartergen.render.pages import listed, listed_label
from chartergen.render.view import CharterSource, CharterView
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import choice, flag, integer, markdown, places, ref, texts

BASE: dict[str, Any] = {"format": 1, "company": {"name": "Acme", "language": "en"}}


def view(language: str = "en", **sections: Any) -> CharterView:
    charter = build({**BASE, **sections}, "acme")
    return CharterView(CharterSource(charter, "charters/acme.yaml"), "acme",
                       catalogue(language)["site"], dt.date(2026, 12, 5))


def listed_places() -> list[str]:
    """The lists and sections holding a listed field, dotted."""
    return sorted({".".join(place[:-1]) for place, rule in places(SCHEMA)
                   if rule.get("meta", {}).get("listed")})


def test_the_network_page_lists_fields_from_the_schema():
    assert "networks" in listed_places()
    assert "formats" in [name for name, _rule in listed("networks")]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_listed_field_has_a_label_and_a_type_a_page_writes(language: str):
    v = view(language)
    for place in listed_places():
        group = catalogue(language)["site"][listed_label(place)]
        for name, rule in listed(place):
            label = group.get(name)
            assert isinstance(label, str) and label.strip(), f"{place}.{name}: no {language} label"
            v.written(rule, None)  # raises TypeError for a type no page writes


def test_a_listed_field_is_a_row_with_its_label_and_its_value():
    v = view(networks=[{"id": "x", "platform": "x", "formats": ["Poll", "Live"]}])
    rows = v.listed("networks", v.charter.networks[0])
    assert (catalogue("en")["site"]["networks"]["formats"], "Poll and Live") in rows


def test_each_type_is_written_as_the_page_writes_it():
    en = view(team={"roles": [{"id": "lead", "title": "Lead", "holder": "Ana"}]})
    fr = view("fr")
    yes_no = flag("Whether.")
    assert [en.written(yes_no, value) for value in (None, False, True)] == [
        "Not stated", "No", "Yes"]
    assert [fr.written(yes_no, value) for value in (None, False, True)] == [
        "Non précisé", "Non", "Oui"]
    assert en.written(integer("How many."), 1200) == "1,200"
    assert fr.written(integer("How many."), None) == ""
    assert en.written(ref("role", "Who."), "lead") == "Lead – Ana"
    status = choice("Status.", {"draft": "d"}, labels=("document_status",))
    assert en.written(status, "draft") == catalogue("en")["site"]["enums"]["document_status"][
        "draft"]
    assert en.written(texts("What."), ()) == ""
    with pytest.raises(TypeError):
        en.written(markdown("Free text."), "*a*")
