"""The self-check: short questions generated from what a charter states, each with its answer.

Each question asks about one fact the charter states (whom a crisis level calls on, how fast
a network answers, what staff may and may not post, who approves what) and offers as wrong
answers other facts of the same kind that the same charter states (other roles, other
delays), never invented ones; a question is left out when the charter gives no such
alternative, or when an alternative could also be right (a co-lead, the approver's backup).
Every answer comes with the sentence and the page of the charter that say it.

The order of the choices is fixed by the question and its choices (the same site from the
same charter), not by the position of the right answer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chartergen.model import Role
    from chartergen.render.view import CharterView

MAX_QUESTIONS = 15
MAX_CHOICES = 4


@dataclass(frozen=True)
class Question:
    key: str
    """Stable within the charter (``level-lead-red``); the HTML id of the question."""
    ask: str
    choices: tuple[str, ...]
    answer: int
    """The index of the right choice."""
    why: str
    page: str
    """The page that states the fact (a page key), with ``network`` and ``anchor``."""
    network: str = ""
    anchor: str = ""

    @property
    def right(self) -> str:
        return self.choices[self.answer]


def questions(view: CharterView) -> tuple[Question, ...]:
    """The self-check of the charter ``view`` shows, at most ``MAX_QUESTIONS``: whom to call
    at each crisis level first, then the other kinds of questions in turn, so that each kind
    is asked about."""
    chosen = list(_level_leads(view))[:MAX_QUESTIONS]
    kinds = [list(kind(view)) for kind in KINDS]
    while len(chosen) < MAX_QUESTIONS and any(kinds):
        for found in kinds:
            if found and len(chosen) < MAX_QUESTIONS:
                chosen.append(found.pop(0))
    return tuple(chosen)


# --- one generator per kind of question ---------------------------------------------------


def _level_leads(view: CharterView) -> Iterator[Question]:
    """Whom to call at each crisis level: who leads the response."""
    yield from _level_role(view, "lead")


def _level_approvers(view: CharterView) -> Iterator[Question]:
    """Who approves public statements at each crisis level."""
    yield from _level_role(view, "approver")


def _level_role(view: CharterView, field: str) -> Iterator[Question]:
    charter = view.charter
    key = f"q_level_{field}"
    for level in charter.crisis.levels:
        role = charter.role(getattr(level, field))
        if role is None:
            continue
        also_right = set(level.co_leads) if field == "lead" else {*level.co_approvers,
                                                                  level.backup}
        question = _about_roles(
            view, f"level-{field}-{level.id}", role, also_right,
            _say(view, key, level=level.name),
            lambda answer, level=level: _say(view, f"{key}_why", level=level.name,
                                             answer=answer),
            "crisis", anchor=f"level-{level.id}")
        if question:
            yield question


def _level_delays(view: CharterView) -> Iterator[Question]:
    levels = view.charter.crisis.levels
    for level in levels:
        if level.first_response is None:
            continue
        answer = view.fmt.duration(level.first_response)
        others = [view.fmt.duration(lv.first_response) for lv in levels
                  if lv.first_response is not None]
        question = _build(f"level-first-response-{level.id}",
                          _say(view, "q_level_first_response", level=level.name), answer,
                          others + _delays(view),
                          lambda answer, level=level: _say(
                              view, "q_level_first_response_why", level=level.name,
                              answer=answer),
                          "crisis", anchor=f"level-{level.id}")
        if question:
            yield question


def _replies(view: CharterView) -> Iterator[Question]:
    """How fast each active network answers: the first kind of message it sets a delay for."""
    for network in view.charter.active_networks:
        targets = network.reply_targets
        for kind in ("complaint", "message", "comment"):
            delay = getattr(targets, kind)
            if delay is None:
                continue
            name = view.network_label(network)
            what = _say(view, f"reply_{kind}")
            question = _build(f"reply-{network.id}", _say(view, "q_reply", network=name,
                                                          kind=what),
                              view.fmt.duration(delay), _delays(view),
                              lambda answer, name=name, what=what: _say(
                                  view, "q_reply_why", network=name, kind=what,
                                  answer=answer),
                              "network", network=network.id)
            if question:
                yield question
            break


def _staff(view: CharterView) -> Iterator[Question]:
    """What staff may do, and what they must not, on their own accounts."""
    staff = view.charter.staff
    do, dont = list(dict.fromkeys(staff.do)), list(dict.fromkeys(staff.dont))
    do, dont = [d for d in do if d not in dont], [d for d in dont if d not in do]
    for number, (answer, wrong, key) in enumerate(zip(
            [*do[:2], *dont[:2]], [dont] * len(do[:2]) + [do] * len(dont[:2]),
            ["q_staff_do"] * len(do[:2]) + ["q_staff_dont"] * len(dont[:2]), strict=True)):
        question = _build(f"staff-{number + 1}", _say(view, key), answer,
                          _rotate(wrong, number),
                          lambda answer, key=key: _say(view, f"{key}_why", answer=answer),
                          "staff")
        if question:
            yield question


def _approvals(view: CharterView) -> Iterator[Question]:
    charter = view.charter
    for number, rule in enumerate(charter.content.approval.rules, 1):
        role = charter.role(rule.approver)
        if role is None:
            continue
        question = _about_roles(
            view, f"approval-{number}", role, {rule.backup},
            _say(view, "q_approval", content=rule.content),
            lambda answer, rule=rule: _say(view, "q_approval_why", content=rule.content,
                                           answer=answer),
            "content")
        if question:
            yield question


def _pause_and_owners(view: CharterView) -> Iterator[Question]:
    """Who may pause every scheduled post; who is responsible for each active account."""
    charter = view.charter
    pause = charter.role(charter.content.pause.who)
    if pause is not None:
        question = _about_roles(view, "pause", pause, set(), _say(view, "q_pause"),
                                lambda answer: _say(view, "q_pause_why", answer=answer),
                                "content")
        if question:
            yield question
    for network in charter.active_networks:
        role = charter.role(network.owner)
        if role is None:
            continue
        name = view.network_label(network)
        question = _about_roles(
            view, f"owner-{network.id}", role, {network.backup}, _say(view, "q_owner",
                                                                     network=name),
            lambda answer, name=name: _say(view, "q_owner_why", network=name, answer=answer),
            "network", network=network.id)
        if question:
            yield question


def _cadences(view: CharterView) -> Iterator[Question]:
    """How often the company posts on each active network."""
    networks = [n for n in view.charter.active_networks if n.cadence is not None]
    for network in networks:
        name = view.network_label(network)
        question = _build(f"cadence-{network.id}", _say(view, "q_cadence", network=name),
                          view.cadence(network), [view.cadence(n) for n in networks],
                          lambda answer, name=name: _say(view, "q_cadence_why", network=name,
                                                         answer=answer),
                          "network", network=network.id)
        if question:
            yield question


def _pillars(view: CharterView) -> Iterator[Question]:
    """Each pillar's share of the posts, and the one network a pillar is published on."""
    pillars = view.charter.content.pillars
    shares = [view.fmt.percent(p.share) for p in pillars if p.share is not None]
    active = view.charter.active_networks
    for pillar in pillars:
        if pillar.share is not None:
            question = _build(f"share-{pillar.id}", _say(view, "q_share", pillar=pillar.name),
                              view.fmt.percent(pillar.share), shares,
                              lambda answer, pillar=pillar: _say(
                                  view, "q_share_why", pillar=pillar.name, answer=answer),
                              "content")
            if question:
                yield question
        network = view.charter.network(pillar.networks[0]) if len(pillar.networks) == 1 \
            else None
        if network is not None:
            question = _build(f"pillar-network-{pillar.id}",
                              _say(view, "q_pillar_network", pillar=pillar.name),
                              view.network_label(network),
                              [view.network_label(n) for n in active if n.id != network.id],
                              lambda answer, pillar=pillar: _say(
                                  view, "q_pillar_network_why", pillar=pillar.name,
                                  answer=answer),
                              "content")
            if question:
                yield question


def _document(view: CharterView) -> Iterator[Question]:
    """Who keeps the charter, and how often it is reviewed."""
    document = view.charter.document
    owner = view.charter.role(document.owner)
    if owner is not None:
        question = _about_roles(view, "charter-owner", owner, set(),
                                _say(view, "q_charter_owner"),
                                lambda answer: _say(view, "q_charter_owner_why", answer=answer),
                                "overview")
        if question:
            yield question
    every = view.labels["enums"]["cadence_every"]
    if document.review_cadence in every:
        from chartergen.schema.charter import REVIEW_CADENCES

        question = _build("review-cadence", _say(view, "q_review"),
                          str(every[document.review_cadence]),
                          [str(every[c]) for c in REVIEW_CADENCES if c in every],
                          lambda answer: _say(view, "q_review_why", answer=answer), "overview")
        if question:
            yield question


def _voice_and_statuses(view: CharterView) -> Iterator[Question]:
    """How readers are addressed; which network is planned, dormant, reserved or closed."""
    address = view.charter.voice.address
    words = view.labels["enums"]["address"]
    if address in words:
        question = _build("address", _say(view, "q_address"), str(words[address]),
                          [str(w) for w in words.values()],
                          lambda answer: _say(view, "q_address_why", answer=answer), "voice")
        if question:
            yield question
    statuses = view.labels["enums"]["network_status"]
    networks = view.charter.networks
    for status in ("planned", "dormant", "reserved", "closed"):
        having = [n for n in networks if n.status == status]
        if len(having) != 1:
            continue
        word = str(statuses[status])
        question = _build(f"status-{status}", _say(view, "q_status", status=word),
                          view.network_label(having[0]),
                          [view.network_label(n) for n in networks if n.status != status],
                          lambda answer, word=word: _say(view, "q_status_why", status=word,
                                                         answer=answer),
                          "networks")
        if question:
            yield question


KINDS: tuple[Callable[[CharterView], Iterable[Question]], ...] = (
    _replies, _staff, _approvals, _level_delays, _pause_and_owners, _cadences,
    _pillars, _document, _level_approvers, _voice_and_statuses)
"""The kinds of questions after the crisis leads, in the order they take turns."""


# --- building a question --------------------------------------------------------------------


def _about_roles(view: CharterView, key: str, role: Role, also_right: set[str], ask: str,
                 why: Callable[[str], str], page: str, *, network: str = "",
                 anchor: str = "") -> Question | None:
    """A question whose answer is ``role``; the wrong choices are the charter's other roles,
    except those that could also be right (``also_right``: a co-lead, a backup)."""
    others = [view.role_title(r) for r in view.charter.team.roles
              if r.id != role.id and r.id not in also_right]
    return _build(key, ask, view.role_title(role), others, why, page, network=network,
                  anchor=anchor)


def _build(key: str, ask: str, answer: str, others: Iterable[str], why: Callable[[str], str],
           page: str, *, network: str = "", anchor: str = "") -> Question | None:
    wrong = [o for o in dict.fromkeys(others) if o and o != answer][:MAX_CHOICES - 1]
    if not answer or not wrong:
        return None  # nothing to choose from: a question with one choice checks nothing
    choices = sorted([answer, *wrong], key=lambda c: hashlib.sha256(
        f"{key}\n{c}".encode()).hexdigest())
    return Question(key, ask, tuple(choices), choices.index(answer), why(answer), page,
                    network, anchor)


def _delays(view: CharterView) -> list[str]:
    """Every reply delay the charter states, as shown, in the order it states them."""
    found = []
    for network in view.charter.active_networks:
        for kind in ("complaint", "message", "comment"):
            delay = getattr(network.reply_targets, kind)
            if delay is not None:
                found.append(view.fmt.duration(delay))
    return found


def _rotate(items: list[str], by: int) -> list[str]:
    if not items:
        return items
    by %= len(items)
    return items[by:] + items[:by]


def _say(view: CharterView, key: str, **values: Any) -> str:
    return str(view.labels["live"][key]).format(**values)
