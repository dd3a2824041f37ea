"""The self-check's questions, from the typed charter: asked only about what the charter
states, with wrong choices that cannot also be right."""

from __future__ import annotations

import datetime as dt

from chartergen.loader import load_text
from chartergen.model import build
from chartergen.render.quiz import questions
from chartergen.render.site import labels_for
from chartergen.render.view import CharterSource, CharterView

SMALL = """\
format: 1
company: {name: Acme, language: en}
team:
  roles:
    - {id: boss, title: Boss}
    - {id: deputy, title: Deputy}
    - {id: intern, title: Intern}
crisis:
  levels:
    - {id: red, name: Red, lead: boss, co_leads: [deputy], approver: deputy, backup: intern}
"""


def quiz(text: str) -> dict:
    document = load_text(text, "acme.yaml").document
    charter = build(document.data, "acme")
    view = CharterView(CharterSource(charter, "charters/acme.yaml"), "acme",
                       labels_for(charter.language), dt.date(2026, 11, 23))
    return {q.key: q for q in questions(view)}


def test_a_charter_that_states_little_gets_no_question():
    assert quiz("format: 1\ncompany: {name: Acme, language: en}\n") == {}


def test_a_co_lead_or_a_backup_is_never_a_wrong_choice():
    found = quiz(SMALL)
    lead = found["level-lead-red"]
    assert lead.right == "Boss" and sorted(lead.choices) == ["Boss", "Intern"]
    assert lead.page == "crisis" and lead.anchor == "level-red"
    assert lead.why == "At “Red”, the response is led by Boss."
    # the approver's backup could approve too: never offered as a wrong choice
    approver = found["level-approver-red"]
    assert approver.right == "Deputy" and "Intern" not in approver.choices


def test_a_question_with_no_wrong_choice_to_offer_is_left_out():
    found = quiz(SMALL.replace("    - {id: intern, title: Intern}\n", "").replace(
        ", backup: intern", ""))
    assert "level-lead-red" not in found  # the only other role is a co-lead
    assert "level-approver-red" in found


def test_the_same_charter_gives_the_same_questions_in_the_same_order():
    first, again = quiz(SMALL), quiz(SMALL)
    assert [(q.key, q.choices) for q in first.values()] == [
        (q.key, q.choices) for q in again.values()]
