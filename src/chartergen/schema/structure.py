"""Structure and type validation with cerberus, its errors rewritten in plain, located words.

Cerberus says *what* is wrong at which ``document_path``; the loaded
:class:`~chartergen.loader.Document` says *where* that path is in the file.
The validator is built once per process (building one costs tens of
milliseconds) and reused for every charter.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

import cerberus
from cerberus import errors as cerberus_errors
from cerberus.schema import DefinitionSchema

from chartergen.errors import Diagnostic, FieldPath, Severity
from chartergen.loader import Document
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule
from chartergen.schema.types import PARSERS


def _type_check(parser: Any) -> Any:
    def check(self: Any, value: Any) -> bool:
        try:
            parser(value)
        except ValueError:
            return False
        return True

    return check


class _TrustedSchema(DefinitionSchema):
    """The charter schema, expanded but not re-checked at every start.

    cerberus checks a schema against its own meta-schema each time a process
    builds a validator, which costs more than validating a charter. SCHEMA is a
    constant: tests/schema check it with cerberus's full check instead.
    """

    def validate(self, schema: Any = None) -> None:
        return None


def _schema_property() -> property:
    def get(self: Any) -> Any:
        return self._schema

    def set_(self: Any, schema: Any) -> None:
        if schema is None or self.is_child or isinstance(schema, DefinitionSchema):
            self._schema = schema
        else:
            self._schema = _TrustedSchema(self, schema)

    return property(get, set_)


# cerberus collects ``_validate_type_<name>`` methods when the class is created,
# so the custom types are put in the class namespace rather than added afterwards.
CharterValidator = type(
    "CharterValidator",
    (cerberus.Validator,),
    {
        f"_validate_type_{name}": _type_check(parser) for name, parser in PARSERS.items()
    } | {
        "schema": _schema_property(),
        # cerberus's own 'date' type wants a datetime.date; charters write ISO text
        "types_mapping": {
            name: definition for name, definition in cerberus.Validator.types_mapping.items()
            if name not in PARSERS
        },
    },
)
"""cerberus's validator with the charter's custom value types."""


@cache
def _validator() -> Any:
    return CharterValidator(SCHEMA)


def structure_errors(document: Document) -> list[Diagnostic]:
    """Check structure and value types; every problem, located."""
    validator = _validator()
    if validator.validate(document.data):
        return []
    return [
        _explain(error, document)
        for error in _leaf_errors(validator._errors)
    ]


def rule_at(path: FieldPath) -> Rule | None:
    """The schema rule for a field path (list indexes are skipped)."""
    rules: Mapping[str, Rule] = SCHEMA
    rule: Rule | None = None
    for part in path:
        if isinstance(part, int):
            if rule is None or rule.get("type") != "list":
                return None
            rule = rule.get("schema")
            continue
        if rule is not None:
            if rule.get("type") == "list":
                rule = rule.get("schema")
            if rule is None or rule.get("type") != "dict":
                return None
            rules = rule.get("schema", {})
        rule = rules.get(part)
        if rule is None:
            return None
    return rule


def _leaf_errors(errors: Any) -> Iterator[Any]:
    for error in errors:
        if error.is_group_error:
            yield from _leaf_errors(error.child_errors)
        else:
            yield error


_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "list": "a list (lines starting with '- ')",
    "dict": "a section of 'key: value' lines",
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{shown}'"
    if isinstance(value, list):
        return "a list"
    return "a section"


def _did_you_mean(word: str, options: list[str]) -> str:
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _explain(error: Any, document: Document) -> Diagnostic:
    path: FieldPath = tuple(error.document_path)
    code = error.code
    field = path[-1] if path else ""

    def diag(message: str, *, key: bool = False, at: FieldPath | None = None) -> Diagnostic:
        line, col = document.locate(path if at is None else at, key=key)
        return Diagnostic(
            document.path, line, col, Severity.ERROR, message, path, code=error.rule or "schema"
        )

    if code == cerberus_errors.UNKNOWN_FIELD.code:
        parent = rule_at(path[:-1])
        known = list((parent or {}).get("schema", {})) if parent else list(SCHEMA)
        if parent and parent.get("type") == "list":
            known = list(parent.get("schema", {}).get("schema", {}))
        where = "the charter" if len(path) == 1 else f"'{_section_name(path[:-1])}'"
        hint = _did_you_mean(str(field), known)
        listing = "" if hint else f" (fields: {', '.join(known)})"
        return diag(f"'{field}' is not a field of {where}{hint}{listing}", key=True)

    if code == cerberus_errors.REQUIRED_FIELD.code:
        where = "the charter" if len(path) == 1 else f"'{_section_name(path[:-1])}'"
        return diag(f"'{field}' is missing from {where}; it is required", at=path[:-1])

    if code in (cerberus_errors.NOT_NULLABLE.code, cerberus_errors.EMPTY_NOT_ALLOWED.code):
        return diag(f"'{field}' is empty; it is required")

    if code == cerberus_errors.BAD_TYPE.code:
        expected = error.constraint
        expected = expected if isinstance(expected, list) else [expected]
        custom = [name for name in expected if name in PARSERS]
        if custom:
            try:
                PARSERS[custom[0]](error.value)
            except ValueError as exc:
                return diag(str(exc))
        words = " or ".join(
            _TYPE_WORDS.get(name, name) for name in expected if not (
                name == "number" and "string" in expected
            )
        )
        hint = ""
        if "string" in expected and isinstance(error.value, (bool, type(None))):
            hint = "; put the value in quotes"
        if isinstance(error.value, str) and "dict" in expected:
            hint = "; indent the lines of this section under its name"
        return diag(f"'{field}' should be {words}, not {_kind_of(error.value)}{hint}")

    if code in (cerberus_errors.UNALLOWED_VALUE.code, cerberus_errors.UNALLOWED_VALUES.code):
        options = [str(option) for option in error.constraint]
        value = error.value
        if path == ("format",):
            return diag(
                f"format {value!r} is not supported; this version of chartergen reads "
                f"format {options[0]}"
            )
        hint = _did_you_mean(str(value), options)
        name = _section_name(path)
        return diag(f"'{value}' is not a valid {name}{hint} (choose from: {', '.join(options)})")

    if code == cerberus_errors.REGEX_MISMATCH.code:
        return diag(
            f"'{error.value}' is not a valid id: use lowercase letters, digits and hyphens, "
            "for example head-of-comms"
        )

    if code == cerberus_errors.MIN_VALUE.code:
        return diag(f"'{field}' must be at least {error.constraint}, not {error.value}")
    if code == cerberus_errors.MAX_VALUE.code:
        return diag(f"'{field}' must be at most {error.constraint}, not {error.value}")

    return diag(f"'{field}' is not valid ({error.rule}: {error.constraint})")


def _section_name(path: FieldPath) -> str:
    """The last named part of a path: ('networks', 2, 'status') -> 'status'."""
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else "charter"
