"""Read a charter file into plain Python data that remembers where each value came from.

There are two ways in, behind one function (:func:`load_file`):

* the fast path, taken by the common case of a clean file: ruamel.yaml's safe
  loader on its C parser, several times faster than the round trip;
* the strict path: ruamel.yaml's round-trip loader, which keeps the line and
  column of every key and value. It is used when the fast path fails, when a
  scan of the C parser's events sees a YAML feature charters may not use
  (anchors, aliases, tags, merge keys, deep nesting), and lazily whenever a
  later layer needs to locate a value (:meth:`Document.locate`).

Refused outright, with a located message: anchors and aliases (an alias bomb
loads instantly but explodes on traversal), explicit tags, merge keys,
duplicate keys, keys that are not text, several documents in one file, files
that are empty, binary, not UTF-8, or larger than :data:`MAX_BYTES`.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from chartergen.errors import (
    MAX_PER_KIND,
    Diagnostic,
    FieldPath,
    Severity,
    cap_per_kind,
    printable,
)
from chartergen.messages import Msg, plural

MAX_BYTES = 1024 * 1024
"""A charter is a few hundred lines; anything over 1 MiB is refused unread."""

MAX_DEPTH = 64
"""No charter nests this deep; deeper input is refused before it can recurse."""

MAX_VALUES = 10_000
"""Keys and list entries. A complete charter holds about 1,000; a file of tens of
thousands (a few bytes each fit in 1 MiB) would take minutes to check and report."""

CHARTER_SUFFIXES = (".yaml", ".yml")

def _timestamp_as_text(constructor: Any, node: Any) -> str:
    # Dates stay text here; the schema checks them and says which date is wrong,
    # instead of the YAML layer failing on 2026-02-30 with no position.
    return str(constructor.construct_scalar(node))


class _SafeConstructor(SafeConstructor):
    pass


class _OnceResolver(VersionedResolver):
    """ruamel's resolver, looking up its version's rules once per document, not per value.

    The stock resolver recomputes which YAML version applies for every scalar,
    which is a third of the fast path's time on a typical charter.
    """

    @property
    def versioned_resolver(self) -> Any:
        rules = self.__dict__.get("_rules")
        if rules is None:
            rules = self.__dict__["_rules"] = super().versioned_resolver
        return rules


class _RoundTripConstructor(RoundTripConstructor):
    pass


_SafeConstructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)
_RoundTripConstructor.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _fast_yaml() -> YAML:
    yaml = YAML(typ="safe")
    yaml.Constructor = _SafeConstructor
    yaml.Resolver = _OnceResolver
    return yaml


def _round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Constructor = _RoundTripConstructor
    return yaml


@dataclass
class Document:
    """A loaded charter: plain data (dicts, lists, str, int, float, bool, None)."""

    path: str
    source: str
    data: dict[str, Any]
    _tree: Any = field(default=None, repr=False)

    @property
    def slug(self) -> str:
        return Path(self.path).stem

    def locate(self, field_path: FieldPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the value at ``field_path``.

        With ``key=True``, the position of the key itself (used for unknown keys).
        A path that does not exist resolves to its deepest existing parent.
        """
        if self._tree is None:
            # the fast path kept no positions: compose the text again on the C parser
            # (several times faster than a round-trip load) and read them off its nodes
            try:
                self._tree = _fast_yaml().compose(self.source)
            except (YAMLError, RecursionError, ValueError, TypeError):
                # text the fast path read but cannot compose again: a report at the top
                # of the file beats a crash
                self._tree = {}
        if isinstance(self._tree, Node):
            return _locate_in_nodes(self._tree, self.data, field_path, key=key)
        return _locate(self._tree, field_path, key=key)


@dataclass
class LoadResult:
    document: Document | None
    diagnostics: list[Diagnostic]


def load_file(path: str | Path, display: str | None = None) -> LoadResult:
    """Read and parse one charter file; never raises for bad content."""
    shown = display or str(path)
    raw, refused = read_charter(path, shown)
    if raw is None:
        return LoadResult(None, refused)
    return load_bytes(raw, shown)


def read_charter(
    path: str | Path, display: str | None = None
) -> tuple[bytes | None, list[Diagnostic]]:
    """The bytes of one charter file, read the guarded way every command uses.

    Refused without reading a byte: a link that leads out of the project, a broken
    link, a loop of links, and anything that is not a plain file (a FIFO, a device
    such as /dev/zero, a folder). The size cap is checked while reading, so a file
    that grows or lies about its size is never read past :data:`MAX_BYTES`.
    Returns the bytes, or ``None`` and the located reason.
    """
    path = Path(path)
    shown = display or str(path)
    target = path
    try:
        if path.is_symlink():
            # a pull request could add charters/x.yaml -> /etc/passwd or ../secrets:
            # refuse it without reading, so no byte of the target reaches a report
            problem = _link_problem(path)
            if problem:
                return None, _fail(shown, *problem).diagnostics
            target = path.resolve(strict=True)
        # O_NOFOLLOW: a link swapped in since the check is not followed;
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
        fd = os.open(target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
                     | getattr(os, "O_NOCTTY", 0))
    except (OSError, RuntimeError) as exc:
        return None, _unreadable(shown, exc)
    with os.fdopen(fd, "rb") as stream:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            message = Msg("this is a folder; a charter must be a plain YAML file, so it was "
                          "not read") if stat.S_ISDIR(mode) else Msg(
                "this is not a plain file (a device, a pipe or a socket); a charter must be a "
                "plain YAML file, so it was not read")
            return None, _fail(shown, message, "special-file").diagnostics
        try:
            raw = stream.read(MAX_BYTES + 1)
        except OSError as exc:
            return None, _unreadable(shown, exc)
    if len(raw) > MAX_BYTES:
        return None, _fail(
            shown,
            Msg("the file is more than {most} KiB; a charter may be at most {most} KiB, so it "
                "was not read", most=MAX_BYTES // 1024),
            "file-too-large",
        ).diagnostics
    return raw, []


def _unreadable(shown: str, exc: BaseException) -> list[Diagnostic]:
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return _fail(shown, Msg("the file cannot be read: {reason}", reason=reason),
                 "unreadable").diagnostics


_LINK_LOOP = (
    Msg("this charter is a link that leads back to itself through other links (a loop); it "
        "was not read (replace the link with the charter file itself)"), "link-loop")


def _link_problem(link: Path) -> tuple[Msg, str] | None:
    """Why a symbolic link may not be read as a charter, or ``None`` when it may.

    A link must resolve inside the project (the current folder); a link outside the
    current folder may only point within its own folder.
    """
    try:
        target = link.resolve(strict=True)
    except RuntimeError:  # Python before 3.13 reports a loop so
        return _LINK_LOOP
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _LINK_LOOP
        return (Msg("this charter is a link to a file that does not exist; it was not read "
                    "(replace the link with the charter file itself)"), "broken-link")
    here = Path.cwd().resolve()
    parent = link.parent.resolve()
    root = here if parent == here or here in parent.parents else parent
    if target == root or root in target.parents:
        return None
    return (Msg("this charter is a link to a file outside the project; it was not read "
                "(replace the link with the charter file itself)"), "outside-link")


def load_bytes(raw: bytes, path: str) -> LoadResult:
    """Parse the bytes of a charter file shown to users as ``path``."""
    if len(raw) > MAX_BYTES:
        return _fail(path, Msg("a charter may be at most {size} KiB", size=MAX_BYTES // 1024),
                     "file-too-large")
    wide = _wide_encoding(raw)
    if wide:
        return _fail(
            path,
            Msg("this file is saved as {encoding}; a charter must be UTF-8: save it again "
                "choosing UTF-8 as the encoding (most editors offer it under 'Save with "
                "encoding')", encoding=wide),
            "encoding",
        )
    if b"\x00" in raw[:8192] and _binary(raw):
        return _fail(path, Msg("this is a binary file, not a YAML charter"), "binary")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return LoadResult(
            None,
            [
                Diagnostic(
                    path, line, col, Severity.ERROR,
                    Msg("this byte is not valid UTF-8; save the file as UTF-8 "
                        "(most editors offer it under 'Save with encoding')"),
                    code="encoding",
                )
            ],
        )
    return load_text(text, path)


def _binary(raw: bytes) -> bool:
    """Bytes that are not text: not UTF-8, or more than one NUL in a hundred bytes.

    A stray NUL in a text file (a bad paste, a broken editor) is reported where it
    is, with the other control characters.
    """
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return raw.count(b"\x00") * 100 > len(raw)


def _wide_encoding(raw: bytes) -> str | None:
    """"UTF-16" or "UTF-32" when the bytes are text in one of them (by mark or by shape)."""
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = raw[:4096]
    if len(head) >= 8 and head.count(b"\x00") * 4 >= len(head) * 3 - 8 and (
            head[0::4].count(b"\x00") == 0 or head[3::4].count(b"\x00") == 0):
        return "UTF-32"
    if len(head) >= 4 and (head[0::2].count(b"\x00") == 0) != (head[1::2].count(b"\x00") == 0) \
            and max(head[0::2].count(b"\x00"), head[1::2].count(b"\x00")) * 2 >= len(head) - 2:
        return "UTF-16"
    return None


# characters a charter may not hold, written raw or as a quoted escape: controls other
# than tab and line feed, the C1 controls, and surrogates (halves of a character, which
# cannot be printed or written to a page)
_BAD_CHARACTER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_RAW_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_NAMED_ESCAPES = {0: "0", 7: "a", 8: "b", 0x0B: "v", 0x0C: "f", 0x0D: "r", 0x1B: "e"}


def _raw_characters(text: str, path: str) -> list[Diagnostic]:
    """Each control character typed into the file itself, at its line and column."""
    found = []
    for match in _RAW_BAD.finditer(text):
        offset = match.start()
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        found.append(Diagnostic(path, line, col, Severity.ERROR,
                                _character_message(match.group(0), written=False),
                                code="control-character"))
    return found


def _character_message(char: str, *, written: bool, pair: str = "") -> Msg:
    code = f"U+{ord(char):04X}"
    if pair:
        return Msg("'{pair}' writes one character as two halves (a surrogate pair), which a "
                   "charter cannot hold; type the character itself, or write it as '{whole}'",
                   pair=printable(pair), whole=f"\\U{_combined(pair):08X}")
    if 0xD800 <= ord(char) <= 0xDFFF:
        return Msg("'{half}' is half of a character (a lone surrogate), which a charter "
                   "cannot hold; remove it or type the whole character",
                   half=f"\\u{ord(char):04x}")
    if written:
        return Msg("this escape writes a NUL character ({code}), which a charter cannot hold; "
                   "remove it", code=code) if char == "\x00" else Msg(
            "this escape writes a control character ({code}), which a charter cannot hold; "
            "remove it", code=code)
    return Msg("here the file holds a NUL character ({code}), which a charter cannot hold; "
               "remove it (most editors do not show it)", code=code) if char == "\x00" else Msg(
        "here the file holds a control character ({code}), which a charter cannot hold; "
        "remove it (most editors do not show it)", code=code)


def _combined(pair: str) -> int:
    high, low = ord(pair[0]), ord(pair[1])
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)


def _value_characters(document: Document) -> list[Diagnostic]:
    """Each control character or surrogate that a quoted escape put into a key or value."""
    found: list[Diagnostic] = []
    stack: list[tuple[FieldPath, Any]] = [((), document.data)]
    while stack:
        field_path, node = stack.pop()
        items: list[tuple[str | int, Any]] = (
            list(node.items()) if isinstance(node, dict)
            else list(enumerate(node)) if isinstance(node, list) else [])
        for part, child in items:
            child_path = (*field_path, part)
            if isinstance(part, str) and _BAD_CHARACTER.search(part):
                found.extend(_text_problems(document, child_path, part, key=True))
            if isinstance(child, str):
                if _BAD_CHARACTER.search(child):
                    found.extend(_text_problems(document, child_path, child, key=False))
            elif isinstance(child, (dict, list)):
                stack.append((child_path, child))
    return sorted(found)


def _text_problems(document: Document, field_path: FieldPath, text: str, *,
                   key: bool) -> list[Diagnostic]:
    line, col = document.locate(field_path, key=key)
    lines = document.source.splitlines()
    offset = (sum(len(x) + 1 for x in lines[:line - 1]) + col - 1) if line <= len(lines) else 0
    found = []
    index = 0
    while index < len(text):
        match = _BAD_CHARACTER.search(text, index)
        if match is None:
            break
        char, index = match.group(0), match.end()
        pair = ""
        if "\ud800" <= char <= "\udbff" and index < len(text) and (
                "\udc00" <= text[index] <= "\udfff"):
            pair, index = char + text[index], index + 1
        at, offset = _escape_at(document.source, offset, pair or char)
        found.append(Diagnostic(
            document.path, *(at or (line, col)), Severity.ERROR,
            _character_message(char, written=True, pair=pair),
            tuple(printable(p) if isinstance(p, str) else p for p in field_path),
            code="control-character",
        ))
    return found


def _escape_at(source: str, start: int, chars: str) -> tuple[tuple[int, int] | None, int]:
    """Where, from ``start`` on, the escape that wrote ``chars`` is, and the offset past it."""
    spellings = []
    for char in chars:
        number = ord(char)
        options = [f"\\x{number:02x}"] if number < 0x100 else []
        options += [f"\\u{number:04x}", f"\\U{number:08x}"]
        if number in _NAMED_ESCAPES:
            options.append("\\" + _NAMED_ESCAPES[number])
        spellings.append("(?:" + "|".join(re.escape(o) for o in options) + ")")
    match = re.compile("".join(spellings), re.IGNORECASE).search(source, start)
    if match is None:
        return None, start
    offset = match.start()
    line = source.count("\n", 0, offset) + 1
    col = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return (line, col), match.end()


def load_text(text: str, path: str) -> LoadResult:
    """Parse charter text; the fast path first, the strict path when it must."""
    loaded = _load_text(text, path)
    if len(loaded.diagnostics) > MAX_PER_KIND:
        loaded.diagnostics = cap_per_kind(loaded.diagnostics)
    return loaded


def _load_text(text: str, path: str) -> LoadResult:
    raw_problems = _raw_characters(text, path)
    if raw_problems:
        return LoadResult(None, raw_problems)
    fast = _fast_yaml()
    built: Any = _UNBUILT
    try:
        # an exact scan of the C parser's events finds any anchor, alias, tag, merge key
        # or deep nesting, and counts values as it goes, so a file of a million entries
        # stops at the cap instead of being built first; the same pass builds the data
        # of a plain file, as the safe loader would (see _Builder)
        refused: list[Diagnostic] | None
        refused, built = _scan(fast, text, path, build=True)
    except (YAMLError, RecursionError, ValueError, TypeError):
        refused = None  # the strict path finds the same problem and locates it
    too_many = [d for d in refused or () if d.code == "too-many-values"]
    if too_many:
        return LoadResult(None, too_many)
    # tabs: libyaml reads some that the round trip (which locates problems) refuses
    if refused == [] and "\t" not in text:
        try:
            data = built if built is not _UNBUILT else _fast_yaml().load(text)
            if _is_plain_tree(data):
                return _finish(path, text, data, tree=None)
        except (YAMLError, RecursionError, ValueError, TypeError):
            pass  # the strict path finds the same problem and locates it
    return _strict_load(text, path)


def _finish(path: str, text: str, data: Any, tree: Any) -> LoadResult:
    values = _count_values(data)
    if values > MAX_VALUES:
        return _fail(
            path,
            Msg("the file holds {values} keys and list entries; a charter may hold at most "
                "{most} (a complete one holds about 1,000), so it was not checked",
                values=f"{values:,}", most=f"{MAX_VALUES:,}"),
            "too-many-values",
        )
    if data is None:
        return _fail(
            path,
            Msg("the file is empty; a charter starts with 'format: 1' and a 'company' section "
                "(run 'chartergen init NAME' for a starter charter)"),
            "empty",
        )
    if not isinstance(data, dict):
        kind = Msg("a list") if isinstance(data, list) else Msg("a single value")
        return LoadResult(
            None,
            [
                Diagnostic(
                    path, 1, 1, Severity.ERROR,
                    Msg("the file holds {kind}; a charter is a set of 'key: value' sections "
                        "starting with 'format: 1'", kind=kind),
                    code="not-a-mapping",
                )
            ],
        )
    document = Document(path=path, source=text, data=data, _tree=tree)
    problems = _value_characters(document)
    if problems:
        return LoadResult(None, problems)
    return LoadResult(document, [])


def _strict_load(text: str, path: str) -> LoadResult:
    yaml = _round_trip_yaml()
    try:
        refused = _refuse_features(yaml, text, path)
        if refused:
            too_many = [d for d in refused if d.code == "too-many-values"]
            return LoadResult(None, too_many or refused)
        tree = yaml.load(text)
    except MarkedYAMLError as exc:
        return LoadResult(None, [_yaml_error(exc, path, text)])
    except RecursionError:
        return _fail(path, Msg("the YAML nests deeper than {depth} levels", depth=MAX_DEPTH),
                     "too-deep")
    except (YAMLError, ValueError, TypeError) as exc:
        if long_number := _LONG_NUMBER.search(text):
            return _long_number(text, path, long_number)
        return _fail(path, Msg("this is not valid YAML: {problem}", problem=str(exc)), "yaml")
    problems: list[Diagnostic] = []
    data = _to_plain(tree, (), problems, path, tree)
    if problems:
        return LoadResult(None, problems)
    return _finish(path, text, data, tree)


_LONG_NUMBER = re.compile(r"(?<![\w.])[-+]?\d[\d_]{4000,}")
"""A run of digits Python refuses to turn into a number (past 4,300 digits)."""


def _long_number(text: str, path: str, match: re.Match[str]) -> LoadResult:
    offset = match.start()
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    digits = sum(char.isdigit() for char in match.group(0))
    return LoadResult(None, [Diagnostic(
        path, line, col, Severity.ERROR,
        Msg("this number has {digits} digits; no value in a charter is that long a number (if "
            "it is text, put it in quotes)", digits=f"{digits:,}"), code="long-number")])


def _refuse_features(yaml: YAML, text: str, path: str) -> list[Diagnostic]:
    """Report anchors, aliases, explicit tags, merge keys and deep nesting, all located."""
    return _scan(yaml, text, path, build=False)[0]


_UNBUILT: Any = object()
"""What :func:`_scan` builds when it could not build the data as the safe loader would."""

_SCALAR, _MAPPING, _SEQUENCE, _END, _ALIAS, _DOCUMENT, _OTHER = range(7)


@cache
def _event_kinds() -> dict[type, int]:
    from ruamel.yaml import events

    return {events.ScalarEvent: _SCALAR, events.MappingStartEvent: _MAPPING,
            events.SequenceStartEvent: _SEQUENCE, events.MappingEndEvent: _END,
            events.SequenceEndEvent: _END, events.AliasEvent: _ALIAS,
            events.DocumentStartEvent: _DOCUMENT}


def _kind_of_event(event: Any) -> int:
    """The kind of a parser event, by its class (a subclass counts as its base class)."""
    kinds = _event_kinds()
    kind = kinds.get(type(event))
    if kind is None:
        kind = next((found for base, found in kinds.items() if isinstance(event, base)), _OTHER)
        kinds[type(event)] = kind
    return kind


def _scan(yaml: YAML, text: str, path: str, *, build: bool) -> tuple[list[Diagnostic], Any]:
    """The refused features of :func:`_refuse_features`; with ``build``, also the file's data
    as ruamel.yaml's safe loader would build it (:data:`_UNBUILT` when it cannot say).

    That loader composes a tree of nodes from the parser's events and constructs the
    data from the tree, in Python: twice the work of this scan. Here the data is built
    from the same events in the same pass, each scalar resolved by the loader's own
    rules and any scalar that is not text constructed by the loader's own constructor
    (the C parser object holds both), so numbers, booleans, dates and nulls read the
    same. Whatever a plain charter does not hold (a second document, a %YAML or %TAG
    directive, a tag, an anchor or alias, a key that is not text or that repeats) stops
    the building: the file then goes the usual way, which reads or refuses it as before.
    tests/validation/test_loader.py compares both on every YAML file of the repository
    and on mutated ones.
    """
    found: list[Diagnostic] = []

    def add(event: Any, message: str, code: str) -> None:
        mark = event.start_mark
        found.append(
            Diagnostic(path, mark.line + 1, mark.column + 1, Severity.ERROR, message, code=code)
        )

    depth = 0
    aliases_seen: dict[str, int] = {}
    # keys and list entries, counted as the parser goes: each node in a list, every
    # other node (the keys) in a mapping
    values = 0
    children: list[int] = []
    in_mapping: list[bool] = []

    builder: list[Any] | None = None  # [loader, resolver rules, the data, the open collections]

    def parsed() -> Iterator[Any]:
        """``yaml.parse(text)``, keeping hold of the parser: it is also the loader's
        resolver and constructor, which the building uses."""
        nonlocal builder
        from ruamel.yaml.main import DocInfo, version

        yaml.doc_infos.append(DocInfo(requested_version=version(yaml.version)))
        yaml.tags = {}
        loader, parser = yaml.get_constructor_parser(text)
        if loader is parser and not loader.yaml_path_resolvers:  # the C parser
            builder = [loader, None, None, []]
        try:
            while parser.check_event():
                yield parser.get_event()
        finally:
            parser.dispose()

    building = build
    documents = 0
    scalar_node: Any = None
    for event in parsed() if build else yaml.parse(text):
        kind = _kind_of_event(event)
        is_node = kind <= _ALIAS and kind != _END
        if is_node and children:
            if not in_mapping[-1] or children[-1] % 2 == 0:
                values += 1
            children[-1] += 1
            if values > MAX_VALUES:
                mark = event.start_mark
                found[:] = [Diagnostic(
                    path, mark.line + 1, mark.column + 1, Severity.ERROR,
                    Msg("the file holds more than {most} keys and list entries; a charter may "
                        "hold at most {most} (a complete one holds about 1,000), so it was not "
                        "checked", most=f"{MAX_VALUES:,}"), code="too-many-values")]
                break
        if kind in (_MAPPING, _SEQUENCE):
            depth += 1
            children.append(0)
            in_mapping.append(kind == _MAPPING)
            if depth > MAX_DEPTH:
                add(event, Msg("the YAML nests deeper than {depth} levels", depth=MAX_DEPTH),
                    "too-deep")
                break
        elif kind == _END:
            depth -= 1
            children.pop()
            in_mapping.pop()
        if kind == _ALIAS:
            # one report per alias name: a thousand uses of one alias is one problem
            aliases_seen[event.anchor] = aliases_seen.get(event.anchor, 0) + 1
            if aliases_seen[event.anchor] == 1:
                add(
                    event,
                    Msg("'*{anchor}' repeats another part of the file (a YAML alias); "
                        "charters may not use aliases: write the value out in full",
                        anchor=event.anchor),
                    "alias",
                )
            building = False
            continue
        if is_node and event.anchor:
            add(
                event,
                Msg("'&{anchor}' marks a YAML anchor; charters may not use anchors "
                    "or aliases: remove it", anchor=event.anchor),
                "anchor",
            )
        tag = event.tag if is_node else None
        explicit_scalar_tag = kind == _SCALAR and tag and not any(event.implicit)
        explicit_collection_tag = kind != _SCALAR and tag and not event.implicit
        if explicit_scalar_tag or explicit_collection_tag:
            tag = str(tag)
            shown = "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith(
                "tag:yaml.org,2002:") else tag
            add(
                event,
                Msg("'{tag}' is a YAML tag; charters may not use tags: write the value as "
                    "plain text, a number, true or false", tag=shown),
                "tag",
            )
        if kind == _SCALAR and event.value == "<<" and not event.style:
            add(event, Msg("'<<' merge keys are not allowed in a charter; write the keys out"),
                "merge")
        if not building or builder is None or found:
            building = False
            continue
        # --- building the data, as the safe loader would ---------------------------------
        loader, rules, _data, open_collections = builder
        if kind == _DOCUMENT:
            documents += 1
            building = documents == 1 and not event.version and not event.tags
            continue
        if kind == _END:
            open_collections.pop()
            continue
        if kind == _OTHER:
            continue
        if tag is not None and not (kind == _SCALAR and tag == "!"):
            building = False
            continue
        if kind == _SCALAR:
            value: Any = event.value
            if event.implicit[0]:
                if rules is None:
                    rules = builder[1] = loader.versioned_resolver
                # the resolver's own lookup: the rules for the first character, then those
                # for any (none in YAML 1.2); most text starts with a letter that has none
                candidates = rules.get(value[0] if value else "")
                if None in rules:
                    candidates = [*(candidates or ()), *rules[None]]
                if candidates and any(regexp.match(value) for _tag, regexp in candidates):
                    # not text: a number, a boolean, a date or a null, read by the loader
                    if scalar_node is None:
                        from ruamel.yaml.nodes import ScalarNode as scalar_node
                    node = scalar_node(loader.resolve(scalar_node, value, event.implicit),
                                       value, event.start_mark, event.end_mark, event.style)
                    try:
                        value = loader.construct_non_recursive_object(node)
                    except (YAMLError, ValueError, TypeError, OverflowError):
                        building = False
                        continue
        else:
            value = {} if kind == _MAPPING else []
        if not open_collections:
            builder[2] = value
        else:
            top = open_collections[-1]
            container, key = top
            if isinstance(container, list):
                container.append(value)
            elif key is _UNBUILT:  # the value is the next key
                if not isinstance(value, str) or value in container:
                    building = False  # the loader refuses it, or reads it otherwise
                top[1] = value
            else:
                container[key] = value
                top[1] = _UNBUILT
        if kind != _SCALAR:
            open_collections.append([value, _UNBUILT])
    built = builder[2] if building and builder is not None and not found else _UNBUILT
    return found, built


_KIND_OF = {bool: Msg("true/false"), int: Msg("a number"), float: Msg("a number"),
            type(None): Msg("empty")}


def _to_plain(
    node: Any, path: FieldPath, problems: list[Diagnostic], file: str, tree: Any
) -> Any:
    """Copy a round-trip tree into builtin types, refusing keys that are not text."""
    if isinstance(node, dict):
        out: dict[str, Any] = {}
        for key, value in node.items():
            if not isinstance(key, str):
                line, col = _locate(tree, path)
                key_line, key_col = _key_position(node, key, (line, col))
                problems.append(
                    Diagnostic(
                        file, key_line, key_col, Severity.ERROR,
                        Msg("the key {key} is {kind}; keys must be words: put it in quotes "
                            "or rename it", key=repr(key),
                            kind=_KIND_OF.get(type(key), Msg("not text"))),
                        path, code="key-type",
                    )
                )
                continue
            out[str(key)] = _to_plain(value, (*path, str(key)), problems, file, tree)
        return out
    if isinstance(node, list):
        return [_to_plain(v, (*path, i), problems, file, tree) for i, v in enumerate(node)]
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def _count_values(node: Any) -> int:
    """Keys and list entries in the tree, counted without recursion."""
    count, stack = 0, [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            count += len(current)
            stack.extend(current.values())
        elif isinstance(current, list):
            count += len(current)
            stack.extend(current)
    return count


def _is_plain_tree(node: Any, depth: int = 0) -> bool:
    """True when every key is text and nesting is sane; else take the strict path."""
    if depth > MAX_DEPTH:
        return False
    if isinstance(node, dict):
        return all(
            isinstance(k, str) and _is_plain_tree(v, depth + 1) for k, v in node.items()
        )
    if isinstance(node, list):
        return all(_is_plain_tree(v, depth + 1) for v in node)
    return True


def _key_position(node: Any, key: Any, default: tuple[int, int]) -> tuple[int, int]:
    try:
        line, col = node.lc.key(key)
        return line + 1, col + 1
    except (AttributeError, KeyError, TypeError):
        return default


def _lc(node: Any) -> Any:
    """ruamel.yaml's line/column record of a round-trip mapping or sequence."""
    return node.lc


def _locate(tree: Any, field_path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
    node: Any = tree
    best = (1, 1)
    lc = getattr(node, "lc", None)
    if lc is not None and lc.line is not None:
        best = (lc.line + 1, lc.col + 1)
    for index, part in enumerate(field_path):
        last = index == len(field_path) - 1
        try:
            if isinstance(node, dict) and isinstance(part, str) and part in node:
                line, col = _lc(node).key(part) if (key and last) else _lc(node).value(part)
                if not (key and last):
                    # a nested block mapping's "value" position is its first key, and an
                    # empty value's is the next key: pointing at the key reads right
                    child = node[part]
                    if child is None or isinstance(child, (dict, list)):
                        line, col = _lc(node).key(part)
                best = (line + 1, col + 1)
                node = node[part]
            elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
                line, col = _lc(node).item(part)
                best = (line + 1, col + 1)
                node = node[part]
            else:
                break
        except (AttributeError, KeyError, TypeError, IndexError):
            break
    return best


def _locate_in_nodes(
    root: Node, data: Any, field_path: Sequence[str | int], *, key: bool = False
) -> tuple[int, int]:
    """:func:`_locate` on composed nodes, walking the loaded data alongside.

    Gives the same positions as the round-trip tree: a key's node, a scalar's node,
    and for a nested section or an empty value the key that introduces it.
    """

    def at(node: Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    node: Node = root
    best = at(root)
    for index, part in enumerate(field_path):
        last = index == len(field_path) - 1
        if isinstance(node, MappingNode) and isinstance(data, dict) and part in data:
            # the last occurrence, as in the data (a duplicate never reaches here)
            pairs = [(k, v) for k, v in node.value if k.value == part]
            if not pairs:
                break
            key_node, value_node = pairs[-1]
            data = data[part]
            nested = data is None or isinstance(data, (dict, list))
            best = at(key_node) if (key and last) or nested else at(value_node)
            node = value_node
        elif (isinstance(node, SequenceNode) and isinstance(data, list)
              and isinstance(part, int) and 0 <= part < len(node.value)):
            node = node.value[part]
            data = data[part]
            best = at(node)
        else:
            break
    return best


_YAML_EXPLANATIONS = (
    ("found character '\\t'", Msg("a tab character is used here; YAML indentation must use "
                                   "spaces: replace the tab with spaces")),
    (
        "mapping values are not allowed here",
        Msg("a ':' appears where YAML does not expect one; if the text itself contains ': ', "
            "put the whole value in quotes"),
    ),
    ("found duplicate key", Msg("this key appears twice in the same section; keep only one")),
    (
        "expected <block end>",
        Msg("the indentation does not line up with the lines above; align this line with "
            "the other keys of its section"),
    ),
    (
        "could not find expected ':'",
        Msg("a line here is missing its ':' after the key, or a quote is not closed"),
    ),
    (
        "found another document",
        Msg("the file holds more than one YAML document ('---'); keep one charter per file"),
    ),
    ("found unexpected end of stream", Msg("a quote or bracket opened here is never closed")),
    (
        "found undefined alias",
        Msg("'*' starts a YAML alias here; put text that starts with '*' in quotes"),
    ),
    (
        "found character '@' that cannot start any token",
        Msg("a value cannot start with '@' in YAML; put it in quotes, for example '@acme'"),
    ),
    (
        "found character '`' that cannot start any token",
        Msg("a value cannot start with '`' in YAML; put it in quotes"),
    ),
)


def _yaml_error(exc: MarkedYAMLError, path: str, text: str = "") -> Diagnostic:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = str(exc.problem or exc.context or "invalid YAML")
    message: str = next(
        (plain for needle, plain in _YAML_EXPLANATIONS if needle in problem),
        Msg("this is not valid YAML ({problem})", problem=problem),
    )
    lines = text.splitlines()
    if "found character '\\t'" in problem and col > 1:
        message = Msg("a tab character is used here; YAML needs spaces, also between a key "
                      "and its value: replace the tab with a space")
    if "duplicate key" in problem:
        match = re.search(r'duplicate key "([^"]*)"', problem)
        if match:
            message = Msg("the key '{key}' appears twice in the same section; keep one",
                          key=match.group(1))
    elif text and (likely := _likely_cause(lines, line, problem)):
        line, col, message = likely
    return Diagnostic(path, line, col, Severity.ERROR, message, code="yaml")


_DASH_WITHOUT_SPACE = re.compile(r"^(\s*)-(?=[^\s\-])")
_TYPOGRAPHIC_QUOTE = re.compile("[\u201c\u201d\u2018\u2019]")
_OPENS_QUOTE = re.compile(r"^\s*(?:-\s+)?(?:[\w.-]+:\s+)?([\"'])")
_KEY_LINE = re.compile(r"^( *)(?:- +)?([\w.-]+):(?: +(\S.*))?$")


def _likely_cause(lines: list[str], line: int, problem: str = "") -> tuple[int, int, str] | None:
    """What a person most likely typed wrong near a YAML error, when it is recognisable.

    The parser notices a mistake where the structure stops making sense, often a
    line or more after the cause: a bracket or brace never closed, a key indented
    too far, a list item without a space after its dash, a typographic quote where
    YAML needs a straight one, a quote never closed.
    """
    if opened := _unclosed_bracket(lines, line):
        index, column, bracket = opened
        return (index + 1, column + 1,
                Msg("the '{bracket}' opened here is never closed, so YAML read on until "
                    "line {line}, where it gave up; close it with '{closing}'",
                    bracket=bracket, closing="]" if bracket == "[" else "}", line=line))
    if "mapping values are not allowed" in problem and (deeper := _indented_too_far(lines, line)):
        return deeper
    nearby = range(max(0, line - 3), min(len(lines), line))
    for index in reversed(nearby):
        if match := _DASH_WITHOUT_SPACE.match(lines[index]):
            return (index + 1, len(match.group(1)) + 1,
                    Msg("a list item needs a space after its '-': write '- ' then the text"))
    for index in reversed(nearby):
        if match := _TYPOGRAPHIC_QUOTE.search(lines[index]):
            stripped = lines[index].split(":", 1)[-1].strip()
            if stripped[:1] in "\u201c\u201d\u2018\u2019":
                return (index + 1, match.start() + 1,
                        Msg("YAML only understands straight quotes (\" or '); replace the "
                            "typographic quotes (\u201c \u201d) around this value"))
    for index in range(0, min(len(lines), line - 1)):
        quote = _OPENS_QUOTE.match(lines[index])
        if quote and not _quote_closed(lines[index][quote.end():], quote.group(1)):
            return (index + 1, quote.start(1) + 1,
                    Msg("the quote opened here is never closed; close it at the end of the "
                        "value"))
    return None


def _indented_too_far(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """A 'key: value' line indented deeper than the 'key: value' line above it.

    YAML reads it as the rest of the value above, then trips on its ':'.
    """
    if not 1 < line <= len(lines):
        return None
    here = _KEY_LINE.match(lines[line - 1])
    above = next((lines[i] for i in range(line - 2, -1, -1)
                  if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    before = _KEY_LINE.match(above)
    if not (here and before and before.group(3) and not before.group(3).startswith(("|", ">"))):
        return None
    # where each key starts, after any "- " of a list item
    indent, indent_above = here.start(2), before.start(2)
    if indent <= indent_above:
        return None
    return (line, indent_above + 1,
            Msg("'{key}' is indented {extra} more than '{above}' on the line above, so YAML "
                "reads it as part of that value; line '{key}' up with '{above}' (if it is "
                "text that goes on, put the whole value in quotes instead)",
                key=here.group(2), above=before.group(2),
                extra=plural(indent - indent_above, "{count} space", "{count} spaces")))


def _unclosed_bracket(lines: list[str], line: int) -> tuple[int, int, str] | None:
    """The '[' or '{' still open on a line before ``line`` (0-based line and column)."""
    stack: list[tuple[int, int, str]] = []
    for index, text in enumerate(lines[:line]):
        quote = ""
        previous = ""
        for column, char in enumerate(text):
            if quote:
                if char == quote:
                    quote = ""
                continue
            if char == "#" and (column == 0 or text[column - 1] in " \t"):
                break
            starts_value = not previous or previous in ":-[{," or bool(stack)
            if char in "\"'" and (not previous or previous in ":-[{,"):
                quote = char
            elif char in "[{" and starts_value:
                stack.append((index, column, char))
            elif char in "]}" and stack:
                stack.pop()
            if not char.isspace():
                previous = char
    if stack and stack[0][0] < line - 1:
        return stack[0]
    return None


def _quote_closed(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    escaped = False
    for char in rest:
        if char == "\\" and not escaped:
            escaped = True
            continue
        if char == '"' and not escaped:
            return True
        escaped = False
    return False


def _fail(path: str, message: str, code: str) -> LoadResult:
    return LoadResult(None, [Diagnostic(path, 1, 1, Severity.ERROR, message, code=code)])
