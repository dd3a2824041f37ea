"""What templates see of one charter: the typed charter plus lookups, gaps and links.

Templates get the frozen :class:`~chartergen.model.Charter` and this view; they
never see YAML. Lookups turn ids into names (a role id into "Title (Holder)"),
:meth:`CharterView.gaps` says which expected facts a page lacks, and
:meth:`CharterView.url` links between the charter's pages.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from chartergen.render.formatting import Formatter
from chartergen.render.pages import (
    PAGES,
    PageSpec,
    duty_places,
    facts_on,
    listed,
    listed_label,
    page_for,
    page_url,
    relative_url,
)

if TYPE_CHECKING:
    from chartergen.audit.results import AuditReport
    from chartergen.model import Charter, Network, Pillar, Role

def _anchor(anchor: str) -> str:
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", anchor)


def _same_words(a: str, b: str) -> bool:
    """Whether two texts are the same words (a contact named after its job: "COO")."""
    return a.casefold().split() == b.casefold().split()


_DUTY_PLACES = duty_places()

WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class CharterSource:
    """One charter and what the site shows about its file."""

    charter: Charter
    source_path: str
    """The file as readers should find it in the repository, e.g. ``charters/acme.yaml``."""
    last_changed: dt.date | None = None
    edit_url: str = ""
    audit: AuditReport | None = None
    public: bool = False
    """The public version (:func:`chartergen.public.publish`): no upkeep pages, no gaps."""
    personal: tuple[Any, ...] = ()
    """For the public version: the personal values of the charter before it was published
    (:class:`chartergen.leaks.Personal`), which no file of the site may show."""


@dataclass(frozen=True)
class Gaps:
    missing: tuple[str, ...] = ()
    """Labels of the facts the page lacks."""
    mistakes: tuple[int, ...] = ()
    empty: bool = False


@dataclass
class CharterView:
    source: CharterSource
    slug: str
    """The charter's folder on the site."""
    labels: dict[str, Any]
    today: dt.date
    use_directory_urls: bool = True
    here: str = ""
    """The page being rendered (its path in the site), for relative links."""
    alone: bool = False
    """The site's only charter: its overview is the site's home page (``index.md``)."""
    _network_ids: tuple[str, ...] = field(default=(), repr=False)

    def __post_init__(self) -> None:
        self.fmt = Formatter(self.labels)
        self._network_ids = tuple(n.id for n in self.charter.networks)

    @property
    def charter(self) -> Charter:
        return self.source.charter

    @property
    def audit(self) -> AuditReport | None:
        return self.source.audit

    # --- links -----------------------------------------------------------------------------

    def src(self, page: str, network: str = "") -> str:
        """Path in the site of a page of this charter (by page key)."""
        if page == "network":
            return f"{self.slug}/networks/{network}.md"
        if page == "overview" and self.alone:
            return "index.md"
        spec = next(p for p in PAGES if p.key == page)
        return f"{self.slug}/{spec.file}"

    # Links are built from the site slug (made safe) and ids the schema restricts to
    # [a-z0-9-], so they are Markup: escaping would break the '#' of an anchor.

    def url(self, page: str, network: str = "", anchor: str = "") -> Markup:
        return Markup(relative_url(self.here, self.src(page, network), self.use_directory_urls,
                                   _anchor(anchor)))

    def md(self, page: str, network: str = "", anchor: str = "") -> Markup:
        """Markdown link target (a relative ``.md`` path that MkDocs checks and rewrites)."""
        target = posixpath.relpath(self.src(page, network), posixpath.dirname(self.here) or ".")
        return Markup(target + (f"#{_anchor(anchor)}" if anchor else ""))

    @property
    def public(self) -> bool:
        return self.source.public

    def pages(self) -> tuple[PageSpec, ...]:
        """The charter's pages, in navigation order; a public site keeps fewer."""
        if not self.public:
            return PAGES
        from chartergen.public import published_pages

        kept = published_pages(self.charter)
        return tuple(spec for spec in PAGES if spec.key in kept)

    def file_url(self, src: str) -> Markup:
        """Link from the page being rendered to a file of the site (a calendar)."""
        here = page_url(self.here, self.use_directory_urls)
        base = here if here.endswith("/") or not here else posixpath.dirname(here)
        return Markup(posixpath.relpath(src, base or "."))

    def home_url(self) -> Markup:
        return Markup(relative_url(self.here, "index.md", self.use_directory_urls))

    def field_url(self, field_path: tuple[Any, ...]) -> Markup:
        """Link to the page that shows the fact at ``field_path``."""
        page, network = page_for(tuple(field_path), self._network_ids)
        return self.url(page, network)

    # --- lookups ---------------------------------------------------------------------------

    def role(self, role_id: str) -> str:
        """A role as readers know it: "Title – Holder", written the same way as a role told
        apart from another of the same title (:meth:`role_title`) and in the audit's reasons
        (``Charter.role_label``); an unknown id is shown as written."""
        if not role_id:
            return ""
        role = self.charter.role(role_id)
        if role is None:
            return role_id
        if not role.holder:
            return role.title
        return f"{role.title} – {role.holder}"

    def role_title(self, role: Any) -> str:
        """A role's title, with its holder when another role bears the same title."""
        same = [r for r in self.charter.team.roles if r.title == role.title]
        if len(same) > 1 and role.holder:
            return f"{role.title} – {role.holder}"
        return str(role.title)

    def roles(self, role_ids: tuple[str, ...]) -> list[str]:
        return [self.role(r) for r in role_ids]

    def network_label(self, network: Network) -> str:
        if network.platform == "other" or not network.platform:
            return network.name or str(self.labels["enums"]["platform"]["other"])
        platform = self.fmt.enum("platform", network.platform)
        return f"{platform} ({network.name})" if network.name else platform

    def network(self, network_id: str) -> str:
        network = self.charter.network(network_id)
        return self.network_label(network) if network else network_id

    def audience(self, audience_id: str) -> str:
        audience = self.charter.audience(audience_id)
        return audience.name if audience else audience_id

    def objective(self, objective_id: str) -> str:
        objective = self.charter.objective(objective_id)
        return objective.statement if objective else objective_id

    def pillar(self, pillar_id: str) -> str:
        pillar = self.charter.pillar(pillar_id)
        return pillar.name if pillar else pillar_id

    def contact(self, contact_id: str) -> str:
        contact = self.charter.contact(contact_id)
        if contact is None:
            return contact_id
        if not contact.role or _same_words(contact.role, contact.name):
            return contact.name
        return f"{contact.name} ({contact.role})"

    def first_calls(self, limit: int = 3) -> list[tuple[Any, Any]]:
        """Who to call first in a crisis, as (contact, escalation step or None) pairs.

        The escalation path's contacts in its order (each once); without one, the
        crisis contacts as listed.
        """
        crisis = self.charter.crisis
        calls: list[tuple[Any, Any]] = []
        seen: set[str] = set()
        for step in crisis.escalation:
            contact = self.charter.contact(step.contact) if step.contact else None
            if contact is not None and contact.id not in seen:
                seen.add(contact.id)
                calls.append((contact, step))
        if not calls:
            calls = [(contact, None) for contact in crisis.contacts]
        return calls[:limit]

    def level(self, level_id: str) -> str:
        level = self.charter.level(level_id)
        return level.name if level else level_id

    @staticmethod
    def level_rank(index: int, count: int) -> int:
        """Colour step 1 to 3 of the ``index``-th of ``count`` severity levels (listed least
        to most severe): the most severe is always 3, the least 1 when there are two or more."""
        if count <= 1:
            return 3
        return 1 + int(2 * (index - 1) / (count - 1) + 0.5)

    def statement(self, statement_id: str) -> str:
        statement = self.charter.statement(statement_id)
        return statement.scenario if statement else statement_id

    def listed(self, place: str, owner: Any) -> list[tuple[str, str]]:
        """The facts table's rows for the fields the schema marks ``listed`` at ``place``
        (``networks`` for a network, ``content.hub``...), of ``owner`` (the entry or the
        section's typed object): each field's label and its value as the page writes it."""
        group = self.labels[listed_label(place)]
        return [(str(group[name]), self.written(rule, getattr(owner, name)))
                for name, rule in listed(place)]

    def written(self, rule: dict[str, Any], value: Any) -> str:
        """A listed field's value as a page writes it, by the field's type; "" leaves the row
        out, and a yes/no left out reads "Not stated" (never "No")."""
        kind, meta = rule.get("type"), rule.get("meta", {})
        if kind == "boolean":
            return self.fmt.yes_no(value)
        if kind == "list" and rule["schema"].get("type") != "dict":
            items = tuple(value or ())
            if meta.get("ref") == "role":
                return self.fmt.join(self.roles(items))
            if meta.get("labels"):
                return self.fmt.join([self.fmt.enum(meta["labels"][0], v) for v in items])
            if meta.get("ref"):
                raise TypeError(f"a page cannot list ids of {meta['ref']!r} ({meta.get('help')})")
            return self.fmt.join(items)
        if meta.get("ref") == "role":
            return self.role(value or "")
        if meta.get("labels"):
            return self.fmt.enum(meta["labels"][0], value or "")
        writers = {"integer": self.fmt.number, "number": self.fmt.number,
                   "duration": self.fmt.duration, "percent": self.fmt.percent,
                   "money": self.fmt.money, "date": self.fmt.date, "month": self.fmt.date}
        if kind in writers:
            return writers[kind](value) if value is not None else ""
        if kind in ("string", ["string", "number"]) and not meta.get("markdown") and (
                not meta.get("ref")):
            return str(value or "")
        raise TypeError(f"a page cannot list a field of type {kind!r} ({meta.get('help')})")

    def audience_names(self, ids: tuple[str, ...]) -> list[str]:
        return [self.audience(i) for i in ids]

    def objective_names(self, ids: tuple[str, ...]) -> list[str]:
        return [self.objective(i) for i in ids]

    def network_names(self, ids: tuple[str, ...]) -> list[str]:
        return [self.network(i) for i in ids]

    def platforms(self, keys: tuple[str, ...]) -> list[str]:
        """Platform names in the charter's language (the schema's help is English only)."""
        other = str(self.labels["enums"]["platform"]["other"])
        return [other if k == "other" else self.fmt.enum("platform", k) for k in keys]

    def cadence(self, entry: Network | Pillar) -> str:
        """How often a network, or a pillar counted in posts, is published."""
        if entry.cadence is None:
            return ""
        per = entry.cadence.per
        if entry.cadence.posts == 1:
            return str(self.labels["enums"]["cadence_per_one"].get(per, per))
        template = self.labels["enums"]["cadence_per"].get(per, "{n}")
        return str(template).format(n=entry.cadence.posts)

    def months(self, keys: tuple[str, ...]) -> list[str]:
        """Month names in the charter's language, in the order written (a break may run
        from December to January)."""
        return [self.fmt.enum("month", k) for k in keys]

    def trained(self, role: Role) -> list[str]:
        """The training a role's holder has followed, each with when ("March 2026")."""
        return [str(self.labels["roles"]["trained_on"]).format(
                    course=t.course, when=self.fmt.date(t.when)) if t.when else t.course
                for t in role.trained]

    def overdue(self) -> bool:
        review = self.charter.document.next_review
        return review is not None and review < self.today

    # --- derived tables --------------------------------------------------------------------

    def slots_by_day(self, network_id: str = "") -> list[tuple[str, list[Any]]]:
        """The weekly calendar: (day, slots sorted by time); weekends only when used."""
        slots = [s for s in self.charter.content.calendar.slots
                 if not network_id or s.network == network_id]
        days = []
        for day in WEEK:
            day_slots = sorted((s for s in slots if s.day == day), key=lambda s: s.time)
            if day_slots or day not in ("saturday", "sunday"):
                days.append((day, day_slots))
        return days

    def pillars_on(self, network_id: str) -> list[Any]:
        return [p for p in self.charter.content.pillars if network_id in p.networks]

    def network_marks(self) -> list[tuple[Any, list[str]]]:
        """For each role, its mark per network: owner, backup or nothing."""
        marks = self.labels["roles"]
        rows = []
        for role in self.charter.team.roles:
            cells = []
            for network in self.charter.networks:
                if network.owner == role.id:
                    cells.append(str(marks["owner_mark"]))
                elif network.backup == role.id:
                    cells.append(str(marks["backup_mark"]))
                else:
                    cells.append("")
            rows.append((role, cells))
        return rows

    def duty_columns(self) -> list[tuple[str, set[str]]]:
        """Responsibilities the charter assigns by role id, as (label key, role ids): the
        role references the schema marks with a ``duty``."""
        from chartergen.model import part

        known = {r.id for r in self.charter.team.roles}
        columns = []
        for key, wheres in _DUTY_PLACES.items():
            ids: set[str] = set()
            for where in wheres:
                value = part(self.charter, where)
                ids |= set(value) if isinstance(value, tuple) else {value}
            if ids & known:
                columns.append((f"r_{key}", ids & known))
        return columns

    def kpis(self) -> list[tuple[Any, Any]]:
        return [(o, k) for o in self.charter.objectives for k in o.kpis]

    # --- audit ---------------------------------------------------------------------------

    @staticmethod
    def score_status(score: int) -> str:
        return "pass" if score >= 80 else "warn" if score >= 50 else "fail"

    def score_chart(self) -> dict[str, Any]:
        """Geometry of the nine-bar chart on the overview (drawn by ``_score.md.j2``)."""
        from chartergen.i18n import mistake_titles

        label_width, bar_width, row = 260, 220, 26
        titles = mistake_titles(self.charter.language)
        mistakes = self.audit.mistakes if self.audit else ()
        bars = [
            {"number": m.number, "title": titles.get(m.number, m.title), "score": m.score,
             "completeness": m.completeness,
             "status": str(m.status), "y": i * row,
             "width": round(bar_width * max(0, min(100, m.score)) / 100, 1)}
            for i, m in enumerate(mistakes)
        ]
        return {"width": label_width + bar_width + 40, "height": len(bars) * row + 4,
                "label_width": label_width, "bar_width": bar_width, "bars": bars}

    # --- gaps ------------------------------------------------------------------------------

    def gaps(self, page: str, network: Network | None = None) -> Gaps:
        """What the page lacks. None on a public site: there a gap may only be a part
        left out on purpose, and the gaps are the editors' business anyway."""
        if self.public:
            return Gaps()

        facts = facts_on(page)
        missing = [f for f in facts if not f.present(self.charter, network)]
        mistakes = sorted({m for f in missing for m in f.mistakes})
        return Gaps(
            missing=tuple(str(self.labels["facts"][f.key]) for f in missing),
            mistakes=tuple(mistakes),
            empty=bool(facts) and len(missing) == len(facts) and page != "network",
        )
