"""Opening and closing a crisis in a charter file (``crisis.current``), keeping every comment.

The change is made where it belongs and nowhere else, so that it reads in review as
the few lines it is: opening adds a ``current:`` block as the first entry of
``crisis`` (or a ``crisis:`` section at the end of the file when there is none);
closing adds one ``ended:`` line at the end of that block. Positions come from
ruamel.yaml's round trip, the values are written by it (quoted where YAML needs
quotes). A ``crisis`` or ``current`` written in flow style (``current: {level: red,
since: 2026-12-01}``, a one-line change made from a phone) has its own lines written
again in block style, the comments among them kept on lines of their own above it;
the rest of the file (a ``%YAML`` line, comments on ``---`` or after ``...``) is not
touched.

Before anything is returned, the result is read back: it must be a valid charter
holding exactly the old data plus the change, with every comment of the old text.
Otherwise the change is refused, saying at which line and what to change.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from chartergen.edit.fmt import (
    canonical_yaml,
    comment_lines,
    plain_data,
    token_comments,
)
from chartergen.errors import ChartergenError, printable
from chartergen.messages import Msg
from chartergen.model import Charter, Level


class CrisisRefused(ChartergenError):
    """The crisis cannot be opened or closed as asked; the file is left as it was."""


@dataclass(frozen=True)
class Opened:
    text: str
    level: Level
    lead: str
    paused: bool


def open_crisis(text: str, charter: Charter, *, level: str, since: dt.date,
                lead: str | None = None, paused: bool | None = None,
                note: str | None = None) -> Opened:
    """``text`` (the valid charter ``charter``) with a crisis opened at ``level``.

    ``level`` is a level's id, or its number counted from the least severe (1). The lead
    defaults to the level's lead, ``paused`` to the level's ``pause_scheduled``.
    """
    current = charter.crisis.current
    if current.is_open:
        named = next((lv.name for lv in charter.crisis.levels
                      if lv.id == current.level and lv.name), current.level)
        raise CrisisRefused(Msg(
            "a crisis is already open in this charter (level '{level}', since {since}); "
            "close it first with 'chartergen crisis close'", level=named,
            since=_day(charter, current.since)))
    chosen = _level(charter, level)
    lead = lead or chosen.lead
    if not lead:
        raise CrisisRefused(Msg(
            "the level '{level}' names no lead: say who leads with --lead ROLE", level=chosen.id))
    if charter.role(lead) is None:
        known = ", ".join(r.id for r in charter.team.roles) or "-"
        raise CrisisRefused(Msg("'{role}' is not one of this charter's roles (roles: {known})",
                                role=lead, known=known))
    paused = bool(chosen.pause_scheduled) if paused is None else paused
    bad = _unwritable(note or "")
    if bad:
        raise CrisisRefused(Msg("the note holds {character}, which a charter cannot hold; "
                                "write the note without it", character=bad))
    values: dict[str, Any] = {"level": chosen.id, "since": since, "lead": lead,
                              "paused": paused}
    if note:
        values["note"] = note
    tree = _tree(text)
    crisis = tree.get("crisis")
    if isinstance(crisis, CommentedMap) and crisis and not _flow(crisis):
        new_text = _splice_open(text, tree, values)
    elif crisis is None and "crisis" not in tree:
        new_text = _append_section(text, values)
    else:  # written in flow style ({...}), or empty: its lines are written again, in block
        section = _bare(crisis) if isinstance(crisis, CommentedMap) else {}
        section.pop("current", None)
        new_text = _replace_section(text, tree, {"current": values, **section})
    expected = plain_data(text, "")
    expected.setdefault("crisis", {})
    if not isinstance(expected["crisis"], dict):
        expected["crisis"] = {}
    expected["crisis"]["current"] = {k: _plain(v) for k, v in values.items()}
    _verify(text, new_text, expected, charter)
    return Opened(new_text, chosen, lead, paused)


def _day(charter: Charter, day: dt.date | None) -> str:
    """``day`` as the charter's language writes a date ("5 décembre 2026")."""
    from chartergen.i18n.formatting import Formatter

    return Formatter.of(charter.company.language).date(day) if day else "?"


def close_crisis(text: str, charter: Charter, *, ended: dt.date) -> str:
    """``text`` (the valid charter ``charter``) with its open crisis ended on ``ended``."""
    current = charter.crisis.current
    if not current.level:
        raise CrisisRefused(Msg("no crisis is open in this charter; there is nothing to close"))
    if not current.is_open:
        raise CrisisRefused(Msg(
            "the crisis of this charter was already closed on {ended}; there is nothing to "
            "close", ended=_day(charter, current.ended)))
    if current.since and ended < current.since:
        raise CrisisRefused(Msg("the crisis cannot end ({end}) before it started ({start})",
                                end=ended.isoformat(), start=current.since.isoformat()))
    tree = _tree(text)
    block = tree["crisis"]["current"]
    if not _flow(tree["crisis"]) and not _flow(block) and "ended" not in block:
        new_text = _splice_close(text, tree, ended)
    elif not _flow(tree["crisis"]):  # the block is written again, in block style
        new_text = _splice_open(text, tree, {**_bare(block), "ended": ended})
    else:
        section = _bare(tree["crisis"])
        section["current"]["ended"] = ended
        new_text = _replace_section(text, tree, section)
    expected = plain_data(text, "")
    expected["crisis"]["current"]["ended"] = ended.isoformat()
    _verify(text, new_text, expected, charter)
    return new_text


# --- finding the level -----------------------------------------------------------------------


def _level(charter: Charter, wanted: str) -> Level:
    levels = charter.crisis.levels
    if not levels:
        raise CrisisRefused(Msg("this charter declares no crisis levels; add them under "
                                "'crisis.levels' first"))
    found = charter.level(wanted)
    if found is not None:
        return found
    if wanted.isdigit() and 1 <= int(wanted) <= len(levels):
        return levels[int(wanted) - 1]
    listed = ", ".join(f"{i} ({lv.id})" for i, lv in enumerate(levels, 1))
    raise CrisisRefused(Msg("'{level}' is not one of this charter's crisis levels: give its id "
                            "or its number ({listed})", level=wanted, listed=listed))


# --- writing ---------------------------------------------------------------------------------


def _tree(text: str) -> Any:
    return canonical_yaml().load(text)


def _bare(node: Any) -> Any:
    """``node`` as plain dicts and lists, its values as read, without comments or styles."""
    if isinstance(node, dict):
        return {key: _bare(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_bare(item) for item in node]
    return node


def _flow(node: Any) -> bool:
    return bool(getattr(node, "fa", None) and node.fa.flow_style())


def _block_lines(values: dict[str, Any], indent: int) -> list[str]:
    """``values`` as block lines indented by ``indent`` spaces, written by ruamel.yaml."""
    out = io.StringIO()
    canonical_yaml().dump(CommentedMap(values), out)
    return [" " * indent + line for line in out.getvalue().rstrip("\n").split("\n")]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def _child_column(mapping: CommentedMap, default: int) -> int:
    first = next(iter(mapping), None)
    return mapping.lc.key(first)[1] if first is not None else default


def _splice_open(text: str, tree: Any, values: dict[str, Any]) -> str:
    lines = _lines(text)
    crisis = tree["crisis"]
    crisis_line, crisis_column = tree.lc.key("crisis")
    column = _child_column(crisis, crisis_column + 2)
    step = max(2, column - crisis_column)
    block = [" " * column + "current:", *_block_lines(values, column + step)]
    if "current" not in crisis:
        # right below 'crisis:', so a comment above the first entry stays with that entry
        return "\n".join([*lines[:crisis_line + 1], *block, *lines[crisis_line + 1:]])
    start, end = _span(tree, lines)
    # never lose a comment: each stays, on a line of its own, above the new block
    kept = [" " * column + comment for comment in _comments_in(text, start, end)]
    return "\n".join([*lines[:start], *kept, *block, *lines[end:]])


def _replace_section(text: str, tree: Any, section: dict[str, Any]) -> str:
    """``text`` with the lines of its ``crisis`` section (written in flow style, on one line
    or several) replaced by ``section`` in block style; its comments are kept above."""
    lines = _lines(text)
    start, column = tree.lc.key("crisis")
    top = list(tree)
    position = top.index("crisis")
    end = (tree.lc.key(top[position + 1])[0] if position + 1 < len(top)
           else _document_end(lines, start))
    end = _trimmed_end(lines, start, end, column)
    kept = [" " * column + comment for comment in _comments_in(text, start, end)]
    block = [" " * column + "crisis:", *_block_lines(section, column + 2)]
    return "\n".join([*lines[:start], *kept, *block, *lines[end:]])


def _comments_in(text: str, start: int, end: int) -> list[str]:
    """The comments of ``text`` on its lines ``start`` to ``end`` (excluded), as YAML's
    scanner sees them: a ``#`` inside quotes or inside a block of text is none."""
    found: list[str] = []
    for token in YAML(typ="rt").scan(text):
        for comment in token_comments(token):
            # one token can hold the comment lines that follow it, blank lines between
            for offset, line in enumerate(comment.value.split("\n")):
                if line.strip() and start <= comment.start_mark.line + offset < end:
                    found.append(line.strip())
    return found


def _document_end(lines: list[str], start: int) -> int:
    """The line after the last one of the document that holds line ``start``: a ``...``
    or ``---`` line ends it, else the end of the file."""
    for number in range(start + 1, len(lines)):
        if lines[number].rstrip("\r") == "..." or lines[number].startswith(("... ", "---")):
            return number
    return len(lines)


def _trimmed_end(lines: list[str], start: int, end: int, column: int) -> int:
    """``end`` moved up over the blank lines and comments at ``column`` or less above it:
    they belong to what follows."""
    while end - 1 > start and (not lines[end - 1].strip() or (
            lines[end - 1].lstrip().startswith("#")
            and len(lines[end - 1]) - len(lines[end - 1].lstrip()) <= column)):
        end -= 1
    return end


def _splice_close(text: str, tree: Any, ended: dt.date) -> str:
    lines = _lines(text)
    current = tree["crisis"]["current"]
    key_column = tree["crisis"].lc.key("current")[1]
    column = _child_column(current, key_column + 2)
    start, end = _span(tree, lines)
    last = end - 1
    while last > start and (not lines[last].strip() or (
            lines[last].lstrip().startswith("#")
            and len(lines[last]) - len(lines[last].lstrip()) <= key_column)):
        last -= 1
    line = _block_lines({"ended": ended}, column)
    return "\n".join([*lines[:last + 1], *line, *lines[last + 1:]])


def _span(tree: Any, lines: list[str]) -> tuple[int, int]:
    """The lines of ``crisis.current``: from its key to the next entry after it (comment
    lines right above that entry belong to it, so they are left out)."""
    crisis = tree["crisis"]
    keys = list(crisis)
    start, column = crisis.lc.key("current")
    index = keys.index("current")
    if index + 1 < len(keys):
        end = crisis.lc.key(keys[index + 1])[0]
    else:
        top = list(tree)
        position = top.index("crisis")
        end = (tree.lc.key(top[position + 1])[0] if position + 1 < len(top)
               else _document_end(lines, start))
    return start, _trimmed_end(lines, start, end, column)


def _append_section(text: str, values: dict[str, Any]) -> str:
    body = text if text.endswith("\n") or not text else text + "\n"
    block = ["crisis:", "  current:", *_block_lines(values, 4)]
    return body + "\n".join(block) + "\n"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _verify(old: str, new: str, expected: Any, charter: Charter) -> None:
    """The new text holds ``expected`` and every comment of ``old``, and validates; else
    the change is refused, saying where and what to do (the file is left as it is)."""
    from chartergen.edit.fmt import first_difference, line_of_field
    from chartergen.loader import load_text
    from chartergen.schema import validate

    written = plain_data(new, "")
    if written != expected:
        where = first_difference(expected, written)
        line = line_of_field(old, where) if _in(where, plain_data(old, "")) else 1
        raise CrisisRefused(Msg(
            "the crisis could not be written without changing what YAML reads in the value "
            "at line {line}, so the file was left as it is; put that value in double quotes "
            "and run the command again", line=line))
    kept = comment_lines(new)
    for comment in comment_lines(old):
        if comment in kept:
            kept.remove(comment)
            continue
        line = next((n for n, row in enumerate(old.splitlines(), 1) if comment in row), 1)
        raise CrisisRefused(Msg(
            "the comment '{comment}' at line {line} could not be kept where it is, so the "
            "file was left as it is; move the comment onto a line of its own next to a key, "
            "or remove it, and run the command again", comment=printable(comment[:60]),
            line=line))
    loaded = load_text(new, f"{charter.slug}.yaml")
    problems = loaded.diagnostics if loaded.document is None else validate(loaded.document)
    error = next((d for d in problems if d.is_error), None)
    if error is not None:
        raise CrisisRefused(Msg(
            "the change would make the charter invalid, so the file was left as it is: "
            "{problem} ({field})", problem=error.message, field=error.field or "crisis"))


def _in(where: tuple[Any, ...], data: Any) -> bool:
    """Whether the field path ``where`` leads to a value of ``data``."""
    for step in where:
        try:
            data = data[step]
        except (KeyError, IndexError, TypeError):
            return False
    return True


def _unwritable(text: str) -> str | None:
    """The first character of ``text`` that no charter may hold, described; or None."""
    for char in text:
        category = unicodedata.category(char)
        if category == "Cs":
            return Msg("half of a character (a lone surrogate, U+{code:04X})", code=ord(char))
        if category == "Cc" and char not in "\n\t":
            return Msg("a control character (U+{code:04X})", code=ord(char))
    return None
