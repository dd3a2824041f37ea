"""Warnings about values YAML read differently from what the person typed.

These are valid YAML and valid charters, so they are warnings, not errors; but
each one loses or changes something the author wrote without telling them:

* ``why: Show the bakery #bread and news`` keeps only "Show the bakery": YAML
  starts a comment at `` #``;
* ``version: 1.10`` is the number 1.1;
* ``max_share_per_network: 0.6`` is 0.6 %, not 60 %.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from chartergen.errors import Diagnostic, Severity
from chartergen.loader import Document
from chartergen.messages import Msg
from chartergen.schema.crossref import Fields, walk

# "key: value #word" or "- value #word": a plain (unquoted) value cut by a comment that
# reads like a hashtag (no space after the #), the usual slip on social media
_CUT_BY_HASHTAG = re.compile(r"^(\s*(?:-\s+)?(?:[\w.-]+:\s+)?)([^\s#'\"|>&*!%@`{\[][^#]*?)\s#\w")
# where a line's value starts: after its list dash and its key, if it has them
_VALUE_START = re.compile(r"^\s*(?:-\s+)?(?:[\w.-]+:(?:\s+|$))?")
_BLOCK_START = re.compile(r"(?::|^\s*-)\s*[|>][+-]?\d*\s*(?:#.*)?$")


def source_warnings(document: Document, fields: Fields | None = None) -> list[Diagnostic]:
    """Values YAML read otherwise than written; ``fields``: ``walk(document.data)`` if
    already walked."""
    found = list(_hashtag_comments(document))
    for path, rule, value in walk(document.data) if fields is None else fields:
        kind = rule.get("type")
        if kind == ["string", "number"] and isinstance(value, float):
            line, col = document.locate(path)
            written = _token_at(document.source, line, col)
            if written and written != repr(value):
                found.append(Diagnostic(
                    document.path, line, col, Severity.WARNING,
                    Msg("{written} is read as the number {value}; put it in quotes "
                        "('{written}') to keep it as written", written=written,
                        value=f"{value:g}"), path, code="number-as-text"))
        elif kind == "percent" and isinstance(value, (int, float)) and 0 < value < 1:
            line, col = document.locate(path)
            found.append(Diagnostic(
                document.path, line, col, Severity.WARNING,
                Msg("{value} is read as {value}%; for {percent}% write {percent}%",
                    value=f"{value:g}", percent=f"{value * 100:g}"), path,
                code="small-percent"))
    return found


def _hashtag_comments(document: Document) -> Iterator[Diagnostic]:
    if "#" not in document.source:
        return
    block_indent: int | None = None
    for number, line in enumerate(document.source.splitlines(), start=1):
        if block_indent is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > block_indent:
                continue  # inside a | or > block: '#' is text there
            block_indent = None
        # only a line with '|' or '>' starts a block, only one with '#' is cut by a comment:
        # the patterns run on those alone
        if ("|" in line or ">" in line) and _BLOCK_START.search(line):
            block_indent = len(line) - len(line.lstrip(" "))
            continue
        if "#" not in line or line.lstrip().startswith("#"):
            continue
        if line[_VALUE_START.match(line).end():][:1] in ("'", '"'):  # type: ignore[union-attr]
            continue  # a quoted value: ' #' inside the quotes is text
        match = _CUT_BY_HASHTAG.match(line)
        if match:
            col = line.index("#", match.end(2)) + 1
            yield Diagnostic(
                document.path, number, col, Severity.WARNING,
                Msg("the text from ' #' on is read as a comment and left out of the value; "
                    "put the whole value in quotes to keep it"), code="hashtag-comment")


def _token_at(source: str, line: int, col: int) -> str:
    lines = source.splitlines()
    if not 0 < line <= len(lines):
        return ""
    match = re.match(r"[^\s,\]}#]+", lines[line - 1][col - 1:])
    return match.group(0) if match else ""
