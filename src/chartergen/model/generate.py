"""Writes :mod:`chartergen.model.classes`, the typed charter's classes, from the schema.

    python -m chartergen.model.generate

Each section of the schema is one frozen dataclass, each list of entries a tuple of
them, each field an attribute of the field's name (or of the ``flatten`` pattern), typed
by the field's type, documented by its help text. So adding a field to the schema adds
it to the model: run this, and ``tests/schema/test_model.py`` fails until the file is
written anew. What the classes do besides holding fields is written by hand in
:mod:`chartergen.model.behaviour`.

The order of the attributes is the schema's, except that the fields an entry cannot do
without come first, followed by ``path`` (for ``located`` lists), as a dataclass wants.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chartergen.model import behaviour
from chartergen.schema.charter import SCHEMA
from chartergen.schema.crossref import declaring_paths
from chartergen.schema.fields import Rule, attributes, help_of

OUTPUT = Path(__file__).with_name("classes.py")
WIDTH = 100

_SCALARS = {
    "boolean": "bool", "integer": "int", "number": "float", "percent": "float",
    "date": "dt.date", "month": "dt.date", "duration": "Duration", "money": "Money",
}
"""The Python type of a value of each schema type; any other value is read as text."""

_CHARTER_DOC = "One company's charter. ``slug`` is the file name without its extension."


@dataclass
class _Attribute:
    name: str
    hint: str
    default: str | None
    """The default as Python source; None for a field an entry cannot do without."""
    doc: str


@dataclass
class _Class:
    name: str
    doc: str
    attributes: list[_Attribute] = field(default_factory=list)


def render() -> str:
    """The text of ``classes.py`` for the schema as it is."""
    classes: dict[str, _Class] = {}
    root = _class("Charter", _CHARTER_DOC, SCHEMA, classes, whole=True, located=False)
    given = [_Attribute("slug", "str", None, "The charter's file name without its extension."),
             _Attribute("source_path", "str", None, "The charter's file, as it was given.")]
    root.attributes[:0] = given
    root.attributes.append(_Attribute(
        "present_sections", "frozenset[str]", "frozenset()",
        "Top-level sections written in the file (even if empty)."))
    classes["Charter"] = root
    lines = [
        '"""The typed charter\'s classes, one per section and list of the schema.',
        "",
        "Generated from chartergen.schema.charter by ``python -m chartergen.model.generate``:",
        "do not edit; change the schema (or chartergen.model.behaviour) and run it again.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "import datetime as dt",
        "from dataclasses import dataclass, field",
        "",
        "from chartergen.errors import FieldPath",
        "from chartergen.model import behaviour",
        "from chartergen.schema.types import Duration, Money",
        "",
        *_wrapped_list("__all__ = [", sorted(classes)),
    ]
    for cls in classes.values():
        lines += ["", "", *_source(cls)]
    lines += _lookups()
    return "\n".join(lines) + "\n"


def write() -> Path:
    OUTPUT.write_text(render(), encoding="utf-8")
    return OUTPUT


# --- from the schema to classes ---------------------------------------------------------------


def _class(name: str, doc: str, rules: Mapping[str, Rule], classes: dict[str, _Class], *,
           whole: bool, located: bool) -> _Class:
    """The class for the fields ``rules``; the classes of its sections and lists go into
    ``classes`` first. ``whole``: the class is never built empty (a list entry, a required
    section), so a required field has no default."""
    needed: list[_Attribute] = []
    others: list[_Attribute] = []
    for attribute, place in attributes(rules).items():
        rule = rules[place[0]] if len(place) == 1 else rules[place[0]]["schema"][place[1]]
        hint, default = _typed(attribute, rule, classes)
        if whole and rule.get("required") and not rule.get("nullable"):
            needed.append(_Attribute(attribute, hint, None, help_of(rule)))
        else:
            optional = default == "None" and not hint.endswith("| None")
            others.append(_Attribute(attribute, f"{hint} | None" if optional else hint,
                                     default, help_of(rule)))
    path = [_Attribute("path", "FieldPath", None, "Where the entry is in the file.")]
    return _Class(name, doc, [*needed, *(path if located else []), *others])


def _typed(name: str, rule: Rule, classes: dict[str, _Class]) -> tuple[str, str]:
    """The attribute's type and default (Python source) for the field ``rule``."""
    kind = rule.get("type")
    meta = rule.get("meta", {})
    if kind == "dict":
        cls = meta.get("model") or "".join(word.title() for word in name.split("_"))
        _add(cls, help_of(rule), rule["schema"], classes,
             whole=bool(rule.get("required")), located=False)
        if cls in behaviour.HOOKS:
            return cls, "None"
        return cls, f"field(default_factory={cls})"
    if kind == "list" and rule.get("schema", {}).get("type") == "dict":
        cls = meta["model"]
        _add(cls, help_of(rule), rule["schema"]["schema"], classes, whole=True,
             located=bool(meta.get("located")))
        return f"tuple[{cls}, ...]", "()"
    if kind == "list":
        return "tuple[str, ...]", "()"
    scalar = _SCALARS.get(kind) if isinstance(kind, str) else None
    if scalar is not None:
        return scalar, "None"
    return "str", '""'


def _add(name: str, doc: str, rules: Mapping[str, Rule], classes: dict[str, _Class], *,
         whole: bool, located: bool) -> None:
    made = _class(name, doc, rules, classes, whole=whole, located=located)
    known = classes.get(name)
    if known is None:
        classes[name] = made
    elif [(a.name, a.hint) for a in known.attributes] != [(a.name, a.hint)
                                                          for a in made.attributes]:
        raise ValueError(f"two parts of the schema are read as {name} but have other fields")


# --- writing Python ---------------------------------------------------------------------------


def _source(cls: _Class) -> list[str]:
    base = f"(behaviour.{cls.name})" if isinstance(getattr(behaviour, cls.name, None),
                                                   type) else ""
    lines = ["@dataclass(frozen=True)", f"class {cls.name}{base}:"]
    lines += _docstring(cls.doc, "    ")
    for attribute in cls.attributes:
        default = "" if attribute.default is None else f" = {attribute.default}"
        lines.append("")
        lines.append(f"    {attribute.name}: {attribute.hint}{default}")
        lines += _docstring(attribute.doc, "    ")
    return lines


def _lookups() -> list[str]:
    """One method per kind of id finding the entry of that kind by its id, added to Charter
    (``charter.role("head-of-comms")``)."""
    lines: list[str] = []
    for kind, where in declaring_paths().items():
        entry = _entry_class(where)
        lines += [
            "",
            f"    def {kind}(self, {kind}_id: str) -> {entry} | None:",
            f'        """The entry of ``{where}`` whose id is ``{kind}_id``, if any."""',
            f"        return next((e for e in self.{where} if e.id == {kind}_id), None)",
        ]
    return lines


def _entry_class(where: str) -> str:
    rules: Mapping[str, Rule] = SCHEMA
    rule: Rule = {}
    for name in where.split("."):
        rule = rules[name]
        rules = rule["schema"]["schema"] if rule.get("type") == "list" else rule["schema"]
    return str(rule["meta"]["model"])


def _docstring(text: str, indent: str) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    if text.endswith('"'):
        text += " "
    return textwrap.fill(f'"""{text}"""', WIDTH, initial_indent=indent,
                         subsequent_indent=indent, break_on_hyphens=False).splitlines()


def _wrapped_list(head: str, names: list[str]) -> list[str]:
    lines, line = [], head
    for name in names:
        item = f'"{name}", '
        if len(line) + len(item) > WIDTH:
            lines.append(line.rstrip())
            line = "    "
        line += item
    lines.append(line.rstrip().rstrip(",") + "]")
    return lines


if __name__ == "__main__":
    print(f"written: {write()}")
