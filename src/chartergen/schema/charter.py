"""The charter format, version 1: every section and field, with its help text.

The order of sections here is the canonical order of a charter file (``fmt``
follows it) and the order of the reference page. Only ``format`` and
``company.name`` / ``company.language`` are required: a charter in progress
validates, and the audit says what is still missing.
"""

from __future__ import annotations

from chartergen.messages import Msg
from chartergen.schema.fields import (
    Rule,
    choice,
    choices,
    duty,
    entries,
    expected,
    flag,
    guards,
    ident,
    integer,
    listed,
    markdown,
    number,
    ref,
    refs,
    section,
    shown,
    text,
    texts,
    typed,
    withheld,
)

FORMAT_VERSION = 1


def _written_by(command: str, rule: Rule) -> Rule:
    """``rule`` for a section a command writes (the starter charter of ``init`` leaves it out)."""
    return {**rule, "meta": {**rule["meta"], "command": command}}


def _required(rule: Rule) -> Rule:
    """``rule`` for a field that must be written when its section is."""
    return {**rule, "required": True, "nullable": False}

PLATFORMS = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "instagram": "Instagram",
    "x": "X (formerly Twitter)",
    "youtube": "YouTube",
    "tiktok": "TikTok",
    "pinterest": "Pinterest",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "snapchat": "Snapchat",
    "whatsapp": "WhatsApp (channels)",
    "other": "another platform: give its name in 'name'",
}

NETWORK_STATUSES = {
    "active": "in use: the company publishes and answers there",
    "planned": "to be opened; not yet in use",
    "dormant": "exists but is not animated for now",
    "reserved": "name held to protect the brand; no publishing",
    "closed": "closed or being closed",
}

OBJECTIVE_TYPES = {
    "awareness": "make the company, its offer or its values known",
    "engagement": "build and animate a community",
    "customer-care": "answer customers' questions and complaints",
    "recruitment": "employer brand and hiring",
    "lead-generation": "create business contacts and opportunities",
    "public-information": "inform the public (service, safety, news)",
    "listening": "listen to what is said about the company and its market",
    "other": "another aim, described in the statement",
}

MONTHS = {
    "january": "January", "february": "February", "march": "March", "april": "April",
    "may": "May", "june": "June", "july": "July", "august": "August",
    "september": "September", "october": "October", "november": "November",
    "december": "December",
}

CADENCE_PERIODS = {"day": "per day", "week": "per week", "month": "per month"}

TARGET_PERIODS = {
    "week": "every week", "month": "every month", "quarter": "every quarter",
    "half-year": "every six months", "year": "every year",
}

REVIEW_CADENCES = {
    "monthly": "every month",
    "quarterly": "every three months",
    "half-yearly": "every six months",
    "yearly": "every year",
    "every-two-years": "every two years",
}

MONITORING_FREQUENCIES = {
    "continuous": "alerts in real time",
    "several-times-a-day": "checked several times a day",
    "daily": "checked once a day",
    "weekly": "checked once a week",
    "monthly": "checked once a month",
}

WEEKDAYS = {
    "monday": "Monday",
    "tuesday": "Tuesday",
    "wednesday": "Wednesday",
    "thursday": "Thursday",
    "friday": "Friday",
    "saturday": "Saturday",
    "sunday": "Sunday",
}

_cadence = section(
    "How often the company publishes on this network.",
    {
        "posts": integer("Number of posts in each period.", min=0, max=1000),
        "per": choice("The period the number of posts counts over.", CADENCE_PERIODS,
                      labels=("cadence_per", "cadence_per_one")),
    },
)

_reply_targets = section(
    "The longest the company lets a message wait for a first answer, per kind of message.",
    {
        "comment": typed("duration", "For a public comment or mention.", example="1d"),
        "message": typed("duration", "For a private or direct message.", example="4h"),
        "complaint": typed("duration", "For a complaint, public or private.", example="2h"),
    },
)

_coverage = section(
    "When someone watches and answers on this network.",
    {
        "hours": text("Days and hours covered.", example="Monday to Friday, 9:00-18:00"),
        "weekends": flag("Whether weekends are covered."),
        "out_of_hours": text("What happens outside those hours (auto-reply, on-call...)."),
    },
)

SCHEMA: dict[str, Rule] = {
    "format": {
        "type": "integer",
        "required": True,
        "nullable": False,
        "allowed": [FORMAT_VERSION],
        "meta": {"help": "Version of the charter format. Always 1 for now."},
    },
    "company": section(
        "The organisation the charter belongs to.",
        {
            "name": shown(text("Name of the company or organisation.", required=True)),
            "language": shown(choice(
                "Language of the charter and of the generated site.",
                {"en": "English", "fr": "French"},
                required=True,
            )),
            "sector": text("Line of business, in a few words."),
            "description": markdown("What the company does, in two or three sentences."),
            "country": text("Main country of operation."),
            "website": typed("url", "The company's website."),
            "has_website": flag(
                "Whether the company has a website, for when its address is not given in "
                "'website'. false says plainly that it has none.", example=True,
            ),
            "headcount": integer(
                "How many people the company employs (0 for an association run by "
                "volunteers).", min=0, example=80,
            ),
            "members": integer(
                "How many members it has, for an association, a club or a cooperative.",
                min=0, example=350,
            ),
        },
        required=True, page="overview",
    ),
    "document": guards(section(
        "Document control: version, status, owner, approval and review dates.",
        {
            "version": expected(shown(text("Version of this charter, e.g. 2.1.", example="1.0")),
                      7),
            "status": shown(choice(
                "Where the charter stands.",
                {
                    "draft": "being written or revised",
                    "approved": "approved and in force",
                    "retired": "no longer in force",
                },
                labels=("document_status",),
            )),
            "owner": duty(expected(shown(ref(
                "role", "The role that owns the charter and keeps it up to date.")), 7, 8),
                "charter"),
            "approved_by": shown(withheld(text("Who approved the charter (name and position)."))),
            "approved_on": expected(shown(typed("date", "Date of approval (YYYY-MM-DD).")), 1, 7),
            "effective": shown(typed("date", "Date the charter takes effect.")),
            "review_cadence": expected(shown(choice(
                "How often the charter is reviewed.", REVIEW_CADENCES, labels=("cadence",))), 8),
            "next_review": expected(shown(typed("date", "Date of the next planned review.")), 8),
            "classification": shown(withheld(choice(
                "Who may read the charter.",
                {"internal": "staff only", "public": "may be published"},
                labels=("classification",),
            ))),
            "history": entries(
                "Revision history, newest first.",
                {
                    "version": text("Version number."),
                    "date": typed("date", "Date of this version."),
                    "author": withheld(text("Who wrote it.")),
                    "summary": text("What changed."),
                },
                model="Revision",
            ),
        },
        model="DocumentControl", page="overview",
    ), 7, 8),
    "scope": guards(section(
        "Who and what the charter applies to.",
        {
            "applies_to": expected(texts(
                "People bound by the charter (employees, interns, contractors, agencies...)."
            ), 7),
            "activities": expected(texts(
                "Activities covered (posting for the company, personal accounts when the "
                "company is mentioned, private messages...)."
            ), 7),
            "out_of_scope": expected(texts("What the charter deliberately does not cover."), 7),
            "related_policies": entries(
                "Other company policies that apply alongside this charter.",
                {
                    "name": text("Name of the policy."),
                    "url": typed("url", "Where to read it."),
                },
                model="Link",
            ),
        },
        page="scope",
    ), 7),
    "strategy": guards(section(
        "Why the company is on social media and how that serves its strategy.",
        {
            "purpose": expected(markdown(
                "Why the company is on social media at all: the ambition, in a few "
                "sentences. Decide why before choosing where."
            ), 1),
            "orientations": expected(texts(
                "The company's strategic orientations this presence serves."
            ), 1),
            "coordination": expected(markdown(
                "How social media is coordinated with the rest of communication and "
                "marketing."
            ), 1),
            "swot": expected(section(
                "Strengths, weaknesses, opportunities and threats of the social presence.",
                {
                    "strengths": texts("Internal strengths to build on."),
                    "weaknesses": texts("Internal weaknesses to work around."),
                    "opportunities": texts("Outside opportunities to seize."),
                    "threats": texts("Outside threats to prepare for."),
                },
            ), 1),
        },
        page="strategy",
    ), 1, 2),
    "audiences": guards(expected(shown(entries(
        "The people the company wants a relationship with.",
        {
            "id": ident(),
            "name": shown(text("Name of the audience.", required=True)),
            "description": markdown("Who they are."),
            "needs": texts("What they need or look for."),
            "expectations": texts("What they expect from the company on social media."),
            "where": choices("Platforms where they are found.", PLATFORMS, labels=("platform",)),
        },
        declares="audience", plural=Msg("audiences"), page="strategy", model="Audience",
        located=True,
    )), 2, 6), 2, 6),
    "objectives": guards(expected(shown(entries(
        "What the presence must achieve, each measured by KPIs.",
        {
            "id": ident(),
            "type": shown(choice("Kind of objective.", OBJECTIVE_TYPES,
                                 labels=("objective_type",))),
            "statement": shown(text("The objective in one sentence.", required=True)),
            "audiences": refs("audience", "Audiences this objective is about."),
            "kpis": expected(shown(entries(
                "Indicators that show whether the objective is reached.",
                {
                    "metric": text("What is measured.", required=True),
                    "definition": text(
                        "How it is computed (engagement rate has several definitions: "
                        "say which)."
                    ),
                    "baseline": shown(text("Value at the start.")),
                    "target": shown(text("Value to reach.")),
                    "deadline": shown(typed("date", "When the target must be reached.")),
                    "source": text("Where the figure comes from (platform statistics, CRM...)."),
                    "owner": duty(shown(ref("role", "Role that measures and reports it.")),
                                  "reporting"),
                    "frequency": choice(
                        "How often it is measured.", REVIEW_CADENCES | {"weekly": "every week"},
                        labels=("cadence",),
                    ),
                    "per": choice(
                        "For a target that recurs (40 leads a quarter): the period the target "
                        "counts over. A recurring target is measurable without a deadline.",
                        TARGET_PERIODS, labels=("target_period",),
                    ),
                },
                model="Kpi", located=True, also_on=("reporting",),
            )), 8, every=True),
        },
        declares="objective", plural=Msg("objectives"), page="strategy", model="Objective",
        located=True,
    )), 1, 2), 1, 2, 8),
    "networks": guards(expected(shown(entries(
        "Every platform the company is on, plans to be on, or holds a name on.",
        {
            "id": ident(),
            "platform": shown(choice("The platform.", PLATFORMS, required=True,
                                     labels=("platform",))),
            "name": text("Display name, required when platform is 'other'."),
            "handle": shown(text("The account's handle, e.g. @acme.", example="@acme")),
            "url": shown(typed("url", "Link to the account.")),
            "status": shown(choice("Whether the account is in use.", NETWORK_STATUSES,
                                   labels=("network_status",))),
            "why": expected(markdown("Why the company is on this network rather than another."), 1),
            "audiences": expected(refs("audience", "Audiences reached on this network."), 2,
                                  fact="net_audiences"),
            "objectives": expected(refs("objective", "Objectives this network serves."), 1, 2,
                                   fact="net_objectives"),
            "owner": expected(shown(ref("role", "Role responsible for the account.")), 3, 5,
                              fact="net_owner"),
            "backup": expected(expected(shown(ref(
                "role", "Role that takes over during absences; not the owner.")), 5,
                fact="net_backup"), 5, fact="backup_is_owner", differs_from="owner"),
            "has_backup": shown(flag(
                "Whether someone takes over during absences. false says plainly that nobody "
                "does (the account stops when its owner is away): the audit counts it as "
                "irregular presence; leave it out when the notes do not say."
            )),
            "replies": shown(flag(
                "Whether someone reads and answers messages on this network. false says "
                "plainly that nobody does: the audit counts it as irregular presence."
            )),
            "comments": listed(shown(flag(
                "Whether people can comment on the company's posts on this network. false "
                "says plainly that comments are turned off: when no active network is open "
                "to comments or replies, the audit counts it as broadcasting only."
            ))),
            "automated": flag(
                "Whether posts are published here automatically (copied from another network "
                "or a feed): they cost no writing time in the workload, replies still do."
            ),
            "cadence": expected(shown(_cadence), 2, 5),
            "time_per_post": typed(
                "duration", "Time to prepare one post (writing, visuals, approval).",
                example="1h",
            ),
            "engagement_time": typed(
                "duration", "Time spent each week answering and animating the community.",
                example="2h",
            ),
            "reply_targets": expected(shown(_reply_targets), 4, 5),
            "coverage": _coverage,
            "formats": listed(texts("Formats used (article, carousel, short video, live...).")),
            "tone": markdown("How the voice adapts to this network."),
        },
        declares="network", plural=Msg("networks"), page="networks", model="Network", located=True,
    )), 1, 2), 1, 2, 5),
    "content": guards(section(
        "What the company publishes, how often, and who approves it.",
        {
            "pillars": expected(shown(entries(
                "Content pillars: the recurring themes and their share of output.",
                {
                    "id": ident(),
                    "name": shown(text("Name of the pillar.", required=True)),
                    "description": markdown("What it covers."),
                    "share": expected(shown(typed("percent", "Share of all posts, e.g. 30%.")), 6,
                                      fact="shares", every=True),
                    "cadence": section(
                        "How often this pillar is published, for a pillar counted in posts "
                        "rather than as a share (once a month). When the pillars give no "
                        "share, the audit estimates the selling share from these and the "
                        "networks' cadences.",
                        {
                            "posts": integer("Number of posts in each period.", min=0,
                                             max=1000),
                            "per": choice("The period the number of posts counts over.",
                                          CADENCE_PERIODS,
                                          labels=("cadence_per", "cadence_per_one")),
                        },
                        example={"posts": 1, "per": "month"},
                    ),
                    "automated": flag(
                        "Whether this pillar's posts are published automatically (a feed, a "
                        "scheduler copying another network): they cost no writing time in "
                        "the workload; replies still do.",
                    ),
                    "promotional": shown(flag("Whether it promotes the company's offer.")),
                    "conversational": flag(
                        "Whether it invites conversation (questions, polls, user content)."
                    ),
                    "networks": refs("network", "Networks where it is published."),
                    "audiences": refs("audience", "Audiences whose expectations it serves."),
                    "examples": texts("Example posts or ideas."),
                },
                declares="pillar", plural=Msg("content pillars"), model="Pillar", located=True,
            )), 2, 6),
            "promotional_ceiling": expected(shown(typed(
                "percent", "Highest share of promotional content the company allows itself.",
                example="20%",
            )), 6),
            "formats": texts("Formats the company produces."),
            "sources": texts("Where content comes from (blog, press, customers, curation...)."),
            "hub": expected(section(
                "The company's own channel where content is published first.",
                {
                    "exists": flag(
                        "Whether the company has a channel of its own where its content "
                        "lives (site, blog, newsletter). false says plainly that it has "
                        "none ('no blog, no newsletter'): the audit counts it as dependence "
                        "on the platforms.", example=False,
                    ),
                    "name": text("Name of the hub (website, blog, newsletter)."),
                    "url": typed("url", "Its address."),
                    "publish_first": flag(
                        "Whether content appears on the hub before it goes to social networks."
                    ),
                    "subscribers": integer(
                        "Number of subscribers, for a newsletter or a members' list.", min=0
                    ),
                },
                also_on=("independence",),
            ), 9, of=("name", "url")),
            "calendar": section(
                "The editorial calendar.",
                {
                    "horizon": typed("duration", "How far ahead posts are planned.", example="4w"),
                    "slots": expected(entries(
                        "Recurring weekly publishing slots.",
                        {
                            "day": choice("Day of the week.", WEEKDAYS, required=True,
                                          labels=("weekday",)),
                            "time": typed("time", "Time of day, HH:MM.", example="09:30"),
                            "network": ref("network", "Network the slot is for."),
                            "pillar": ref("pillar", "Pillar the slot serves."),
                            "what": text("What is published."),
                        },
                        model="Slot", located=True,
                    ), 2, 5, fact="calendar"),
                    "key_dates": entries(
                        "Dates the calendar plans around (trade fairs, seasons, results...).",
                        {
                            "date": typed("date", "The date, or the first day.", required=True),
                            "until": typed("date", "The last day, for events over several days."),
                            "name": text("What happens.", required=True),
                            "notes": text("What is planned around it."),
                        },
                        model="KeyDate",
                    ),
                    "themes": entries(
                        "Themes of the month or of the season the calendar follows. Themes "
                        "count as an editorial calendar.",
                        {
                            "name": text("The theme.", required=True),
                            "months": choices(
                                "The months it runs in; leave it out for a theme that comes "
                                "back every month (a monthly video).", MONTHS,
                                labels=("month",),
                            ),
                            "notes": text("What is planned for it."),
                        },
                        example=[{"name": "Back to school", "months": ["september"]}],
                        model="Theme",
                    ),
                    "breaks": entries(
                        "Times of the year when nothing is published (a seasonal stop). The "
                        "audit counts a break on an active network as irregular presence.",
                        {
                            "months": choices("The months with no posts.", MONTHS,
                                              labels=("month",), required=True),
                            "networks": refs("network", "Networks that stop; leave it out "
                                                        "when every network stops."),
                            "reason": text("Why."),
                        },
                        example=[{"months": ["july", "august"],
                                  "reason": "The club is closed in summer"}],
                        model="Break", located=True,
                    ),
                    "requests": markdown("How a colleague asks for a post."),
                },
            ),
            "approval": section(
                "Who approves what before it is published.",
                {
                    "stages": texts("Stages a post goes through, e.g. draft, approved, "
                                    "scheduled, published."),
                    "rules": expected(entries(
                        "Which content needs which approver.",
                        {
                            "content": text("Kind of content.", required=True),
                            "approver": duty(ref("role", "Role that approves it."), "approval"),
                            "backup": duty(ref(
                                "role", "Role that approves when the approver is away."),
                                "approval"),
                            "delay": typed("duration", "Time the approver takes at most."),
                        },
                        model="ApprovalRule",
                    ), 7, fact="approval"),
                },
            ),
            "sensitive_topics": expected(texts(
                "Topics never posted, or only with approval (litigation, results, "
                "unreleased products, customers without consent...)."
            ), 7),
            "pause": section(
                "Pausing scheduled posts when the news turns tragic or a crisis starts.",
                {
                    "who": duty(ref("role", "Role that may pause every scheduled post."), "pause"),
                    "when": text("When to do it."),
                },
                also_on=("crisis",),
            ),
        },
        page="content",
    ), 2, 4, 6, 9),
    "voice": guards(expected(section(
        "Voice and tone: how the company sounds.",
        {
            "personality": texts("Three to five words that describe the voice."),
            "address": choice(
                "How readers are addressed.",
                {
                    "formal": "formal address ('vous' in French)",
                    "informal": "informal address ('tu' in French)",
                    "depends": "depends on the network (see each network's tone)",
                },
                labels=("address",),
            ),
            "we": text("How the company speaks of itself (e.g. 'we' on brand accounts)."),
            "do": texts("What the voice does."),
            "dont": texts("What the voice never does."),
            "emoji": text("Emoji and GIF policy."),
            "vocabulary": section(
                "Words to use and words to avoid.",
                {"use": texts("Preferred words."), "avoid": texts("Words to avoid.")},
                flatten="vocabulary_{}",
            ),
            "examples": expected(entries(
                "Example replies, good and bad.",
                {
                    "situation": text("The situation.", required=True),
                    "good": text("A good reply."),
                    "bad": text("A reply to avoid."),
                },
                model="Example",
            ), 4),
            "accessibility": texts(
                "Accessibility habits: alt text, captions, CamelCase hashtags, few emojis."
            ),
        },
        page="voice",
    ), 4, 6, of=("personality", "do", "dont")), 4, 6),
    "team": guards(section(
        "Roles, time, budget, tools and outside help.",
        {
            "roles": expected(shown(entries(
                "The roles that run the presence, with the time each gives.",
                {
                    "id": ident(),
                    "title": shown(text("Title of the role.", required=True)),
                    "holder": shown(withheld(text("Name of the person in the role."))),
                    "email": shown(withheld(typed("email", "Work email of the holder."))),
                    "phone": shown(withheld(typed("phone", "Work phone of the holder."))),
                    "backup": shown(ref("role", "Role that stands in during absences.")),
                    "duties": texts("What the role does."),
                    "hours_per_week": expected(shown(number(
                        "Hours the role gives to social media each week.", min=0, max=80
                    )), 3, fact="hours", every=True),
                    "skills": texts("Skills the role needs (subject expertise, writing...)."),
                    "training": texts("Training planned for the role."),
                    "trained": entries(
                        "Training the holder has already followed, and when (for training "
                        "still to come, see 'training'). It counts as skills the role has.",
                        {
                            "course": text("What the training was.", required=True),
                            "when": typed("month", "When it was followed: a date, or the "
                                                   "month (YYYY-MM).", example="2026-03"),
                        },
                        example=[{"course": "Community management (two days)",
                                  "when": "2026-03"}],
                        model="Training",
                    ),
                    "speaks_for_company": shown(
                        flag("Whether the role may speak for the company.")
                    ),
                },
                declares="role", plural=Msg("roles"), page="roles", model="Role", located=True,
            )), 3, 5),
            "budget": expected(withheld(section(
                "Money set aside for social media.",
                {
                    "amount": typed("money", "Total amount, e.g. 12000 EUR.", example="12000 EUR"),
                    "period": choice(
                        "Period the amount covers.",
                        {"month": "per month", "quarter": "per quarter", "year": "per year"},
                        labels=("budget_period",),
                    ),
                    "items": entries(
                        "How it is split.",
                        {
                            "name": text("What it pays for.", required=True),
                            "amount": typed("money", "Amount."),
                        },
                        model="BudgetItem",
                    ),
                },
            )), 3, of=("amount", "items")),
            "tools": expected(entries(
                "Tools used (scheduler, listening, analytics, password manager).",
                {
                    "name": text("Name of the tool.", required=True),
                    "purpose": text("What it is used for."),
                    "url": typed("url", "Its address."),
                },
                model="Tool",
            ), 3),
            "outside_help": entries(
                "Agencies, freelancers or experts the company works with.",
                {
                    "name": text("Who.", required=True),
                    "kind": choice(
                        "Kind of help.",
                        {
                            "agency": "an agency",
                            "freelance": "a freelancer",
                            "expert": "an expert or consultant",
                            "other": "other",
                        },
                        labels=("helper_kind",),
                    ),
                    "scope": text("What they do."),
                },
                model="Helper",
            ),
        },
        page="resources",
    ), 3, 5),
    "engagement": guards(section(
        "How the company answers, joins conversations and moderates.",
        {
            "principles": expected(texts(
                "Engagement principles (answer questions, thank, join conversations, "
                "correct facts without arguing...)."
            ), 4),
            "community_actions": texts(
                "Actions that build the community (live sessions, groups, user content...)."
            ),
            "routing": expected(entries(
                "Which team owns the answer to which kind of message.",
                {
                    "message": text("Kind of message.", required=True),
                    "owner": ref("role", "Role that answers."),
                    "target": typed("duration", "Time to a first answer."),
                },
                model="Route",
            ), 4, 5),
            "support_redirect": text("Message that redirects a support request."),
            "house_rules": section(
                "Public house rules for comments.",
                {
                    "removed": expected(texts(
                        "What is removed (abuse, hate, personal data, spam...)."),
                        7, fact="house_rules"),
                    "blocking": text("When a user is blocked."),
                    "url": typed("url", "Where the house rules are published."),
                },
            ),
            "log_deletions": flag("Whether every deletion is logged."),
        },
        page="engagement",
    ), 4, 5, 7),
    "staff": guards(expected(expected(section(
        "Guidelines for employees' own accounts.",
        {
            "disclosure": markdown(
                "How employees disclose that they work for the company when they speak "
                "about work."
            ),
            "disclaimer": text("Suggested disclaimer, e.g. 'Opinions are my own'."),
            "hashtag": text("Hashtag for employees' posts about the company."),
            "do": texts("What employees are encouraged to do."),
            "dont": texts("What employees must not do."),
            "advocacy": markdown("Employee advocacy programme, if any."),
            "sanctions": text("What happens when the guidelines are broken."),
            "legal_basis": expected(text(
                "The charter's legal basis for employees (e.g. annexed to the internal "
                "rules after consulting the staff committee)."
            ), 7),
        },
        page="staff",
    ), 7, of=("disclosure", "disclaimer"), fact="disclosure"),
        7, of=("do", "dont"), fact="staff_rules"), 7),
    "accounts": guards(section(
        "The register of official accounts and how they are kept safe.",
        {
            "register": expected(withheld(entries(
                "One entry per official account.",
                {
                    "network": ref("network", "The network of the account."),
                    "name": text(
                        "The account's name when it is not one of the networks (newsletter "
                        "tool, business listing, scheduler)."
                    ),
                    "owner": duty(ref("role", "Role that owns the account."), "accounts"),
                    "admins": duty(refs("role", "Roles with admin access (at least two)."),
                                   "accounts"),
                    "admin_count": integer(
                        "How many people have admin access, when the charter does not name "
                        "their roles.", min=0, max=100,
                    ),
                    "mailbox": typed("email", "Shared company mailbox the account is tied to."),
                    "recovery": text("Recovery contact or method."),
                    "two_factor": flag("Whether two-factor authentication is on."),
                    "password_manager": flag("Whether the password is kept in a manager."),
                    "last_activity": typed("date", "Date of the last post or login."),
                },
                model="Account", located=True,
            )), 7, 9),
            "offboarding": expected(text("How access is revoked when someone leaves."), 7),
            "access_review": choice("How often admin access is reviewed.", REVIEW_CADENCES,
                                    labels=("cadence",)),
            "dormant_rule": text("What is done with accounts left unused."),
            "hacked_procedure": expected(texts("Steps when an account is hacked."), 7),
        },
        page="accounts",
    ), 7, 9),
    "monitoring": guards(section(
        "Listening to what is said about the company (e-reputation).",
        {
            "keywords": expected(texts("Keywords watched (brand, products, executives...)."), 7),
            "competitors": texts("Competitors watched."),
            "tools": texts("Listening tools."),
            "owner": duty(expected(ref("role", "Role that watches."), 7, 8,
                                   fact="monitoring_owner"), "monitoring"),
            "frequency": expected(choice("How often.", MONITORING_FREQUENCIES,
                                labels=("monitoring_frequency",)), 7),
            "weekends": flag("Whether weekends are watched."),
            "time_per_week": typed("duration", "Time monitoring takes each week.", example="2h"),
            "alert_thresholds": texts("What triggers an alert."),
        },
        page="monitoring",
    ), 7, 8),
    "crisis": guards(section(
        "Preparing for, handling and learning from a crisis.",
        {
            "current": shown(_written_by("chartergen crisis open", section(
                "A crisis in progress, or the last one once it has ended. While it is open "
                "(no 'ended'), every page of the charter's site carries a banner. "
                "'chartergen crisis open' and 'chartergen crisis close' write it for you.",
                {
                    "level": shown(_required(ref(
                        "level", "The crisis level now: the id of one of 'crisis.levels'."))),
                    "since": shown(typed("date", "The day the crisis started.",
                                         required=True)),
                    "lead": shown(ref(
                        "role", "Role leading the response; the level's lead when left out.")),
                    "paused": shown(flag("Whether every scheduled post is paused.")),
                    "note": withheld(text(
                        "What is happening, in a line, for staff. Never published.")),
                    "ended": shown(typed(
                        "date", "The day the crisis ended. The after-action review is due "
                        "'crisis.after_action.within' later.")),
                    "reviewed": shown(typed(
                        "date", "The day the after-action review was held.")),
                    "public": flag(
                        "Whether a public build shows the crisis banner (the level and the "
                        "date; no name, number or note). Left out, a public build shows "
                        "nothing of the crisis."),
                },
                model="CurrentCrisis",
            ))),
            "definitions": section(
                "What counts as an issue and what as a crisis.",
                {
                    "issue": text("An issue: handled by the usual team."),
                    "crisis": text("A crisis: the crisis cell takes over."),
                },
                flatten="{}_definition",
            ),
            "levels": expected(shown(entries(
                "Severity levels, from least to most severe.",
                {
                    "id": ident(),
                    "name": shown(text("Name of the level.", required=True)),
                    "criteria": texts("What puts a situation at this level."),
                    "lead": duty(shown(ref("role", "Role that leads the response.")), "crisis"),
                    "co_leads": refs(
                        "role", "Roles that lead the response together with 'lead' (two leads "
                        "for one level)."),
                    "approver": duty(shown(ref("role", "Role that approves public statements.")),
                                     "crisis"),
                    "co_approvers": refs(
                        "role", "Roles that must also approve public statements: every one of "
                        "them and 'approver' must agree."),
                    "backup": duty(shown(ref(
                        "role", "Role that approves when the approver is away.")), "crisis"),
                    "notify": refs("role", "Roles told at once."),
                    "first_response": shown(typed(
                        "duration", "Longest delay before a first public response.", example="1h"
                    )),
                    "updates_every": shown(typed("duration", "Interval between updates.")),
                    "pause_scheduled": flag("Whether scheduled posts are paused."),
                },
                declares="level", plural=Msg("crisis levels"), model="Level", located=True,
            )), 7),
            "contacts": expected(shown(withheld(entries(
                "The crisis cell and other people to call.",
                {
                    "id": ident(),
                    "name": shown(text("Name.", required=True)),
                    "role": shown(text("Position or responsibility.")),
                    "phone": shown(typed("phone", "Phone number.")),
                    "out_of_hours": shown(typed("phone", "Phone number outside office hours.")),
                    "email": shown(typed("email", "Email address.")),
                },
                declares="contact", plural=Msg("crisis contacts"), model="Contact", located=True,
            ))), 7),
            "escalation": expected(entries(
                "Who escalates to whom, in order.",
                {
                    "step": text("What happens at this step.", required=True),
                    "contact": ref("contact", "Who is called."),
                    "when": text("When to escalate to this step."),
                    "within": typed("duration", "How fast."),
                },
                model="EscalationStep", located=True,
            ), 7),
            "holding_statements": expected(entries(
                "Statements approved in advance, to publish while the facts are checked.",
                {
                    "id": ident(),
                    "scenario": text("The situation it is for.", required=True),
                    "text": text("The statement.", required=True),
                },
                declares="statement", plural=Msg("holding statements"), model="Statement",
                located=True,
            ), 7, fact="statements"),
            "scenarios": entries(
                "Scenario sheets: what to do in the first minutes, hour and day.",
                {
                    "name": text("The scenario.", required=True),
                    "level": ref("level", "Usual severity level."),
                    "statement": ref("statement", "Holding statement to use."),
                    "first_15_minutes": texts("Actions in the first 15 minutes."),
                    "first_hour": texts("Actions in the first hour."),
                    "first_day": texts("Actions in the first day."),
                },
                model="Scenario",
            ),
            "after_action": expected(section(
                "Review once the crisis is over.",
                {
                    "within": typed("duration", "How soon after the crisis.", example="5d"),
                    "owner": duty(ref("role", "Role that leads the review."), "crisis"),
                    "covers": texts("What the review covers."),
                },
            ), 7, of=("within", "owner")),
            "plan": section(
                "The crisis plan as a whole, when some of it lives outside the charter.",
                {
                    "exists": flag(
                        "Whether the company has a crisis plan. false says plainly that it "
                        "has none: the audit counts it as image left unmanaged."
                    ),
                    "kept_in": text(
                        "Where the full plan lives when it is kept outside the charter "
                        "(crisis binder, intranet page), holding statements included. It "
                        "counts as a crisis procedure.",
                        example="the crisis binder at reception",
                    ),
                },
                model="CrisisPlan",
            ),
            "drills": section(
                "Crisis exercises.",
                {
                    "last": typed("month", "Date of the last drill, or its month (YYYY-MM) "
                                           "when the day is not known.", example="2026-05"),
                    "cadence": choice("How often drills are held.", REVIEW_CADENCES,
                                      labels=("cadence", "cadence_every")),
                },
            ),
        },
        page="crisis",
    ), 7),
    "measurement": guards(section(
        "How results are reported and reviewed (KPIs are set per objective).",
        {
            "reporting": expected(entries(
                "Reports: how often, to whom, by whom.",
                {
                    "frequency": choice(
                        "How often.", {"weekly": "every week"} | REVIEW_CADENCES, required=True,
                        labels=("cadence",),
                    ),
                    "audience": text("Who receives it."),
                    "owner": duty(ref("role", "Role that writes it."), "reporting"),
                    "content": text("What it covers."),
                },
                model="Report",
            ), 8),
            "time_per_week": typed("duration", "Time reporting takes each week.", example="1h"),
            "tools": texts("Analytics tools."),
        },
        page="reporting",
    ), 8),
    "independence": guards(section(
        "Not depending on platforms the company does not control.",
        {
            "exports": expected(section(
                "Regular exports of content and audience data.",
                {
                    "frequency": choice("How often.", REVIEW_CADENCES | {"weekly": "every week"},
                                        labels=("cadence",)),
                    "what": texts("What is exported."),
                    "owner": duty(ref("role", "Role that runs the exports."), "exports"),
                },
            ), 9, of=("frequency", "what")),
            "keeps_copy": flag(
                "Whether the company keeps its own copy of its content and its audience "
                "(exports, backups, a customer list). false says plainly that it keeps none: "
                "the audit counts it as dependence on the platforms."
            ),
            "exit_plans": expected(entries(
                "What the company does if a network closes, changes its rules or declines.",
                {
                    "network": ref("network", "The network."),
                    "plan": text("The plan.", required=True),
                },
                model="ExitPlan",
            ), 9),
            "max_share_per_network": expected(typed(
                "percent",
                "Highest share of the company's posts any single network may carry (a stand-in "
                "for how much of the results depend on it).",
                example="40%",
            ), 9, fact="max_share"),
        },
        page="independence",
    ), 9),
    "reviews": guards(shown(withheld(entries(
        "Manual checklist items a person has confirmed (ids from 'chartergen check').",
        {
            "date": typed("date", "Date of the review.", required=True),
            "reviewer": text("Who confirmed.", required=True),
            "items": texts("Ids of the checklist items confirmed."),
            "notes": text("Notes."),
        },
        page="checklist", model="Review",
    ))), 1, 3, 7),
    "internal": {
        "type": "list",
        "schema": {"type": "string"},
        "nullable": True,
        "meta": {
            "help": (
                "Parts of the charter left out of a public build ('chartergen build "
                "--public'), each written as its place in the charter: a section (crisis), "
                "a field (team.budget, strategy.swot), a field of every entry of a list "
                "(networks.coverage) or one entry of a list by its id (networks.tiktok). "
                "Crisis contacts, role holders' names, email addresses, phone numbers, the "
                "budget and the notes are always left out, listed here or not."
            ),
            "example": ["team.tools", "strategy.swot", "networks.tiktok"],
        },
    },
    "notes": withheld(markdown(
        "Internal notes for the charter's editors: open questions, decisions to take, "
        "where the figures come from. Shown on the internal site only; never published "
        "in a public build."
    )),
}
"""The whole charter schema, in canonical order."""
