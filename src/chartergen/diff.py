"""What changed between two versions of a charter, in the terms a reviewer cares about.

A line diff of YAML says that line 212 changed; a reviewer wants to know that the
LinkedIn account is being closed, that the crisis contact's phone number is new,
or that the audit score drops. :func:`compare` works on two typed charters
(:mod:`chartergen.model`) and returns :class:`Change` objects grouped by area:
sections filled in or emptied, networks, roles, crisis contacts and levels,
objectives and KPIs, content pillars, document control. Whatever else differs
is still listed, by field name, under "Other changes", so no change goes unseen.
The audit score before and after comes from :func:`chartergen.audit.run`.

:func:`render_text` and :func:`render_markdown` (for a pull-request comment)
print the result; charter text in Markdown is put in code spans, so it can
never turn into markup or HTML.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from chartergen.messages import Msg, plural, say
from chartergen.model import (
    Charter,
    Contact,
    Kpi,
    Network,
    Objective,
    Pillar,
    Role,
)
from chartergen.schema.charter import PLATFORMS, SCHEMA
from chartergen.schema.fields import flattened, marked, places

if TYPE_CHECKING:
    from chartergen.audit import AuditReport

Kind = Literal["added", "removed", "changed"]
Status = Literal["added", "removed", "changed", "unchanged"]

AREAS = (
    Msg("Company"),
    Msg("Document"),
    Msg("Sections"),
    Msg("Networks"),
    Msg("Roles"),
    Msg("Crisis contacts"),
    Msg("Crisis levels"),
    Msg("Crisis in progress"),
    Msg("Objectives and KPIs"),
    Msg("Audiences"),
    Msg("Content pillars"),
    Msg("Reviews"),
    Msg("Other changes"),
)
"""Headings, in the order they are printed (each is its English name, said in the
charter's language when printed)."""
_AREA_WORDS = {str(area): area for area in AREAS}


@dataclass(frozen=True)
class Change:
    """One change a reviewer should see."""

    area: str
    """Heading it is listed under, one of :data:`AREAS`."""
    kind: Kind
    subject: str
    """What changed: an id (``linkedin``) or a field (``next review``)."""
    detail: str = ""
    """For an addition, a short description; for a change, the field that changed."""
    before: str = ""
    after: str = ""
    item: str = ""
    """A named part of the subject, e.g. the metric of one of an objective's KPIs."""
    item_kind: str = ""
    """What ``item`` is, e.g. ``KPI``."""


@dataclass(frozen=True)
class CheckChange:
    """An audit check whose status differs between the two versions."""

    id: str
    before: str
    after: str
    reason: str
    """Why, as the newer version's audit says it (in the charter's language)."""


@dataclass(frozen=True)
class MistakeChange:
    """One of the nine mistakes whose score or checks differ."""

    number: int
    title: str
    before: int
    after: int
    checks: tuple[CheckChange, ...] = ()


@dataclass(frozen=True)
class CharterDiff:
    """The changes to one charter file."""

    path: str
    name: str
    """The company's name (from the newer side when there is one)."""
    status: Status
    changes: tuple[Change, ...] = ()
    score_before: int | None = None
    score_after: int | None = None
    note: str = ""
    mistakes: tuple[MistakeChange, ...] = ()
    """Where the score moved, mistake by mistake."""


def compare(old: Charter | None, new: Charter | None, *, path: str, today: dt.date,
            note: str = "") -> CharterDiff:
    """The changes from ``old`` to ``new``; either may be missing (a new or removed file)."""
    from chartergen.audit import run

    old_report = run(old, today) if old is not None else None
    new_report = run(new, today) if new is not None else None
    before = old_report.score if old_report is not None else None
    after = new_report.score if new_report is not None else None
    name = new.company.name if new is not None else old.company.name if old else path
    if new is not None and (old is None or old_report is None):
        # a new charter: what it brings (sections, networks, roles, contacts...)
        blank = Charter(slug=new.slug, source_path="", format=new.format, company=new.company)
        added = tuple(c for c in _changes(blank, new) if c.kind == "added")
        return CharterDiff(path, name, "added", added, None, after, note)
    if old is None or new is None or old_report is None or new_report is None:
        return CharterDiff(path, name, "removed", (), before, None, note)
    changes = tuple(_changes(old, new))
    mistakes = tuple(_audit_changes(old_report, new_report))
    status: Status = "changed" if changes or mistakes or before != after else "unchanged"
    return CharterDiff(path, name, status, changes, before, after, note, mistakes)


def _audit_changes(old: AuditReport, new: AuditReport) -> Iterable[MistakeChange]:
    previous = {mistake.number: mistake for mistake in old.mistakes}
    for mistake in new.mistakes:
        earlier = previous.get(mistake.number)
        if earlier is None:
            continue
        statuses = {check.id: check for check in earlier.checks}
        checks = tuple(
            CheckChange(check.id, str(statuses[check.id].status), str(check.status),
                        check.reason)
            for check in mistake.checks
            if check.id in statuses and statuses[check.id].status != check.status
        )
        if checks or earlier.score != mistake.score:
            yield MistakeChange(mistake.number, mistake.title, earlier.score, mistake.score,
                                checks)


def filled_sections(charter: Charter) -> list[str]:
    """Top-level sections of ``charter`` that hold something, in schema order."""
    return [name for name in SCHEMA if name not in ("format", "company")
            and _section(charter, name) != _empty_section(name)]


# -- finding the changes ----------------------------------------------------------------------


def _changes(old: Charter, new: Charter) -> Iterable[Change]:
    yield from _fields("Company", "", old.company, new.company, _shown("company"))
    yield from _fields("Document", "", old.document, new.document, _shown("document"))
    old_filled, new_filled = set(filled_sections(old)), set(filled_sections(new))
    for name in SCHEMA:
        if name in new_filled and name not in old_filled:
            yield Change("Sections", "added", name, Msg("now filled in"))
        elif name in old_filled and name not in new_filled:
            yield Change("Sections", "removed", name, Msg("now empty"))

    yield from _entities("Networks", old.networks, new.networks, _describe_network,
                         _shown("networks"))
    yield from _entities("Roles", old.team.roles, new.team.roles, _describe_role,
                         _shown("team.roles"))
    yield from _entities("Crisis contacts", old.crisis.contacts, new.crisis.contacts,
                         _describe_contact, _shown("crisis.contacts"))
    yield from _entities("Crisis levels", old.crisis.levels, new.crisis.levels,
                         lambda level: level.name, _shown("crisis.levels"))
    yield from _fields("Crisis in progress", "", old.crisis.current, new.crisis.current,
                       _shown("crisis.current"))
    yield from _objectives(old.objectives, new.objectives)
    yield from _entities("Audiences", old.audiences, new.audiences,
                         lambda audience: audience.name, _shown("audiences"))
    yield from _entities("Content pillars", old.content.pillars, new.content.pillars,
                         _describe_pillar, _shown("content.pillars"))
    yield from _fields("Content pillars", "", old.content, new.content, _shown("content"))
    yield from _reviews(old, new)
    yield from _other_changes(old, new)


_MARKED = {tuple(place.split(".")) for place in marked(SCHEMA, "diff")}
"""The places the schema marks ``shown``: the comparisons above spell their changes out."""


def _shown(where: str) -> tuple[str, ...]:
    """The values (not lists of entries) in the section or list at ``where`` marked shown."""
    parent = tuple(where.split("."))
    return tuple(place[-1] for place, rule in places(SCHEMA)
                 if place[:-1] == parent and place in _MARKED
                 and not (rule.get("type") == "list" and rule["schema"].get("type") == "dict"))


_SHOWN = {
    name: {"*"} if (name,) in _MARKED else {place[1] for place in _MARKED
                                            if len(place) == 2 and place[0] == name}
    for name in SCHEMA
}
"""Fields the specific comparisons above report; everything else goes to "Other changes"."""

_YAML_NAMES = {
    (place[0], attribute): ".".join((*place[1:], child))
    for place, names in flattened(SCHEMA).items() if len(place) == 2
    for child, attribute in names.items()
}
"""Attributes of the model that a flattened sub-section's fields become, by their YAML name."""


def _other_changes(old: Charter, new: Charter) -> Iterable[Change]:
    """Every other field that differs, named as in the charter file."""
    for name in SCHEMA:
        if name == "format":
            continue
        shown = _SHOWN.get(name, set())
        if "*" in shown:
            continue
        before, after = _section(old, name), _section(new, name)
        if before == after:
            continue
        if not dataclasses.is_dataclass(before):
            yield Change("Other changes", "changed", name)
            continue
        for item in dataclasses.fields(before):
            if item.name in shown or item.name == "path":
                continue
            was, now = getattr(before, item.name), getattr(after, item.name)
            if was != now:
                label = _YAML_NAMES.get((name, item.name), item.name)
                if _short(was) and _short(now):
                    yield Change("Other changes", "changed", f"{name}.{label}", "",
                                 _show(was, item.name), _show(now, item.name))
                else:
                    yield Change("Other changes", "changed", f"{name}.{label}")


def _fields(area: str, prefix: str, old: Any, new: Any, names: Sequence[str]) -> Iterable[Change]:
    for name in names:
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            yield Change(area, "changed", prefix + name, "",
                         _show(before, name), _show(after, name))


def _entities(area: str, old: Sequence[Any], new: Sequence[Any],
              describe: Callable[[Any], str], notable: Sequence[str],
              skip: Sequence[str] = ()) -> Iterable[Change]:
    """Entries matched by id: added, removed, and the fields that changed in the others."""
    old_by_id = {entry.id: entry for entry in old}
    new_by_id = {entry.id: entry for entry in new}
    for entry in new:
        if entry.id not in old_by_id:
            yield Change(area, "added", entry.id, describe(entry))
    for entry in old:
        if entry.id not in new_by_id:
            yield Change(area, "removed", entry.id, describe(entry))
    for entry in new:
        previous = old_by_id.get(entry.id)
        if previous is None or previous == _moved(entry, previous):
            continue
        others = []
        for item in dataclasses.fields(entry):
            if item.name in ("id", "path", *skip):
                continue
            before, after = getattr(previous, item.name), getattr(entry, item.name)
            if before == after:
                continue
            if item.name in notable:
                yield Change(area, "changed", entry.id, item.name,
                             _show(before, item.name), _show(after, item.name))
            else:
                others.append(item.name)
        if others:
            yield Change(area, "changed", entry.id,
                         Msg("also changed: {names}", names=", ".join(others)))


def _moved(entry: Any, previous: Any) -> Any:
    """``entry`` as if it sat where ``previous`` sat (moving an entry is not a change)."""
    if hasattr(entry, "path"):
        return dataclasses.replace(entry, path=previous.path)
    return entry


def _objectives(old: Sequence[Objective], new: Sequence[Objective]) -> Iterable[Change]:
    yield from _entities("Objectives and KPIs", old, new, lambda o: o.statement,
                         _shown("objectives"), skip=("kpis",))
    old_by_id = {objective.id: objective for objective in old}
    for objective in new:
        previous = old_by_id.get(objective.id)
        if previous is None:
            continue
        yield from _kpis(objective.id, previous.kpis, objective.kpis)


def _kpis(objective: str, old: Sequence[Kpi], new: Sequence[Kpi]) -> Iterable[Change]:
    area = "Objectives and KPIs"
    old_by_metric = {kpi.metric: kpi for kpi in old}
    new_by_metric = {kpi.metric: kpi for kpi in new}
    for kpi in new:
        if kpi.metric not in old_by_metric:
            yield Change(area, "added", objective, item=kpi.metric, item_kind="KPI")
    for kpi in old:
        if kpi.metric not in new_by_metric:
            yield Change(area, "removed", objective, item=kpi.metric, item_kind="KPI")
    for kpi in new:
        previous = old_by_metric.get(kpi.metric)
        if previous is None:
            continue
        for name in _shown("objectives.kpis"):
            before, after = getattr(previous, name), getattr(kpi, name)
            if before != after:
                yield Change(area, "changed", objective, name, _show(before), _show(after),
                             item=kpi.metric, item_kind="KPI")


def _reviews(old: Charter, new: Charter) -> Iterable[Change]:
    seen = set(old.reviews)
    for review in new.reviews:
        if review not in seen:
            items = plural(len(review.items), " ({count} item)", " ({count} items)")
            yield Change("Reviews", "added", review.date.isoformat(),
                         Msg("by {reviewer}{items}", reviewer=review.reviewer,
                             items=items if review.items else ""))


def _describe_network(network: Network) -> str:
    parts = [network.name or PLATFORMS.get(network.platform, network.platform)]
    if network.handle:
        parts.append(network.handle)
    parts.append(network.status or "active")
    return ", ".join(parts)


def _describe_role(role: Role) -> str:
    return role.title + (f", {role.holder}" if role.holder else "")


def _describe_contact(contact: Contact) -> str:
    return contact.name + (f", {contact.role}" if contact.role else "")


def _describe_pillar(pillar: Pillar) -> str:
    share = f", {pillar.share:g}%" if pillar.share is not None else ""
    return Msg("{name}{share}{promotional}", name=pillar.name, share=share,
               promotional=Msg(", promotional") if pillar.promotional else "")


def _section(charter: Charter, name: str) -> Any:
    return getattr(charter, name)


def _empty_section(name: str) -> Any:
    spec = next(f for f in dataclasses.fields(Charter) if f.name == name)
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    return spec.default


def _short(value: Any) -> bool:
    """A single value short enough to show before and after on one line."""
    if isinstance(value, (tuple, list)):
        return False
    if dataclasses.is_dataclass(value) and not hasattr(value, "text"):
        return False
    return len(_show(value)) <= 80


_PERCENT_FIELDS = {place[-1] for place, rule in places(SCHEMA) if rule.get("type") == "percent"}


def _show(value: Any, name: str = "") -> str:
    """A value as a reviewer reads it."""
    if value is None or value == "" or value == ():
        return Msg("(empty)")
    if name in _PERCENT_FIELDS and isinstance(value, (int, float)):
        return f"{value:g}%"
    if isinstance(value, bool):
        return Msg("yes") if value else Msg("no")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return _joined([_show(v) for v in value])
    if type(value).__name__ == "Cadence":
        return Msg("{posts} per {per}", posts=value.posts, per=value.per)
    if dataclasses.is_dataclass(value) and not hasattr(value, "text"):
        shown = [Msg("{name} {value}", name=f.name, value=_show(getattr(value, f.name)))
                 for f in dataclasses.fields(value)
                 if getattr(value, f.name) not in (None, "", ())]
        return _joined(shown) or Msg("(empty)")
    return " ".join(str(value).split())


# -- printing ---------------------------------------------------------------------------------

_MARKS = {"added": "+", "removed": "-", "changed": "~"}
_STATUS_WORDS = {"added": Msg("new charter"), "removed": Msg("charter removed"),
                 "changed": Msg("changed"), "unchanged": Msg("no change")}
_KIND_WORDS = {"added": Msg("added"), "removed": Msg("removed"), "changed": Msg("changed")}


def _joined(parts: Sequence[str]) -> str:
    """``parts`` joined by commas; a message when one of them is (to be said later)."""
    if not any(isinstance(part, Msg) for part in parts):
        return ", ".join(parts)
    return Msg(", ".join(f"{{p{i}}}" for i in range(len(parts))),
               **{f"p{i}": part for i, part in enumerate(parts)})


def render_text(diffs: Sequence[CharterDiff], *, old_label: str, new_label: str,
                language: str = "en") -> str:
    """A plain report, one block per charter that changed, in ``language``."""
    shown = [d for d in diffs if d.status != "unchanged"]
    if not shown:
        return Msg("No charter changed between {old} and {new}.", old=old_label,
                   new=new_label).say(language)
    lines: list[str] = []
    for diff in shown:
        if lines:
            lines.append("")
        lines.append(Msg("{path} ({name}): {status}", path=diff.path, name=diff.name,
                         status=_STATUS_WORDS[diff.status]).say(language))
        if diff.note:
            lines.append("  " + Msg("note: {note}", note=diff.note).say(language))
        score = say(_score(diff, arrow="->", bold=""), language)
        if score:
            lines.append(f"  {score}")
        verdict = _verdict_words(language)
        for mistake in diff.mistakes:
            lines.append("    " + Msg("{number}. {title}: {before} {arrow} {after}",
                                      number=mistake.number, title=mistake.title,
                                      before=mistake.before, arrow="->",
                                      after=mistake.after).say(language))
            lines += ["       " + Msg("{check}: {before} {arrow} {after}: {reason}",
                                     check=check.id, before=verdict(check.before), arrow="->",
                                     after=verdict(check.after),
                                     reason=check.reason).say(language)
                      for check in mistake.checks]
        for area, changes in _grouped(diff.changes):
            lines.append(f"  {say(_AREA_WORDS.get(area, area), language)}")
            lines += [f"    {_MARKS[c.kind]} {_text_change(c, language)}" for c in changes]
    return "\n".join(lines)


def render_markdown(diffs: Sequence[CharterDiff], *, old_label: str, new_label: str,
                    language: str = "en") -> str:
    """For a pull-request comment, in ``language``; charter text is escaped or put in
    code spans."""
    lines = ["## " + Msg("Charter changes: {old} → {new}", old=_code(old_label),
                         new=_code(new_label)).say(language)]
    shown = [d for d in diffs if d.status != "unchanged"]
    if not shown:
        return "\n".join([*lines, "", Msg("No charter changed.").say(language)])
    for diff in shown:
        lines += ["", "### " + Msg("{name}: {status}", name=_escape_md(diff.name),
                                   status=_STATUS_WORDS[diff.status]).say(language),
                  "", Msg("File: {path}", path=_code(diff.path)).say(language)]
        if diff.note:
            lines += ["", f"> {_escape_md(say(diff.note, language))}"]
        score = say(_score(diff, arrow="→", bold="**"), language)
        if score:
            lines += ["", score]
        if diff.mistakes:
            lines.append("")
            verdict = _verdict_words(language)
            for mistake in diff.mistakes:
                lines.append("- " + Msg("{number}. {title}: {before} {arrow} {after}",
                                        number=mistake.number,
                                        title=_escape_md(mistake.title), before=mistake.before,
                                        arrow="→", after=f"**{mistake.after}**").say(language))
                lines += ["  - " + Msg("{check} {before} {arrow} {after}: {reason}",
                                       check=_code(check.id), before=verdict(check.before),
                                       arrow="→", after=f"**{verdict(check.after)}**",
                                       reason=_escape_md(check.reason)).say(language)
                          for check in mistake.checks]
        for area, changes in _grouped(diff.changes):
            lines += ["", f"#### {say(_AREA_WORDS.get(area, area), language)}", ""]
            lines += [f"- {_markdown_change(c, language)}" for c in changes]
    return "\n".join(lines)


def _verdict_words(language: str) -> Callable[[str], str]:
    """A check's status ("warn") in the words ``check`` and the site use ("at risk", "à
    risque"); a status with no such word is shown as it is."""
    from chartergen.i18n import LANGUAGES, catalogue

    words = catalogue(language if language in LANGUAGES else "en")["audit"]["status"]
    return lambda status: str(words.get(status, status))


def _score(diff: CharterDiff, *, arrow: str, bold: str) -> str:
    before, after = diff.score_before, diff.score_after
    if before is None and after is None:
        return ""
    if before is None:
        return Msg("Audit score: {score}/100", score=f"{bold}{after}{bold}")
    if after is None:
        return Msg("Audit score was {score}/100", score=before)
    delta = after - before
    trend = Msg("no change") if not delta else (f"+{delta}" if delta > 0 else str(delta))
    return Msg("Audit score: {before} {arrow} {after}/100 ({trend})", before=before,
               arrow=arrow, after=f"{bold}{after}{bold}", trend=trend)


def _text_change(change: Change, language: str = "en") -> str:
    subject, detail, before, after = _said(change, language, lambda item: f'"{item}"', str)
    if change.kind == "changed" and (before or after):
        field = f" {detail}" if detail else ""
        return Msg("{subject}: {before} {arrow} {after}", subject=f"{subject}{field}",
                   before=before, arrow="->", after=after).say(language)
    return subject + (f" ({detail})" if detail else "")


def _markdown_change(change: Change, language: str = "en") -> str:
    subject, detail, before, after = _said(change, language, _code, _code)
    if change.kind == "changed" and (before or after):
        field = f" {_escape_md(detail)}" if detail else ""
        return Msg("{subject}: {before} {arrow} {after}", subject=f"{subject}{field}",
                   before=_code(before), arrow="→", after=_code(after)).say(language)
    if change.kind == "changed":
        return subject + (Msg(": {detail}", detail=_escape_md(detail)).say(language)
                          if detail else "")
    kind = say(_KIND_WORDS[change.kind], language)
    return f"{kind} {subject}" + (f" ({_code(detail)})" if detail else "")


def _said(change: Change, language: str, item: Callable[[str], str],
          subject: Callable[[str], str]) -> tuple[str, str, str, str]:
    """The change's subject (with its item, e.g. one KPI), detail, before and after, in
    ``language``; ``item`` and ``subject`` quote them for the output."""
    said = subject(change.subject)
    if change.item:
        said += f", {change.item_kind} {item(change.item)}"
    detail, before, after = (say(text, language)
                             for text in (change.detail, change.before, change.after))
    return said, detail, before, after


def _grouped(changes: Sequence[Change]) -> list[tuple[str, list[Change]]]:
    groups: dict[str, list[Change]] = {area: [] for area in AREAS}
    for change in changes:
        groups.setdefault(change.area, []).append(change)
    return [(area, items) for area, items in groups.items() if items]


def _code(text: str) -> str:
    """``text`` as a Markdown code span: shown as typed, never read as markup or HTML."""
    text = " ".join(str(text).split()) or " "
    if len(text) > 120:
        text = text[:117] + "..."
    longest = run = 0
    for char in text:
        run = run + 1 if char == "`" else 0
        longest = max(longest, run)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


_MD_SPECIAL = set("\\`*_[]<>|~&")


def _escape_md(text: str) -> str:
    """Plain text that Markdown shows as typed (backslash before every special character)."""
    return "".join("\\" + c if c in _MD_SPECIAL else c for c in " ".join(text.split()))
