"""The typed charter: frozen dataclasses built from a validated document; no I/O.

Everything after validation (the audit, the renderer, diff) works on these
objects, never on raw YAML. Empty sections become empty objects rather than
``None``, so templates and rules read ``charter.crisis.levels`` without
guarding each step. Entities that a reader or a rule may point at keep their
``path`` in the file (a field path such as ``("networks", 2)``), which
:meth:`chartergen.loader.Document.locate` turns into a line and column.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from chartergen.errors import FieldPath
from chartergen.schema.types import (
    Duration,
    Money,
    parse_date,
    parse_duration,
    parse_money,
    parse_percent,
)


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(str(v) for v in value or () if v is not None)


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _date(value: Any) -> dt.date | None:
    return None if value is None else parse_date(value)


def _duration(value: Any) -> Duration | None:
    return None if value is None else parse_duration(value)


def _percent(value: Any) -> float | None:
    return None if value is None else parse_percent(value)


def _money(value: Any) -> Money | None:
    return None if value is None else parse_money(value)


def _map(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


@dataclass(frozen=True)
class Company:
    name: str
    language: str
    sector: str = ""
    description: str = ""
    country: str = ""
    website: str = ""


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
    promotional: bool | None = None
    """True, False or None (not stated); falsy unless stated true."""
    conversational: bool | None = None
    networks: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()


@dataclass(frozen=True)
class Hub:
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
class Calendar:
    horizon: Duration | None = None
    slots: tuple[Slot, ...] = ()
    key_dates: tuple[KeyDate, ...] = ()
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
    speaks_for_company: bool = False


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
    approver: str = ""
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
class Crisis:
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
    """Build the typed charter from data that passed validation without errors."""
    company = _map(data.get("company"))
    doc = _map(data.get("document"))
    scope = _map(data.get("scope"))
    strategy = _map(data.get("strategy"))
    swot = _map(strategy.get("swot"))
    content = _map(data.get("content"))
    hub = _map(content.get("hub"))
    calendar = _map(content.get("calendar"))
    approval = _map(content.get("approval"))
    pause = _map(content.get("pause"))
    voice = _map(data.get("voice"))
    vocabulary = _map(voice.get("vocabulary"))
    team = _map(data.get("team"))
    budget = _map(team.get("budget"))
    engagement = _map(data.get("engagement"))
    house_rules = _map(engagement.get("house_rules"))
    staff = _map(data.get("staff"))
    accounts = _map(data.get("accounts"))
    monitoring = _map(data.get("monitoring"))
    crisis = _map(data.get("crisis"))
    definitions = _map(crisis.get("definitions"))
    after_action = _map(crisis.get("after_action"))
    drills = _map(crisis.get("drills"))
    plan = _map(crisis.get("plan"))
    measurement = _map(data.get("measurement"))
    independence = _map(data.get("independence"))
    exports = _map(independence.get("exports"))

    return Charter(
        slug=slug,
        source_path=source_path,
        format=int(data["format"]),
        present_sections=frozenset(data),
        company=Company(
            name=_text(company.get("name")),
            language=_text(company.get("language")),
            sector=_text(company.get("sector")),
            description=_text(company.get("description")),
            country=_text(company.get("country")),
            website=_text(company.get("website")),
        ),
        document=DocumentControl(
            version=_text(doc.get("version")),
            status=_text(doc.get("status")),
            owner=_text(doc.get("owner")),
            approved_by=_text(doc.get("approved_by")),
            approved_on=_date(doc.get("approved_on")),
            effective=_date(doc.get("effective")),
            review_cadence=_text(doc.get("review_cadence")),
            next_review=_date(doc.get("next_review")),
            classification=_text(doc.get("classification")),
            history=tuple(
                Revision(_text(h.get("version")), _date(h.get("date")), _text(h.get("author")),
                         _text(h.get("summary")))
                for h in _list(doc.get("history"))
            ),
        ),
        scope=Scope(
            applies_to=_texts(scope.get("applies_to")),
            activities=_texts(scope.get("activities")),
            out_of_scope=_texts(scope.get("out_of_scope")),
            related_policies=tuple(
                Link(_text(p.get("name")), _text(p.get("url")))
                for p in _list(scope.get("related_policies"))
            ),
        ),
        strategy=Strategy(
            purpose=_text(strategy.get("purpose")),
            orientations=_texts(strategy.get("orientations")),
            coordination=_text(strategy.get("coordination")),
            swot=Swot(
                strengths=_texts(swot.get("strengths")),
                weaknesses=_texts(swot.get("weaknesses")),
                opportunities=_texts(swot.get("opportunities")),
                threats=_texts(swot.get("threats")),
            ),
        ),
        audiences=tuple(
            Audience(
                id=a["id"], name=_text(a["name"]), path=("audiences", i),
                description=_text(a.get("description")),
                needs=_texts(a.get("needs")),
                expectations=_texts(a.get("expectations")),
                where=_texts(a.get("where")),
            )
            for i, a in enumerate(_list(data.get("audiences")))
        ),
        objectives=tuple(
            Objective(
                id=o["id"], statement=_text(o["statement"]), path=("objectives", i),
                type=_text(o.get("type")),
                audiences=_texts(o.get("audiences")),
                kpis=tuple(
                    Kpi(
                        metric=_text(k["metric"]), path=("objectives", i, "kpis", j),
                        definition=_text(k.get("definition")),
                        baseline=_text(k.get("baseline")),
                        target=_text(k.get("target")),
                        deadline=_date(k.get("deadline")),
                        source=_text(k.get("source")),
                        owner=_text(k.get("owner")),
                        frequency=_text(k.get("frequency")),
                        per=_text(k.get("per")),
                    )
                    for j, k in enumerate(_list(o.get("kpis")))
                ),
            )
            for i, o in enumerate(_list(data.get("objectives")))
        ),
        networks=tuple(_network(n, i) for i, n in enumerate(_list(data.get("networks")))),
        content=Content(
            pillars=tuple(
                Pillar(
                    id=p["id"], name=_text(p["name"]), path=("content", "pillars", i),
                    description=_text(p.get("description")),
                    share=_percent(p.get("share")),
                    promotional=p.get("promotional"),
                    conversational=p.get("conversational"),
                    networks=_texts(p.get("networks")),
                    audiences=_texts(p.get("audiences")),
                    examples=_texts(p.get("examples")),
                )
                for i, p in enumerate(_list(content.get("pillars")))
            ),
            promotional_ceiling=_percent(content.get("promotional_ceiling")),
            formats=_texts(content.get("formats")),
            sources=_texts(content.get("sources")),
            hub=Hub(_text(hub.get("name")), _text(hub.get("url")), hub.get("publish_first"),
                    hub.get("subscribers")),
            calendar=Calendar(
                horizon=_duration(calendar.get("horizon")),
                slots=tuple(
                    Slot(
                        day=_text(s["day"]), path=("content", "calendar", "slots", i),
                        time=_text(s.get("time")), network=_text(s.get("network")),
                        pillar=_text(s.get("pillar")), what=_text(s.get("what")),
                    )
                    for i, s in enumerate(_list(calendar.get("slots")))
                ),
                key_dates=tuple(
                    KeyDate(parse_date(k["date"]), _text(k["name"]), _text(k.get("notes")),
                            _date(k.get("until")))
                    for k in _list(calendar.get("key_dates"))
                ),
                requests=_text(calendar.get("requests")),
            ),
            approval=Approval(
                stages=_texts(approval.get("stages")),
                rules=tuple(
                    ApprovalRule(_text(r["content"]), _text(r.get("approver")),
                                 _text(r.get("backup")), _duration(r.get("delay")))
                    for r in _list(approval.get("rules"))
                ),
            ),
            sensitive_topics=_texts(content.get("sensitive_topics")),
            pause=Pause(_text(pause.get("who")), _text(pause.get("when"))),
        ),
        voice=Voice(
            personality=_texts(voice.get("personality")),
            address=_text(voice.get("address")),
            we=_text(voice.get("we")),
            do=_texts(voice.get("do")),
            dont=_texts(voice.get("dont")),
            emoji=_text(voice.get("emoji")),
            vocabulary_use=_texts(vocabulary.get("use")),
            vocabulary_avoid=_texts(vocabulary.get("avoid")),
            examples=tuple(
                Example(_text(e["situation"]), _text(e.get("good")), _text(e.get("bad")))
                for e in _list(voice.get("examples"))
            ),
            accessibility=_texts(voice.get("accessibility")),
        ),
        team=Team(
            roles=tuple(
                Role(
                    id=r["id"], title=_text(r["title"]), path=("team", "roles", i),
                    holder=_text(r.get("holder")), email=_text(r.get("email")),
                    phone=_text(r.get("phone")), backup=_text(r.get("backup")),
                    duties=_texts(r.get("duties")),
                    hours_per_week=(
                        float(r["hours_per_week"]) if r.get("hours_per_week") is not None
                        else None
                    ),
                    skills=_texts(r.get("skills")), training=_texts(r.get("training")),
                    speaks_for_company=bool(r.get("speaks_for_company")),
                )
                for i, r in enumerate(_list(team.get("roles")))
            ),
            budget=Budget(
                amount=_money(budget.get("amount")),
                period=_text(budget.get("period")),
                items=tuple(
                    BudgetItem(_text(b["name"]), _money(b.get("amount")))
                    for b in _list(budget.get("items"))
                ),
            ),
            tools=tuple(
                Tool(_text(t["name"]), _text(t.get("purpose")), _text(t.get("url")))
                for t in _list(team.get("tools"))
            ),
            outside_help=tuple(
                Helper(_text(h["name"]), _text(h.get("kind")), _text(h.get("scope")))
                for h in _list(team.get("outside_help"))
            ),
        ),
        engagement=Engagement(
            principles=_texts(engagement.get("principles")),
            community_actions=_texts(engagement.get("community_actions")),
            routing=tuple(
                Route(_text(r["message"]), _text(r.get("owner")), _duration(r.get("target")))
                for r in _list(engagement.get("routing"))
            ),
            support_redirect=_text(engagement.get("support_redirect")),
            house_rules=HouseRules(
                removed=_texts(house_rules.get("removed")),
                blocking=_text(house_rules.get("blocking")),
                url=_text(house_rules.get("url")),
            ),
            log_deletions=engagement.get("log_deletions"),
        ),
        staff=Staff(
            disclosure=_text(staff.get("disclosure")),
            disclaimer=_text(staff.get("disclaimer")),
            hashtag=_text(staff.get("hashtag")),
            do=_texts(staff.get("do")),
            dont=_texts(staff.get("dont")),
            advocacy=_text(staff.get("advocacy")),
            sanctions=_text(staff.get("sanctions")),
            legal_basis=_text(staff.get("legal_basis")),
        ),
        accounts=Accounts(
            register=tuple(
                Account(
                    path=("accounts", "register", i),
                    network=_text(a.get("network")), name=_text(a.get("name")),
                    owner=_text(a.get("owner")),
                    admins=_texts(a.get("admins")), mailbox=_text(a.get("mailbox")),
                    recovery=_text(a.get("recovery")), two_factor=a.get("two_factor"),
                    password_manager=a.get("password_manager"),
                    last_activity=_date(a.get("last_activity")),
                )
                for i, a in enumerate(_list(accounts.get("register")))
            ),
            offboarding=_text(accounts.get("offboarding")),
            access_review=_text(accounts.get("access_review")),
            dormant_rule=_text(accounts.get("dormant_rule")),
            hacked_procedure=_texts(accounts.get("hacked_procedure")),
        ),
        monitoring=Monitoring(
            keywords=_texts(monitoring.get("keywords")),
            competitors=_texts(monitoring.get("competitors")),
            tools=_texts(monitoring.get("tools")),
            owner=_text(monitoring.get("owner")),
            frequency=_text(monitoring.get("frequency")),
            weekends=monitoring.get("weekends"),
            time_per_week=_duration(monitoring.get("time_per_week")),
            alert_thresholds=_texts(monitoring.get("alert_thresholds")),
        ),
        crisis=Crisis(
            issue_definition=_text(definitions.get("issue")),
            crisis_definition=_text(definitions.get("crisis")),
            levels=tuple(
                Level(
                    id=lv["id"], name=_text(lv["name"]), path=("crisis", "levels", i),
                    criteria=_texts(lv.get("criteria")), lead=_text(lv.get("lead")),
                    approver=_text(lv.get("approver")), backup=_text(lv.get("backup")),
                    notify=_texts(lv.get("notify")),
                    first_response=_duration(lv.get("first_response")),
                    updates_every=_duration(lv.get("updates_every")),
                    pause_scheduled=lv.get("pause_scheduled"),
                )
                for i, lv in enumerate(_list(crisis.get("levels")))
            ),
            contacts=tuple(
                Contact(
                    id=c["id"], name=_text(c["name"]), path=("crisis", "contacts", i),
                    role=_text(c.get("role")), phone=_text(c.get("phone")),
                    out_of_hours=_text(c.get("out_of_hours")), email=_text(c.get("email")),
                )
                for i, c in enumerate(_list(crisis.get("contacts")))
            ),
            escalation=tuple(
                EscalationStep(
                    step=_text(e["step"]), path=("crisis", "escalation", i),
                    contact=_text(e.get("contact")), when=_text(e.get("when")),
                    within=_duration(e.get("within")),
                )
                for i, e in enumerate(_list(crisis.get("escalation")))
            ),
            holding_statements=tuple(
                Statement(s["id"], _text(s["scenario"]), _text(s["text"]),
                          ("crisis", "holding_statements", i))
                for i, s in enumerate(_list(crisis.get("holding_statements")))
            ),
            scenarios=tuple(
                Scenario(
                    name=_text(s["name"]), level=_text(s.get("level")),
                    statement=_text(s.get("statement")),
                    first_15_minutes=_texts(s.get("first_15_minutes")),
                    first_hour=_texts(s.get("first_hour")),
                    first_day=_texts(s.get("first_day")),
                )
                for s in _list(crisis.get("scenarios"))
            ),
            after_action=AfterAction(
                within=_duration(after_action.get("within")),
                owner=_text(after_action.get("owner")),
                covers=_texts(after_action.get("covers")),
            ),
            drills=Drills(_date(drills.get("last")), _text(drills.get("cadence"))),
            plan=CrisisPlan(plan.get("exists"), _text(plan.get("kept_in"))),
        ),
        measurement=Measurement(
            reporting=tuple(
                Report(_text(r["frequency"]), _text(r.get("audience")), _text(r.get("owner")),
                       _text(r.get("content")))
                for r in _list(measurement.get("reporting"))
            ),
            time_per_week=_duration(measurement.get("time_per_week")),
            tools=_texts(measurement.get("tools")),
        ),
        independence=Independence(
            exports=Exports(_text(exports.get("frequency")), _texts(exports.get("what")),
                            _text(exports.get("owner"))),
            exit_plans=tuple(
                ExitPlan(_text(e["plan"]), _text(e.get("network")))
                for e in _list(independence.get("exit_plans"))
            ),
            max_share_per_network=_percent(independence.get("max_share_per_network")),
            keeps_copy=independence.get("keeps_copy"),
        ),
        reviews=tuple(
            Review(parse_date(r["date"]), _text(r["reviewer"]), _texts(r.get("items")),
                   _text(r.get("notes")))
            for r in _list(data.get("reviews"))
        ),
        internal=_texts(data.get("internal")),
        notes=_text(data.get("notes")),
    )


def _network(n: dict[str, Any], i: int) -> Network:
    cadence = _map(n.get("cadence"))
    replies = _map(n.get("reply_targets"))
    coverage = _map(n.get("coverage"))
    return Network(
        id=n["id"], platform=_text(n["platform"]), path=("networks", i),
        name=_text(n.get("name")), handle=_text(n.get("handle")), url=_text(n.get("url")),
        status=_text(n.get("status")), why=_text(n.get("why")),
        audiences=_texts(n.get("audiences")), objectives=_texts(n.get("objectives")),
        owner=_text(n.get("owner")), backup=_text(n.get("backup")),
        has_backup=n.get("has_backup"), replies=n.get("replies"), automated=n.get("automated"),
        cadence=(
            Cadence(int(cadence["posts"]), _text(cadence.get("per")) or "week")
            if cadence.get("posts") is not None else None
        ),
        time_per_post=_duration(n.get("time_per_post")),
        engagement_time=_duration(n.get("engagement_time")),
        reply_targets=ReplyTargets(
            _duration(replies.get("comment")), _duration(replies.get("message")),
            _duration(replies.get("complaint")),
        ),
        coverage=Coverage(_text(coverage.get("hours")), coverage.get("weekends"),
                          _text(coverage.get("out_of_hours"))),
        formats=_texts(n.get("formats")),
        tone=_text(n.get("tone")),
    )
