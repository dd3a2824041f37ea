"""Structure and type validation with cerberus, its errors rewritten in plain, located words.

Cerberus says *what* is wrong at which ``document_path``; the loaded
:class:`~chartergen.loader.Document` says *where* that path is in the file.
A charter the quick check of :mod:`chartergen.schema.compiled` passes has nothing
for cerberus to say, so cerberus is imported only for a charter that has problems.
The validator is built once per process (building one costs milliseconds) and
reused for every charter.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from chartergen.errors import Diagnostic, FieldPath, Severity
from chartergen.loader import Document
from chartergen.messages import Msg, trimmed
from chartergen.schema.charter import SCHEMA
from chartergen.schema.compiled import checker, finite_number, is_valid
from chartergen.schema.fields import Rule
from chartergen.schema.types import PARSERS


class _ParsedValue(type):
    """A class whose ``isinstance`` check runs a value parser.

    cerberus types are ``isinstance`` checks (``TypeDefinition``); the charter's
    custom types (durations, dates, money...) are defined by their parsers, so
    each gets a class whose instance check is "the parser accepts it".
    """

    parser: Any

    def __instancecheck__(cls, value: Any) -> bool:
        try:
            cls.parser(value)
        except ValueError:
            return False
        return True


class _FiniteNumber(type):
    """A number that is a number: YAML's .nan and .inf are not (hours would show "NaN h")."""

    def __instancecheck__(cls, value: Any) -> bool:
        return finite_number(value)


def _custom_types() -> dict[str, Any]:
    from cerberus import TypeDefinition

    return {
        "number": TypeDefinition("number", (_FiniteNumber("finite", (), {}),), ()),
        **{name: TypeDefinition(
            name, (_ParsedValue(name, (), {"parser": staticmethod(parser)}),), ())
           for name, parser in PARSERS.items()},
    }


@cache
def validator_class() -> Any:
    """cerberus's validator with the charter's custom value types (cerberus is imported
    here, when a charter has problems to report, not when validation starts)."""
    import cerberus
    from cerberus.schema import DefinitionSchema

    class _TrustedSchema(DefinitionSchema):  # type: ignore[misc]
        """The charter schema, expanded but not re-checked at every start.

        cerberus checks a schema against its own meta-schema each time a process
        builds a validator, which costs more than validating a charter. SCHEMA is a
        constant: tests/schema check it with cerberus's full check instead.
        """

        def validate(self, schema: Any = None) -> None:
            return None

    def get(self: Any) -> Any:
        return self._schema

    def set_(self: Any, schema: Any) -> None:
        if schema is None or self.is_child or isinstance(schema, DefinitionSchema):
            self._schema = schema
        else:
            self._schema = _TrustedSchema(self, schema)

    def add_errors(self: Any, *args: Any) -> None:
        """cerberus's ``_error``, without re-sorting every error found so far at each new one.

        That sort made validation quadratic in the number of problems: a hostile file
        of 4,000 unknown keys took a minute, a 1 MiB one would take days. The order
        does not matter here: :func:`chartergen.schema.validate` sorts what it reports.
        The schema error tree, which nothing here reads, is not kept: all unknown keys
        of a section share one node of it, sorted again at each addition.
        """
        if len(args) != 1:  # builds one error, then comes back here with it
            cerberus.Validator._error(self, *args)
            return
        self._errors.extend(args[0])
        for error in args[0]:
            self.document_error_tree.add(error)  # cerberus reads it (one node per field)
            self.error_handler.emit(error)

    return type(
        "CharterValidator",
        (cerberus.Validator,),
        {
            "schema": property(get, set_),
            "_error": add_errors,
            # cerberus's own 'date' type wants a datetime.date; charters write ISO text,
            # so the custom 'date' replaces it
            "types_mapping": {**cerberus.Validator.types_mapping, **_custom_types()},
        },
    )


@cache
def _validator() -> Any:
    return validator_class()(SCHEMA)


def warm_up() -> None:
    """Build the quick check and the shared validator now (before forking workers, for
    instance)."""
    checker()
    _validator()


MAX_REPORTED = 200
"""Problems of one kind listed per file; past that, one line says how many more there are."""


def structure_errors(document: Document) -> list[Diagnostic]:
    """Check structure and value types; every problem, located (at most MAX_REPORTED)."""
    if is_valid(document.data):
        return []
    validator = _validator()
    # no normalisation: charters get no defaults or coercion, and cerberus 1.3
    # crashes normalising a mapping written where its schema expects a list
    if validator.validate(document.data, normalize=False):
        return []
    errors = list(_leaf_errors(validator._errors))
    found = [_explain(error, document) for error in errors[:MAX_REPORTED]]
    if len(errors) > MAX_REPORTED:
        path: FieldPath = tuple(errors[MAX_REPORTED].document_path)
        line, col = document.locate(path)
        found.append(Diagnostic(
            document.path, line, col, Severity.ERROR,
            Msg("{count} more problems like the ones above are not listed; fix those and "
                "validate again", count=f"{len(errors) - MAX_REPORTED:,}"),
            path, code="more",
        ))
    return found


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
    "string": Msg("text"),
    "number": Msg("a number"),
    "integer": Msg("a whole number"),
    "boolean": Msg("true or false"),
    "list": Msg("a list (lines starting with '- ')"),
    "dict": Msg("a section of 'key: value' lines"),
}


def _kind_of(value: Any) -> str:
    if value is None:
        return Msg("nothing")
    if isinstance(value, bool):
        return Msg("true/false")
    if isinstance(value, float) and math.isnan(value):
        return Msg("YAML's .nan, which stands for 'not a number'")
    if isinstance(value, float) and math.isinf(value):
        return Msg("YAML's {sign}.inf, which stands for infinity", sign="-" if value < 0 else "")
    if isinstance(value, (int, float)):
        return Msg("the number {value}", value=value)
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return Msg("the text '{value}'", value=shown)
    if isinstance(value, list):
        return Msg("a list")
    return Msg("a section")


def _did_you_mean(word: str, options: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.6)
    return Msg("; did you mean '{name}'?", name=close[0]) if close else ""


def _either(words: list[str]) -> str:
    """'a or b or c', in the message's language."""
    out = words[0]
    for word in words[1:]:
        out = Msg("{first} or {second}", first=out, second=word)
    return out


def _explain(error: Any, document: Document) -> Diagnostic:
    from cerberus import errors as cerberus_errors

    path: FieldPath = tuple(error.document_path)
    code = error.code
    field = _field_name(path)

    def diag(message: str, *, key: bool = False, at: FieldPath | None = None,
             hint: str | None = None) -> Diagnostic:
        line, col = document.locate(path if at is None else at, key=key)
        return Diagnostic(
            document.path, line, col, Severity.ERROR, message, path, hint=hint or None,
            code=error.rule or "schema",
        )

    if code == cerberus_errors.UNKNOWN_FIELD.code:
        parent = rule_at(path[:-1])
        known = list((parent or {}).get("schema", {})) if parent else list(SCHEMA)
        if parent and parent.get("type") == "list":
            known = list(parent.get("schema", {}).get("schema", {}))
        where = _where(path)
        hint = _did_you_mean(str(field), known)
        listing = "" if hint else Msg(" (fields: {names})", names=", ".join(known))
        return diag(Msg("'{field}' is not a field of {where}{hint}{listing}", field=field,
                        where=where, hint=hint, listing=listing), key=True,
                    hint=trimmed(hint or listing))

    if code == cerberus_errors.REQUIRED_FIELD.code:
        return diag(Msg("'{field}' is missing from {where}; it is required", field=field,
                        where=_where(path)), at=path[:-1])

    if code in (cerberus_errors.NOT_NULLABLE.code, cerberus_errors.EMPTY_NOT_ALLOWED.code):
        return diag(Msg("'{field}' is empty; it is required", field=field))

    if code == cerberus_errors.BAD_TYPE.code:
        expected = error.constraint
        expected = expected if isinstance(expected, list) else [expected]
        custom = [name for name in expected if name in PARSERS]
        if custom:
            try:
                PARSERS[custom[0]](error.value)
            except ValueError as exc:
                return diag(exc.args[0])
        words = _either([
            _TYPE_WORDS.get(str(name), str(name)) for name in expected if not (
                name == "number" and "string" in expected
            )
        ])
        hint = ""
        if "string" in expected and isinstance(error.value, (bool, type(None))):
            hint = Msg("; put the value in quotes")
        is_entry = bool(path) and isinstance(path[-1], int)
        if isinstance(error.value, str) and "dict" in expected:
            hint = (Msg("; write each entry as 'key: value' lines after its '- '") if is_entry
                    else Msg("; indent the lines of this section under its name"))
        hint = _type_hint(expected, error.value) or hint
        subject = field if is_entry else Msg("'{field}'", field=field)
        return diag(Msg("{subject} should be {kind}, not {value}{hint}", subject=subject,
                        kind=words, value=_kind_of(error.value), hint=hint),
                    hint=trimmed(hint) if hint else None)

    if code in (cerberus_errors.UNALLOWED_VALUE.code, cerberus_errors.UNALLOWED_VALUES.code):
        options = [str(option) for option in error.constraint]
        value = error.value
        if path == ("format",):
            return diag(Msg(
                "format {value} is not supported; this version of chartergen reads "
                "format {supported}", value=repr(value), supported=options[0],
            ))
        hint = _did_you_mean(str(value), options)
        name = _section_name(path)
        return diag(Msg("'{value}' is not a valid {name}{hint} (choose from: {options})",
                        value=value, name=name, hint=hint, options=", ".join(options)),
                    hint=trimmed(hint) if hint else None)

    if code == cerberus_errors.REGEX_MISMATCH.code:
        return diag(Msg(
            "'{value}' is not a valid id: use lowercase letters, digits and hyphens, "
            "for example head-of-comms", value=error.value,
        ))

    if code == cerberus_errors.MIN_VALUE.code:
        return diag(Msg("'{field}' must be at least {least}, not {value}", field=field,
                        least=error.constraint, value=_number(error.value)))
    if code == cerberus_errors.MAX_VALUE.code:
        return diag(Msg("'{field}' must be at most {most}, not {value}", field=field,
                        most=error.constraint, value=_number(error.value)))

    return diag(Msg("'{field}' is not valid ({rule}: {constraint})", field=field,
                    rule=error.rule, constraint=error.constraint))


def _number(value: Any) -> Any:
    """A number as a message shows it: a whole number too long to read, by its length."""
    if isinstance(value, int) and len(str(abs(value))) > 20:
        return Msg("a number of {digits} digits", digits=f"{len(str(abs(value))):,}")
    return value


def _where(path: FieldPath) -> str:
    if len(path) == 1:
        return Msg("the charter")
    return Msg("'{section}'", section=_section_name(path[:-1]))


_YES_NO = {"yes", "no", "y", "n", "on", "off", "oui", "non", "vrai", "faux", "true.", "false."}


def _type_hint(expected: list[Any], value: Any) -> str:
    """Advice for the usual slips behind a wrong type, in the words of the fix."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if "list" in expected and text.startswith("-") and text[1:2] not in (" ", ""):
        return Msg("; a list item needs a space after its '-'")
    if ({"number", "integer"} & set(expected)) and re.fullmatch(r"\d+,\d+", text):
        return Msg("; write decimals with a dot: {number}", number=text.replace(",", "."))
    if "boolean" in expected and text.lower() in _YES_NO:
        return Msg(" (YAML reads only true and false, in English)")
    return ""


def _field_name(path: FieldPath) -> str:
    """How to name the field in a sentence: 'owner', or 'entry 2 of roles' for list items."""
    if not path:
        return Msg("charter")
    if isinstance(path[-1], int):
        return Msg("entry {number} of {section}", number=path[-1] + 1,
                   section=_section_name(path[:-1]))
    return str(path[-1])


def _section_name(path: FieldPath) -> str:
    """The last named part of a path: ('networks', 2, 'status') -> 'status'."""
    names = [part for part in path if isinstance(part, str)]
    return names[-1] if names else Msg("charter")
