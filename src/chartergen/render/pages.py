"""Which pages a charter gets, in which order, and which facts each page is expected to state.

The list is the charter's navigation. Each page names the facts a reader
expects to find there; a page whose facts are missing says so, and names the
mistakes (of the nine) that the gap leaves open, so gaps are visible rather
than silently absent.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from chartergen.errors import FieldPath
from chartergen.schema.charter import SCHEMA


@dataclass(frozen=True)
class PageSpec:
    key: str
    """Also the label key under ``pages`` and ``page_intro`` and the template name."""
    file: str
    """Path of the page inside the charter's folder."""
    facts: tuple[str, ...] = ()


PAGES: tuple[PageSpec, ...] = (
    PageSpec("overview", "index.md",
             ("version", "owner", "approved_on", "review_cadence", "next_review")),
    PageSpec("scope", "scope.md", ("applies_to", "activities", "out_of_scope")),
    PageSpec("strategy", "strategy.md",
             ("purpose", "orientations", "coordination", "swot", "audiences", "objectives",
              "kpis")),
    PageSpec("networks", "networks/index.md", ("networks",)),
    PageSpec("voice", "voice.md", ("voice", "examples")),
    PageSpec("content", "content.md",
             ("pillars", "shares", "promotional_ceiling", "calendar", "approval",
              "sensitive_topics", "hub")),
    PageSpec("engagement", "engagement.md", ("principles", "routing", "house_rules")),
    PageSpec("staff", "staff.md", ("disclosure", "staff_rules", "legal_basis")),
    PageSpec("quiz", "self-check.md"),
    PageSpec("roles", "roles.md", ("roles", "hours")),
    PageSpec("resources", "resources.md", ("budget", "tools")),
    PageSpec("accounts", "accounts.md", ("register", "offboarding", "hacked_procedure")),
    PageSpec("monitoring", "monitoring.md", ("keywords", "monitoring_owner", "frequency")),
    PageSpec("crisis", "crisis.md",
             ("levels", "contacts", "escalation", "statements", "after_action")),
    PageSpec("reporting", "reporting.md", ("kpis", "reporting")),
    PageSpec("independence", "independence.md", ("hub", "exports", "exit_plans", "max_share")),
    PageSpec("checklist", "checklist.md"),
    PageSpec("propose", "propose-a-change.md"),
)
"""Every charter page except the one per network, in navigation order."""

NETWORK_FACTS = ("why", "net_objectives", "net_audiences", "net_owner", "net_backup",
                 "backup_is_owner", "cadence", "reply_targets")

FACT_MISTAKES: dict[str, tuple[int, ...]] = {
    "version": (7,), "owner": (7, 8), "approved_on": (1, 7), "review_cadence": (8,),
    "next_review": (8,),
    "applies_to": (7,), "activities": (7,), "out_of_scope": (7,),
    "purpose": (1,), "orientations": (1,), "coordination": (1,), "swot": (1,),
    "audiences": (2, 6), "objectives": (1, 2), "kpis": (8,),
    "networks": (1, 2),
    "why": (1,), "net_objectives": (1, 2), "net_audiences": (2,), "net_owner": (3, 5),
    "net_backup": (5,), "backup_is_owner": (5,), "cadence": (2, 5), "reply_targets": (4, 5),
    "voice": (4, 6), "examples": (4,),
    "pillars": (2, 6), "shares": (6,), "promotional_ceiling": (6,), "calendar": (2, 5),
    "approval": (7,), "sensitive_topics": (7,), "hub": (9,),
    "principles": (4,), "routing": (4, 5), "house_rules": (7,),
    "disclosure": (7,), "staff_rules": (7,), "legal_basis": (7,),
    "roles": (3, 5), "hours": (3,),
    "budget": (3,), "tools": (3,),
    "register": (7, 9), "offboarding": (7,), "hacked_procedure": (7,),
    "keywords": (7,), "monitoring_owner": (7, 8), "frequency": (7,),
    "levels": (7,), "contacts": (7,), "escalation": (7,), "statements": (7,),
    "after_action": (7,),
    "reporting": (8,),
    "exports": (9,), "exit_plans": (9,), "max_share": (9,),
}
"""Which of the nine mistakes a missing fact leaves open."""

def page_for(field_path: FieldPath, network_ids: tuple[str, ...] = ()) -> tuple[str, str]:
    """The page key and network id (or "") showing the fact at ``field_path``: the page the
    schema gives the deepest section or list along the path (``page``), else the overview."""
    if not field_path:
        return "overview", ""
    if field_path[0] == "networks" and len(field_path) > 1 and isinstance(field_path[1], int):
        index = field_path[1]
        if 0 <= index < len(network_ids):
            return "network", network_ids[index]
    if tuple(field_path) == ("team",):  # the team as a whole: its people come first
        return "roles", ""
    page, rules = "overview", SCHEMA
    for step in field_path:
        if isinstance(step, int):
            continue
        rule = rules.get(str(step))
        if rule is None:
            break
        page = rule.get("meta", {}).get("page", page)
        inner = rule.get("schema", {})
        rules = inner.get("schema", {}) if rule.get("type") == "list" else inner
        if not isinstance(rules, dict) or rules.get("type"):
            rules = {}
    return page, ""


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page at ``src`` (relative to the site root)."""
    stem = src.removesuffix(".md")
    if not use_directory_urls:
        return f"{stem}.html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


@lru_cache(maxsize=1 << 16)
def relative_url(from_src: str, to_src: str, use_directory_urls: bool = True,
                 anchor: str = "") -> str:
    """Link from one generated page to another, as MkDocs would write it.

    Kept for the pairs met (``posixpath.relpath`` asks the system for the current
    folder twice a call, and a charter's pages hold thousands of links).
    """
    here = page_url(from_src, use_directory_urls)
    there = page_url(to_src, use_directory_urls)
    base = here if here.endswith("/") or not here else posixpath.dirname(here)
    rel = posixpath.relpath(there or ".", base or ".")
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    if rel == "./" and there == here:
        rel = "./"
    return rel + (f"#{anchor}" if anchor else "")
