"""Opening and closing a crisis in a charter file (``crisis.current``), keeping every comment.

The change is made where it belongs and nowhere else, so that it reads in review as
the few lines it is: opening adds a ``current:`` block as the first entry of
``crisis`` (or a ``crisis:`` section at the end of the file when there is none);
closing adds one ``ended:`` line at the end of that block. Positions come from
ruamel.yaml's round trip, the values are written by it (quoted where YAML needs
quotes). A charter whose ``crisis`` or ``current`` is written in flow style
(``current: {level: red, since: 2026-12-01}``, a one-line change made from a phone) is
changed through the round trip as a whole.

Before anything is returned, the result is read back: it must be a valid charter
holding exactly the old data plus the change, with every comment of the old text.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError

from chartergen.edit.fmt import canonical_yaml, comment_lines, plain_data
from chartergen.errors import ChartergenError
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
        raise CrisisRefused(Msg(
            "a crisis is already open in this charter (level '{level}', since {since}); "
            "close it first with 'chartergen crisis close'", level=current.level,
            since=current.since.isoformat() if current.since else "?"))
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
    values: dict[str, Any] = {"level": chosen.id, "since": since, "lead": lead,
                              "paused": paused}
    if note:
        values["note"] = note
    tree = _tree(text)
    crisis = tree.get("crisis")
    old_current = crisis.get("current") if isinstance(crisis, dict) else None
    if isinstance(crisis, CommentedMap) and crisis and not _flow(crisis) and (
            old_current is None or (isinstance(old_current, CommentedMap)
            and not _flow(old_current))):
        new_text = _splice_open(text, tree, values)
    elif crisis is None and "crisis" not in tree:
        new_text = _append_section(text, values)
    else:
        if not isinstance(crisis, CommentedMap):
            crisis = CommentedMap()
            tree["crisis"] = crisis
        if "current" in crisis:
            del crisis["current"]
        crisis.insert(0, "current", CommentedMap(values))
        new_text = _dump(tree)
    expected = plain_data(text, "")
    expected.setdefault("crisis", {})
    if not isinstance(expected["crisis"], dict):
        expected["crisis"] = {}
    expected["crisis"]["current"] = {k: _plain(v) for k, v in values.items()}
    _verify(text, new_text, expected, charter)
    return Opened(new_text, chosen, lead, paused)


def close_crisis(text: str, charter: Charter, *, ended: dt.date) -> str:
    """``text`` (the valid charter ``charter``) with its open crisis ended on ``ended``."""
    current = charter.crisis.current
    if not current.level:
        raise CrisisRefused(Msg("no crisis is open in this charter; there is nothing to close"))
    if not current.is_open:
        raise CrisisRefused(Msg(
            "the crisis of this charter was already closed on {ended}; there is nothing to "
            "close", ended=current.ended.isoformat() if current.ended else "?"))
    if current.since and ended < current.since:
        raise CrisisRefused(Msg("the crisis cannot end ({end}) before it started ({start})",
                                end=ended.isoformat(), start=current.since.isoformat()))
    tree = _tree(text)
    block = tree["crisis"]["current"]
    if not _flow(tree["crisis"]) and not _flow(block) and "ended" not in block:
        new_text = _splice_close(text, tree, ended)
    else:
        block["ended"] = ended
        new_text = _dump(tree)
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


def _dump(tree: Any) -> str:
    out = io.StringIO()
    canonical_yaml().dump(tree, out)
    return out.getvalue()


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
    kept = []
    for line in lines[start:end]:
        comment = _comment_of(line)
        if comment:  # never lose a comment: it stays, on its own line, above the new block
            kept.append(" " * column + comment)
    return "\n".join([*lines[:start], *kept, *block, *lines[end:]])


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
        end = tree.lc.key(top[position + 1])[0] if position + 1 < len(top) else len(lines)
    while end - 1 > start and (not lines[end - 1].strip() or (
            lines[end - 1].lstrip().startswith("#")
            and len(lines[end - 1]) - len(lines[end - 1].lstrip()) <= column)):
        end -= 1
    return start, end


def _comment_of(line: str) -> str:
    """The comment a line holds (``# ...``), or ""; a ``#`` inside quotes is no comment."""
    stripped = line.strip()
    if stripped.startswith("#"):
        return stripped
    if "#" not in stripped:
        return ""
    try:
        found = comment_lines(stripped + "\n")
    except YAMLError:  # part of a value written over several lines
        return ""
    return found[0] if found else ""


def _append_section(text: str, values: dict[str, Any]) -> str:
    body = text if text.endswith("\n") or not text else text + "\n"
    block = ["crisis:", "  current:", *_block_lines(values, 4)]
    return body + "\n".join(block) + "\n"


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _verify(old: str, new: str, expected: Any, charter: Charter) -> None:
    """The new text holds ``expected`` and every comment of ``old``, and validates."""
    from chartergen.loader import load_text
    from chartergen.schema import validate

    safety = Msg("the change could not be made safely, so the file was left as it is; please "
                 "report this")
    if plain_data(new, "") != expected:
        raise CrisisRefused(safety)
    if sorted(comment_lines(old)) != sorted(comment_lines(new)):
        raise CrisisRefused(safety)
    loaded = load_text(new, f"{charter.slug}.yaml")
    if loaded.document is None or any(d.is_error for d in validate(loaded.document)):
        raise CrisisRefused(safety)
