"""The canonical layout of a charter, reached through ruamel.yaml's round trip.

The canonical layout is: keys in the order of the schema (unknown keys after
the known ones, in their own order); two-space indentation with list dashes
indented under their key; lists and sections in block style; double quotes,
only where YAML needs quotes; at most one blank line in a row; and no line
wrapping: a value stays on one line, so editing one word shows as a one-line
change in review (multi-line text keeps its ``|`` or ``>`` block).

Every comment is kept. ruamel.yaml stores a comment on the line *before* it,
so moving a key would leave the comment above it behind; this module first
lifts comments off the tree into a plain model (the comment at the end of an
entry's line, the lines above each entry, the lines that close a block), then
reorders, then puts each comment back next to the entry it belongs to,
re-indented to that entry's new column. A comment belongs to the entry right
below it, unless it is indented deeper than that entry, in which case it
closes the block above. Comments at the top of the file, down to the last
blank line, stay at the top.

Before anything is written, the result is read back: the data must be equal
and every comment present, otherwise the file is left as it was.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor, SafeConstructor
from ruamel.yaml.emitter import RoundTripEmitter
from ruamel.yaml.error import CommentMark, YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from chartergen.errors import Diagnostic, FieldPath, Severity, printable
from chartergen.loader import LoadResult, load_bytes, load_text, read_charter
from chartergen.messages import Msg
from chartergen.schema.charter import SCHEMA
from chartergen.schema.fields import Rule

WIDTH = 1_000_000
"""Line width given to ruamel.yaml: in effect, never wrap a value."""

MODELINE = "# yaml-language-server:"


class _Constructor(RoundTripConstructor):
    """Round trip, except that an impossible date (2026-02-30) stays text.

    chartergen reads dates as text anyway and ``validate`` reports the bad one;
    ``fmt`` must not fail on it.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except ValueError:
            return self.construct_scalar(node)


_Constructor.add_constructor("tag:yaml.org,2002:timestamp", _Constructor.construct_yaml_timestamp)


class _Emitter(RoundTripEmitter):
    """Quote with double quotes when a value needs quotes.

    Charters are full of apostrophes (l'équipe, don't), which single quotes
    would have to double; double quotes are also what the examples and the
    error messages show.
    """

    def choose_scalar_style(self) -> Any:
        style = super().choose_scalar_style()
        return '"' if style == "'" else style


def canonical_yaml() -> YAML:
    """The ruamel.yaml instance that reads and writes the canonical layout."""
    yaml = YAML(typ="rt")
    yaml.Constructor = _Constructor
    yaml.Emitter = _Emitter
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = WIDTH
    yaml.preserve_quotes = False
    return yaml


@dataclass
class Formatted:
    """One file through ``fmt``: its text before and after, or why it was left alone."""

    path: str
    original: str = ""
    formatted: str | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return self.formatted is not None and self.formatted != self.original


def format_file(path: Path, display: str | None = None) -> Formatted:
    """Read one file and compute its canonical text; nothing is written."""
    shown = display or str(path)
    raw, refused = read_charter(path, shown)
    if raw is None:
        return Formatted(shown, diagnostics=refused)
    return _format(load_bytes(raw, shown), shown)


def format_text(text: str, path: str = "<text>") -> Formatted:
    """The canonical layout of charter text; nothing is written."""
    return _format(load_text(text, path), path, text)


def _format(loaded: LoadResult, path: str, text: str = "") -> Formatted:
    # the loader refuses what chartergen refuses (bad YAML, aliases, tags, duplicate
    # keys...) with located messages; only what it accepts is formatted
    if loaded.document is None:
        return Formatted(path, text, diagnostics=loaded.diagnostics)
    text = loaded.document.source
    yaml = canonical_yaml()
    try:
        tree = yaml.load(text)
    except (YAMLError, ValueError, TypeError) as exc:  # accepted by the loader; be safe anyway
        return Formatted(path, text, diagnostics=[_problem(
            path, f"this file could not be read for formatting ({exc})", "yaml")])

    comments = _lift_comments(tree)
    _reorder(tree, SCHEMA)
    _block_style(tree)
    _place_comments(tree, comments)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = out.getvalue()
    # a comment on the '---' line itself is one ruamel.yaml keeps, below it
    preamble = _PREAMBLE.match(text)
    above = _DASHES_COMMENT.sub("---\n", preamble.group(0)) if preamble is not None else ""
    if "#" in above:
        # ruamel.yaml drops what is above '---' once a '%YAML' line is there: keep the
        # original lines (comments, directives) as they were
        result = above + _one_blank_before_sections(_WRITTEN_PREAMBLE.sub("", result, count=1))
    else:
        result = _one_blank_before_sections(result)
    trailer = _TRAILER.search(text)
    if trailer is not None and "#" in trailer.group(0):
        # comments after the '...' that ends the document: ruamel.yaml drops them
        result = result.rstrip("\n") + "\n..." + trailer.group(1).rstrip() + "\n"

    problem = _verify(loaded.document.data, comment_lines(text), result, path, text)
    if problem is not None:
        return Formatted(path, text, diagnostics=[problem])
    return Formatted(path, text, result)


_PREAMBLE = re.compile(r"\A(?:[ \t]*(?:#[^\n]*)?\n|%[^\n]*\n)*---(?:[ \t]+#[^\n]*)?[ \t]*\n")
_WRITTEN_PREAMBLE = re.compile(r"\A(?:%[^\n]*\n)*---[ \t]*\n")
_DASHES_COMMENT = re.compile(r"^---[ \t]+#[^\n]*\n", re.MULTILINE)
_TRAILER = re.compile(r"^\.\.\.([ \t]*(?:#[^\n]*)?\n(?:[ \t]*(?:#[^\n]*)?(?:\n|\Z))*)\Z",
                      re.MULTILINE)


# -- the comment model -------------------------------------------------------------------------


@dataclass
class _Entry:
    """A place that starts a line: a mapping key, or a list item that is not a collection."""

    container: Any
    key: str | int
    path: FieldPath
    column: int
    """Column of comments placed right above it: the key's, or the dash's for a list item."""
    blocks: tuple[FieldPath, ...]
    """The collections it sits in, outermost (the whole file) first."""
    first_of_item: bool = False
    """The first key of a list item, written on the item's dash line."""
    own_column: int = 0
    """Column of the key itself, or of the dash."""


@dataclass
class _Comments:
    """Every comment of a file, keyed by the field path it belongs to, without the tree."""

    header: list[str] = field(default_factory=list)
    eol: dict[FieldPath, tuple[str, int]] = field(default_factory=dict)
    before: dict[FieldPath, list[str]] = field(default_factory=dict)
    block_end: dict[FieldPath, list[str]] = field(default_factory=dict)
    under: dict[FieldPath, list[tuple[int, str]]] = field(default_factory=dict)
    """Lines indented under an entry that holds no block, e.g. a commented template entry
    under an empty list: kept right below it, with their indentation relative to it."""


@dataclass
class _Layout:
    entries: list[_Entry] = field(default_factory=list)
    """Every line-starting entry, in document order."""
    columns: dict[FieldPath, int] = field(default_factory=lambda: {(): 0})
    """The column of each collection's keys or dashes."""
    paths: dict[int, FieldPath] = field(default_factory=dict)
    """The field path of each collection, by ``id()``."""


def _layout(tree: Any, *, canonical: bool) -> _Layout:
    """Where every entry and collection of ``tree`` sits.

    ``canonical`` gives the columns of the layout ``fmt`` writes; otherwise
    they are read from the positions ruamel.yaml recorded when loading.
    """
    layout = _Layout()
    entries = layout.entries
    block_columns = layout.columns

    def walk(node: Any, path: FieldPath, column: int, lead: int,
             blocks: tuple[FieldPath, ...], list_item: bool = False) -> None:
        blocks = (*blocks, path)
        layout.paths[id(node)] = path
        if isinstance(node, CommentedMap):
            for index, (key, value) in enumerate(node.items()):
                here = (*path, key)
                key_column = column if canonical else _key_column(node, key, column)
                if index == 0:
                    block_columns[path] = key_column
                entries.append(_Entry(node, key, here, lead if index == 0 else key_column,
                                      blocks, index == 0 and list_item, key_column))
                if _is_block(value):
                    child = key_column + 2 if canonical else _first_column(value, key_column + 2)
                    walk(value, here, child, child, blocks, False)
        else:
            for index, item in enumerate(node):
                here = (*path, index)
                dash = column if canonical else _item_column(node, index, column + 2) - 2
                if index == 0:
                    block_columns[path] = dash
                above = lead if index == 0 else dash
                if _is_block(item):
                    inner = dash + 2 if canonical else _first_column(item, dash + 2)
                    walk(item, here, inner, above, blocks, isinstance(item, CommentedMap))
                else:
                    entries.append(_Entry(node, index, here, above, blocks, False, dash))

    if _is_block(tree):
        walk(tree, (), 0, 0, ())
    return layout


def _is_block(value: Any) -> bool:
    return isinstance(value, (CommentedMap, CommentedSeq)) and len(value) > 0


def _key_column(node: CommentedMap, key: Any, default: int) -> int:
    try:
        return int(node.lc.key(key)[1])
    except (AttributeError, KeyError, TypeError, IndexError):
        return default


def _item_column(node: CommentedSeq, index: int, default: int) -> int:
    try:
        return int(node.lc.item(index)[1])
    except (AttributeError, KeyError, TypeError, IndexError):
        return default


def _first_column(node: Any, default: int) -> int:
    if isinstance(node, CommentedMap):
        return _key_column(node, next(iter(node)), default)
    return _item_column(node, 0, default) - 2


def _token_slot(entry: _Entry) -> int:
    return 2 if isinstance(entry.container, CommentedMap) else 0


def _lift_comments(tree: Any) -> _Comments:
    """Take every comment off the tree into a model keyed by field path."""
    model = _Comments()
    layout = _layout(tree, canonical=False)
    entries, block_columns = layout.entries, layout.columns

    # the comment lines that follow each entry, in document order, before any other entry
    after: list[list[str]] = [[] for _ in entries]
    leading: list[str] = []  # lines above the first entry
    if isinstance(tree, (CommentedMap, CommentedSeq)) and tree.ca.comment:
        for token in _flatten([tree.ca.comment[1]]):
            leading.extend(_token_lines(token))

    entry_at = {entry.path: index for index, entry in enumerate(entries)}
    first_inside: dict[FieldPath, int] = {}
    last_inside: dict[FieldPath, int] = {}
    for index, entry in enumerate(entries):
        for end in range(len(entry.path) + 1):
            first_inside.setdefault(entry.path[:end], index)
            last_inside[entry.path[:end]] = index

    def above(path: FieldPath) -> list[str]:
        first = first_inside.get(path, 0)
        return after[first - 1] if first > 0 else leading

    seen: set[int] = set()
    for container in _containers(tree):
        container_path = layout.paths.get(id(container))
        if container_path is None:
            continue
        own_slot = 2 if isinstance(container, CommentedMap) else 0
        for key, slots in container.ca.items.items():
            path = (*container_path, key)
            if path not in first_inside:
                continue
            entry_index = entry_at.get(path)
            for slot, held in enumerate(slots or ()):
                for token in _flatten([held]):
                    if id(token) in seen:
                        continue
                    seen.add(id(token))
                    if slot == own_slot and entry_index is not None:
                        # the comment ending the entry's line, then the lines below it
                        head, rest = _split_token(token.value)
                        if head:
                            model.eol[path] = (head, token.start_mark.column)
                        after[entry_index].extend(rest)
                    elif slot == 1 or (entry_index is None and slot == 0):
                        # comments ruamel keeps above a key, or above a list item that
                        # is itself a section
                        above(path).extend(_token_lines(token))
                    elif entry_index is not None:
                        # between a key and the first line of its value
                        after[entry_index].extend(_token_lines(token))
                    else:
                        after[last_inside[path]].extend(_token_lines(token))
        for token in _flatten([container.ca.end]):
            # comments ruamel keeps after a collection, e.g. after a [flow, list]: they are
            # read like any comment after the collection's last line
            if id(token) not in seen:
                seen.add(id(token))
                after[last_inside[container_path]].extend(_token_lines(token))
    for container in _containers(tree):
        # ruamel mirrors here the comment it also keeps on the parent's key (read above);
        # anything else is a comment above the collection's first entry
        container_path = layout.paths.get(id(container))
        if container is tree or container_path is None or not container.ca.comment:
            continue
        for token in _flatten([container.ca.comment]):
            if id(token) not in seen:
                seen.add(id(token))
                above(container_path).extend(_token_lines(token))

    if entries:
        model.header, first = _split_header(leading)
        model.before.setdefault(_owner(entries[0]), []).extend(first)
    else:
        model.header = leading

    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        closing = [b for b in reversed(entry.blocks)
                   if following is None or b not in following.blocks]
        next_column = following.column if following is not None else -1
        pending: list[str] = []
        leaf = not _is_block(entry.container[entry.key])
        for line in after[index]:
            if not line.strip():
                pending.append("")
                continue
            indent = len(line) - len(line.lstrip(" "))
            text = line.strip()
            if leaf and indent > entry.own_column:
                model.under.setdefault(entry.path, []).extend(
                    [(0, "") for _ in pending] + [(indent - entry.own_column, text)]
                )
                pending = []
                continue
            leaf = False  # once a line is not indented under the entry, the rest are not
            if closing and indent > next_column:
                block = _closed_block(closing, block_columns, indent)
                model.block_end.setdefault(block, []).extend([*pending, text])
            elif following is not None:
                model.before.setdefault(_owner(following), []).extend([*pending, text])
            else:
                model.block_end.setdefault((), []).extend([*pending, text])
            pending = []
        if pending:
            if following is not None:
                model.before.setdefault(_owner(following), []).extend(pending)
            else:
                model.block_end.setdefault((), []).extend(pending)
    _strip(tree)
    return model


def _owner(entry: _Entry) -> FieldPath:
    """What the comment lines right above an entry belong to.

    Above the first key of a list item (``- id: x``) they describe the item, and
    follow it even when another key becomes its first; otherwise, the entry.
    """
    if entry.first_of_item:
        return entry.path[:-1]
    return entry.path


def _closed_block(closing: list[FieldPath], columns: dict[FieldPath, int],
                  indent: int) -> FieldPath:
    """The block a comment line closes: the deepest-indented one it lines up with.

    When blocks share a column (a list written without indenting its dashes), the
    outermost wins: a comment after the last item then closes the section.
    """
    fitting = [b for b in closing if columns.get(b, 0) <= indent]
    if not fitting:
        return closing[-1]
    deepest = max(columns.get(b, 0) for b in fitting)
    return [b for b in fitting if columns.get(b, 0) == deepest][-1]


def _token_lines(token: CommentToken) -> list[str]:
    """A comment token's lines with their indentation (ruamel keeps the first line's
    column aside when the token stands on its own lines)."""
    lines = _lines(token.value)
    if lines and lines[0].startswith("#"):
        lines[0] = " " * (token.start_mark.column or 0) + lines[0]
    return lines


def _split_token(value: str) -> tuple[str, list[str]]:
    head, _, rest = value.partition("\n")
    return head.strip(), _lines(rest)


def _lines(value: str) -> list[str]:
    """The lines of a comment token's text, with their indentation."""
    lines = value.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.rstrip() for line in lines]


def _split_header(lines: list[str]) -> tuple[list[str], list[str]]:
    """Comments at the top of the file: the header (down to the last blank line) and the
    comment block right above the first key, which belongs to that key."""
    last_blank = max((i for i, line in enumerate(lines) if not line.strip()), default=-1)
    header = [line.strip() for line in lines[: last_blank + 1]]
    first = [line.strip() for line in lines[last_blank + 1:]]
    header += [line for line in first if line.startswith(MODELINE)]
    first = [line for line in first if not line.startswith(MODELINE)]
    return header, first


def _containers(tree: Any) -> Iterator[Any]:
    """Every collection in the tree, innermost first."""
    if isinstance(tree, (CommentedMap, CommentedSeq)):
        for value in (tree.values() if isinstance(tree, CommentedMap) else tree):
            yield from _containers(value)
        yield tree


def _strip(tree: Any) -> None:
    for container in _containers(tree):
        container.ca.items.clear()
        container.ca.end = []
        if container is not tree:
            container.ca.comment = None
    if isinstance(tree, (CommentedMap, CommentedSeq)):
        tree.ca.comment = None


def _place_comments(tree: Any, model: _Comments) -> None:
    """Attach the lifted comments to the reordered tree, at their new columns."""
    layout = _layout(tree, canonical=True)
    entries, block_columns = layout.entries, layout.columns
    top = [*model.header]
    if entries:
        top += [_indent(line, entries[0].column) for line in _above(model, entries[0])]
    top = _single_blanks(top)
    while top and not top[0]:
        top.pop(0)
    if top and isinstance(tree, (CommentedMap, CommentedSeq)):
        tokens: list[CommentToken] = []
        for line in top:
            if not line and tokens:
                tokens[-1].value += "\n"  # ruamel keeps a blank line inside the comment before it
            else:
                tokens.append(CommentToken(line + "\n", CommentMark(0)))
        tree.ca.comment = [None, tokens]

    for index, entry in enumerate(entries):
        following = entries[index + 1] if index + 1 < len(entries) else None
        lines = [_indent(text, entry.own_column + offset) if text else ""
                 for offset, text in model.under.get(entry.path, [])]
        for block in reversed(entry.blocks):
            if following is not None and block in following.blocks:
                break
            column = block_columns.get(block, 0)
            lines += [_indent(line, column) for line in model.block_end.get(block, [])]
        if following is not None:
            above = [_indent(line, following.column) for line in _above(model, following)]
            if len(following.path) == 1:
                above = ["", *above]  # one blank line before each top-level section
            lines += above
        if not lines and entry.path not in model.eol:
            continue
        lines = _single_blanks(lines)
        while following is None and lines and not lines[-1]:
            lines.pop()  # no blank lines at the end of the file
        eol, column = model.eol.get(entry.path, ("", 0))
        if _is_block(entry.container[entry.key]):
            column = 0  # "key:  # note" before a block: one space, wherever it was
        token = CommentToken(eol + "\n" + "".join(line + "\n" for line in lines),
                             CommentMark(column))
        slots: list[Any] = [None, None, None, None]
        slots[_token_slot(entry)] = token
        entry.container.ca.items[entry.key] = slots


def _above(model: _Comments, entry: _Entry) -> list[str]:
    """The comment lines to write above an entry: its list item's, then its own."""
    lines = list(model.before.get(entry.path[:-1], [])) if entry.first_of_item else []
    return lines + model.before.get(entry.path, [])


def _one_blank_before_sections(text: str) -> str:
    """Exactly one blank line before each top-level section (or the comments above it).

    The blank lines ruamel.yaml keeps after a ``|`` block belong to the block, so
    they are evened out here, on the text; blank lines inside a section (and so
    inside any block of text) are left as they are.
    """
    lines = text.split("\n")
    out: list[str] = []
    pending = 0  # blank lines seen and not yet written
    for line in lines:
        if not line:
            pending += 1
            continue
        top_level = not line[0].isspace()
        if top_level and out:
            follows_comment = out[-1].startswith("#") and not pending
            out.extend([] if follows_comment else [""])
        else:
            out.extend([""] * pending)
        pending = 0
        out.append(line)
    return "\n".join(out) + "\n" * min(pending, 1)


def _single_blanks(lines: list[str]) -> list[str]:
    """At most one blank line in a row."""
    out: list[str] = []
    for line in lines:
        if line or not out or out[-1]:
            out.append(line)
    return out


def _indent(line: str, column: int) -> str:
    return " " * column + line if line else ""


# -- key order and style ------------------------------------------------------------------------


def _reorder(node: Any, rules: Mapping[str, Rule] | None) -> None:
    """Put mapping keys in schema order, recursively; lists keep their order; phone
    numbers in quotes."""
    if isinstance(node, CommentedMap):
        known = list(rules or {})
        order = sorted(node, key=lambda k: (known.index(k) if k in known else len(known)))
        items = [(key, node[key]) for key in order]
        if [key for key, _ in items] != list(node):
            for key, _ in items:
                del node[key]
            for key, value in items:
                node[key] = value
        for key, value in node.items():
            rule = (rules or {}).get(key)
            if rule is not None and rule.get("type") == "phone" and isinstance(value, str):
                # quoted as the docs ask: unquoted, a number like 0199000101 would be read
                # as a number the day someone drops its spaces
                node[key] = DoubleQuotedScalarString(str(value))
                continue
            _reorder(value, _child_rules(rule))
    elif isinstance(node, CommentedSeq):
        for item in node:
            _reorder(item, rules)


def _child_rules(rule: Rule | None) -> Mapping[str, Rule] | None:
    if rule is None:
        return None
    if rule.get("type") == "dict":
        return rule.get("schema")
    if rule.get("type") == "list":
        item = rule.get("schema", {})
        return item.get("schema") if item.get("type") == "dict" else None
    return None


def _block_style(node: Any) -> None:
    if isinstance(node, (CommentedMap, CommentedSeq)):
        if len(node):
            node.fa.set_block_style()
        for value in (node.values() if isinstance(node, CommentedMap) else node):
            _block_style(value)


# -- safety ------------------------------------------------------------------------------------


def _verify(data: Any, comments: list[str], result: str, path: str,
            text: str = "") -> Diagnostic | None:
    """None when ``result`` holds ``data`` and every comment in ``comments``; otherwise
    where the original differs, said so that the user can change it (the file is left
    as it is)."""
    written = plain_data(result, path)
    if written != data:
        where = first_difference(data, written)
        line = line_of_field(text, where)
        return Diagnostic(path, line, 1, Severity.ERROR, Msg(
            "fmt cannot rewrite this value without changing what YAML reads in it, so the "
            "file was left as it is; put the value in double quotes and run fmt again"),
            where, code="fmt-safety")
    kept = list(comment_lines(result))
    for comment in comments:
        if comment in kept:
            kept.remove(comment)
            continue
        line = next((n for n, row in enumerate(text.splitlines(), 1)
                     if row.strip().endswith(comment) or comment in row), 1)
        return Diagnostic(path, line, 1, Severity.ERROR, Msg(
            "fmt cannot keep the comment '{comment}' where it is, so the file was left as it "
            "is; move the comment onto a line of its own next to a key, or remove it",
            comment=printable(comment[:60])), code="fmt-safety")
    return None


def first_difference(one: Any, other: Any, path: FieldPath = ()) -> FieldPath:
    """The field path of the first place where two loaded documents differ."""
    if isinstance(one, dict) and isinstance(other, dict):
        for key in one:
            if key not in other or one[key] != other[key]:
                return first_difference(one[key], other.get(key), (*path, key))
    elif isinstance(one, list) and isinstance(other, list):
        for index, item in enumerate(one):
            if index >= len(other) or item != other[index]:
                return first_difference(item, other[index] if index < len(other) else None,
                                         (*path, index))
    return path


def line_of_field(text: str, where: FieldPath) -> int:
    if not text or not where:
        return 1
    loaded = load_text(text, "<text>")
    if loaded.document is None:
        return 1
    return loaded.document.locate(where)[0]


class _PlainConstructor(SafeConstructor):
    pass


_PlainConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda self, node: str(self.construct_scalar(node))
)


def plain_data(text: str, path: str) -> Any:
    """The data chartergen reads from text ``fmt`` wrote, by the quick C loader.

    Output of ``fmt`` holds no anchor, tag or alias, so the loader's guards have
    nothing to find; dates stay text, exactly as the loader reads them.
    """
    yaml = YAML(typ="safe")
    yaml.Constructor = _PlainConstructor
    try:
        return yaml.load(text)
    except (YAMLError, ValueError, TypeError):
        loaded = load_text(text, path)
        return None if loaded.document is None else loaded.document.data


def comment_lines(text: str) -> list[str]:
    """The text of every comment line in a YAML document, as its scanner sees them."""
    found: list[str] = []
    for token in YAML(typ="rt").scan(text):
        for comment in token_comments(token):
            found.extend(_comment_texts(comment.value))
    return found


def _comment_texts(value: str) -> list[str]:
    return [line.strip() for line in value.split("\n") if line.strip()]


def token_comments(token: Any) -> Iterator[CommentToken]:
    if isinstance(token, CommentToken):
        yield token
    else:
        yield from _flatten([getattr(token, "_comment", None)])


def _flatten(items: Any) -> Iterator[CommentToken]:
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        if isinstance(item, CommentToken):
            yield item
        elif isinstance(item, (list, tuple)):
            stack.extend(reversed(item))


def _problem(path: str, message: str, code: str) -> Diagnostic:
    return Diagnostic(path, 1, 1, Severity.ERROR, message, code=code)
