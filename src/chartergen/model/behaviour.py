"""What the typed charter's classes do besides holding the schema's fields.

The classes themselves are generated from the schema (:mod:`chartergen.model.classes`);
each one whose name is also a class here takes this class as its base, so its
properties and methods are written once, by hand, and its fields never are. (This module
does not import the classes, which import it; the attributes used here are the schema's.)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from chartergen.errors import FieldPath
from chartergen.schema.types import Duration


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


def _cadence(cls: type, value: Any, _path: FieldPath) -> Any:
    # a cadence without a number of posts says nothing; the period defaults to a week
    cadence = value if isinstance(value, dict) else {}
    if cadence.get("posts") is None:
        return None
    per = cadence.get("per")
    return cls(int(cadence["posts"]), (str(per) if per is not None else "") or "week")


HOOKS: dict[str, Callable[[type, Any, FieldPath], Any]] = {"Cadence": _cadence}
"""Classes built by hand rather than field by field, by name (each hook gets the class, the
value and its path); a field of one of these classes may be ``None``."""


class Scope:
    @property
    def is_empty(self) -> bool:
        return not (self.applies_to or self.activities or self.out_of_scope
                    or self.related_policies)


class Swot:
    @property
    def is_empty(self) -> bool:
        return not (self.strengths or self.weaknesses or self.opportunities or self.threats)


class Cadence:
    @property
    def per_week(self) -> float:
        return {"day": 7.0, "week": 1.0, "month": 12 / 52}.get(self.per, 1.0) * (self.posts or 0)


class ReplyTargets:
    @property
    def any(self) -> bool:
        return any((self.comment, self.message, self.complaint))


class Network:
    @property
    def is_active(self) -> bool:
        """A network with no status is treated as active: the company says it is there."""
        return self.status in ("active", "")


class Break:
    def stops(self, network_id: str) -> bool:
        return not self.networks or network_id in self.networks


class Content:
    @property
    def promotional_share(self) -> float | None:
        """Share of output given to promotional pillars, when shares are stated."""
        shares = [p for p in self.pillars if p.share is not None]
        if not shares:
            return None
        total = sum(p.share or 0 for p in shares)
        promo = sum(p.share or 0 for p in shares if p.promotional)
        return 100 * promo / total if total else None


class Voice:
    @property
    def is_empty(self) -> bool:
        return not (self.personality or self.address or self.do or self.dont or self.examples
                    or self.vocabulary_use or self.vocabulary_avoid or self.emoji)


class Team:
    @property
    def hours_per_week(self) -> float:
        return sum(r.hours_per_week or 0 for r in self.roles)


class Engagement:
    @property
    def is_empty(self) -> bool:
        return not (self.principles or self.community_actions or self.routing
                    or self.support_redirect or self.house_rules.removed)


class Staff:
    @property
    def is_empty(self) -> bool:
        return not (self.disclosure or self.disclaimer or self.do or self.dont
                    or self.advocacy or self.sanctions or self.legal_basis)


class Monitoring:
    @property
    def is_empty(self) -> bool:
        return not (self.keywords or self.tools or self.owner or self.frequency)


class CurrentCrisis:
    @property
    def is_open(self) -> bool:
        return bool(self.level) and self.ended is None


class Crisis:
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


class Charter:
    @property
    def language(self) -> str:
        return self.company.language

    def role_label(self, role: Any) -> str:
        """A role's title, told apart from another role with the same title by its holder
        ("Co-founder – Maya Lind"), or by its id when it names no holder."""
        if sum(r.title == role.title for r in self.team.roles) < 2:
            return role.title
        return f"{role.title} – {role.holder or role.id}"

    @property
    def active_networks(self) -> tuple[Any, ...]:
        return tuple(n for n in self.networks if n.is_active)
