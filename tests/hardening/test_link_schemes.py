"""Links in Markdown fields: only http, https and mailto pass validation, however written."""

from __future__ import annotations

import pytest

from chartergen.loader import load_text
from chartergen.schema import validate
from chartergen.schema.text import link_scheme

HEAD = "format: 1\ncompany:\n  name: Acme\n  language: en\n"


@pytest.mark.parametrize(("target", "scheme"), [
    ("javascript:alert(1)", "javascript"),
    ("JaVaScRiPt:alert(1)", "javascript"),
    ("  javascript:alert(1)", "javascript"),
    ("java\tscript:alert(1)", "javascript"),
    ("java\nscript:alert(1)", "javascript"),
    ("jav&#x09;ascript:alert(1)", "javascript"),
    ("&#106;avascript:alert(1)", "javascript"),
    ("\x01javascript:alert(1)", "javascript"),
    ('"javascript:alert(1)"', "javascript"),
    ("<vbscript:msgbox(1)>", "vbscript"),
    ("data:text/html,<b>x</b>", "data"),
    ("file:///etc/passwd", "file"),
    ("https://example.org", "https"),
    ("mailto:team@example.org", "mailto"),
    ("../page", None),
    ("#anchor", None),
])
def test_the_scheme_is_read_as_a_browser_reads_it(target: str, scheme: str | None) -> None:
    assert link_scheme(target) == scheme


def _errors(description: str) -> list[str]:
    text = HEAD + "  description: " + description + "\n"
    result = load_text(text, "x.yaml")
    assert result.document is not None, result.diagnostics
    return [d.format() for d in validate(result.document)]


@pytest.mark.parametrize("description", [
    "'[a](javascript:alert(1))'",
    "'[a]( <javascript:alert(1)> )'",
    "'<javascript:alert(1)>'",
    "'<a href=javascript:alert(1)>a</a>'",
    "'<a title=\"x\" HREF = \"&#106;avascript:alert(1)\">a</a>'",
    "'<form action=\"javascript:alert(1)\"><button formaction=vbscript:x>b</button></form>'",
    "'<img src=\"data:image/svg+xml,<svg onload=alert(1)>\">'",
    "\"[a][r]\\n\\n[r]: javascript:alert(1)\"",
])
def test_refused_links_are_located_errors(description: str) -> None:
    errors = _errors(description)
    assert errors
    assert all(e.startswith("x.yaml:5:") and "(company.description)" in e for e in errors)
    assert all("links may only start with http://, https:// or mailto:" in e for e in errors)


@pytest.mark.parametrize("description", [
    "'[a](https://example.org) and [b](mailto:team@example.org)'",
    "'[a](#anchor), [b](../other-page) and <https://example.org>'",
    "'Plain words: javascript: is only text here, and so is data: 42.'",
    "'A note <TODO> and a time 10:30'",
])
def test_allowed_links_and_plain_text_pass(description: str) -> None:
    assert _errors(description) == []


def test_plain_text_fields_are_not_checked_they_are_always_shown_as_text() -> None:
    text = HEAD + "  sector: '[a](javascript:alert(1))'\n"
    result = load_text(text, "x.yaml")
    assert result.document is not None
    assert validate(result.document) == []


def test_each_link_is_reported_once_at_its_own_column() -> None:
    text = HEAD + "  description: 'x [plan](<vbscript:msgbox(1)>) [y](data:,1)'\n"
    result = load_text(text, "x.yaml")
    assert result.document is not None
    found = [(d.line, d.col, d.message.split("'")[1]) for d in validate(result.document)]
    assert found == [(5, 26, "vbscript:"), (5, 52, "data:")]
