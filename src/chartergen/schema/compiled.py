"""A quick yes-or-no check of a charter against the schema, without cerberus.

Most charters that are validated are valid: a pre-commit hook or a CI job checks
files that were valid the day before. For them, cerberus costs more than all the
rest of ``chartergen validate`` (its import alone takes longer than reading a
1,000-line charter). This module reads :data:`~chartergen.schema.charter.SCHEMA`
once and turns each rule into a small Python function that answers one question:
would cerberus find nothing wrong here? When the answer is yes, validation is
done; when it is no, cerberus runs as before and says what is wrong, in its words
(:func:`chartergen.schema.structure.structure_errors`).

The functions follow cerberus 1.3's own reading of each rule the schema uses
(``type``, ``nullable``, ``required``, ``allowed``, ``empty``, ``regex``, ``min``,
``max``, ``schema``, unknown fields refused), including its quirks (``True`` is an
``integer``; ``empty`` spares an empty value the ``allowed`` and ``regex`` rules).
A rule this module does not know makes :func:`checker` refuse to build, and any
unexpected exception counts as "not sure": either way cerberus decides.
tests/schema/test_compiled.py compares both on every case of the validation corpus,
every charter of the repository and fuzzed documents.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence, Sized
from functools import cache
from typing import Any

from chartergen.schema.fields import Rule

Check = Callable[[Any], bool]

KNOWN_RULES = frozenset(
    {"type", "nullable", "required", "allowed", "empty", "regex", "min", "max", "schema",
     "meta"})
"""The rules :func:`compile_rule` reads; a schema using any other is left to cerberus."""


class UnknownRule(ValueError):
    """The schema uses a rule this module does not read."""


def is_valid(data: Any) -> bool:
    """True only when cerberus would find no problem in ``data`` (a loaded charter)."""
    check = checker()
    if check is None:
        return False
    try:
        return check(data)
    except Exception:  # anything unexpected: let cerberus decide
        return False


@cache
def checker() -> Check | None:
    """The charter schema as one function (None when it uses a rule not read here)."""
    from chartergen.schema.charter import SCHEMA

    try:
        return compile_mapping(SCHEMA)
    except UnknownRule:
        return None


def compile_mapping(rules: Mapping[str, Rule]) -> Check:
    """A mapping validated against ``rules``: no unknown field, the required ones present,
    each value valid."""
    fields = {name: compile_rule(rule) for name, rule in rules.items()}
    required = frozenset(name for name, rule in rules.items() if rule.get("required") is True)

    def check(mapping: Any) -> bool:
        for name, value in mapping.items():
            field = fields.get(name)
            if field is None or not field(value):
                return False
        return required.issubset(mapping.keys()) if required else True

    return check


def compile_rule(rule: Rule) -> Check:
    """One field's rule (cerberus's ``__validate_definitions``) as a function of its value."""
    unknown = set(rule) - KNOWN_RULES
    if unknown:
        raise UnknownRule(", ".join(sorted(unknown)))
    nullable = bool(rule.get("nullable", False))
    types = _type_check(rule.get("type"))
    has_empty = "empty" in rule
    empty_allowed = bool(rule.get("empty"))
    allowed = rule.get("allowed")
    pattern = _pattern(rule["regex"]) if "regex" in rule else None
    has_min, has_max = "min" in rule, "max" in rule
    least, most = rule.get("min"), rule.get("max")
    inner = _schema_check(rule.get("type"), rule.get("schema"))

    def check(value: Any) -> bool:
        if value is None:
            return nullable  # cerberus drops every other rule for None
        if types is not None and not types(value):
            return False
        if has_empty and isinstance(value, Sized) and len(value) == 0:
            if not empty_allowed:
                return False
            choices, regex = None, None  # 'empty' drops 'allowed' and 'regex'
        else:
            choices, regex = allowed, pattern
        if choices is not None and not _allowed(value, choices):
            return False
        if regex is not None and isinstance(value, str) and not regex.match(value):
            return False
        if (has_min and _compares(_less, value, least)) or (
                has_max and _compares(_greater, value, most)):
            return False
        return inner is None or inner(value)

    return check


def _allowed(value: Any, choices: Sequence[Any]) -> bool:
    if isinstance(value, Iterable) and not isinstance(value, str):
        return all(item in choices for item in value)
    return value in choices


def _less(value: Any, bound: Any) -> bool:
    return bool(value < bound)


def _greater(value: Any, bound: Any) -> bool:
    return bool(value > bound)


def _compares(test: Callable[[Any, Any], bool], value: Any, bound: Any) -> bool:
    """``test(value, bound)``; False where the comparison raises TypeError, which cerberus
    ignores (``min``, ``max``)."""
    try:
        return test(value, bound)
    except TypeError:
        return False


def _pattern(regex: str) -> re.Pattern[str]:
    return re.compile(regex if regex.endswith("$") else regex + "$")


def _schema_check(kind: Any, schema: Any) -> Check | None:
    """cerberus's ``schema`` rule: each item of a list, or the fields of a section.

    cerberus reads it by the value (a sequence or a mapping); the ``type`` rule has
    already made sure the value is the one the field declares.
    """
    if schema is None:
        return None
    if kind == "list" and isinstance(schema, Mapping):
        item = compile_rule(schema)
        return lambda value: all(item(entry) for entry in value)
    if kind == "dict" and isinstance(schema, Mapping):
        return compile_mapping(schema)
    raise UnknownRule("schema")


def _type_check(kind: Any) -> Check | None:
    """cerberus's ``type`` rule with the charter's own types (see structure.py)."""
    if not kind:
        return None
    kinds = (kind,) if isinstance(kind, str) else tuple(kind)
    tests = [_TYPES.get(name) or _parsed(name) for name in kinds]
    if len(tests) == 1:
        return tests[0]
    return lambda value: any(test(value) for test in tests)


def finite_number(value: Any) -> bool:
    """A number that is a number: YAML's .nan and .inf are not (hours would show "NaN h").
    Any whole number is finite, however long (math.isfinite cannot take one of 400 digits)."""
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, int) and not isinstance(value, bool)


_TYPES: dict[str, Check] = {
    "string": lambda value: isinstance(value, str),
    "integer": lambda value: isinstance(value, int),  # True is one, as in cerberus
    "boolean": lambda value: isinstance(value, bool),
    "number": finite_number,
    "list": lambda value: isinstance(value, Sequence) and not isinstance(value, str),
    "dict": lambda value: isinstance(value, Mapping),
}


def _parsed(name: str) -> Check:
    from chartergen.schema.types import PARSERS

    parser = PARSERS.get(name)
    if parser is None:
        raise UnknownRule(f"type {name}")

    def check(value: Any) -> bool:
        try:
            parser(value)
        except ValueError:
            return False
        return True

    return check
