"""Charters for the hardening tests, generated from the schema so new fields are covered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

TYPED = {
    "duration": "1h", "date": "2025-01-01", "percent": "100%", "money": "100 EUR",
    "url": "https://example.org/page", "email": "team@example.org",
    "phone": "+33 1 23 45 67 89", "time": "09:30", "month": "2025-05",
}


def full_charter(text: Callable[[str], str] = lambda place: f"-{place}-") -> dict[str, Any]:
    """A valid charter with every field of the schema filled in, once per list.

    Each free text is ``text(place)``; by default its own place in the charter between
    dashes (``-team.roles.title-``), so a test can tell where a text came from. Every id
    is "one", and every reference points at it.
    """
    from chartergen.schema.charter import SCHEMA

    data = {key: _value(key, rule, key, text) for key, rule in SCHEMA.items()
            if key not in ("internal",)}
    data["format"] = 1
    data["company"]["language"] = "en"
    data["document"]["next_review"] = "2025-06-01"
    # a crisis in progress, published: its banner is on every page, internal and public
    for name in ("ended", "reviewed"):
        del data["crisis"]["current"][name]
    return data


def _value(name: str, rule: dict[str, Any], place: str, text: Callable[[str], str]) -> Any:
    meta = rule.get("meta", {})
    kind = rule.get("type")
    if meta.get("id"):
        return "one"
    if meta.get("ref"):
        return ["one"] if kind == "list" else "one"
    if "allowed" in rule:
        return rule["allowed"][0]
    if kind == "dict":
        return {key: _value(key, sub, f"{place}.{key}", text)
                for key, sub in rule.get("schema", {}).items()}
    if kind == "list":
        item = rule.get("schema", {})
        if item.get("type") == "dict":
            return [_value(name, item, place, text)]
        if "allowed" in item:
            return [item["allowed"][0]]
        return [text(place)]
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return 1
    if isinstance(kind, str) and kind in TYPED:
        return TYPED[kind]
    return text(place)
