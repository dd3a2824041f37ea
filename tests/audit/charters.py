"""Small charters for the audit tests, built in Python and validated like real files.

``complete()`` returns a charter dict on which every automatic check passes and
every manual item is confirmed; tests change one fact and watch one check trip.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import json
from typing import Any

from ruamel.yaml import YAML

from chartergen.audit import AuditReport, CheckResult, run
from chartergen.loader import load_text
from chartergen.model import Charter, build
from chartergen.schema import validate

TODAY = dt.date(2026, 11, 23)

MANUAL_IDS = (
    "m1.leadership-approved", "m1.marketing-aligned", "m2.audiences-researched",
    "m3.time-agreed", "m3.training-planned", "m4.conversations-joined", "m5.absences-planned",
    "m6.expectations-asked", "m7.contacts-current", "m7.staff-informed",
    "m7.statements-approved", "m8.report-discussed", "m8.statistics-access",
    "m9.export-tested", "m9.hub-links",
)

_COMPLETE: dict[str, Any] = {
    "format": 1,
    "company": {"name": "Acme Tools", "language": "en"},
    "document": {
        "version": "1.0", "status": "approved", "owner": "lead",
        "approved_by": "Jo Smith, Managing Director", "approved_on": "2026-09-01",
        "review_cadence": "yearly", "next_review": "2027-09-01",
    },
    "scope": {"applies_to": ["Employees", "Agencies"]},
    "strategy": {
        "purpose": "We are on social media to help small workshops choose and use our hand "
                   "tools well, and to hire the makers of tomorrow.",
        "orientations": ["Grow the workshop segment"],
        "coordination": "A monthly meeting with marketing sets the themes of the month.",
    },
    "audiences": [
        {"id": "makers", "name": "Makers", "expectations": ["Practical tips"],
         "where": ["instagram"]},
        {"id": "buyers", "name": "Buyers", "expectations": ["Specifications"],
         "where": ["linkedin"]},
    ],
    "objectives": [
        {"id": "awareness", "statement": "Be known by makers.", "audiences": ["makers"],
         "kpis": [{"metric": "Followers", "baseline": "100", "target": "500",
                   "deadline": "2027-06-30", "source": "Instagram statistics"}]},
        {"id": "leads", "statement": "Bring buyers to the catalogue.", "audiences": ["buyers"],
         "kpis": [{"metric": "Catalogue requests", "baseline": "5", "target": "20",
                   "deadline": "2027-03-31", "source": "CRM"}]},
    ],
    "networks": [
        {"id": "instagram", "platform": "instagram", "status": "active",
         "why": "Makers show their work there.", "audiences": ["makers"],
         "objectives": ["awareness"], "owner": "cm", "backup": "lead",
         "cadence": {"posts": 3, "per": "week"}, "time_per_post": "1h",
         "engagement_time": "2h",
         "reply_targets": {"comment": "1d", "message": "4h", "complaint": "2h"},
         "coverage": {"hours": "Monday to Friday, 9:00-17:00", "weekends": True},
         "formats": ["Reel", "Carousel"], "tone": "Playful and practical."},
        {"id": "linkedin", "platform": "linkedin", "status": "active",
         "why": "Buyers compare suppliers there.", "audiences": ["buyers"],
         "objectives": ["leads"], "owner": "lead", "backup": "cm",
         "cadence": {"posts": 2, "per": "week"}, "time_per_post": "1h",
         "engagement_time": "1h",
         "reply_targets": {"comment": "1d", "message": "1d", "complaint": "4h"},
         "coverage": {"hours": "Monday to Friday, 9:00-17:00", "weekends": False,
                      "out_of_hours": "An automatic reply gives the shop's phone number."},
         "formats": ["Article"], "tone": "Expert."},
    ],
    "content": {
        "pillars": [
            {"id": "tips", "name": "Tips", "share": "50%", "conversational": True,
             "audiences": ["makers", "buyers"]},
            {"id": "stories", "name": "Workshop stories", "share": "30%",
             "audiences": ["makers"]},
            {"id": "offers", "name": "Offers", "share": "20%", "promotional": True,
             "audiences": ["buyers"]},
        ],
        "promotional_ceiling": "20%",
        "hub": {"name": "Acme blog", "url": "https://acme.example/blog", "publish_first": True},
        "calendar": {"slots": [
            {"day": "monday", "network": "instagram"},
            {"day": "wednesday", "network": "instagram"},
            {"day": "friday", "network": "instagram"},
            {"day": "tuesday", "network": "linkedin"},
            {"day": "thursday", "network": "linkedin"},
        ]},
    },
    "voice": {"examples": [{"situation": "A customer thanks us.",
                            "good": "Thank you, Sam! Send us a photo of the result."}]},
    "team": {
        "roles": [
            {"id": "lead", "title": "Communications lead", "holder": "Jo Smith",
             "hours_per_week": 6, "skills": ["Writing"], "speaks_for_company": True},
            {"id": "cm", "title": "Community manager", "holder": "Sam Lee",
             "hours_per_week": 10, "skills": ["Video", "Writing"]},
        ],
        "budget": {"amount": "5000 EUR", "period": "year"},
    },
    "engagement": {
        "principles": ["We answer every question.", "We thank people.",
                       "We join conversations about workshops."],
        "community_actions": ["A monthly live session from the workshop"],
    },
    "staff": {"disclosure": "Say you work for Acme.", "dont": ["Share internal figures"],
              "legal_basis": "Annexed to the internal rules."},
    "accounts": {"register": [
        {"network": "instagram", "admins": ["lead", "cm"], "mailbox": "social@acme.example",
         "two_factor": True},
        {"network": "linkedin", "admins": ["lead", "cm"], "mailbox": "social@acme.example",
         "two_factor": True},
    ]},
    "monitoring": {"keywords": ["Acme Tools"], "owner": "cm", "frequency": "daily",
                   "time_per_week": "1h"},
    "crisis": {
        "levels": [
            {"id": "minor", "name": "Minor", "lead": "cm", "approver": "lead",
             "first_response": "1d"},
            {"id": "major", "name": "Major", "lead": "lead", "approver": "lead",
             "first_response": "2h"},
        ],
        "contacts": [{"id": "jo", "name": "Jo Smith", "phone": "+44 20 7946 0000"}],
        "escalation": [{"step": "Call the managing director", "contact": "jo"}],
        "holding_statements": [{"id": "generic", "scenario": "Anything serious",
                                "text": "We are looking into it and will be back by 5pm."}],
        "scenarios": [{"name": "Hacked account", "statement": "generic"}],
        "after_action": {"within": "5d", "owner": "lead"},
        "drills": {"last": "2026-05-01", "cadence": "yearly"},
    },
    "measurement": {"reporting": [{"frequency": "monthly", "audience": "The board",
                                   "owner": "lead"}],
                    "time_per_week": "1h"},
    "independence": {
        "exports": {"frequency": "monthly", "what": ["Posts"], "owner": "cm"},
        "exit_plans": [{"plan": "Move the audience to the newsletter."}],
        "max_share_per_network": "60%",
    },
    "reviews": [{"date": "2026-10-01", "reviewer": "Jo Smith", "items": list(MANUAL_IDS)}],
}


def complete() -> dict[str, Any]:
    """A fresh copy of the complete charter (safe to change)."""
    return copy.deepcopy(_COMPLETE)


def to_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML, as people write charters (slower: for tests that read it)."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def charter(data: dict[str, Any], slug: str = "acme") -> Charter:
    """Validate ``data`` as a charter file would be, then build the typed charter.

    The text handed to the loader is JSON, which is also YAML and dumps far faster.
    """
    loaded = load_text(json.dumps(data, indent=1), f"{slug}.yaml")
    assert loaded.document is not None, loaded.diagnostics
    errors = [d.format() for d in loaded.diagnostics + validate(loaded.document) if d.is_error]
    assert not errors, errors
    return build(loaded.document.data, slug, f"{slug}.yaml")


def audit(data: dict[str, Any], today: dt.date = TODAY) -> AuditReport:
    return run(charter(data), today)


def result(data: dict[str, Any], rule_id: str, today: dt.date = TODAY) -> CheckResult:
    return next(c for c in audit(data, today).checks if c.id == rule_id)
