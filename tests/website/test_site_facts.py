"""The facts each page expects and the roles page's duty table, read from the schema's marks
(``expected``, ``duty``): what each kind of fact counts as stated."""

from __future__ import annotations

import datetime as dt
from typing import Any

from chartergen.i18n import catalogue
from chartergen.model import build
from chartergen.render.pages import DUTIES, FACTS, facts_on
from chartergen.render.view import CharterSource, CharterView
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import places

BASE: dict[str, Any] = {"format": 1, "company": {"name": "Acme", "language": "en"}}


def view(**sections: Any) -> CharterView:
    charter = build({**BASE, **sections}, "acme")
    return CharterView(CharterSource(charter, "charters/acme.yaml"), "acme",
                       catalogue("en")["site"], dt.date(2026, 12, 5))


def missing(v: CharterView, page: str, network: Any = None) -> list[str]:
    return [f.key for f in facts_on(page) if not f.present(v.charter, network)]


def test_a_charter_with_only_its_name_misses_every_fact_of_each_page():
    v = view()
    assert missing(v, "strategy") == ["purpose", "orientations", "coordination", "swot",
                                      "audiences", "objectives", "kpis"]
    gaps = v.gaps("strategy")
    assert gaps.empty and gaps.mistakes == (1, 2, 6, 8)
    assert gaps.missing[0] == catalogue("en")["site"]["facts"]["purpose"]


def test_every_entry_must_state_a_fact_marked_every():
    one = {"id": "a", "statement": "A", "kpis": [{"metric": "m"}]}
    other = {"id": "b", "statement": "B"}
    assert "kpis" in missing(view(objectives=[one, other]), "strategy")
    assert "kpis" not in missing(view(objectives=[one]), "strategy")
    assert missing(view(objectives=[one, other]), "reporting") == ["kpis", "reporting"]
    assert missing(view(objectives=[one]), "reporting") == ["reporting"]


def test_one_field_of_a_section_marked_of_is_enough():
    assert "hub" not in missing(view(content={"hub": {"url": "https://acme.example"}}), "content")
    assert "hub" in missing(view(content={"hub": {"publish_first": True}}), "content")
    assert "hub" not in missing(view(content={"hub": {"name": "Blog"}}), "independence")


def test_a_backup_who_is_the_owner_is_a_gap_of_the_network_page():
    roles = {"roles": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]}
    same = view(team=roles, networks=[{"id": "x", "platform": "x", "owner": "a", "backup": "a"}])
    other = view(team=roles, networks=[{"id": "x", "platform": "x", "owner": "a", "backup": "b"}])
    assert "backup_is_owner" in missing(same, "network", same.charter.networks[0])
    assert "backup_is_owner" not in missing(other, "network", other.charter.networks[0])
    assert "net_backup" not in missing(same, "network", same.charter.networks[0])


def test_every_fact_is_on_a_page_and_every_duty_has_a_column_and_a_label():
    assert all(fact.pages for fact in FACTS)
    marked = {rule["meta"]["duty"] for _place, rule in places(SCHEMA) if "duty" in rule["meta"]}
    assert marked == set(DUTIES)
    for language in ("en", "fr"):
        assert all(catalogue(language)["site"]["roles"].get(f"r_{key}") for key in DUTIES)


def test_the_duty_table_lists_the_roles_each_marked_reference_names():
    roles = {"roles": [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]}
    v = view(team=roles, document={"owner": "a"}, monitoring={"owner": "ghost"},
             crisis={"levels": [{"id": "l1", "name": "L1", "lead": "b", "approver": "a"}]},
             accounts={"register": [{"network": "x", "admins": ["a", "b"]}]})
    assert v.duty_columns() == [("r_charter", {"a"}), ("r_crisis", {"a", "b"}),
                                ("r_accounts", {"a", "b"})]
