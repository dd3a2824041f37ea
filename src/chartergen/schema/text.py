"""Checks on the content of free-text fields: links in Markdown may only lead to web pages.

Markdown fields (``meta.markdown`` in the schema) may hold links. The site
never turns a ``javascript:``, ``data:`` or ``vbscript:`` link into a live one
(the renderer escapes raw HTML and the sanitiser drops other schemes), but a
charter that tries is refused here, with the link located, so that the
intent is visible in the pull request rather than silently defused.

Every place Markdown or HTML can hold a link target is looked at: inline
links ``[text](target)``, reference definitions ``[id]: target``, autolinks
``<scheme:...>`` and HTML attributes such as ``href=`` and ``src=``. Before the
scheme is read, the target is decoded the way a browser would read it: HTML
character references are resolved and the control characters and spaces
browsers skip inside a scheme (``java&#9;script:``) are removed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from chartergen.errors import Diagnostic, FieldPath, Severity
from chartergen.loader import Document
from chartergen.messages import Msg
from chartergen.schema.types import URL_SCHEMES

if TYPE_CHECKING:
    from chartergen.schema.crossref import Fields

_INLINE = re.compile(r"\]\(\s*(<[^>\n]*>|[^)\s]+)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:\s*(<[^>\n]*>|\S+)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")
_ATTRIBUTE = re.compile(
    r"""\b(?:href|src|action|formaction|poster|background|data|xlink:href)\s*=\s*"""
    r"""("[^"]*"|'[^']*'|[^\s>]+)""",
    re.IGNORECASE,
)
_SKIPPED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")


def link_scheme_errors(document: Document, fields: Fields | None = None) -> list[Diagnostic]:
    """A located error for each link in a Markdown field whose scheme is not allowed;
    ``fields``: ``walk(document.data)`` if already walked."""
    from chartergen.schema.crossref import walk

    found: list[Diagnostic] = []
    for path, rule, value in walk(document.data) if fields is None else fields:
        if not (rule.get("meta", {}).get("markdown") and isinstance(value, str)):
            continue
        for written, scheme in _bad_links(value):
            line, col = _locate(document, path, written)
            found.append(Diagnostic(
                document.path, line, col, Severity.ERROR,
                Msg("a link in this text starts with '{scheme}:'; links may only start with "
                    "http://, https:// or mailto: (remove the link or give a web address)",
                    scheme=scheme),
                path, code="link-scheme",
            ))
    return found


def link_scheme(target: str) -> str | None:
    """The scheme a browser would read in a link target, lowercased; None for a relative link."""
    decoded = _SKIPPED.sub("", html.unescape(target.strip().strip("<>\"'")))
    match = _SCHEME.match(decoded)
    return match.group(1).lower() if match else None


def _bad_links(value: str) -> Iterator[tuple[str, str]]:
    """(the target as written, its scheme) for each link with a refused scheme, in order."""
    found: dict[tuple[int, int], tuple[str, str]] = {}
    for pattern in (_INLINE, _REFERENCE, _AUTOLINK, _ATTRIBUTE):
        for match in pattern.finditer(value):
            start, end = match.span(1)
            if any(start < seen_end and seen_start < end for seen_start, seen_end in found):
                continue  # one link, seen by two patterns: [x](<javascript:...>)
            written = match.group(1)
            scheme = link_scheme(written)
            if scheme is not None and scheme not in URL_SCHEMES:
                found[(start, end)] = (written, scheme)
    for span in sorted(found):
        yield found[span]


def _locate(document: Document, path: FieldPath, written: str) -> tuple[int, int]:
    """The line and column of ``written`` in the file, searched from the field's position.

    Falls back on the field's own position when the text is not found as written
    (a quoted YAML string may spell it with escapes).
    """
    line, col = document.locate(path)
    lines = document.source.splitlines()
    for number in range(line - 1, min(len(lines), line + 200)):
        start = col - 1 if number == line - 1 else 0
        index = lines[number].find(written, start)
        if index >= 0:
            return number + 1, index + 1
    return line, col
