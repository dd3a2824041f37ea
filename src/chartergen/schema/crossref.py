"""Checks a schema cannot express: ids, references between sections, dates, totals.

The schema marks which lists declare ids (``meta.declares``) and which fields
refer to them (``meta.ref``); this module reads those marks, so adding a new
reference to the schema needs no code here. It runs even when the schema found
problems (so that a user sees everything at once) and skips values of the
wrong type, which the schema has already reported.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from chartergen.errors import Diagnostic, FieldPath, Severity
from chartergen.loader import Document
from chartergen.messages import Msg
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule, places
from chartergen.schema.types import parse_date, parse_percent

Fields = list[tuple[FieldPath, Rule, Any]]
"""What :func:`walk` gives, kept: the checks of one validation share one walk."""


def walk(data: Any, rules: Mapping[str, Rule] = SCHEMA, path: FieldPath = ()) -> Iterator[
    tuple[FieldPath, Rule, Any]
]:
    """Every (path, rule, value) present in ``data`` that the schema knows of."""
    if not isinstance(data, dict):
        return
    for name, rule in rules.items():
        if name not in data:
            continue
        value = data[name]
        here = (*path, name)
        yield here, rule, value
        if rule.get("type") == "dict" and isinstance(value, dict):
            yield from walk(value, rule["schema"], here)
        elif rule.get("type") == "list" and isinstance(value, list):
            item_rule = rule.get("schema", {})
            if item_rule.get("type") == "dict":
                for index, item in enumerate(value):
                    yield from walk(item, item_rule["schema"], (*here, index))


@cache
def declaring_paths() -> dict[str, str]:
    """Where each kind of id is declared, e.g. ``{"role": "team.roles"}``: the kinds of ids
    are the schema's ``declares`` marks, in schema order."""
    return {rule["meta"]["declares"]: ".".join(place) for place, rule in places(SCHEMA)
            if rule.get("meta", {}).get("declares")}


PLURALS: dict[str, str] = {rule["meta"]["declares"]: rule["meta"]["plural"]
                           for _place, rule in places(SCHEMA)
                           if rule.get("meta", {}).get("declares")}
"""How messages name each kind's entries ("crisis levels"), from the declaring lists."""


def declared_ids(data: Any, fields: Fields | None = None) -> dict[str, dict[str, FieldPath]]:
    """For each kind, the ids the charter declares and where (first occurrence);
    ``fields``: ``walk(data)`` if already walked."""
    ids: dict[str, dict[str, FieldPath]] = {kind: {} for kind in PLURALS}
    for path, rule, value in walk(data) if fields is None else fields:
        kind = rule.get("meta", {}).get("declares")
        if kind and isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    ids[kind].setdefault(item["id"], (*path, index, "id"))
    return ids


def crossref_errors(document: Document, fields: Fields | None = None) -> list[Diagnostic]:
    """Ids, references, dates and totals; ``fields``: ``walk(document.data)`` if walked."""
    data = document.data
    if fields is None:
        fields = list(walk(data))
    found: list[Diagnostic] = []

    def add(path: FieldPath, message: str, severity: Severity = Severity.ERROR,
            code: str = "reference") -> None:
        line, col = document.locate(path)
        found.append(Diagnostic(document.path, line, col, severity, message, path, code=code))

    ids = declared_ids(data, fields)
    _duplicate_ids(document, add, fields)

    from chartergen.schema.structure import MAX_REPORTED

    unknown = 0
    for path, rule, value in fields:
        kind = rule.get("meta", {}).get("ref")
        if not kind:
            continue
        values = value if isinstance(value, list) else [value]
        for index, target in enumerate(values):
            if not isinstance(target, str):
                continue
            if target not in ids[kind]:
                unknown += 1
                at = (*path, index) if isinstance(value, list) else path
                if unknown <= MAX_REPORTED:
                    add(at, _unknown_reference(target, kind, ids[kind]))
                elif unknown == MAX_REPORTED + 1:
                    first_unlisted = at
    if unknown > MAX_REPORTED:
        add(first_unlisted, Msg("{count} more references to ids the charter does not declare "
                                "are not listed; fix those above and validate again",
                                count=f"{unknown - MAX_REPORTED:,}"), code="more")

    for path, _rule, value in fields:
        if path[-1:] == ("platform",) and value == "other":
            network = _get(data, path[:-1])
            if isinstance(network, dict) and not network.get("name"):
                add(path, Msg("platform is 'other': give the platform's name in 'name'"),
                    code="platform-name")

    document_section = data.get("document")
    if isinstance(document_section, dict):
        approved = _date_or_none(document_section.get("approved_on"))
        next_review = _date_or_none(document_section.get("next_review"))
        if approved and next_review and next_review <= approved:
            add(("document", "next_review"),
                Msg("the next review ({next_review}) must come after the approval "
                    "({approved})", next_review=next_review, approved=approved), code="dates")

    for path, _rule, value in fields:
        if path[-1:] == ("until",) and isinstance(parent := _get(data, path[:-1]), dict):
            start, end = _date_or_none(parent.get("date")), _date_or_none(value)
            if start and end and end < start:
                add(path, Msg("the last day ({end}) comes before the first ({start})", end=end,
                              start=start),
                    code="dates")

    _crisis_dates(data, add)
    _pillar_total(data, add)
    return found


def _crisis_dates(data: Any, add: Any) -> None:
    """A crisis ends on or after the day it started, and is reviewed once it has ended."""
    current = _get(data, ("crisis", "current"))
    if not isinstance(current, dict):
        return
    since = _date_or_none(current.get("since"))
    ended = _date_or_none(current.get("ended"))
    reviewed = _date_or_none(current.get("reviewed"))
    if since and ended and ended < since:
        add(("crisis", "current", "ended"),
            Msg("the crisis ends ({end}) before it starts ({start})", end=ended, start=since),
            code="dates")
    if reviewed and not ended:
        add(("crisis", "current", "reviewed"),
            Msg("the after-action review is dated, but the crisis has not ended: add 'ended'"),
            code="dates")
    elif reviewed and ended and reviewed < ended:
        add(("crisis", "current", "reviewed"),
            Msg("the after-action review ({reviewed}) comes before the end of the crisis "
                "({end})", reviewed=reviewed, end=ended),
            code="dates")


def _duplicate_ids(document: Document, add: Any, fields: Fields) -> None:
    for path, rule, value in fields:
        kind = rule.get("meta", {}).get("declares")
        if not (kind and isinstance(value, list)):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(value):
            if not (isinstance(item, dict) and isinstance(item.get("id"), str)):
                continue
            ident = item["id"]
            if ident in seen:
                first_line, _ = document.locate((*path, seen[ident], "id"))
                add((*path, index, "id"),
                    Msg("the id '{ident}' is used twice among the {plural} (first on line "
                        "{line}); give each one its own id", ident=ident, plural=PLURALS[kind],
                        line=first_line),
                    code="duplicate-id")
            else:
                seen[ident] = index


def _unknown_reference(target: str, kind: str, known: Mapping[str, FieldPath]) -> str:
    plural = PLURALS[kind]
    if not known:
        where = declaring_paths().get(kind, plural)
        return Msg("'{target}' refers to one of the {plural}, but the charter declares none "
                   "yet; add them under '{where}'", target=target, plural=plural, where=where)
    import difflib

    # a hostile file may declare thousands of ids: keep each message short and quick
    close = difflib.get_close_matches(target, list(known), n=1, cutoff=0.6) if len(
        known) <= 1000 else []
    hint = Msg("did you mean '{name}'? ", name=close[0]) if close else ""
    listed = ", ".join(list(known)[:30]) + (", ..." if len(known) > 30 else "")
    return Msg("'{target}' is not one of this charter's {plural} ({hint}{plural}: {listed})",
               target=target, plural=plural, hint=hint, listed=listed)


def _pillar_total(data: Any, add: Any) -> None:
    content = data.get("content")
    pillars = content.get("pillars") if isinstance(content, dict) else None
    if not isinstance(pillars, list):
        return
    shares = []
    for pillar in pillars:
        if isinstance(pillar, dict) and pillar.get("share") is not None:
            try:
                shares.append(parse_percent(pillar["share"]))
            except ValueError:
                return  # already reported by the schema
    if shares and abs(sum(shares) - 100) > 0.5:
        add(("content", "pillars"),
            Msg("the pillars' shares add up to {total}%, not 100%", total=f"{sum(shares):g}"),
            Severity.WARNING, "pillar-shares")


def _date_or_none(value: Any) -> Any:
    try:
        return parse_date(value) if value is not None else None
    except ValueError:
        return None


def _get(data: Any, path: FieldPath) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
