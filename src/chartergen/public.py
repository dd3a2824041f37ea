"""The public version of a charter: what a company would publish on its website.

:func:`publish` is a pure function from the typed charter to another: every
engine (the MkDocs plugin, ``chartergen render``) renders the result like any
charter, so what a public build leaves out is decided here and only here.

Left out of every public charter:

* personal data: crisis contacts, role holders' names, emails and phone numbers,
  who approved the charter, who wrote each version, who confirmed the reviews. A
  text that still shows one of them, in any form, is not rewritten: the public
  build fails on it (:mod:`chartergen.leaks`). Any other email address or phone
  number in a text (found by pattern) is replaced by "(not published)";
* internal matters: the budget, the notes, the register of official accounts
  (admin roles, recovery mailboxes, two-factor status: a map for an attacker),
  the document's own classification;
* a crisis in progress (``crisis.current``), unless it says ``public: true``; its note
  always;
* every place the charter lists under ``internal`` (:mod:`chartergen.schema.internal`);
* what a network or pillar left out owns (:data:`OWNING_KINDS`), and references
  left pointing at an entry that was left out.

:func:`published_pages` says which pages a public site keeps: not the audit's
checklist nor "propose a change" (about the editing process), and not a page
left with nothing to show.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Mapping
from typing import Any

from chartergen.model import Charter, CurrentCrisis, is_blank, part
from chartergen.schema.charter import SCHEMA
from chartergen.schema.crossref import declaring_paths
from chartergen.schema.fields import Rule, flattened, marked, places
from chartergen.schema.internal import Step, resolve

INTERNAL_PAGES = ("checklist", "propose")
"""Pages about the charter's upkeep (the audit, the editing process), never published."""

ALWAYS_WITHHELD = marked(SCHEMA, "public", "withheld")
"""Places left out of every public charter, listed in its ``internal`` or not (the fields the
schema declares ``withheld``)."""


def _page_content() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for place, rule in places(SCHEMA):
        meta = rule.get("meta", {})
        for page in (meta.get("page"), *meta.get("also_on", ())):
            if page and page not in INTERNAL_PAGES:
                found.setdefault(page, []).append(".".join(place))
    return {page: tuple(parts) for page, parts in found.items()}


PAGE_CONTENT = _page_content()
"""The parts of the charter each page shows (the schema's ``page`` and ``also_on``): a public
site drops a page whose parts are all empty (the overview always stays)."""

_FLATTENED = flattened(SCHEMA)
"""Sections of the schema that the model flattens into fields of their parent."""

_DECLARED = declaring_paths()

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
_MAILTO_LINK = re.compile(r"\[([^\]\n]*)\]\(\s*mailto:[^)\s]*\s*\)", re.IGNORECASE)
_PHONE_CANDIDATE = re.compile(r"(?<![\w+])\+?\(?\d[\d \t().\-/\u00a0\u202f]{5,24}\d(?!\w)")
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}")


def publish(charter: Charter) -> Charter:
    """The charter as it may be published: see the module's description."""
    return scrub(withhold(charter))


def withhold(charter: Charter) -> Charter:
    """``charter`` with every place a public build leaves out left out, its texts as
    written: what :func:`chartergen.leaks.check_charter` searches for personal values
    before :func:`scrub` could hide one of them."""
    ids = _declared_ids(charter)
    places = [resolve(place, ids) for place in (*ALWAYS_WITHHELD, *charter.internal)]
    public = charter
    for steps in places:
        public = _clear(public, steps, ())
    if not public.crisis.current.public:  # a crisis is published only when the charter says so
        public = dataclasses.replace(public, crisis=dataclasses.replace(
            public.crisis, current=CurrentCrisis()))
    public = _walk(public, SCHEMA, (), keep=_owners_declared(_declared_ids(public)))
    public = _walk(public, SCHEMA, (), _dangling_refs(_declared_ids(public)))
    return dataclasses.replace(public, internal=())


def scrub(charter: Charter) -> Charter:
    """``charter`` with the email addresses and phone numbers its texts still hold (found
    by their shape) replaced by "(not published)".

    A person's name, email address or phone number that the charter declares never gets
    here: the public build fails on it first (:mod:`chartergen.leaks`). What is left is an
    address or number that the charter gives as nobody's; it may still be someone's.
    Names are never rewritten (a holder called "Will" would change "we will").
    """
    withheld = _withheld_label(charter.language)
    return _walk(charter, SCHEMA, (), lambda rule, value: _scrub(rule, value, withheld))


def published_pages(charter: Charter) -> tuple[str, ...]:
    """Keys of the pages a public site shows for ``charter`` (already published)."""
    return tuple(
        key for key, parts in PAGE_CONTENT.items()
        if key == "overview" or any(not is_blank(part(charter, where)) for where in parts)
    )


def scrub_text(text: str, withheld: str) -> str:
    """``text`` without email addresses or phone numbers (found by pattern)."""
    if not text:
        return text
    text = _MAILTO_LINK.sub(r"\1", text)
    text = EMAIL.sub(withheld, text)
    return _PHONE_CANDIDATE.sub(lambda m: withheld if _is_phone(m.group()) else m.group(),
                                text)


def _is_phone(candidate: str) -> bool:
    """Whether digits found in text are a phone number rather than a date, year or amount."""
    digits = sum(char.isdigit() for char in candidate)
    if not 8 <= digits <= 15 or _DATE_LIKE.fullmatch(candidate.strip()):
        return False
    if candidate.startswith(("+", "(", "0")):
        return True
    groups = re.findall(r"\d+", candidate)
    return digits >= 9 and len(groups) >= 3


# --- leaving places out --------------------------------------------------------------------


def _clear(obj: Any, steps: tuple[Step, ...], where: tuple[str, ...]) -> Any:
    """``obj`` with the place ``steps`` (below ``where`` in the schema) emptied."""
    step, rest = steps[0], steps[1:]
    flat = _FLATTENED.get((*where, step.name))
    if flat is not None:
        names = [flat[rest[0].name]] if rest else list(flat.values())
        return dataclasses.replace(obj, **{name: _empty(obj, name) for name in names})
    name = step.name
    value = getattr(obj, name)
    if not rest:
        return dataclasses.replace(obj, **{name: _empty(obj, name)})
    if value is None:  # an optional section left out of the file
        return obj
    here = (*where, name)
    if isinstance(value, tuple):  # a list of entries: one by id, or a field of each
        entry = rest[0]
        if entry.is_id and len(rest) == 1:
            kept = tuple(item for item in value if getattr(item, "id", None) != entry.name)
        elif entry.is_id:
            kept = tuple(_clear(item, rest[1:], here) if item.id == entry.name else item
                         for item in value)
        else:
            kept = tuple(_clear(item, rest, here) for item in value)
        return dataclasses.replace(obj, **{name: kept})
    return dataclasses.replace(obj, **{name: _clear(value, rest, here)})


def _empty(obj: Any, name: str) -> Any:
    """The value a field has when the charter leaves it out."""
    spec = {f.name: f for f in dataclasses.fields(obj)}[name]
    if spec.default is not dataclasses.MISSING:
        return spec.default
    if spec.default_factory is not dataclasses.MISSING:
        return spec.default_factory()
    current = getattr(obj, name)
    return "" if isinstance(current, str) else () if isinstance(current, tuple) else None


def _walk(obj: Any, rules: Mapping[str, Rule], where: tuple[str, ...],
          change: Callable[[Rule, Any], Any] | None = None,
          keep: Callable[[Mapping[str, Rule], Any], bool] | None = None) -> Any:
    """``obj`` rebuilt along the schema: ``change(rule, value)`` applied to every value the
    schema describes, and only the list entries that ``keep(entry_rules, entry)`` keeps."""
    changes: dict[str, Any] = {}
    for name, rule in rules.items():
        here = (*where, name)
        flat = _FLATTENED.get(here)
        if flat is not None:
            for field, attribute in (flat.items() if change else ()):
                changes[attribute] = change(rule["schema"][field], getattr(obj, attribute))
            continue
        if not hasattr(obj, name):
            continue
        value = getattr(obj, name)
        kind = rule.get("type")
        item = rule.get("schema", {})
        if kind == "dict" and value is not None:
            changes[name] = _walk(value, rule["schema"], here, change, keep)
        elif kind == "list" and item.get("type") == "dict":
            changes[name] = tuple(_walk(entry, item["schema"], here, change, keep)
                                  for entry in value
                                  if keep is None or keep(item["schema"], entry))
        elif kind != "dict" and change is not None:
            changes[name] = change(rule, value)
    return dataclasses.replace(obj, **changes) if changes else obj


def _declared_ids(charter: Charter) -> dict[str, set[str]]:
    return {kind: {entry.id for entry in part(charter, where)}
            for kind, where in _DECLARED.items()}


OWNING_KINDS = ("network", "pillar")
"""An entry that names one of these belongs to it: when the network or pillar is left out
(listed as internal), so is the entry (an exit plan, a calendar slot), rather than being
shown for "all networks" or with no pillar."""


def _owners_declared(ids: Mapping[str, set[str]]) -> Callable[[Mapping[str, Rule], Any], bool]:
    """Keeps an entry unless the network or pillar it names was left out."""

    def keep(rules: Mapping[str, Rule], entry: Any) -> bool:
        return not any(
            getattr(entry, field, "") and getattr(entry, field) not in ids[sub["meta"]["ref"]]
            for field, sub in rules.items()
            if sub.get("type") == "string" and sub.get("meta", {}).get("ref") in OWNING_KINDS)

    return keep


def _dangling_refs(ids: Mapping[str, set[str]]) -> Callable[[Rule, Any], Any]:
    """A change that drops references to ids no longer declared (entries left out)."""

    def change(rule: Rule, value: Any) -> Any:
        kind = rule.get("meta", {}).get("ref")
        if not kind:
            return value
        if isinstance(value, tuple):
            return tuple(v for v in value if v in ids[kind])
        return value if value in ids[kind] or not value else ""

    return change


def _scrub(rule: Rule, value: Any, withheld: str) -> Any:
    meta = rule.get("meta", {})
    kind = rule.get("type")
    if meta.get("id") or meta.get("ref") or "allowed" in rule:
        return value
    if kind in ("email", "phone"):
        return "" if isinstance(value, str) else value
    if kind == "url" and isinstance(value, str):
        return "" if value.strip().lower().startswith("mailto:") else value
    if kind == "list" and isinstance(value, tuple):
        if "allowed" in rule.get("schema", {}):
            return value
        return tuple(scrub_text(v, withheld) for v in value)
    if isinstance(value, str) and kind in ("string", ["string", "number"]):
        return scrub_text(value, withheld)
    return value


def _withheld_label(language: str) -> str:
    from chartergen.i18n import LANGUAGES, label

    return label(language if language in LANGUAGES else "en", "site.public.withheld")
