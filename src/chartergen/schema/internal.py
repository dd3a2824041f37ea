"""The ``internal`` list: places in the charter that a public build leaves out.

Each entry is a dotted place in the charter, read against the schema:

* a section or a field: ``crisis``, ``team.budget``, ``strategy.swot.threats``;
* a field of every entry of a list: ``networks.coverage``;
* one entry of a list that declares ids, by its id: ``networks.tiktok``, and a
  field of that entry: ``networks.tiktok.handle``.

Where a word is both a field of a list's entries and the id of one entry, it
names the field. :func:`resolve` is shared by validation (which reports a place
that does not exist, with a suggestion) and by :mod:`chartergen.public` (which
leaves the place out), so both read a path the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from chartergen.errors import Diagnostic, Severity
from chartergen.loader import Document
from chartergen.messages import Msg
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule

KEPT = ("format", "company", "company.name", "company.language", "internal")
"""Places every page needs (or that are never shown): they cannot be listed."""


@dataclass(frozen=True)
class Step:
    """One part of a resolved place: a field name, or the id of an entry of a list."""

    name: str
    is_id: bool = False


class PlaceError(ValueError):
    """A place that names nothing in the charter; the message says what is wrong."""


def resolve(place: str, ids: Mapping[str, Any]) -> tuple[Step, ...]:
    """The steps of ``place``, or :class:`PlaceError` in plain words.

    ``ids`` maps each kind of id (``network``, ``role``...) to the ids the charter
    declares, as :func:`chartergen.schema.crossref.declared_ids` gives them.
    """
    parts = place.strip().split(".")
    if not place.strip() or any(not part for part in parts):
        raise PlaceError(
            Msg("'{place}' is not a place in the charter: write section and field names "
                "joined by dots, for example team.budget", place=place)
        )
    steps: list[Step] = []
    fields: Mapping[str, Rule] = SCHEMA
    entry_list: Rule | None = None  # the list whose entries the next part is read in
    where = ""
    for part in parts:
        if entry_list is not None:
            fields = entry_list["schema"]["schema"]
            kind = entry_list.get("meta", {}).get("declares")
            if part not in fields and kind and part in ids.get(kind, {}):
                steps.append(Step(part, is_id=True))
                where = f"{where}.{part}"
                entry_list = None
                continue
            if part not in fields:
                raise PlaceError(_unknown_in_list(place, part, where, fields, kind, ids))
        elif part not in fields:
            raise PlaceError(_unknown(place, part, where, fields))
        rule = fields[part]
        steps.append(Step(part))
        where = f"{where}.{part}" if where else part
        entry_list = None
        if rule.get("type") == "dict":
            fields = rule["schema"]
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            entry_list = rule
        else:
            fields = {}
    return tuple(steps)


def internal_path_errors(document: Document, fields: Any = None) -> list[Diagnostic]:
    """A located error for each entry of ``internal`` that names no part of the charter;
    ``fields``: ``walk(document.data)`` if already walked."""
    from chartergen.schema.crossref import declared_ids

    places = document.data.get("internal")
    if not isinstance(places, list):
        return []
    ids = declared_ids(document.data, fields)
    found: list[Diagnostic] = []
    for index, place in enumerate(places):
        if not isinstance(place, str):
            continue  # the schema reports it
        message = ""
        if place.strip() in KEPT:
            message = Msg("'{place}' cannot be left out of a public build: every page "
                          "needs it", place=place.strip())
        else:
            try:
                resolve(place, ids)
            except PlaceError as exc:
                message = exc.args[0]
        if message:
            line, col = document.locate(("internal", index))
            found.append(Diagnostic(document.path, line, col, Severity.ERROR, message,
                                    ("internal", index), code="internal-path"))
    return found


def _unknown(place: str, part: str, where: str, fields: Mapping[str, Rule]) -> str:
    if not fields:
        return Msg("'{place}': '{where}' has no part named '{part}'", place=place, where=where,
                   part=part)
    owner = Msg("a field of '{where}'", where=where) if where else Msg(
        "a section of the charter")
    prefix = Msg("'{place}': ", place=place) if place.strip() != part else ""
    return Msg("{prefix}'{part}' is not {owner}{hint}", prefix=prefix, part=part, owner=owner,
               hint=_hint(part, list(fields)))


def _unknown_in_list(place: str, part: str, where: str, fields: Mapping[str, Rule],
                     kind: str | None, ids: Mapping[str, Any]) -> str:
    known_ids = list(ids.get(kind, {})) if kind else []
    hint = _hint(part, [*fields, *known_ids])
    if not kind:
        return Msg("'{place}': '{part}' is not a field of the entries of '{where}'{hint}",
                   place=place, part=part, where=where, hint=hint)
    listing = "" if hint or not known_ids else Msg(" (ids: {ids})", ids=", ".join(known_ids))
    return Msg("'{place}': '{part}' is neither a field of the entries of '{where}' nor the id "
               "of one of them{hint}{listing}", place=place, part=part, where=where, hint=hint,
               listing=listing)


def _hint(word: str, options: list[str]) -> str:
    import difflib  # only when a place is wrong: not on every validation's start-up

    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return Msg("; did you mean '{name}'?", name=close[0]) if close else ""
