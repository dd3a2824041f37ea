"""Markdown fields cannot make a build take long: what Python-Markdown and the HTML cleaner
take quadratic time over is defused before they see it, and nothing else changes.

Speed itself is measured in benchmarks/; these tests pin the behaviour that bounds it.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from chartergen.render import escape, sanitize
from chartergen.render.escape import EMPHASIS_FIELD_MARKERS, EMPHASIS_MARKERS, prose


def shown(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text()


def test_emphasis_within_the_limit_is_emphasis():
    html = prose("A *b* and __c__ " * (EMPHASIS_MARKERS // 6))
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("em")) == EMPHASIS_MARKERS // 6
    assert len(soup.find_all("strong")) == EMPHASIS_MARKERS // 6


@pytest.mark.parametrize("run", ["*_", "*a", "**_", "*a*_b_"])
def test_a_paragraph_with_too_many_markers_shows_them_as_typed(run: str):
    text = run * (EMPHASIS_MARKERS + 1)
    html = prose(f"*kept* in its own paragraph\n\n{text}")
    soup = BeautifulSoup(html, "html.parser")
    paragraphs = soup.find_all("p")
    assert [p.get_text() for p in paragraphs] == ["kept in its own paragraph", text]
    assert soup.find("em").get_text() == "kept"
    assert len(soup.find_all("em")) == 1 and not soup.find("strong")


def test_a_field_with_too_many_markers_in_all_shows_them_all_as_typed():
    paragraphs = ["*a*"] * (EMPHASIS_FIELD_MARKERS // 2 + 1)
    html = prose("\n\n".join(paragraphs))
    soup = BeautifulSoup(html, "html.parser")
    assert not soup.find("em")
    assert {p.get_text() for p in soup.find_all("p")} == {"*a*"}


def test_links_keep_their_targets_when_markers_are_defused():
    text = "*_" * EMPHASIS_MARKERS + " [the form](https://example.org/a_b*c?x=1&y=2) & more"
    soup = BeautifulSoup(prose(text), "html.parser")
    assert soup.find("a")["href"] == "https://example.org/a_b*c?x=1&y=2"
    assert soup.get_text().endswith("the form & more")


def test_ampersands_and_markup_show_as_typed():
    html = prose("R&D <b>bold</b> &amp; &#42; " + "&" * 5000)
    assert shown(html) == "R&D <b>bold</b> &amp; &#42; " + "&" * 5000
    assert "<b>" not in html


def test_a_long_field_is_converted_in_parts_as_it_would_be_in_one(
        monkeypatch: pytest.MonkeyPatch):
    text = "\n\n".join(f"Paragraph {n} with *emphasis*." for n in range(600)) + (
        "\n\n- a list\n- of two\n\n1. and\n2. numbers")
    assert len(escape._parts(text)) > 1
    in_parts = prose(text)
    monkeypatch.setattr(escape, "PART_LINES", 10**9)
    assert prose(text) == in_parts


def test_private_use_characters_in_a_field_are_kept():
    text = "".join(escape._AMPERSANDS) + " & x"
    assert shown(prose(text)) == text
    page = "<p>" + "".join(sanitize._STAND_INS) + "&amp;" * sanitize.MANY_AMPERSANDS + "</p>"
    assert sanitize.clean(page) == page


def test_a_page_with_many_ampersands_is_cleaned_as_it_would_be_otherwise(
        monkeypatch: pytest.MonkeyPatch):
    page = ('<p>' + "&amp;" * sanitize.MANY_AMPERSANDS + ' <a href="https://x.org/?a=1&amp;b=2" '
            'onclick="steal()">l</a><script>x()</script><img src=x></p>')
    cleaned = sanitize.clean(page)
    assert "onclick" not in cleaned and "<script" not in cleaned and "<img" not in cleaned
    assert 'href="https://x.org/?a=1&amp;b=2"' in cleaned
    monkeypatch.setattr(sanitize, "MANY_AMPERSANDS", 10**9)
    assert sanitize.clean(page) == cleaned
