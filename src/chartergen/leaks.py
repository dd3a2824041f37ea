"""The public build's last wall: no personal value may reach a public page, in any form.

:func:`chartergen.public.publish` leaves out every field that holds personal data.
What it does not rewrite is a person named in free text: "call Fiona first", "Ms Marsh",
"F. Marsh", a link to ``/Fiona_Marsh`` or ``https://wa.me/441632960101``, an address
written "fiona at example dot org", or as it is written in the contact's own field.
Rewriting such text cannot be done safely (a holder named "Will" would turn "we will
answer" into nonsense), and a text changed without a word is no fix, so the public
build fails instead, and says which field to fix:

* :func:`personal_values` lists, before publishing, each personal value of a charter
  (names, email addresses, phone numbers) with the place that declares it;
* :func:`check_charter` searches every text of the published charter, before any
  address in it is replaced (:func:`chartergen.public.scrub`), for them and
  their variants (first name, surname, initials, possessive, without accents, joined
  by ``_``, ``-``, ``+``, ``.`` or ``%20`` as in addresses, ``~user``, phone digits with
  or without separators, spelled-out email addresses): each hit is an error located
  at the field that carries it;
* :func:`check_output` searches every file of the built public site (pages, search
  index, sitemap, assets) the same way, so nothing added after the charter's text
  (a template, a theme, a plugin) can publish one either.

A name of one word ("Will", "Team") is matched only where it is used as a name: as
written, capitalised, and not at the start of a sentence when the same word appears
in lower case elsewhere in the text (so it is a common word there).
"""

from __future__ import annotations

import contextlib
import gzip
import html
import json
import os
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chartergen.errors import Diagnostic, FieldPath, Severity, format_field_path
from chartergen.messages import Msg

if TYPE_CHECKING:
    from chartergen.loader import Document
    from chartergen.model import Charter

_HONORIFICS = re.compile(r"^(?:dr|mr|mrs|ms|mx|prof|mme|mlle|m|me|ma[iî]tre)\.?\s+",
                         re.IGNORECASE)
_SEPARATOR = r"[\s_+.\-]+"
"""Between the parts of a name: spaces, and what addresses join them with (%20 is
decoded before searching)."""

_SENTENCE_START = re.compile(r"(?:^|[.!?:;>\"(\[\n]|\|)\s*$")


@dataclass(frozen=True)
class Personal:
    """A personal value of a charter and where the charter declares it."""

    kind: str
    """``name``, ``email`` or ``phone``."""
    value: str
    field_path: FieldPath
    line: int
    col: int
    public_words: frozenset[str] = frozenset()
    """Words of the company's name: public by design, so never matched on their own (a
    family firm's name is often its founder's)."""


@dataclass(frozen=True)
class Hit:
    personal: Personal
    found: str
    """The text found, as it appears."""


def personal_values(charter: Charter, document: Document) -> tuple[Personal, ...]:
    """Every personal value of ``charter`` (before publishing), located in ``document``."""
    found: list[Personal] = []

    def add(kind: str, value: Any, path: FieldPath) -> None:
        if not isinstance(value, str) or not value.strip():
            return
        line, col = document.locate(path)
        found.append(Personal(kind, " ".join(value.split()), path, line, col, company_words))

    company_words = frozenset(re.findall(r"[^\W_]+", _plain(charter.company.name).lower()))
    for number, role in enumerate(charter.team.roles):
        add("name", role.holder, ("team", "roles", number, "holder"))
        add("email", role.email, ("team", "roles", number, "email"))
        add("phone", role.phone, ("team", "roles", number, "phone"))
    for number, contact in enumerate(charter.crisis.contacts):
        add("name", contact.name, ("crisis", "contacts", number, "name"))
        for kind, field in (("email", "email"), ("phone", "phone"), ("phone", "out_of_hours")):
            add(kind, getattr(contact, field, ""), ("crisis", "contacts", number, field))
    add("name", charter.document.approved_by, ("document", "approved_by"))
    for number, revision in enumerate(charter.document.history):
        add("name", revision.author, ("document", "history", number, "author"))
    for number, review in enumerate(charter.reviews):
        add("name", review.reviewer, ("reviews", number, "reviewer"))
    company = _plain(charter.company.name).lower()
    return tuple(p for p in found if p.kind != "name" or _plain(p.value).lower() != company)


def check_charter(public: Charter, document: Document,
                  personal: tuple[Personal, ...]) -> list[Diagnostic]:
    """An error for each text of the published charter that shows a personal value."""
    if not personal:
        return []
    finder = Finder(personal)
    found = []
    for path, text in texts(public, document):
        hits = list(finder.search(text))
        if hits:
            line, col = document.locate(path)
            found.extend(Diagnostic(
                document.path, line, col, Severity.ERROR, _message(hit), path,
                code="public-personal-data") for hit in _telling(hits))
    return found


def _telling(hits: list[Hit]) -> list[Hit]:
    """The hits to report for one text: one per personal value it shows, so that every
    one is fixed in one go; emails and phone numbers first, and a name left out when it
    is only seen inside an address reported already ("fiona.marsh@...")."""
    first: dict[Personal, list[Hit]] = {}
    for hit in hits:
        first.setdefault(hit.personal, []).append(hit)
    addresses = [hit.found.lower() for hit in hits if hit.personal.kind != "name"]
    told = [found[0] for personal, found in first.items()
            if personal.kind != "name"
            or not all(any(hit.found.lower() in a for a in addresses) for hit in found)]
    return sorted(told, key=lambda hit: ("email", "phone", "name").index(hit.personal.kind))


def check_output(folder: Path, personal: Mapping[str, tuple[Personal, ...]],
                 language: str = "en", *, verbatim: Sequence[Path] = ()) -> list[str]:
    """One line per file of the built site ``folder`` that shows a personal value, in
    ``language``; empty when none does. ``personal`` gives each charter file's values.

    ``verbatim`` are the theme folders the site copies files from as they are (Material's,
    chartergen's own): a file of the site identical, byte for byte, to the file at the
    same place in one of them holds nothing of a charter, so it is not searched (Material's
    licence names its author, Martin Donath: a holder named Martin is no leak there)."""
    everyone = tuple(p for values in personal.values() for p in values)
    if not everyone:
        return []
    by_value = {p: path for path, values in personal.items() for p in values}
    finder = Finder(everyone)
    problems = []
    for file in sorted(_files(folder)):
        if _copied_as_is(file, file.relative_to(folder), verbatim):
            continue
        text = _readable(file)
        if text is None:
            continue
        # one-word names and phone digits in the pages themselves (the search index
        # repeats their text, run together; a theme's code is full of words and digits)
        page = file.suffix in (".html", ".xml", ".txt")
        for hit in finder.search(text, one_words=page):
            where = by_value[hit.personal]
            message = _message(hit, file.relative_to(folder).as_posix()).say(language)
            problems.append(f"{where}:{hit.personal.line}:{hit.personal.col}: error: {message}")
            break
    return problems


class Finder:
    """Searches text for personal values and their variants."""

    def __init__(self, personal: tuple[Personal, ...]) -> None:
        self._patterns: list[tuple[re.Pattern[str], Personal, bool]] = []
        self._phones: list[tuple[str, Personal]] = []
        for value in personal:
            if value.kind == "phone":
                digits = re.sub(r"\D", "", value.value)
                if len(digits) >= 8:
                    self._phones.append((digits[-9:], value))
            elif value.kind == "email":
                self._patterns.append((_email_pattern(value.value), value, False))
            else:
                for pattern, one_word in _name_patterns(value.value, value.public_words):
                    self._patterns.append((pattern, value, one_word))

    def search(self, text: str, *, one_words: bool = True) -> Iterator[Hit]:
        """Hits in ``text``; without ``one_words``, names of one word alone are not looked for
        (in a theme's code, "Document" or "Bell" is no person)."""
        plain = _plain(_decoded(text))
        for pattern, personal, one_word in self._patterns:
            if one_word and not one_words:
                continue
            for match in pattern.finditer(plain):
                if one_word and _common_word_at_start(plain, match):
                    continue
                yield Hit(personal, match.group())
                break
        if self._phones and one_words:  # digits in a theme's code are no phone numbers
            runs = [(re.sub(r"\D", "", run.group()), run.group())
                    for run in _DIGIT_RUN.finditer(plain)]
            for significant, personal in self._phones:
                for digits, shown in runs:
                    if significant in digits:
                        yield Hit(personal, shown.strip())
                        break


_DIGIT_RUN = re.compile(r"\d[\d\s().\-/\u00a0\u202f]*\d")


def texts(charter: Charter, document: Document) -> Iterator[tuple[FieldPath, str]]:
    """Every text of ``charter`` with its place in ``document`` (entries matched by id, as
    publishing may have left some out)."""
    from chartergen.schema.charter import SCHEMA
    from chartergen.schema.fields import flattened

    yield from _walk(charter, SCHEMA, (), (), document.data, flattened(SCHEMA))


def _walk(obj: Any, rules: Mapping[str, Any], where: tuple[str, ...], path: FieldPath,
          data: Any, flattened: Mapping[tuple[str, ...], dict[str, str]]
          ) -> Iterator[tuple[FieldPath, str]]:
    for name, rule in rules.items():
        flat = flattened.get((*where, name))
        if flat is not None:
            for field, attribute in flat.items():
                yield from _values(getattr(obj, attribute), (*path, name, field))
            continue
        if not hasattr(obj, name):
            continue
        meta = rule.get("meta", {})
        if meta.get("id") or meta.get("ref") or "allowed" in rule:
            continue  # chosen from a list, not written: never a person's name
        value = getattr(obj, name)
        kind = rule.get("type")
        item = rule.get("schema", {})
        here = (*path, name)
        raw = data.get(name) if isinstance(data, Mapping) else None
        if kind == "dict" and value is not None and not isinstance(value, str):
            yield from _walk(value, rule["schema"], (*where, name), here, raw, flattened)
        elif kind == "list" and item.get("type") == "dict":
            originals = raw if isinstance(raw, list) else []
            ids = [entry.get("id") if isinstance(entry, Mapping) else None
                   for entry in originals]
            for number, entry in enumerate(value):
                ident = getattr(entry, "id", None)
                index = ids.index(ident) if ident is not None and ident in ids else number
                yield from _walk(entry, item["schema"], (*where, name), (*here, index),
                                 originals[index] if index < len(originals) else None,
                                 flattened)
        elif kind != "dict":
            yield from _values(value, here)


def _values(value: Any, path: FieldPath) -> Iterator[tuple[FieldPath, str]]:
    if isinstance(value, str):
        if value:
            yield path, value
    elif isinstance(value, tuple):
        for number, item in enumerate(value):
            if isinstance(item, str) and item:
                yield (*path, number), item


# --- variants --------------------------------------------------------------------------


def _name_patterns(name: str, public_words: frozenset[str] = frozenset()
                   ) -> list[tuple[re.Pattern[str], bool]]:
    """Patterns for a person's name; each says whether it is a one-word match."""
    name = _plain(_HONORIFICS.sub("", name.split(",")[0].strip()))
    # only words of letters are a name's parts ("{{ 7*7 }}" as a holder names nobody)
    parts = re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*(?:-[^\W\d_]+)*", name)
    words = [w for part in parts for w in re.split(r"-", part) if len(w) >= 2]
    found: list[tuple[re.Pattern[str], bool]] = []
    if not words:
        return found
    if len(parts) > 1:
        whole = _SEPARATOR.join(re.escape(part) for part in parts)
        found.append((re.compile(rf"(?<![^\W_]){whole}(?![^\W_])", re.IGNORECASE), False))
        # initials: "F. Marsh", "F Marsh", "F.Marsh"
        initials = re.escape(parts[0][0]) + r"\.?\s*" + re.escape(parts[-1])
        found.append((re.compile(rf"(?<![^\W_]){initials}(?![^\W_])"), False))
    for word in dict.fromkeys(words):
        if len(word) < 3 or word.lower() in public_words:
            continue
        shown = word[0].upper() + word[1:]
        # as a name: capitalised (a possessive or a hyphen may follow); in an address
        # after '~' or '/' in any case
        found.append((re.compile(rf"(?<![^\W_]){re.escape(shown)}(?![^\W_])"), True))
        found.append((re.compile(rf"~{re.escape(word)}(?![^\W_])", re.IGNORECASE), False))
    return found


def _email_pattern(address: str) -> re.Pattern[str]:
    local, _, domain = _plain(address).lower().partition("@")
    at = r"\s*(?:@|\(at\)|\[at\]|\{at\}|\s+at\s+|\s+chez\s+)\s*"
    dot = r"\s*(?:\.|\(dot\)|\[dot\]|\{dot\}|\s+dot\s+|\s+point\s+)\s*"
    domain_pattern = dot.join(re.escape(part) for part in domain.split("."))
    return re.compile(rf"(?<![\w.+-]){re.escape(local)}{at}{domain_pattern}(?![\w-])",
                      re.IGNORECASE)


def _common_word_at_start(text: str, match: re.Match[str]) -> bool:
    """Whether a one-word name matched at a sentence's start, where it may be a common
    word: it is one when the text also has it in lower case."""
    if not _SENTENCE_START.search(text[max(0, match.start() - 80):match.start()]):
        return False
    word = match.group().lower()
    return re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text) is not None


def _plain(text: str) -> str:
    """``text`` without accents ("Élise" -> "Elise"), so that a name matches either way."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _decoded(text: str) -> str:
    """``text`` with HTML references, JSON escapes and URL encoding undone."""
    if "\\u" in text:
        text = re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), text)
    text = html.unescape(text)
    if "%" in text:
        text = urllib.parse.unquote(text)
    return text


def _files(folder: Path) -> Iterator[Path]:
    for current, _folders, names in os.walk(folder):
        for name in names:
            path = Path(current) / name
            if path.is_file() and not path.is_symlink():
                yield path


def _copied_as_is(file: Path, relative: Path, sources: Sequence[Path]) -> bool:
    """Whether ``file`` is the file at ``relative`` in one of ``sources``, unchanged."""
    for source in sources:
        original = source / relative
        if (original.is_file() and original.stat().st_size == file.stat().st_size
                and original.read_bytes() == file.read_bytes()):
            return True
    return False


def _readable(file: Path) -> str | None:
    """A file of the site as text; None for binary files (images, fonts)."""
    data = file.read_bytes()
    if file.suffix == ".gz":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if file.suffix == ".json":
        with contextlib.suppress(ValueError):
            text = json.dumps(json.loads(text), ensure_ascii=False)
    return text


def _message(hit: Hit, file: str = "") -> Msg:
    """What the public site would show, from which field, and how to fix the text."""
    found, field = hit.found, format_field_path(hit.personal.field_path)
    if hit.personal.kind == "email":
        shows = Msg("the public site would show the email address of a person ('{found}', "
                    "from {field})", found=found, field=field)
        hint = Msg("rewrite this text without it (give a shared address instead, one the "
                   "charter does not give as a person's), or list this field under "
                   "'internal' to leave it out of the public site")
    elif hit.personal.kind == "phone":
        shows = Msg("the public site would show the phone number of a person ('{found}', "
                    "from {field})", found=found, field=field)
        hint = Msg("rewrite this text without it (give a shared number instead, such as the "
                   "switchboard, one the charter does not give as a person's), or list this "
                   "field under 'internal' to leave it out of the public site")
    else:
        shows = Msg("the public site would show the name of a person ('{found}', from "
                    "{field})", found=found, field=field)
        hint = Msg("rewrite this text without it (name the role instead of the person), or "
                   "list this field under 'internal' to leave it out of the public site")
    if file:
        return Msg("{problem} in {file}: {hint}", problem=shows, file=file, hint=hint)
    return Msg("{problem}: {hint}", problem=shows, hint=hint)
