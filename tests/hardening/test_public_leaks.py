"""The search for personal values in public text: every variant found, common words not."""

from __future__ import annotations

import pytest

from chartergen.leaks import Finder, Personal


def finder(*values: tuple[str, str], company: str = "Hartwell Pumps") -> Finder:
    words = frozenset(company.lower().split())
    return Finder(tuple(Personal(kind, value, ("x",), 1, 1, words) for kind, value in values))


PEOPLE = finder(("name", "Fiona Marsh"), ("name", "Élise Dubois-Laurent"),
                ("name", "Dr Helen Brook"), ("phone", "+44 1632 960101"),
                ("email", "fiona.marsh@example.org"), ("name", "Richard Hartwell"))


@pytest.mark.parametrize("text", [
    "Call Fiona first", "Ask Ms Marsh", "F. Marsh approves", "F Marsh approves",
    "Fiona's team", "Marsh's call", "Elise checks", "Ask Dubois", "Laurent knows",
    "https://example.org/Fiona_Marsh", "https://example.org/fiona-marsh",
    "https://example.org/?q=Fiona+Marsh", "https://example.org/Fiona%20Marsh",
    "https://example.org/~fiona", "mailto:fiona.marsh@example.org",
    "write to fiona.marsh at example dot org", "fiona.marsh [at] example [dot] org",
    "https://wa.me/441632960101", "call 01632960101", "call 01632 960 101",
    "FIONA MARSH", "see &#70;iona Marsh", "Helen\u00a0Brook", "H. Brook",
    "Richard Hartwell founded it",
])
def test_each_variant_is_found(text: str):
    assert list(PEOPLE.search(text)), text


@pytest.mark.parametrize("text", [
    "Hartwell Pumps makes pumps", "The Hartwell range", "marshland", "Fionas", "brooks",
    "Call +44 1632 960 999", "Founded in 1632", "fiona@other.example",
])
def test_other_text_is_not(text: str):
    assert list(PEOPLE.search(text)) == [], text


@pytest.mark.parametrize(("name", "text", "found"), [
    ("Will", "We will answer within the hour.", False),
    ("Will", "Will you answer? We will.", False),  # a common word at a sentence's start
    ("Will", "Ask Will before posting.", True),
    ("Will", "Will answers the press.", True),  # never in lower case: a name
    ("Team", "Call the team first.", False),
    ("Team", "Our team leads. Team members post.", False),
    ("Team", "Ask Team before posting.", True),
])
def test_a_one_word_name_is_matched_only_where_it_is_used_as_a_name(name: str, text: str,
                                                                   found: bool):
    assert bool(list(finder(("name", name)).search(text))) is found
