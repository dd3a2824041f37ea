"""Which pages a charter gets, in which order, and which facts each page is expected to state.

The list is the charter's navigation. The facts a reader expects on each page come from
the schema (``expected``, :data:`FACTS`); a page whose facts are missing says so, and names
the mistakes (of the nine) that the gap leaves open, so gaps are visible rather than
silently absent.

The URL rules at the end (:func:`page_url`, :func:`relative_url`) are the site's own: where
a page's Markdown source ends up and how one page links to another, with or without
directory URLs. Both engines publish a page at the same address (MkDocs defined these
rules and Zensical keeps them), so they belong to the engine-neutral site and are shared
by both engines rather than copied from either; the browser tests follow every link of
the site built by each engine (tests/e2e/test_e2e_pages.py).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from chartergen.errors import FieldPath
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule, places


@dataclass(frozen=True)
class PageSpec:
    key: str
    """Also the label key under ``pages`` and ``page_intro`` and the template name."""
    file: str
    """Path of the page inside the charter's folder."""


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "index.md"),
    PageSpec("scope", "scope.md"),
    PageSpec("strategy", "strategy.md"),
    PageSpec("networks", "networks/index.md"),
    PageSpec("voice", "voice.md"),
    PageSpec("content", "content.md"),
    PageSpec("engagement", "engagement.md"),
    PageSpec("staff", "staff.md"),
    PageSpec("quiz", "self-check.md"),
    PageSpec("roles", "roles.md"),
    PageSpec("resources", "resources.md"),
    PageSpec("accounts", "accounts.md"),
    PageSpec("monitoring", "monitoring.md"),
    PageSpec("crisis", "crisis.md"),
    PageSpec("reporting", "reporting.md"),
    PageSpec("independence", "independence.md"),
    PageSpec("checklist", "checklist.md"),
    PageSpec("propose", "propose-a-change.md"),
)
"""Every charter page except the one per network, in navigation order."""

ENTRY_PAGES = {"networks": "network"}
"""Lists whose every entry has a page of its own (``networks/<id>.md``), by place."""


@dataclass(frozen=True)
class Fact:
    """A fact a reader expects on a page (the schema's ``expected``); a page whose facts are
    missing says so and names the mistakes the gap leaves open."""

    key: str
    """Also the label key under ``facts``."""
    place: str
    """The field, dotted from the top, or from the entry for a fact of an entry's own page."""
    mistakes: tuple[int, ...]
    pages: tuple[str, ...]
    of: tuple[str, ...] = ()
    every: bool = False
    differs_from: str = ""
    of_entry: bool = False
    """A fact of each entry of a list, on the entry's own page (see :data:`ENTRY_PAGES`)."""

    def present(self, charter: Any, entry: Any = None) -> bool:
        """Whether ``charter`` (or ``entry``, for a fact of an entry) states the fact."""
        from chartergen.model import is_blank, part

        owner = entry if self.of_entry else charter
        if owner is None:
            return False
        if self.every:
            where, _, name = self.place.rpartition(".")
            entries = part(owner, where)
            return bool(entries) and all(not is_blank(getattr(e, name)) for e in entries)
        value = part(owner, self.place)
        if self.differs_from:
            return not (value and value == part(owner, self.differs_from))
        if self.of:
            return any(not is_blank(getattr(value, name)) for name in self.of)
        return not is_blank(value)


def _facts() -> tuple[Fact, ...]:
    found = []
    for place, rule in places(SCHEMA):
        for fact in rule.get("meta", {}).get("facts", ()):
            of_entry = place[0] in ENTRY_PAGES and len(place) > 1
            pages = (ENTRY_PAGES[place[0]],) if of_entry else _pages_of(place)
            found.append(Fact(fact["key"] or place[-1], ".".join(place[of_entry:]),
                              tuple(fact["mistakes"]), pages, tuple(fact.get("of", ())),
                              bool(fact.get("every")), fact.get("differs_from", ""), of_entry))
    return tuple(found)


def _pages_of(place: tuple[str, ...]) -> tuple[str, ...]:
    """The page showing the field at ``place`` (the deepest ``page`` along it, else the
    overview), then the other pages listing it (``also_on`` along it)."""
    page, others, rules = "overview", [], SCHEMA
    for name in place:
        rule = rules[name]
        meta = rule.get("meta", {})
        page = meta.get("page", page)
        others += meta.get("also_on", ())
        inner = rule.get("schema", {})
        rules = inner.get("schema", {}) if rule.get("type") == "list" else inner
    return (page, *others)


FACTS: tuple[Fact, ...] = _facts()
"""Every fact a page expects, in the schema's order (from its ``expected`` marks)."""


def facts_on(page: str) -> tuple[Fact, ...]:
    """The facts ``page`` (a page key, ``network`` for a network's own page) expects."""
    return tuple(fact for fact in FACTS if page in fact.pages)


DUTIES = ("charter", "approval", "crisis", "monitoring", "reporting", "accounts", "pause",
          "exports")
"""The columns of the roles page's duty table, in their order; the role references that
fill each are the schema's (``duty``), its label is ``roles.r_<duty>``."""


def duty_places() -> dict[str, tuple[str, ...]]:
    """For each duty, the places of the role references that give it, in schema order."""
    found: dict[str, list[str]] = {key: [] for key in DUTIES}
    for place, rule in places(SCHEMA):
        key = rule.get("meta", {}).get("duty")
        if key:
            found[key].append(".".join(place))
    return {key: tuple(where) for key, where in found.items()}


def listed(place: str) -> tuple[tuple[str, Rule], ...]:
    """The fields of the list's entries or the section at ``place`` (dotted) that the page
    showing it lists in its facts table (the schema's ``listed``), with their rules, in
    schema order."""
    rule: Rule = {"type": "dict", "schema": SCHEMA}
    for name in place.split("."):
        rule = rule["schema"][name]
        if rule.get("type") == "list":
            rule = rule["schema"]
    return tuple((name, field) for name, field in rule["schema"].items()
                 if field.get("meta", {}).get("listed"))


def listed_label(place: str) -> str:
    """The catalogue group labelling the listed fields at ``place``: its page's key."""
    return _pages_of(tuple(place.split(".")))[0]


def page_for(field_path: FieldPath, network_ids: tuple[str, ...] = ()) -> tuple[str, str]:
    """The page key and network id (or "") showing the fact at ``field_path``: the page the
    schema gives the deepest section or list along the path (``page``), else the overview."""
    if not field_path:
        return "overview", ""
    if field_path[0] in ENTRY_PAGES and len(field_path) > 1 and isinstance(field_path[1], int):
        index = field_path[1]
        if 0 <= index < len(network_ids):
            return ENTRY_PAGES[str(field_path[0])], network_ids[index]
    if tuple(field_path) == ("team",):  # the team as a whole: its people come first
        return "roles", ""
    page, rules = "overview", SCHEMA
    for step in field_path:
        if isinstance(step, int):
            continue
        rule = rules.get(str(step))
        if rule is None:
            break
        page = rule.get("meta", {}).get("page", page)
        inner = rule.get("schema", {})
        rules = inner.get("schema", {}) if rule.get("type") == "list" else inner
        if not isinstance(rules, dict) or rules.get("type"):
            rules = {}
    return page, ""


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site's URL of the page at ``src`` (relative to the site root), on either engine."""
    stem = src.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@lru_cache(maxsize=1 << 16)
def relative_url(from_src: str, to_src: str, use_directory_urls: bool = True,
                 anchor: str = "") -> str:
    """Link from one generated page to another, as either engine would write it.

    Kept for the pairs met (``posixpath.relpath`` asks the system for the current
    folder twice a call, and a charter's pages hold thousands of links).
    """
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    if rel == "./" and there == here:
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")
