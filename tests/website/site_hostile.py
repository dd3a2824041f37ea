"""A charter whose every free-text field holds markup, template syntax and hostile links.

It is generated from the schema itself, so a field added to the format is
covered without editing this file: text, Markdown and list-of-text fields get
the payload, every other field a valid value, every id is "evil" and every
reference points at it.
"""

from __future__ import annotations

from typing import Any

PAYLOAD = (
    '<script>alert("cg")</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% if 1 %}J{% endif %}'
    " *em* _u_ [x](javascript:alert(2)) | # ~ `tick` <!-- c --> &amp; </title>"
)
MARKDOWN_PAYLOAD = (
    # javascript:, data: and vbscript: links are refused by validation (tests/validation);
    # this one passes it and tries to break out of the href instead
    "Para *ok* [safe](https://example.org/a) <iframe src=https://evil.example></iframe> "
    '{{ 6*7 }} [bad](https://example.org/" onclick="alert(3))\n\n- item <b>bold</b>\n- '
    "![pic](https://evil.example/p.png)"
)
TYPED = {
    "duration": "1h", "date": "2025-01-01", "percent": "10%", "money": "100 EUR",
    "url": "https://example.org/page", "email": "team@example.org",
    "phone": "+33 1 23 45 67 89", "time": "09:30", "month": "2025-05",
}


def hostile_charter() -> dict[str, Any]:
    from chartergen.schema.charter import SCHEMA

    data = {key: _value(key, rule) for key, rule in SCHEMA.items()}
    data["format"] = 1
    data["company"]["language"] = "en"
    data["document"]["next_review"] = "2025-06-01"  # after the approval, already overdue
    data["content"]["pillars"][0]["share"] = "100%"
    data["internal"] = ["team.tools"]  # places in the charter, checked: no payload there
    return data


def _value(name: str, rule: dict[str, Any]) -> Any:
    meta = rule.get("meta", {})
    kind = rule.get("type")
    if meta.get("id"):
        return "evil"
    if meta.get("ref"):
        return ["evil"] if kind == "list" else "evil"
    if "allowed" in rule:
        return rule["allowed"][0]
    if kind == "dict":
        return {key: _value(key, sub) for key, sub in rule.get("schema", {}).items()}
    if kind == "list":
        item = rule.get("schema", {})
        if item.get("type") == "dict":
            return [_value(name, item)]
        if "allowed" in item:
            return [item["allowed"][0]]
        return [f"{PAYLOAD} ({name})"]
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        return 1
    if isinstance(kind, str) and kind in TYPED:
        return TYPED[kind]
    if meta.get("markdown"):
        return MARKDOWN_PAYLOAD
    return f"{PAYLOAD} ({name})"
