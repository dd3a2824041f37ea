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


def test_a_file_the_site_copies_unchanged_from_a_theme_is_not_searched(tmp_path) -> None:
    # Material's licence names its author, Martin Donath: before, a holder named Martin
    # could never publish (the search hit the theme's own files)
    from chartergen.leaks import check_output

    theme, site = tmp_path / "theme", tmp_path / "site"
    (theme / "assets").mkdir(parents=True)
    (site / "assets").mkdir(parents=True)
    licence = "Copyright (c) 2016-2025 Martin Donath <martin.donath@squidfunk.com>\n"
    (theme / "assets" / "LICENSE.txt").write_text(licence, encoding="utf-8")
    (site / "assets" / "LICENSE.txt").write_text(licence, encoding="utf-8")
    (site / "assets" / "notice.txt").write_text(licence, encoding="utf-8")  # not the theme's
    holder = Personal("name", "Élise Martin", ("team", "roles", 0, "holder"), 3, 15)
    personal = {"charters/acme.yaml": (holder,)}
    problems = check_output(site, personal, verbatim=[theme])
    assert len(problems) == 1 and "assets/notice.txt" in problems[0]
    assert problems[0].startswith("charters/acme.yaml:3:15: error: ")
    # a theme file changed on its way into the site is searched like any other
    (site / "assets" / "LICENSE.txt").write_text(licence + "Élise Martin\n", encoding="utf-8")
    assert len(check_output(site, personal, verbatim=[theme])) == 2
    assert len(check_output(site, personal)) == 2


def test_a_text_showing_two_personal_values_names_both_at_once() -> None:
    # before, only the email was named; the phone number came up at the next build
    from chartergen.leaks import _telling

    people = [Personal("email", "paul.durand@acme.example", ("crisis", "contacts", 0, "email"),
                       5, 14),
              Personal("phone", "+33 6 12 34 56 78", ("crisis", "contacts", 0, "phone"), 4, 14),
              Personal("name", "Paul Durand", ("crisis", "contacts", 0, "name"), 3, 13)]
    search = Finder(tuple(people))
    both = list(search.search("Écrivez à paul.durand@acme.example ou appelez le 06 12 34 56 78."))
    assert [hit.personal.kind for hit in _telling(both)] == ["email", "phone"]
    # a name seen elsewhere in the text is a third value
    three = list(search.search("Paul Durand : paul.durand@acme.example, 06 12 34 56 78."))
    assert [hit.personal.kind for hit in _telling(three)] == ["email", "phone", "name"]
