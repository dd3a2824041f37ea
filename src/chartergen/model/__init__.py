"""The typed charter: frozen dataclasses built from a validated document; no I/O.

The classes are generated from the schema (:mod:`chartergen.model.classes`, written by
:mod:`chartergen.model.generate`), with their behaviour in :mod:`chartergen.model.behaviour`;
:func:`build` fills them by walking the schema. Everything after validation (the audit,
the renderer, diff) works on these objects, never on raw YAML. Empty sections become empty
objects rather than ``None``, so templates and rules read ``charter.crisis.levels`` without
guarding each step. Entities that a reader or a rule may point at (``located`` lists) keep
their ``path`` in the file (a field path such as ``("networks", 2)``), which
:meth:`chartergen.loader.Document.locate` turns into a line and column.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any, get_args, get_type_hints

from chartergen.errors import FieldPath
from chartergen.model import classes
from chartergen.model.behaviour import HOOKS, add_duration
from chartergen.model.classes import *  # noqa: F403
from chartergen.model.classes import Charter
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule, attributes
from chartergen.schema.types import (
    parse_date,
    parse_duration,
    parse_money,
    parse_month,
    parse_percent,
)

__all__ = [*classes.__all__, "add_duration", "build", "is_blank", "part"]


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or () if v is not None)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []




def build(data: dict[str, Any], slug: str, source_path: str = "") -> Charter:
    """Build the typed charter from data that passed validation without errors.

    The conversion walks the schema: each attribute of a class is the schema field of the
    same name (or of a flattened sub-section, see ``fields.section``), converted by the
    field's type.
    """
    return _plan(Charter, "")(data, (), slug=slug, source_path=source_path,
                              present_sections=frozenset(data))


def part(obj: Any, where: str) -> Any:
    """The part of ``obj`` (a charter, or a part of one) at the dotted place ``where``
    (``content.hub``); below a list, the parts of all its entries, in one tuple."""
    value: Any = obj
    for name in where.split("."):
        if isinstance(value, tuple):
            parts = [getattr(entry, name) for entry in value]
            value = tuple(x for part in parts for x in (part if isinstance(part, tuple)
                                                       else (part,)))
        else:
            value = getattr(value, name)
    return value


def is_blank(value: Any) -> bool:
    """Whether a part of the charter holds nothing a reader would see."""
    if value is None or value == "" or value == () or value is False:
        return True
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(is_blank(getattr(value, f.name)) for f in dataclasses.fields(value)
                   if f.name != "path")
    return False


# --- the conversion, derived from the schema --------------------------------------------------

_Convert = Callable[[Any, FieldPath], Any]

_GIVEN = ("slug", "source_path", "present_sections")
"""Attributes of :class:`Charter` that are not fields of the file."""

_SCALARS: dict[str, Callable[[Any], Any]] = {
    "date": parse_date,
    "month": parse_month,
    "duration": parse_duration,
    "percent": parse_percent,
    "money": parse_money,
    "number": float,
    "integer": int,
}
"""Schema types read into something other than text; every other scalar is read as text."""


@cache
def _plan(cls: type, where: str) -> Callable[..., Any]:
    """A function building ``cls`` from the mapping of the schema section at ``where``
    (dotted, "" for the whole charter) and the entry's path in the file."""
    rules = _rules(where)
    hints = get_type_hints(cls)
    places = attributes(rules)
    names = {spec.name for spec in dataclasses.fields(cls)}
    unread = sorted(set(places) - names)
    unknown = sorted(names - set(places) - {"path", *_GIVEN})
    if unread or unknown:  # the classes mirror the schema: a test builds every one
        raise TypeError(f"{cls.__name__} and the schema at {where or 'the top'} differ: "
                        f"fields without an attribute {unread}, attributes without a field "
                        f"{unknown}")
    steps: list[tuple[str, tuple[str, ...], _Convert]] = []
    for spec in dataclasses.fields(cls):
        place = places.get(spec.name)
        if place is None:
            continue
        rule = rules[place[0]] if len(place) == 1 else rules[place[0]]["schema"][place[1]]
        steps.append((spec.name, place, _converter(hints[spec.name], rule,
                                                  ".".join(filter(None, (where, *place))))))
    has_path = "path" in names

    def make(data: Any, path: FieldPath, **given: Any) -> Any:
        data = _map(data)
        values = dict(given)
        if has_path:
            values["path"] = path
        for name, place, convert in steps:
            value = data.get(place[0])
            if len(place) == 2:
                value = _map(value).get(place[1])
            values[name] = convert(value, (*path, place[0]))
        return cls(**values)

    return make


def _converter(hint: Any, rule: Rule, where: str) -> _Convert:
    """How to read one field's value, from its schema rule and the attribute's type."""
    target = _without_none(hint)
    kind = rule.get("type")
    hook = HOOKS.get(getattr(target, "__name__", ""))
    if hook is not None:
        return lambda value, path: hook(target, value, path)
    if kind == "dict":
        make = _plan(target, where)
        return lambda value, path: make(value, path)
    if kind == "list" and rule["schema"].get("type") == "dict":
        entry = _plan(get_args(target)[0], where)
        return lambda value, path: tuple(entry(item, (*path, i))
                                         for i, item in enumerate(_list(value)))
    if kind == "list":
        return lambda value, _path: _texts(value)
    if target is bool and hint is bool:  # a yes/no the model reads as "no" when left out
        return lambda value, _path: bool(value)
    if kind == "boolean":
        return lambda value, _path: value
    parse = _SCALARS.get(kind) if isinstance(kind, str) else None
    if parse is not None:
        return lambda value, _path: None if value is None else parse(value)
    return lambda value, _path: _text(value)


def _rules(where: str) -> Mapping[str, Rule]:
    rules: Mapping[str, Rule] = SCHEMA
    for name in filter(None, where.split(".")):
        rule = rules[name]
        rules = rule["schema"]["schema"] if rule.get("type") == "list" else rule["schema"]
    return rules


def _without_none(hint: Any) -> Any:
    args = [arg for arg in get_args(hint) if arg is not type(None)]
    return args[0] if len(args) == 1 and type(None) in get_args(hint) else hint
