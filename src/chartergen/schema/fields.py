"""Small constructors for the cerberus schema, each carrying its field's help text.

Every field of the charter format is declared through one of these helpers, so
every field has help text (in ``meta["help"]``), which the reference page, the
JSON Schema for editors and the error messages all read. Custom value types
(``duration``, ``date``, ``percent``, ``money``, ``url``, ``email``, ``phone``,
``time``) are checked by the parsers in :mod:`chartergen.schema.types`.

Nearly every field may be left empty (``nullable``): a charter in progress must
validate; the audit, not the schema, says what is missing.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

Rule = dict[str, Any]

ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$"
"""Ids are lowercase words joined by hyphens: safe in links, file names and URLs."""

def _field(rule: Rule, help: str, required: bool, **meta: Any) -> Rule:
    rule = dict(rule)
    rule["meta"] = {"help": help, **meta}
    if required:
        rule["required"] = True
        rule.setdefault("nullable", False)
    else:
        rule.setdefault("nullable", True)
    return rule


def text(help: str, *, required: bool = False, example: str | None = None) -> Rule:
    """One line or paragraph of plain text. Numbers are accepted and read as text."""
    return _field({"type": ["string", "number"]}, help, required, example=example)


def markdown(help: str, *, example: str | None = None) -> Rule:
    """Free text that may use a small Markdown subset: emphasis, links, lists."""
    return _field({"type": "string"}, help, False, markdown=True, example=example)


def texts(help: str, *, example: list[str] | None = None) -> Rule:
    """A list of short texts."""
    return _field(
        {"type": "list", "schema": {"type": ["string", "number"]}}, help, False, example=example
    )


def number(help: str, *, min: float | None = None, max: float | None = None) -> Rule:
    rule: Rule = {"type": "number"}
    if min is not None:
        rule["min"] = min
    if max is not None:
        rule["max"] = max
    return _field(rule, help, False)


def integer(help: str, *, min: int | None = None, max: int | None = None,
            example: int | None = None) -> Rule:
    rule: Rule = {"type": "integer"}
    if min is not None:
        rule["min"] = min
    if max is not None:
        rule["max"] = max
    return _field(rule, help, False, **_optional(example=example))


def flag(help: str, *, example: bool | None = None) -> Rule:
    """true or false."""
    return _field({"type": "boolean"}, help, False,
                  **({} if example is None else {"example": example}))


def choice(help: str, options: dict[str, str], *, required: bool = False,
           labels: tuple[str, ...] = ()) -> Rule:
    """One of a closed list of values; ``options`` maps each value to its meaning, and
    ``labels`` names the groups of the site's catalogues (``enums.<group>``) that say each
    value to a reader, in every language."""
    return _field({"type": "string", "allowed": list(options)}, help, required, options=options,
                  **_optional(labels=labels))


def choices(help: str, options: dict[str, str], *, labels: tuple[str, ...] = (),
            required: bool = False, example: list[str] | None = None) -> Rule:
    return _field(
        {"type": "list", "schema": {"type": "string", "allowed": list(options)}},
        help, required, options=options, **_optional(labels=labels, example=example),
    )


def typed(kind: str, help: str, *, required: bool = False, example: str | None = None) -> Rule:
    """A value of one of the custom types (duration, date, percent, money, url, ...)."""
    return _field({"type": kind}, help, required, example=example)


def ident(help: str = "Short id other fields use to refer to this entry (lowercase, digits, "
                      "hyphens), e.g. head-of-comms.") -> Rule:
    return _field(
        {"type": "string", "regex": ID_PATTERN, "empty": False}, help, True, id=True
    )


def ref(kind: str, help: str) -> Rule:
    """The id of an entry declared elsewhere in the charter (checked after the schema): of
    the kind one list ``declares``."""
    return _field({"type": "string"}, help, False, ref=kind)


def refs(kind: str, help: str) -> Rule:
    return _field({"type": "list", "schema": {"type": "string"}}, help, False, ref=kind)


def section(help: str, fields: dict[str, Rule], *, required: bool = False,
            flatten: str | None = None, model: str | None = None, page: str | None = None,
            also_on: tuple[str, ...] = (), example: dict[str, Any] | None = None) -> Rule:
    """A mapping of named fields.

    ``model`` names the typed object's class (by default the field's name in CamelCase:
    ``reply_targets`` is ``ReplyTargets``). ``flatten`` lifts the fields into the parent's
    typed object instead, each named by the pattern (``"vocabulary_{}"``: ``vocabulary.use``
    is ``Voice.vocabulary_use``), for a small section that reads better as plain attributes.
    ``page`` and ``also_on``: see below.
    """
    return _field({"type": "dict", "schema": fields}, help, required,
                  **_optional(flatten=flatten, model=model, page=page, also_on=also_on,
                              example=example))


def entries(help: str, fields: dict[str, Rule], *, model: str, declares: str | None = None,
            plural: str | None = None, located: bool = False, page: str | None = None,
            also_on: tuple[str, ...] = (), example: list[dict[str, Any]] | None = None) -> Rule:
    """A list of mappings, each read as one object of the class ``model``; ``declares`` names
    the id kind the list defines, if any (the one place a kind of id is written down), and
    ``plural`` how messages name its entries (a :class:`~chartergen.messages.Msg`: "crisis
    levels"); ``located`` keeps each entry's place in the file (its ``path``), for the
    entries a reader or an audit rule may point at."""
    assert (declares is None) == (plural is None), "a list that declares ids names them"
    return _field(
        {"type": "list", "schema": {"type": "dict", "schema": fields}},
        help, False, declares=declares, model=model,
        **_optional(plural=plural, located=located, page=page, also_on=also_on,
                    example=example),
    )


def _optional(**meta: Any) -> dict[str, Any]:
    return {key: value for key, value in meta.items() if value}


# --- what the consumers of the schema read besides validation ---------------------------------
#
# Each field's ``meta`` holds, besides its help text:
#   declares / ref / id  the kind of id a list declares or a field refers to (entries, ref, refs)
#   public: "withheld"   left out of every public build (withheld)
#   diff: True           diff shows the field's old and new value, or for a list of entries,
#                        matches them by id and lists those added, removed and changed (shown)
#   page / also_on       the charter page that shows a section or list, and other pages that
#                        list it (section, entries); a field without one is on its parent's page
#   labels               the catalogue groups that label a closed list's values (choice)
#   flatten              the typed object's attribute names for a sub-section's fields (section)
#   model / located      the typed object's class, and whether each entry keeps its path
#                        (section, entries; chartergen.model.generate writes the classes)
#   facts                the facts a reader expects on the field's page, each with the
#                        mistakes its absence leaves open (expected; chartergen.render.pages)
#   duty                 the column of the roles page's duty table a role reference fills (duty)
#   listed               a row of the facts table of its entry's or section's page, labelled
#                        ``<page>.<field>`` and written as its type says (listed)
#   guards               the mistakes a top-level section guards against (guards; init)


def withheld(rule: Rule) -> Rule:
    """``rule`` for a field the public build always leaves out, listed in ``internal`` or not."""
    return _marked(rule, public="withheld")


def shown(rule: Rule) -> Rule:
    """``rule`` for a field whose change ``chartergen diff`` spells out (see above)."""
    return _marked(rule, diff=True)


def expected(rule: Rule, *mistakes: int, fact: str = "", of: tuple[str, ...] = (),
             every: bool = False, differs_from: str = "") -> Rule:
    """``rule`` for a fact readers expect on the field's page (see ``facts`` above): when it
    is missing, the page says so and names the ``mistakes`` (of the nine) the gap leaves open.

    ``fact`` is its key (labels ``facts.<key>``; by default the field's name); ``of``, for a
    section, the fields of which one is enough; ``every``, for a field of a list's entries,
    that the list must hold entries and each must have it; ``differs_from``, a fact that
    fails when the field is the same as that field of its entry (a backup who is the owner).
    """
    fact_ = {"key": fact, "mistakes": mistakes, **_optional(
        of=of, every=every, differs_from=differs_from)}
    return _marked(rule, facts=(*rule.get("meta", {}).get("facts", ()), fact_))


def duty(rule: Rule, key: str) -> Rule:
    """``rule`` for a role reference that gives the role a duty of the roles page's table
    (``roles.r_<key>`` labels its column)."""
    return _marked(rule, duty=key)


def listed(rule: Rule) -> Rule:
    """``rule`` for a field its page shows as a row of its facts table, after the rows the
    page's template writes itself: its label is ``<page>.<field>`` in the site's catalogues,
    and its value is written as its type says (a yes/no field left out reads "Not stated")."""
    return _marked(rule, listed=True)


def guards(rule: Rule, *mistakes: int) -> Rule:
    """``rule`` for a top-level section, with the mistakes (of the nine) it guards against,
    which ``init``'s starter charter names above it."""
    return _marked(rule, guards=mistakes)


def _marked(rule: Rule, **meta: Any) -> Rule:
    return {**rule, "meta": {**rule.get("meta", {}), **meta}}


def places(rules: Mapping[str, Rule], path: tuple[str, ...] = ()
           ) -> Iterator[tuple[tuple[str, ...], Rule]]:
    """Every field below ``rules``, with its place (its names from the top; lists add none),
    parents before their fields, in schema order."""
    for name, rule in rules.items():
        here = (*path, name)
        yield here, rule
        if rule.get("type") == "dict":
            yield from places(rule["schema"], here)
        elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
            yield from places(rule["schema"]["schema"], here)


def marked(rules: Mapping[str, Rule], key: str, value: Any = True) -> tuple[str, ...]:
    """Dotted places of the fields whose ``meta[key]`` is ``value``, in schema order."""
    return tuple(".".join(place) for place, rule in places(rules)
                 if rule.get("meta", {}).get(key) == value)


def attributes(rules: Mapping[str, Rule]) -> dict[str, tuple[str, ...]]:
    """The typed object's attribute for each field of a section, with the field's place
    below the section: one name, or two for a field of a flattened sub-section."""
    found: dict[str, tuple[str, ...]] = {}
    for name, rule in rules.items():
        pattern = rule.get("meta", {}).get("flatten")
        if pattern:
            found.update({pattern.format(child): (name, child) for child in rule["schema"]})
        else:
            found[name] = (name,)
    return found


def flattened(rules: Mapping[str, Rule]) -> dict[tuple[str, ...], dict[str, str]]:
    """The sub-sections whose fields the typed objects lift into their parent (``flatten``),
    by place: each field's attribute name (``("voice", "vocabulary")``: ``{"use":
    "vocabulary_use", ...}``)."""
    return {place: {child: rule["meta"]["flatten"].format(child) for child in rule["schema"]}
            for place, rule in places(rules) if rule.get("meta", {}).get("flatten")}


def help_of(rule: Rule) -> str:
    return str(rule.get("meta", {}).get("help", ""))
