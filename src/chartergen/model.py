"""The typed charter: frozen dataclasses built from a validated document; no I/O.

Everything after validation (the audit, the renderer, diff) works on these
objects, never on raw YAML. Empty sections become empty objects rather than
``None``, so templates and rules read ``charter.crisis.levels`` without
guarding each step. Entities that a reader or a rule may point at keep their
``path`` in the file (a field path such as ``("networks", 2)``), which
:meth:`chartergen.loader.Document.locate` turns into a line and column.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, get_args, get_type_hints

from chartergen.errors import FieldPath
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule, attributes
from chartergen.schema.types import (
    Duration,
    Money,
    parse_date,
    parse_duration,
    parse_money,
    parse_month,
    parse_percent,
)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or () if v is not None)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def add_duration(day: dt.date, duration: Duration) -> dt.date:
    """``day`` plus ``duration``, rounded up to whole days; working days (``5wd``, ``16wh``:
    8 working hours a day) skip Saturdays and Sundays."""
    if duration.working:
        days = -(-duration.minutes // (8 * 60)) if "wh" in duration.text.lower() else -(
            -duration.minutes // (24 * 60))
        result, left = day, int(days)
        while left > 0:
            result += dt.timedelta(days=1)
            if result.weekday() < 5:
                left -= 1
        return result
    return day + dt.timedelta(days=int(-(-duration.minutes // (24 * 60))))


@dataclass(frozen=True)
class Company:
    name: str
    language: str
    sector: str = ""
    description: str = ""
    country: str = ""
    website: str = ""
    has_website: bool | None = None
    """True (a website whose address is not given), False (none: said plainly) or None."""
    headcount: int | None = None
    members: int | None = None


@dataclass(frozen=True)
class Revision:
    version: str
    date: dt.date | None
    author: str
    summary: str


@dataclass(frozen=True)
class DocumentControl:
    version: str = ""
    status: str = ""
    owner: str = ""
    approved_by: str = ""
    approved_on: dt.date | None = None
    effective: dt.date | None = None
    review_cadence: str = ""
    next_review: dt.date | None = None
    classification: str = ""
    history: tuple[Revision, ...] = ()


@dataclass(frozen=True)
class Link:
    name: str
    url: str


@dataclass(frozen=True)
class Scope:
    applies_to: tuple[str, ...] = ()
    activities: tuple[str, ...] = ()
    out_of_scope: tuple[str, ...] = ()
    related_policies: tuple[Link, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.applies_to or self.activities or self.out_of_scope
                    or self.related_policies)


@dataclass(frozen=True)
class Swot:
    strengths: tuple[str, ...] = ()
    weaknesses: tuple[str, ...] = ()
    opportunities: tuple[str, ...] = ()
    threats: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.strengths or self.weaknesses or self.opportunities or self.threats)


@dataclass(frozen=True)
class Strategy:
    purpose: str = ""
    orientations: tuple[str, ...] = ()
    coordination: str = ""
    swot: Swot = field(default_factory=Swot)


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    path: FieldPath
    description: str = ""
    needs: tuple[str, ...] = ()
    expectations: tuple[str, ...] = ()
    where: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kpi:
    metric: str
    path: FieldPath
    definition: str = ""
    baseline: str = ""
    target: str = ""
    deadline: dt.date | None = None
    source: str = ""
    owner: str = ""
    frequency: str = ""
    per: str = ""
    """For a recurring target: the period it counts over (``quarter``...)."""


@dataclass(frozen=True)
class Objective:
    id: str
    statement: str
    path: FieldPath
    type: str = ""
    audiences: tuple[str, ...] = ()
    kpis: tuple[Kpi, ...] = ()


@dataclass(frozen=True)
class Cadence:
    posts: int
    per: str

    @property
    def per_week(self) -> float:
        return {"day": 7.0, "week": 1.0, "month": 12 / 52}.get(self.per, 1.0) * self.posts


@dataclass(frozen=True)
class ReplyTargets:
    comment: Duration | None = None
    message: Duration | None = None
    complaint: Duration | None = None

    @property
    def any(self) -> bool:
        return any((self.comment, self.message, self.complaint))


@dataclass(frozen=True)
class Coverage:
    hours: str = ""
    weekends: bool | None = None
    out_of_hours: str = ""


@dataclass(frozen=True)
class Network:
    id: str
    platform: str
    path: FieldPath
    name: str = ""
    handle: str = ""
    url: str = ""
    status: str = ""
    why: str = ""
    audiences: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    owner: str = ""
    backup: str = ""
    has_backup: bool | None = None
    """True, False (nobody takes over: said plainly) or None (not stated)."""
    replies: bool | None = None
    """True, False (nobody answers there: said plainly) or None (not stated)."""
    automated: bool | None = None
    """True when posts are published automatically and cost no writing time."""
    cadence: Cadence | None = None
    time_per_post: Duration | None = None
    engagement_time: Duration | None = None
    reply_targets: ReplyTargets = field(default_factory=ReplyTargets)
    coverage: Coverage = field(default_factory=Coverage)
    formats: tuple[str, ...] = ()
    tone: str = ""

    @property
    def is_active(self) -> bool:
        """A network with no status is treated as active: the company says it is there."""
        return self.status in ("active", "")


@dataclass(frozen=True)
class Pillar:
    id: str
    name: str
    path: FieldPath
    description: str = ""
    share: float | None = None
    cadence: Cadence | None = None
    """How often the pillar is published, for a pillar counted in posts (once a month)."""
    automated: bool | None = None
    """True when its posts are published automatically and cost no writing time."""
    promotional: bool | None = None
    """True, False or None (not stated); falsy unless stated true."""
    conversational: bool | None = None
    networks: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hub:
    exists: bool | None = None
    """True, False (no channel of its own: said plainly) or None (not stated)."""
    name: str = ""
    url: str = ""
    publish_first: bool | None = None
    subscribers: int | None = None


@dataclass(frozen=True)
class Slot:
    day: str
    path: FieldPath
    time: str = ""
    network: str = ""
    pillar: str = ""
    what: str = ""


@dataclass(frozen=True)
class KeyDate:
    date: dt.date
    name: str
    notes: str = ""
    until: dt.date | None = None


@dataclass(frozen=True)
class Theme:
    name: str
    months: tuple[str, ...] = ()
    """Month names (``september``); none for a theme that comes back every month."""
    notes: str = ""


@dataclass(frozen=True)
class Break:
    """A time of the year when nothing is published (a seasonal stop)."""

    months: tuple[str, ...]
    path: FieldPath
    networks: tuple[str, ...] = ()
    """The networks that stop; none when every network stops."""
    reason: str = ""

    def stops(self, network_id: str) -> bool:
        return not self.networks or network_id in self.networks


@dataclass(frozen=True)
class Calendar:
    horizon: Duration | None = None
    slots: tuple[Slot, ...] = ()
    key_dates: tuple[KeyDate, ...] = ()
    themes: tuple[Theme, ...] = ()
    breaks: tuple[Break, ...] = ()
    requests: str = ""


@dataclass(frozen=True)
class ApprovalRule:
    content: str
    approver: str = ""
    backup: str = ""
    delay: Duration | None = None


@dataclass(frozen=True)
class Approval:
    stages: tuple[str, ...] = ()
    rules: tuple[ApprovalRule, ...] = ()


@dataclass(frozen=True)
class Pause:
    who: str = ""
    when: str = ""


@dataclass(frozen=True)
class Content:
    pillars: tuple[Pillar, ...] = ()
    promotional_ceiling: float | None = None
    formats: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    hub: Hub = field(default_factory=Hub)
    calendar: Calendar = field(default_factory=Calendar)
    approval: Approval = field(default_factory=Approval)
    sensitive_topics: tuple[str, ...] = ()
    pause: Pause = field(default_factory=Pause)

    @property
    def promotional_share(self) -> float | None:
        """Share of output given to promotional pillars, when shares are stated."""
        shares = [p for p in self.pillars if p.share is not None]
        if not shares:
            return None
        total = sum(p.share or 0 for p in shares)
        promo = sum(p.share or 0 for p in shares if p.promotional)
        return 100 * promo / total if total else None


@dataclass(frozen=True)
class Example:
    situation: str
    good: str = ""
    bad: str = ""


@dataclass(frozen=True)
class Voice:
    personality: tuple[str, ...] = ()
    address: str = ""
    we: str = ""
    do: tuple[str, ...] = ()
    dont: tuple[str, ...] = ()
    emoji: str = ""
    vocabulary_use: tuple[str, ...] = ()
    vocabulary_avoid: tuple[str, ...] = ()
    examples: tuple[Example, ...] = ()
    accessibility: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.personality or self.address or self.do or self.dont or self.examples
                    or self.vocabulary_use or self.vocabulary_avoid or self.emoji)


@dataclass(frozen=True)
class Training:
    course: str
    when: dt.date | None = None
    """A date, or a :class:`~chartergen.schema.types.Month` when only the month is known."""


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    path: FieldPath
    holder: str = ""
    email: str = ""
    phone: str = ""
    backup: str = ""
    duties: tuple[str, ...] = ()
    hours_per_week: float | None = None
    skills: tuple[str, ...] = ()
    training: tuple[str, ...] = ()
    """Training planned."""
    trained: tuple[Training, ...] = ()
    """Training already followed."""
    speaks_for_company: bool | None = None
    """True, False or None (not stated); falsy unless stated true."""


@dataclass(frozen=True)
class BudgetItem:
    name: str
    amount: Money | None = None


@dataclass(frozen=True)
class Budget:
    amount: Money | None = None
    period: str = ""
    items: tuple[BudgetItem, ...] = ()


@dataclass(frozen=True)
class Tool:
    name: str
    purpose: str = ""
    url: str = ""


@dataclass(frozen=True)
class Helper:
    name: str
    kind: str = ""
    scope: str = ""


@dataclass(frozen=True)
class Team:
    roles: tuple[Role, ...] = ()
    budget: Budget = field(default_factory=Budget)
    tools: tuple[Tool, ...] = ()
    outside_help: tuple[Helper, ...] = ()

    @property
    def hours_per_week(self) -> float:
        return sum(r.hours_per_week or 0 for r in self.roles)


@dataclass(frozen=True)
class Route:
    message: str
    owner: str = ""
    target: Duration | None = None


@dataclass(frozen=True)
class HouseRules:
    removed: tuple[str, ...] = ()
    blocking: str = ""
    url: str = ""


@dataclass(frozen=True)
class Engagement:
    principles: tuple[str, ...] = ()
    community_actions: tuple[str, ...] = ()
    routing: tuple[Route, ...] = ()
    support_redirect: str = ""
    house_rules: HouseRules = field(default_factory=HouseRules)
    log_deletions: bool | None = None

    @property
    def is_empty(self) -> bool:
        return not (self.principles or self.community_actions or self.routing
                    or self.support_redirect or self.house_rules.removed)


@dataclass(frozen=True)
class Staff:
    disclosure: str = ""
    disclaimer: str = ""
    hashtag: str = ""
    do: tuple[str, ...] = ()
    dont: tuple[str, ...] = ()
    advocacy: str = ""
    sanctions: str = ""
    legal_basis: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.disclosure or self.disclaimer or self.do or self.dont
                    or self.advocacy or self.sanctions or self.legal_basis)


@dataclass(frozen=True)
class Account:
    path: FieldPath
    network: str = ""
    name: str = ""
    owner: str = ""
    admins: tuple[str, ...] = ()
    admin_count: int | None = None
    mailbox: str = ""
    recovery: str = ""
    two_factor: bool | None = None
    password_manager: bool | None = None
    last_activity: dt.date | None = None


@dataclass(frozen=True)
class Accounts:
    register: tuple[Account, ...] = ()
    offboarding: str = ""
    access_review: str = ""
    dormant_rule: str = ""
    hacked_procedure: tuple[str, ...] = ()


@dataclass(frozen=True)
class Monitoring:
    keywords: tuple[str, ...] = ()
    competitors: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    owner: str = ""
    frequency: str = ""
    weekends: bool | None = None
    time_per_week: Duration | None = None
    alert_thresholds: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.keywords or self.tools or self.owner or self.frequency)


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    path: FieldPath
    criteria: tuple[str, ...] = ()
    lead: str = ""
    co_leads: tuple[str, ...] = ()
    approver: str = ""
    co_approvers: tuple[str, ...] = ()
    backup: str = ""
    notify: tuple[str, ...] = ()
    first_response: Duration | None = None
    updates_every: Duration | None = None
    pause_scheduled: bool | None = None


@dataclass(frozen=True)
class Contact:
    id: str
    name: str
    path: FieldPath
    role: str = ""
    phone: str = ""
    out_of_hours: str = ""
    email: str = ""


@dataclass(frozen=True)
class EscalationStep:
    step: str
    path: FieldPath
    contact: str = ""
    when: str = ""
    within: Duration | None = None


@dataclass(frozen=True)
class Statement:
    id: str
    scenario: str
    text: str
    path: FieldPath


@dataclass(frozen=True)
class Scenario:
    name: str
    level: str = ""
    statement: str = ""
    first_15_minutes: tuple[str, ...] = ()
    first_hour: tuple[str, ...] = ()
    first_day: tuple[str, ...] = ()


@dataclass(frozen=True)
class AfterAction:
    within: Duration | None = None
    owner: str = ""
    covers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Drills:
    last: dt.date | None = None
    cadence: str = ""


@dataclass(frozen=True)
class CrisisPlan:
    exists: bool | None = None
    """True, False (no crisis plan: said plainly) or None (not stated)."""
    kept_in: str = ""
    """Where the full plan lives when it is kept outside the charter."""


@dataclass(frozen=True)
class CurrentCrisis:
    """A crisis in progress (``ended`` is None) or the last one, as ``crisis.current`` says."""

    level: str = ""
    since: dt.date | None = None
    lead: str = ""
    paused: bool | None = None
    note: str = ""
    ended: dt.date | None = None
    reviewed: dt.date | None = None
    public: bool | None = None

    @property
    def is_open(self) -> bool:
        return bool(self.level) and self.ended is None


@dataclass(frozen=True)
class Crisis:
    current: CurrentCrisis = field(default_factory=CurrentCrisis)
    issue_definition: str = ""
    crisis_definition: str = ""
    levels: tuple[Level, ...] = ()
    contacts: tuple[Contact, ...] = ()
    escalation: tuple[EscalationStep, ...] = ()
    holding_statements: tuple[Statement, ...] = ()
    scenarios: tuple[Scenario, ...] = ()
    after_action: AfterAction = field(default_factory=AfterAction)
    drills: Drills = field(default_factory=Drills)
    plan: CrisisPlan = field(default_factory=CrisisPlan)

    @property
    def after_action_due(self) -> dt.date | None:
        """The day the after-action review of the last crisis is due: the day it ended plus
        ``after_action.within`` (in working days for ``5wd``); None while it is open, once
        it is reviewed, or when the charter sets no deadline."""
        current, within = self.current, self.after_action.within
        if current.ended is None or current.reviewed is not None or within is None:
            return None
        return add_duration(current.ended, within)

    @property
    def has_procedure(self) -> bool:
        """Some crisis procedure is stated, here or in a plan kept elsewhere."""
        return bool(self.plan.exists or self.plan.kept_in or not self.is_empty)

    @property
    def is_empty(self) -> bool:
        return not (self.levels or self.contacts or self.escalation or self.holding_statements
                    or self.scenarios)


@dataclass(frozen=True)
class Report:
    frequency: str
    audience: str = ""
    owner: str = ""
    content: str = ""


@dataclass(frozen=True)
class Measurement:
    reporting: tuple[Report, ...] = ()
    time_per_week: Duration | None = None
    tools: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExitPlan:
    plan: str
    network: str = ""


@dataclass(frozen=True)
class Exports:
    frequency: str = ""
    what: tuple[str, ...] = ()
    owner: str = ""


@dataclass(frozen=True)
class Independence:
    exports: Exports = field(default_factory=Exports)
    exit_plans: tuple[ExitPlan, ...] = ()
    max_share_per_network: float | None = None
    keeps_copy: bool | None = None
    """True, False (keeps no copy of content or audience: said plainly) or None."""


@dataclass(frozen=True)
class Review:
    date: dt.date
    reviewer: str
    items: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Charter:
    """One company's charter. ``slug`` is the file name without its extension."""

    slug: str
    source_path: str
    format: int
    company: Company
    document: DocumentControl = field(default_factory=DocumentControl)
    scope: Scope = field(default_factory=Scope)
    strategy: Strategy = field(default_factory=Strategy)
    audiences: tuple[Audience, ...] = ()
    objectives: tuple[Objective, ...] = ()
    networks: tuple[Network, ...] = ()
    content: Content = field(default_factory=Content)
    voice: Voice = field(default_factory=Voice)
    team: Team = field(default_factory=Team)
    engagement: Engagement = field(default_factory=Engagement)
    staff: Staff = field(default_factory=Staff)
    accounts: Accounts = field(default_factory=Accounts)
    monitoring: Monitoring = field(default_factory=Monitoring)
    crisis: Crisis = field(default_factory=Crisis)
    measurement: Measurement = field(default_factory=Measurement)
    independence: Independence = field(default_factory=Independence)
    reviews: tuple[Review, ...] = ()
    internal: tuple[str, ...] = ()
    """Parts left out of a public build, as written (``team.budget``, ``networks.tiktok``)."""
    notes: str = ""
    """Notes for the charter's editors (Markdown subset); never published."""
    present_sections: frozenset[str] = frozenset()
    """Top-level sections written in the file (even if empty)."""

    @property
    def language(self) -> str:
        return self.company.language

    def role(self, role_id: str) -> Role | None:
        return next((r for r in self.team.roles if r.id == role_id), None)

    def role_label(self, role: Role) -> str:
        """A role's title, told apart from another role with the same title by its holder
        ("Co-founder – Maya Lind"), or by its id when it names no holder."""
        if sum(r.title == role.title for r in self.team.roles) < 2:
            return role.title
        return f"{role.title} – {role.holder or role.id}"

    def network(self, network_id: str) -> Network | None:
        return next((n for n in self.networks if n.id == network_id), None)

    def audience(self, audience_id: str) -> Audience | None:
        return next((a for a in self.audiences if a.id == audience_id), None)

    def objective(self, objective_id: str) -> Objective | None:
        return next((o for o in self.objectives if o.id == objective_id), None)

    def pillar(self, pillar_id: str) -> Pillar | None:
        return next((p for p in self.content.pillars if p.id == pillar_id), None)

    def contact(self, contact_id: str) -> Contact | None:
        return next((c for c in self.crisis.contacts if c.id == contact_id), None)

    def statement(self, statement_id: str) -> Statement | None:
        return next((s for s in self.crisis.holding_statements if s.id == statement_id), None)

    def level(self, level_id: str) -> Level | None:
        return next((lv for lv in self.crisis.levels if lv.id == level_id), None)

    @property
    def active_networks(self) -> tuple[Network, ...]:
        return tuple(n for n in self.networks if n.is_active)


def build(data: dict[str, Any], slug: str, source_path: str = "") -> Charter:
    """Build the typed charter from data that passed validation without errors.

    The conversion walks the schema: each attribute of a class above is the schema field of
    the same name (or of a flattened sub-section, see ``fields.section``), converted by the
    field's type. Adding a field to the schema and an attribute to its class is enough.
    """
    return _plan(Charter, "")(data, (), slug=slug, source_path=source_path,
                              present_sections=frozenset(data))


# --- the conversion, derived from the schema --------------------------------------------------

_Convert = Callable[[Any, FieldPath], Any]

_GIVEN = ("slug", "source_path", "present_sections")
"""Attributes of :class:`Charter` that are not fields of the file."""

_SCALARS: dict[str, Callable[[Any], Any]] = {
    "date": parse_date,
    "month": parse_month,
    "duration": parse_duration,
    "percent": parse_percent,
    "money": parse_money,
    "number": float,
    "integer": int,
}
"""Schema types read into something other than text; every other scalar is read as text."""


def _cadence(value: Any, _path: FieldPath) -> Cadence | None:
    # a cadence without a number of posts says nothing; the period defaults to a week
    cadence = _map(value)
    if cadence.get("posts") is None:
        return None
    return Cadence(int(cadence["posts"]), _text(cadence.get("per")) or "week")


_HOOKS: dict[type, _Convert] = {Cadence: _cadence}
"""Classes built by hand rather than field by field."""


@cache
def _plan(cls: type, where: str) -> Callable[..., Any]:
    """A function building ``cls`` from the mapping of the schema section at ``where``
    (dotted, "" for the whole charter) and the entry's path in the file."""
    rules = _rules(where)
    hints = get_type_hints(cls)
    places = attributes(rules)
    names = {spec.name for spec in dataclasses.fields(cls)}
    unread = sorted(set(places) - names)
    unknown = sorted(names - set(places) - {"path", *_GIVEN})
    if unread or unknown:  # the classes mirror the schema: a test builds every one
        raise TypeError(f"{cls.__name__} and the schema at {where or 'the top'} differ: "
                        f"fields without an attribute {unread}, attributes without a field "
                        f"{unknown}")
    steps: list[tuple[str, tuple[str, ...], _Convert]] = []
    for spec in dataclasses.fields(cls):
        place = places.get(spec.name)
        if place is None:
            continue
        rule = rules[place[0]] if len(place) == 1 else rules[place[0]]["schema"][place[1]]
        steps.append((spec.name, place, _converter(hints[spec.name], rule,
                                                  ".".join(filter(None, (where, *place))))))
    has_path = "path" in names

    def make(data: Any, path: FieldPath, **given: Any) -> Any:
        data = _map(data)
        values = dict(given)
        if has_path:
            values["path"] = path
        for name, place, convert in steps:
            value = data.get(place[0])
            if len(place) == 2:
                value = _map(value).get(place[1])
            values[name] = convert(value, (*path, place[0]))
        return cls(**values)

    return make


def _converter(hint: Any, rule: Rule, where: str) -> _Convert:
    """How to read one field's value, from its schema rule and the attribute's type."""
    target = _without_none(hint)
    kind = rule.get("type")
    if target in _HOOKS:
        return _HOOKS[target]
    if kind == "dict":
        make = _plan(target, where)
        return lambda value, path: make(value, path)
    if kind == "list" and rule["schema"].get("type") == "dict":
        entry = _plan(get_args(target)[0], where)
        return lambda value, path: tuple(entry(item, (*path, i))
                                         for i, item in enumerate(_list(value)))
    if kind == "list":
        return lambda value, _path: _texts(value)
    if target is bool and hint is bool:  # a yes/no the model reads as "no" when left out
        return lambda value, _path: bool(value)
    if kind == "boolean":
        return lambda value, _path: value
    parse = _SCALARS.get(kind) if isinstance(kind, str) else None
    if parse is not None:
        return lambda value, _path: None if value is None else parse(value)
    return lambda value, _path: _text(value)


def _rules(where: str) -> Mapping[str, Rule]:
    rules: Mapping[str, Rule] = SCHEMA
    for name in filter(None, where.split(".")):
        rule = rules[name]
        rules = rule["schema"]["schema"] if rule.get("type") == "list" else rule["schema"]
    return rules


def _without_none(hint: Any) -> Any:
    args = [arg for arg in get_args(hint) if arg is not type(None)]
    return args[0] if len(args) == 1 and type(None) in get_args(hint) else hint
