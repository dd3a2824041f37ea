"""The audit's labels: the same keys and placeholders in English and French."""

from __future__ import annotations

import string
from collections.abc import Iterator
from typing import Any

import pytest

from chartergen.audit import REGISTRY
from chartergen.i18n import catalogue, label


def _leaves(node: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in node.items():
        if isinstance(value, dict):
            yield from _leaves(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", str(value)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_english_and_french_have_the_same_keys_and_placeholders() -> None:
    english = dict(_leaves(catalogue("en")["audit"]))
    french = dict(_leaves(catalogue("fr")["audit"]))
    assert sorted(english) == sorted(french)
    mismatched = [key for key in english if _fields(english[key]) != _fields(french[key])]
    assert mismatched == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_rule_and_item_has_its_labels(language: str) -> None:
    for rule in REGISTRY.rules():
        mistake, _, name = rule.id.partition(".")
        assert label(language, f"audit.rules.{mistake}.{name}.title")
    for item in REGISTRY.manual_items():
        mistake, _, name = item.id.partition(".")
        assert label(language, f"audit.manual.{mistake}.{name}")


def test_titles_are_written_as_titles() -> None:
    """Labels start with a capital; docstring titles are sentences ending with a period."""
    for rule in REGISTRY.rules():
        mistake, _, name = rule.id.partition(".")
        assert label("en", f"audit.rules.{mistake}.{name}.title")[0].isupper(), rule.id
        assert rule.title.endswith("."), rule.id


def test_french_typography_uses_no_break_spaces() -> None:
    for key, text in _leaves(catalogue("fr")["audit"]):
        for mark in (" :", " ;", " ?", " %", "« ", " »"):
            assert mark not in text, (key, mark)


def test_reasons_are_one_line() -> None:
    for language in ("en", "fr"):
        for key, text in _leaves(catalogue(language)["audit"]):
            assert "\n" not in text, (language, key)
