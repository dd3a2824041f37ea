"""The starter charter written by ``chartergen init``: every section, empty, with guidance.

The file is generated from the schema, so it always has every section and
field of the current format. Each section gets a short comment in the chosen
language saying what to write and which of the nine mistakes it guards
against; each field whose values are constrained ends with a comment listing
them; each list of entries holds a commented template entry. Values are left
empty (so the charter validates as it is and the audit reports every gap),
except the few a charter cannot do without: the format, the company's name
and language, and the status ``draft``.

The text goes through :func:`chartergen.edit.fmt.format_text`, so a fresh
charter is already in the canonical layout and ``fmt --check`` passes on it.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping
from typing import Any

from chartergen.schema.charter import FORMAT_VERSION, SCHEMA
from chartergen.schema.fields import Rule
from chartergen.schema.jsonschema import SCHEMA_FILE_NAME

MODELINE = f"# yaml-language-server: $schema={SCHEMA_FILE_NAME}"
"""First line of every charter: VS Code's YAML extension finds the schema through it."""

COMMENT_WIDTH = 92


def starter_charter(*, language: str, company: str) -> str:
    """The text of a new charter for ``company``, with guidance in ``language``."""
    from chartergen.edit.fmt import format_text
    from chartergen.i18n import catalogue, label

    labels = catalogue(language)["init"]
    company = " ".join(company.split())
    values: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "company": {"name": company, "language": language},
        "document": {"status": "draft"},
    }

    lines = [MODELINE, "#"]
    lines += _comment(labels["header"].format(company=company), 0)
    lines.append("")
    for name, rule in SCHEMA.items():
        guidance = labels["sections"][name]
        mistakes = rule.get("meta", {}).get("guards", ())
        if mistakes:
            # no line break inside a title: its spaces are non-breaking while wrapping
            titles = [
                f"{n} ({_lower_first(label(language, f'audit.mistakes.m{n}.title'))})"
                .replace(" ", "\u00a0") for n in mistakes
            ]
            key = "prevents_one" if len(titles) == 1 else "prevents_many"
            items = titles[0] if len(titles) == 1 else (
                ", ".join(titles[:-1]) + f" {labels['and']} {titles[-1]}"
            )
            prevents = textwrap.fill(labels[key].format(items=items), COMMENT_WIDTH)
            guidance += "\n" + prevents.replace("\u00a0", " ")
        lines += _comment(guidance, 0)
        lines += _field(name, rule, 0, labels, values.get(name), commented=True)
        lines.append("")

    text = "\n".join(lines)
    formatted = format_text(text, "starter.yaml")
    if formatted.formatted is None:  # a bug in this module, never the user's input
        raise RuntimeError("; ".join(d.format() for d in formatted.diagnostics))
    return formatted.formatted


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _comment(text: str, indent: int) -> list[str]:
    pad = " " * indent
    return [f"{pad}# {line}".rstrip() for line in text.splitlines()]


def _field(name: str, rule: Rule, indent: int, labels: Mapping[str, Any], value: Any,
           *, commented: bool) -> list[str]:
    """The lines of one field: a section's fields, a list's template entry, or a value."""
    pad = " " * indent
    kind = rule.get("type")
    if rule.get("meta", {}).get("command"):  # written by its command (crisis open), not by hand
        return []
    if kind == "dict":
        lines = [f"{pad}{name}:"]
        for child, child_rule in rule["schema"].items():
            child_value = value.get(child) if isinstance(value, dict) else None
            lines += _field(child, child_rule, indent + 2, labels, child_value,
                            commented=commented)
        return lines
    if kind == "list" and rule.get("schema", {}).get("type") == "dict":
        return [f"{pad}{name}:", *_template_entry(rule["schema"]["schema"], indent + 2, labels,
                                                  commented=commented)]
    line = f"{pad}{name}:"
    if value is not None:
        line += " " + _scalar(value)
    hint = _hint(rule, labels)
    if hint and (value is None or rule.get("meta", {}).get("options")):
        line += f"  # {hint}"
    return [line]


def _scalar(value: Any) -> str:
    """A value as the canonical layout writes it (plain, or double quotes when needed)."""
    import io

    from chartergen.edit.fmt import canonical_yaml

    out = io.StringIO()
    canonical_yaml().dump({"v": value}, out)
    return out.getvalue()[len("v: "):].rstrip("\n")


def _template_entry(fields: Mapping[str, Rule], indent: int, labels: Mapping[str, Any], *,
                    commented: bool) -> list[str]:
    """One entry of a list, every field empty; commented out unless inside another template."""
    lines: list[str] = []
    for index, (name, rule) in enumerate(fields.items()):
        for number, line in enumerate(_field(name, rule, 0, labels, None, commented=False)):
            lead = "- " if index == 0 and number == 0 else "  "
            lines.append(lead + line)
    if commented:
        return [" " * indent + "# " + line for line in lines]
    return [" " * indent + line for line in lines]


def _hint(rule: Rule, labels: Mapping[str, Any]) -> str:
    """What a field accepts, when it is not free text."""
    from chartergen.schema.crossref import declaring_paths

    hints = labels["hints"]
    meta = rule.get("meta", {})
    kind = rule.get("type")
    if meta.get("ref"):
        where = declaring_paths()[meta["ref"]]
        return str(hints["refs" if kind == "list" else "ref"].format(where=where))
    if meta.get("options"):
        values = ", ".join(meta["options"])
        return str(hints["choices" if kind == "list" else "choice"].format(values=values))
    if isinstance(kind, str) and kind in hints:
        return str(hints[kind])
    return ""
