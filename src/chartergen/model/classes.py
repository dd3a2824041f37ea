"""The typed charter's classes, one per section and list of the schema.

Generated from chartergen.schema.charter by ``python -m chartergen.model.generate``:
do not edit; change the schema (or chartergen.model.behaviour) and run it again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from chartergen.errors import FieldPath
from chartergen.model import behaviour
from chartergen.schema.types import Duration, Money

__all__ = ["Account", "Accounts", "AfterAction", "Approval", "ApprovalRule", "Audience", "Break",
    "Budget", "BudgetItem", "Cadence", "Calendar", "Charter", "Company", "Contact", "Content",
    "Coverage", "Crisis", "CrisisPlan", "CurrentCrisis", "DocumentControl", "Drills", "Engagement",
    "EscalationStep", "Example", "ExitPlan", "Exports", "Helper", "HouseRules", "Hub",
    "Independence", "KeyDate", "Kpi", "Level", "Link", "Measurement", "Monitoring", "Network",
    "Objective", "Pause", "Pillar", "ReplyTargets", "Report", "Review", "Revision", "Role",
    "Route", "Scenario", "Scope", "Slot", "Staff", "Statement", "Strategy", "Swot", "Team",
    "Theme", "Tool", "Training", "Voice"]


@dataclass(frozen=True)
class Company:
    """The organisation the charter belongs to."""

    name: str
    """Name of the company or organisation."""

    language: str
    """Language of the charter and of the generated site."""

    sector: str = ""
    """Line of business, in a few words."""

    description: str = ""
    """What the company does, in two or three sentences."""

    country: str = ""
    """Main country of operation."""

    website: str = ""
    """The company's website."""

    has_website: bool | None = None
    """Whether the company has a website, for when its address is not given in 'website'. false says
    plainly that it has none."""

    headcount: int | None = None
    """How many people the company employs (0 for an association run by volunteers)."""

    members: int | None = None
    """How many members it has, for an association, a club or a cooperative."""


@dataclass(frozen=True)
class Revision:
    """Revision history, newest first."""

    version: str = ""
    """Version number."""

    date: dt.date | None = None
    """Date of this version."""

    author: str = ""
    """Who wrote it."""

    summary: str = ""
    """What changed."""


@dataclass(frozen=True)
class DocumentControl:
    """Document control: version, status, owner, approval and review dates."""

    version: str = ""
    """Version of this charter, e.g. 2.1."""

    status: str = ""
    """Where the charter stands."""

    owner: str = ""
    """The role that owns the charter and keeps it up to date."""

    approved_by: str = ""
    """Who approved the charter (name and position)."""

    approved_on: dt.date | None = None
    """Date of approval (YYYY-MM-DD)."""

    effective: dt.date | None = None
    """Date the charter takes effect."""

    review_cadence: str = ""
    """How often the charter is reviewed."""

    next_review: dt.date | None = None
    """Date of the next planned review."""

    classification: str = ""
    """Who may read the charter."""

    history: tuple[Revision, ...] = ()
    """Revision history, newest first."""


@dataclass(frozen=True)
class Link:
    """Other company policies that apply alongside this charter."""

    name: str = ""
    """Name of the policy."""

    url: str = ""
    """Where to read it."""


@dataclass(frozen=True)
class Scope(behaviour.Scope):
    """Who and what the charter applies to."""

    applies_to: tuple[str, ...] = ()
    """People bound by the charter (employees, interns, contractors, agencies...)."""

    activities: tuple[str, ...] = ()
    """Activities covered (posting for the company, personal accounts when the company is mentioned,
    private messages...)."""

    out_of_scope: tuple[str, ...] = ()
    """What the charter deliberately does not cover."""

    related_policies: tuple[Link, ...] = ()
    """Other company policies that apply alongside this charter."""


@dataclass(frozen=True)
class Swot(behaviour.Swot):
    """Strengths, weaknesses, opportunities and threats of the social presence."""

    strengths: tuple[str, ...] = ()
    """Internal strengths to build on."""

    weaknesses: tuple[str, ...] = ()
    """Internal weaknesses to work around."""

    opportunities: tuple[str, ...] = ()
    """Outside opportunities to seize."""

    threats: tuple[str, ...] = ()
    """Outside threats to prepare for."""


@dataclass(frozen=True)
class Strategy:
    """Why the company is on social media and how that serves its strategy."""

    purpose: str = ""
    """Why the company is on social media at all: the ambition, in a few sentences. Decide why
    before choosing where."""

    orientations: tuple[str, ...] = ()
    """The company's strategic orientations this presence serves."""

    coordination: str = ""
    """How social media is coordinated with the rest of communication and marketing."""

    swot: Swot = field(default_factory=Swot)
    """Strengths, weaknesses, opportunities and threats of the social presence."""


@dataclass(frozen=True)
class Audience:
    """The people the company wants a relationship with."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    name: str
    """Name of the audience."""

    path: FieldPath
    """Where the entry is in the file."""

    description: str = ""
    """Who they are."""

    needs: tuple[str, ...] = ()
    """What they need or look for."""

    expectations: tuple[str, ...] = ()
    """What they expect from the company on social media."""

    where: tuple[str, ...] = ()
    """Platforms where they are found."""


@dataclass(frozen=True)
class Kpi:
    """Indicators that show whether the objective is reached."""

    metric: str
    """What is measured."""

    path: FieldPath
    """Where the entry is in the file."""

    definition: str = ""
    """How it is computed (engagement rate has several definitions: say which)."""

    baseline: str = ""
    """Value at the start."""

    target: str = ""
    """Value to reach."""

    deadline: dt.date | None = None
    """When the target must be reached."""

    source: str = ""
    """Where the figure comes from (platform statistics, CRM...)."""

    owner: str = ""
    """Role that measures and reports it."""

    frequency: str = ""
    """How often it is measured."""

    per: str = ""
    """For a target that recurs (40 leads a quarter): the period the target counts over. A recurring
    target is measurable without a deadline."""


@dataclass(frozen=True)
class Objective:
    """What the presence must achieve, each measured by KPIs."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    statement: str
    """The objective in one sentence."""

    path: FieldPath
    """Where the entry is in the file."""

    type: str = ""
    """Kind of objective."""

    audiences: tuple[str, ...] = ()
    """Audiences this objective is about."""

    kpis: tuple[Kpi, ...] = ()
    """Indicators that show whether the objective is reached."""


@dataclass(frozen=True)
class Cadence(behaviour.Cadence):
    """How often the company publishes on this network."""

    posts: int | None = None
    """Number of posts in each period."""

    per: str = ""
    """The period the number of posts counts over."""


@dataclass(frozen=True)
class ReplyTargets(behaviour.ReplyTargets):
    """The longest the company lets a message wait for a first answer, per kind of message."""

    comment: Duration | None = None
    """For a public comment or mention."""

    message: Duration | None = None
    """For a private or direct message."""

    complaint: Duration | None = None
    """For a complaint, public or private."""


@dataclass(frozen=True)
class Coverage:
    """When someone watches and answers on this network."""

    hours: str = ""
    """Days and hours covered."""

    weekends: bool | None = None
    """Whether weekends are covered."""

    out_of_hours: str = ""
    """What happens outside those hours (auto-reply, on-call...)."""


@dataclass(frozen=True)
class Network(behaviour.Network):
    """Every platform the company is on, plans to be on, or holds a name on."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    platform: str
    """The platform."""

    path: FieldPath
    """Where the entry is in the file."""

    name: str = ""
    """Display name, required when platform is 'other'."""

    handle: str = ""
    """The account's handle, e.g. @acme."""

    url: str = ""
    """Link to the account."""

    status: str = ""
    """Whether the account is in use."""

    why: str = ""
    """Why the company is on this network rather than another."""

    audiences: tuple[str, ...] = ()
    """Audiences reached on this network."""

    objectives: tuple[str, ...] = ()
    """Objectives this network serves."""

    owner: str = ""
    """Role responsible for the account."""

    backup: str = ""
    """Role that takes over during absences; not the owner."""

    has_backup: bool | None = None
    """Whether someone takes over during absences. false says plainly that nobody does (the account
    stops when its owner is away): the audit counts it as irregular presence; leave it out when the
    notes do not say."""

    replies: bool | None = None
    """Whether someone reads and answers messages on this network. false says plainly that nobody
    does: the audit counts it as irregular presence."""

    comments: bool | None = None
    """Whether people can comment on the company's posts on this network. false says plainly that
    comments are turned off: when no active network is open to comments or replies, the audit counts
    it as broadcasting only."""

    automated: bool | None = None
    """Whether posts are published here automatically (copied from another network or a feed): they
    cost no writing time in the workload, replies still do."""

    cadence: Cadence | None = None
    """How often the company publishes on this network."""

    time_per_post: Duration | None = None
    """Time to prepare one post (writing, visuals, approval)."""

    engagement_time: Duration | None = None
    """Time spent each week answering and animating the community."""

    reply_targets: ReplyTargets = field(default_factory=ReplyTargets)
    """The longest the company lets a message wait for a first answer, per kind of message."""

    coverage: Coverage = field(default_factory=Coverage)
    """When someone watches and answers on this network."""

    formats: tuple[str, ...] = ()
    """Formats used (article, carousel, short video, live...)."""

    tone: str = ""
    """How the voice adapts to this network."""


@dataclass(frozen=True)
class Pillar:
    """Content pillars: the recurring themes and their share of output."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    name: str
    """Name of the pillar."""

    path: FieldPath
    """Where the entry is in the file."""

    description: str = ""
    """What it covers."""

    share: float | None = None
    """Share of all posts, e.g. 30%."""

    cadence: Cadence | None = None
    """How often this pillar is published, for a pillar counted in posts rather than as a share
    (once a month). When the pillars give no share, the audit estimates the selling share from these
    and the networks' cadences."""

    automated: bool | None = None
    """Whether this pillar's posts are published automatically (a feed, a scheduler copying another
    network): they cost no writing time in the workload; replies still do."""

    promotional: bool | None = None
    """Whether it promotes the company's offer."""

    conversational: bool | None = None
    """Whether it invites conversation (questions, polls, user content)."""

    networks: tuple[str, ...] = ()
    """Networks where it is published."""

    audiences: tuple[str, ...] = ()
    """Audiences whose expectations it serves."""

    examples: tuple[str, ...] = ()
    """Example posts or ideas."""


@dataclass(frozen=True)
class Hub:
    """The company's own channel where content is published first."""

    exists: bool | None = None
    """Whether the company has a channel of its own where its content lives (site, blog,
    newsletter). false says plainly that it has none ('no blog, no newsletter'): the audit counts it
    as dependence on the platforms."""

    name: str = ""
    """Name of the hub (website, blog, newsletter)."""

    url: str = ""
    """Its address."""

    publish_first: bool | None = None
    """Whether content appears on the hub before it goes to social networks."""

    subscribers: int | None = None
    """Number of subscribers, for a newsletter or a members' list."""


@dataclass(frozen=True)
class Slot:
    """Recurring weekly publishing slots."""

    day: str
    """Day of the week."""

    path: FieldPath
    """Where the entry is in the file."""

    time: str = ""
    """Time of day, HH:MM."""

    network: str = ""
    """Network the slot is for."""

    pillar: str = ""
    """Pillar the slot serves."""

    what: str = ""
    """What is published."""


@dataclass(frozen=True)
class KeyDate:
    """Dates the calendar plans around (trade fairs, seasons, results...)."""

    date: dt.date
    """The date, or the first day."""

    name: str
    """What happens."""

    until: dt.date | None = None
    """The last day, for events over several days."""

    notes: str = ""
    """What is planned around it."""


@dataclass(frozen=True)
class Theme:
    """Themes of the month or of the season the calendar follows. Themes count as an editorial
    calendar."""

    name: str
    """The theme."""

    months: tuple[str, ...] = ()
    """The months it runs in; leave it out for a theme that comes back every month (a monthly
    video)."""

    notes: str = ""
    """What is planned for it."""


@dataclass(frozen=True)
class Break(behaviour.Break):
    """Times of the year when nothing is published (a seasonal stop). The audit counts a break on an
    active network as irregular presence."""

    months: tuple[str, ...]
    """The months with no posts."""

    path: FieldPath
    """Where the entry is in the file."""

    networks: tuple[str, ...] = ()
    """Networks that stop; leave it out when every network stops."""

    reason: str = ""
    """Why."""


@dataclass(frozen=True)
class Calendar:
    """The editorial calendar."""

    horizon: Duration | None = None
    """How far ahead posts are planned."""

    slots: tuple[Slot, ...] = ()
    """Recurring weekly publishing slots."""

    key_dates: tuple[KeyDate, ...] = ()
    """Dates the calendar plans around (trade fairs, seasons, results...)."""

    themes: tuple[Theme, ...] = ()
    """Themes of the month or of the season the calendar follows. Themes count as an editorial
    calendar."""

    breaks: tuple[Break, ...] = ()
    """Times of the year when nothing is published (a seasonal stop). The audit counts a break on an
    active network as irregular presence."""

    requests: str = ""
    """How a colleague asks for a post."""


@dataclass(frozen=True)
class ApprovalRule:
    """Which content needs which approver."""

    content: str
    """Kind of content."""

    approver: str = ""
    """Role that approves it."""

    backup: str = ""
    """Role that approves when the approver is away."""

    delay: Duration | None = None
    """Time the approver takes at most."""


@dataclass(frozen=True)
class Approval:
    """Who approves what before it is published."""

    stages: tuple[str, ...] = ()
    """Stages a post goes through, e.g. draft, approved, scheduled, published."""

    rules: tuple[ApprovalRule, ...] = ()
    """Which content needs which approver."""


@dataclass(frozen=True)
class Pause:
    """Pausing scheduled posts when the news turns tragic or a crisis starts."""

    who: str = ""
    """Role that may pause every scheduled post."""

    when: str = ""
    """When to do it."""


@dataclass(frozen=True)
class Content(behaviour.Content):
    """What the company publishes, how often, and who approves it."""

    pillars: tuple[Pillar, ...] = ()
    """Content pillars: the recurring themes and their share of output."""

    promotional_ceiling: float | None = None
    """Highest share of promotional content the company allows itself."""

    formats: tuple[str, ...] = ()
    """Formats the company produces."""

    sources: tuple[str, ...] = ()
    """Where content comes from (blog, press, customers, curation...)."""

    hub: Hub = field(default_factory=Hub)
    """The company's own channel where content is published first."""

    calendar: Calendar = field(default_factory=Calendar)
    """The editorial calendar."""

    approval: Approval = field(default_factory=Approval)
    """Who approves what before it is published."""

    sensitive_topics: tuple[str, ...] = ()
    """Topics never posted, or only with approval (litigation, results, unreleased products,
    customers without consent...)."""

    pause: Pause = field(default_factory=Pause)
    """Pausing scheduled posts when the news turns tragic or a crisis starts."""


@dataclass(frozen=True)
class Example:
    """Example replies, good and bad."""

    situation: str
    """The situation."""

    good: str = ""
    """A good reply."""

    bad: str = ""
    """A reply to avoid."""


@dataclass(frozen=True)
class Voice(behaviour.Voice):
    """Voice and tone: how the company sounds."""

    personality: tuple[str, ...] = ()
    """Three to five words that describe the voice."""

    address: str = ""
    """How readers are addressed."""

    we: str = ""
    """How the company speaks of itself (e.g. 'we' on brand accounts)."""

    do: tuple[str, ...] = ()
    """What the voice does."""

    dont: tuple[str, ...] = ()
    """What the voice never does."""

    emoji: str = ""
    """Emoji and GIF policy."""

    vocabulary_use: tuple[str, ...] = ()
    """Preferred words."""

    vocabulary_avoid: tuple[str, ...] = ()
    """Words to avoid."""

    examples: tuple[Example, ...] = ()
    """Example replies, good and bad."""

    accessibility: tuple[str, ...] = ()
    """Accessibility habits: alt text, captions, CamelCase hashtags, few emojis."""


@dataclass(frozen=True)
class Training:
    """Training the holder has already followed, and when (for training still to come, see
    'training'). It counts as skills the role has."""

    course: str
    """What the training was."""

    when: dt.date | None = None
    """When it was followed: a date, or the month (YYYY-MM)."""


@dataclass(frozen=True)
class Role:
    """The roles that run the presence, with the time each gives."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    title: str
    """Title of the role."""

    path: FieldPath
    """Where the entry is in the file."""

    holder: str = ""
    """Name of the person in the role."""

    email: str = ""
    """Work email of the holder."""

    phone: str = ""
    """Work phone of the holder."""

    backup: str = ""
    """Role that stands in during absences."""

    duties: tuple[str, ...] = ()
    """What the role does."""

    hours_per_week: float | None = None
    """Hours the role gives to social media each week."""

    skills: tuple[str, ...] = ()
    """Skills the role needs (subject expertise, writing...)."""

    training: tuple[str, ...] = ()
    """Training planned for the role."""

    trained: tuple[Training, ...] = ()
    """Training the holder has already followed, and when (for training still to come, see
    'training'). It counts as skills the role has."""

    speaks_for_company: bool | None = None
    """Whether the role may speak for the company."""


@dataclass(frozen=True)
class BudgetItem:
    """How it is split."""

    name: str
    """What it pays for."""

    amount: Money | None = None
    """Amount."""


@dataclass(frozen=True)
class Budget:
    """Money set aside for social media."""

    amount: Money | None = None
    """Total amount, e.g. 12000 EUR."""

    period: str = ""
    """Period the amount covers."""

    items: tuple[BudgetItem, ...] = ()
    """How it is split."""


@dataclass(frozen=True)
class Tool:
    """Tools used (scheduler, listening, analytics, password manager)."""

    name: str
    """Name of the tool."""

    purpose: str = ""
    """What it is used for."""

    url: str = ""
    """Its address."""


@dataclass(frozen=True)
class Helper:
    """Agencies, freelancers or experts the company works with."""

    name: str
    """Who."""

    kind: str = ""
    """Kind of help."""

    scope: str = ""
    """What they do."""


@dataclass(frozen=True)
class Team(behaviour.Team):
    """Roles, time, budget, tools and outside help."""

    roles: tuple[Role, ...] = ()
    """The roles that run the presence, with the time each gives."""

    budget: Budget = field(default_factory=Budget)
    """Money set aside for social media."""

    tools: tuple[Tool, ...] = ()
    """Tools used (scheduler, listening, analytics, password manager)."""

    outside_help: tuple[Helper, ...] = ()
    """Agencies, freelancers or experts the company works with."""


@dataclass(frozen=True)
class Route:
    """Which team owns the answer to which kind of message."""

    message: str
    """Kind of message."""

    owner: str = ""
    """Role that answers."""

    target: Duration | None = None
    """Time to a first answer."""


@dataclass(frozen=True)
class HouseRules:
    """Public house rules for comments."""

    removed: tuple[str, ...] = ()
    """What is removed (abuse, hate, personal data, spam...)."""

    blocking: str = ""
    """When a user is blocked."""

    url: str = ""
    """Where the house rules are published."""


@dataclass(frozen=True)
class Engagement(behaviour.Engagement):
    """How the company answers, joins conversations and moderates."""

    principles: tuple[str, ...] = ()
    """Engagement principles (answer questions, thank, join conversations, correct facts without
    arguing...)."""

    community_actions: tuple[str, ...] = ()
    """Actions that build the community (live sessions, groups, user content...)."""

    routing: tuple[Route, ...] = ()
    """Which team owns the answer to which kind of message."""

    support_redirect: str = ""
    """Message that redirects a support request."""

    house_rules: HouseRules = field(default_factory=HouseRules)
    """Public house rules for comments."""

    log_deletions: bool | None = None
    """Whether every deletion is logged."""


@dataclass(frozen=True)
class Staff(behaviour.Staff):
    """Guidelines for employees' own accounts."""

    disclosure: str = ""
    """How employees disclose that they work for the company when they speak about work."""

    disclaimer: str = ""
    """Suggested disclaimer, e.g. 'Opinions are my own'."""

    hashtag: str = ""
    """Hashtag for employees' posts about the company."""

    do: tuple[str, ...] = ()
    """What employees are encouraged to do."""

    dont: tuple[str, ...] = ()
    """What employees must not do."""

    advocacy: str = ""
    """Employee advocacy programme, if any."""

    sanctions: str = ""
    """What happens when the guidelines are broken."""

    legal_basis: str = ""
    """The charter's legal basis for employees (e.g. annexed to the internal rules after consulting
    the staff committee)."""


@dataclass(frozen=True)
class Account:
    """One entry per official account."""

    path: FieldPath
    """Where the entry is in the file."""

    network: str = ""
    """The network of the account."""

    name: str = ""
    """The account's name when it is not one of the networks (newsletter tool, business listing,
    scheduler)."""

    owner: str = ""
    """Role that owns the account."""

    admins: tuple[str, ...] = ()
    """Roles with admin access (at least two)."""

    admin_count: int | None = None
    """How many people have admin access, when the charter does not name their roles."""

    mailbox: str = ""
    """Shared company mailbox the account is tied to."""

    recovery: str = ""
    """Recovery contact or method."""

    two_factor: bool | None = None
    """Whether two-factor authentication is on."""

    password_manager: bool | None = None
    """Whether the password is kept in a manager."""

    last_activity: dt.date | None = None
    """Date of the last post or login."""


@dataclass(frozen=True)
class Accounts:
    """The register of official accounts and how they are kept safe."""

    register: tuple[Account, ...] = ()
    """One entry per official account."""

    offboarding: str = ""
    """How access is revoked when someone leaves."""

    access_review: str = ""
    """How often admin access is reviewed."""

    dormant_rule: str = ""
    """What is done with accounts left unused."""

    hacked_procedure: tuple[str, ...] = ()
    """Steps when an account is hacked."""


@dataclass(frozen=True)
class Monitoring(behaviour.Monitoring):
    """Listening to what is said about the company (e-reputation)."""

    keywords: tuple[str, ...] = ()
    """Keywords watched (brand, products, executives...)."""

    competitors: tuple[str, ...] = ()
    """Competitors watched."""

    tools: tuple[str, ...] = ()
    """Listening tools."""

    owner: str = ""
    """Role that watches."""

    frequency: str = ""
    """How often."""

    weekends: bool | None = None
    """Whether weekends are watched."""

    time_per_week: Duration | None = None
    """Time monitoring takes each week."""

    alert_thresholds: tuple[str, ...] = ()
    """What triggers an alert."""


@dataclass(frozen=True)
class CurrentCrisis(behaviour.CurrentCrisis):
    """A crisis in progress, or the last one once it has ended. While it is open (no 'ended'), every
    page of the charter's site carries a banner. 'chartergen crisis open' and 'chartergen crisis
    close' write it for you."""

    level: str = ""
    """The crisis level now: the id of one of 'crisis.levels'."""

    since: dt.date | None = None
    """The day the crisis started."""

    lead: str = ""
    """Role leading the response; the level's lead when left out."""

    paused: bool | None = None
    """Whether every scheduled post is paused."""

    note: str = ""
    """What is happening, in a line, for staff. Never published."""

    ended: dt.date | None = None
    """The day the crisis ended. The after-action review is due 'crisis.after_action.within'
    later."""

    reviewed: dt.date | None = None
    """The day the after-action review was held."""

    public: bool | None = None
    """Whether a public build shows the crisis banner (the level and the date; no name, number or
    note). Left out, a public build shows nothing of the crisis."""


@dataclass(frozen=True)
class Level:
    """Severity levels, from least to most severe."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    name: str
    """Name of the level."""

    path: FieldPath
    """Where the entry is in the file."""

    criteria: tuple[str, ...] = ()
    """What puts a situation at this level."""

    lead: str = ""
    """Role that leads the response."""

    co_leads: tuple[str, ...] = ()
    """Roles that lead the response together with 'lead' (two leads for one level)."""

    approver: str = ""
    """Role that approves public statements."""

    co_approvers: tuple[str, ...] = ()
    """Roles that must also approve public statements: every one of them and 'approver' must
    agree."""

    backup: str = ""
    """Role that approves when the approver is away."""

    notify: tuple[str, ...] = ()
    """Roles told at once."""

    first_response: Duration | None = None
    """Longest delay before a first public response."""

    updates_every: Duration | None = None
    """Interval between updates."""

    pause_scheduled: bool | None = None
    """Whether scheduled posts are paused."""


@dataclass(frozen=True)
class Contact:
    """The crisis cell and other people to call."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    name: str
    """Name."""

    path: FieldPath
    """Where the entry is in the file."""

    role: str = ""
    """Position or responsibility."""

    phone: str = ""
    """Phone number."""

    out_of_hours: str = ""
    """Phone number outside office hours."""

    email: str = ""
    """Email address."""


@dataclass(frozen=True)
class EscalationStep:
    """Who escalates to whom, in order."""

    step: str
    """What happens at this step."""

    path: FieldPath
    """Where the entry is in the file."""

    contact: str = ""
    """Who is called."""

    when: str = ""
    """When to escalate to this step."""

    within: Duration | None = None
    """How fast."""


@dataclass(frozen=True)
class Statement:
    """Statements approved in advance, to publish while the facts are checked."""

    id: str
    """Short id other fields use to refer to this entry (lowercase, digits, hyphens), e.g.
    head-of-comms."""

    scenario: str
    """The situation it is for."""

    text: str
    """The statement."""

    path: FieldPath
    """Where the entry is in the file."""


@dataclass(frozen=True)
class Scenario:
    """Scenario sheets: what to do in the first minutes, hour and day."""

    name: str
    """The scenario."""

    level: str = ""
    """Usual severity level."""

    statement: str = ""
    """Holding statement to use."""

    first_15_minutes: tuple[str, ...] = ()
    """Actions in the first 15 minutes."""

    first_hour: tuple[str, ...] = ()
    """Actions in the first hour."""

    first_day: tuple[str, ...] = ()
    """Actions in the first day."""


@dataclass(frozen=True)
class AfterAction:
    """Review once the crisis is over."""

    within: Duration | None = None
    """How soon after the crisis."""

    owner: str = ""
    """Role that leads the review."""

    covers: tuple[str, ...] = ()
    """What the review covers."""


@dataclass(frozen=True)
class CrisisPlan:
    """The crisis plan as a whole, when some of it lives outside the charter."""

    exists: bool | None = None
    """Whether the company has a crisis plan. false says plainly that it has none: the audit counts
    it as image left unmanaged."""

    kept_in: str = ""
    """Where the full plan lives when it is kept outside the charter (crisis binder, intranet page),
    holding statements included. It counts as a crisis procedure."""


@dataclass(frozen=True)
class Drills:
    """Crisis exercises."""

    last: dt.date | None = None
    """Date of the last drill, or its month (YYYY-MM) when the day is not known."""

    cadence: str = ""
    """How often drills are held."""


@dataclass(frozen=True)
class Crisis(behaviour.Crisis):
    """Preparing for, handling and learning from a crisis."""

    current: CurrentCrisis = field(default_factory=CurrentCrisis)
    """A crisis in progress, or the last one once it has ended. While it is open (no 'ended'), every
    page of the charter's site carries a banner. 'chartergen crisis open' and 'chartergen crisis
    close' write it for you."""

    issue_definition: str = ""
    """An issue: handled by the usual team."""

    crisis_definition: str = ""
    """A crisis: the crisis cell takes over."""

    levels: tuple[Level, ...] = ()
    """Severity levels, from least to most severe."""

    contacts: tuple[Contact, ...] = ()
    """The crisis cell and other people to call."""

    escalation: tuple[EscalationStep, ...] = ()
    """Who escalates to whom, in order."""

    holding_statements: tuple[Statement, ...] = ()
    """Statements approved in advance, to publish while the facts are checked."""

    scenarios: tuple[Scenario, ...] = ()
    """Scenario sheets: what to do in the first minutes, hour and day."""

    after_action: AfterAction = field(default_factory=AfterAction)
    """Review once the crisis is over."""

    plan: CrisisPlan = field(default_factory=CrisisPlan)
    """The crisis plan as a whole, when some of it lives outside the charter."""

    drills: Drills = field(default_factory=Drills)
    """Crisis exercises."""


@dataclass(frozen=True)
class Report:
    """Reports: how often, to whom, by whom."""

    frequency: str
    """How often."""

    audience: str = ""
    """Who receives it."""

    owner: str = ""
    """Role that writes it."""

    content: str = ""
    """What it covers."""


@dataclass(frozen=True)
class Measurement:
    """How results are reported and reviewed (KPIs are set per objective)."""

    reporting: tuple[Report, ...] = ()
    """Reports: how often, to whom, by whom."""

    time_per_week: Duration | None = None
    """Time reporting takes each week."""

    tools: tuple[str, ...] = ()
    """Analytics tools."""


@dataclass(frozen=True)
class Exports:
    """Regular exports of content and audience data."""

    frequency: str = ""
    """How often."""

    what: tuple[str, ...] = ()
    """What is exported."""

    owner: str = ""
    """Role that runs the exports."""


@dataclass(frozen=True)
class ExitPlan:
    """What the company does if a network closes, changes its rules or declines."""

    plan: str
    """The plan."""

    network: str = ""
    """The network."""


@dataclass(frozen=True)
class Independence:
    """Not depending on platforms the company does not control."""

    exports: Exports = field(default_factory=Exports)
    """Regular exports of content and audience data."""

    keeps_copy: bool | None = None
    """Whether the company keeps its own copy of its content and its audience (exports, backups, a
    customer list). false says plainly that it keeps none: the audit counts it as dependence on the
    platforms."""

    exit_plans: tuple[ExitPlan, ...] = ()
    """What the company does if a network closes, changes its rules or declines."""

    max_share_per_network: float | None = None
    """Highest share of the company's posts any single network may carry (a stand-in for how much of
    the results depend on it)."""


@dataclass(frozen=True)
class Review:
    """Manual checklist items a person has confirmed (ids from 'chartergen check')."""

    date: dt.date
    """Date of the review."""

    reviewer: str
    """Who confirmed."""

    items: tuple[str, ...] = ()
    """Ids of the checklist items confirmed."""

    notes: str = ""
    """Notes."""


@dataclass(frozen=True)
class Charter(behaviour.Charter):
    """One company's charter. ``slug`` is the file name without its extension."""

    slug: str
    """The charter's file name without its extension."""

    source_path: str
    """The charter's file, as it was given."""

    format: int
    """Version of the charter format. Always 1 for now."""

    company: Company
    """The organisation the charter belongs to."""

    document: DocumentControl = field(default_factory=DocumentControl)
    """Document control: version, status, owner, approval and review dates."""

    scope: Scope = field(default_factory=Scope)
    """Who and what the charter applies to."""

    strategy: Strategy = field(default_factory=Strategy)
    """Why the company is on social media and how that serves its strategy."""

    audiences: tuple[Audience, ...] = ()
    """The people the company wants a relationship with."""

    objectives: tuple[Objective, ...] = ()
    """What the presence must achieve, each measured by KPIs."""

    networks: tuple[Network, ...] = ()
    """Every platform the company is on, plans to be on, or holds a name on."""

    content: Content = field(default_factory=Content)
    """What the company publishes, how often, and who approves it."""

    voice: Voice = field(default_factory=Voice)
    """Voice and tone: how the company sounds."""

    team: Team = field(default_factory=Team)
    """Roles, time, budget, tools and outside help."""

    engagement: Engagement = field(default_factory=Engagement)
    """How the company answers, joins conversations and moderates."""

    staff: Staff = field(default_factory=Staff)
    """Guidelines for employees' own accounts."""

    accounts: Accounts = field(default_factory=Accounts)
    """The register of official accounts and how they are kept safe."""

    monitoring: Monitoring = field(default_factory=Monitoring)
    """Listening to what is said about the company (e-reputation)."""

    crisis: Crisis = field(default_factory=Crisis)
    """Preparing for, handling and learning from a crisis."""

    measurement: Measurement = field(default_factory=Measurement)
    """How results are reported and reviewed (KPIs are set per objective)."""

    independence: Independence = field(default_factory=Independence)
    """Not depending on platforms the company does not control."""

    reviews: tuple[Review, ...] = ()
    """Manual checklist items a person has confirmed (ids from 'chartergen check')."""

    internal: tuple[str, ...] = ()
    """Parts of the charter left out of a public build ('chartergen build --public'), each written
    as its place in the charter: a section (crisis), a field (team.budget, strategy.swot), a field
    of every entry of a list (networks.coverage) or one entry of a list by its id (networks.tiktok).
    Crisis contacts, role holders' names, email addresses, phone numbers, the budget and the notes
    are always left out, listed here or not."""

    notes: str = ""
    """Internal notes for the charter's editors: open questions, decisions to take, where the
    figures come from. Shown on the internal site only; never published in a public build."""

    present_sections: frozenset[str] = frozenset()
    """Top-level sections written in the file (even if empty)."""

    def audience(self, audience_id: str) -> Audience | None:
        """The entry of ``audiences`` whose id is ``audience_id``, if any."""
        return next((e for e in self.audiences if e.id == audience_id), None)

    def objective(self, objective_id: str) -> Objective | None:
        """The entry of ``objectives`` whose id is ``objective_id``, if any."""
        return next((e for e in self.objectives if e.id == objective_id), None)

    def network(self, network_id: str) -> Network | None:
        """The entry of ``networks`` whose id is ``network_id``, if any."""
        return next((e for e in self.networks if e.id == network_id), None)

    def pillar(self, pillar_id: str) -> Pillar | None:
        """The entry of ``content.pillars`` whose id is ``pillar_id``, if any."""
        return next((e for e in self.content.pillars if e.id == pillar_id), None)

    def role(self, role_id: str) -> Role | None:
        """The entry of ``team.roles`` whose id is ``role_id``, if any."""
        return next((e for e in self.team.roles if e.id == role_id), None)

    def level(self, level_id: str) -> Level | None:
        """The entry of ``crisis.levels`` whose id is ``level_id``, if any."""
        return next((e for e in self.crisis.levels if e.id == level_id), None)

    def contact(self, contact_id: str) -> Contact | None:
        """The entry of ``crisis.contacts`` whose id is ``contact_id``, if any."""
        return next((e for e in self.crisis.contacts if e.id == contact_id), None)

    def statement(self, statement_id: str) -> Statement | None:
        """The entry of ``crisis.holding_statements`` whose id is ``statement_id``, if any."""
        return next((e for e in self.crisis.holding_statements if e.id == statement_id), None)
