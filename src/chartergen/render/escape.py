"""Turning charter text into page text that can never become markup.

Generated pages are Markdown read by Python-Markdown, with HTML blocks for the
components (cards, grids, checklists). Charter text lands in both contexts, so
one escaping works in both: HTML's special characters and every character
Markdown (or a Jinja-based MkDocs plugin) gives meaning to are written as
numeric character references. Python-Markdown keeps references as they are
and the browser shows the character, so ``<script>``, ``*bold*``,
``[link](javascript:...)`` or ``{{ x }}`` in a charter appear as typed.

Fields that allow a small Markdown subset (:func:`prose`) are converted here,
with a Python-Markdown instance stripped down to paragraphs, emphasis, links
and lists, then cleaned by nh3 with a narrow allow-list.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from markupsafe import Markup

_REFERENCES = {
    ord(char): f"&#{ord(char)};"
    for char in "&<>\"\\`*_{}[]#|~^$"
}

_SPACE = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Runs of white space, no-break spaces left out: French puts a narrow one (U+202F)
before ':' and ';', and amounts group their digits with one; both must survive."""


def text(value: Any) -> Markup:
    """Plain text, on one line, safe in Markdown and in HTML (also inside attributes)."""
    if isinstance(value, Markup):
        return value
    raw = str(value)
    # Every value of every page goes through here, and most of them (labels, names,
    # statuses, numbers) again and again: each text is escaped once.
    escaped = _ESCAPED.get(raw)
    if escaped is None:
        escaped = Markup(_SPACE.sub(" ", raw).strip(" ").translate(_REFERENCES))
        if len(_ESCAPED) >= _ESCAPED_MAX:
            _ESCAPED.clear()
        _ESCAPED[raw] = escaped
    return escaped


_ESCAPED: dict[str, Markup] = {}
_ESCAPED_MAX = 100_000


def lines(value: Any) -> list[Markup]:
    """Text kept as its paragraphs (blank-line separated), each escaped as :func:`text`."""
    parts = re.split(r"\n\s*\n", str(value).strip())
    return [text(part) for part in parts if part.strip()]


PROSE_TAGS = {"p", "em", "strong", "a", "ul", "ol", "li", "br"}
PROSE_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _markdown() -> Any:
    import markdown

    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    # Only the subset charters may use: paragraphs, emphasis, links and lists.
    for name in ("code", "hashheader", "setextheader", "hr", "quote", "indent"):
        if name in md.parser.blockprocessors:
            md.parser.blockprocessors.deregister(name)
    for name in ("backtick", "image_link", "image_reference", "short_image_ref",
                 "autolink", "automail", "html", "entity", "reference", "short_reference",
                 "linebreak"):
        if name in md.inlinePatterns:
            md.inlinePatterns.deregister(name)
    for name in ("html_block", "reference"):
        if name in md.preprocessors:
            md.preprocessors.deregister(name)
    return md


_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")

# An inline link of the subset: [text](target) or [text](target "title"), the target
# holding at most one level of balanced parentheses. Each alternative starts with a
# different character, so matching stays linear.
_LINK = re.compile(
    r"""\[[^\[\]\n]*\]\(\s*(?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)"""
)


EMPHASIS_MARKERS = 200
"""Above this many '*' and '_' in one paragraph, they are shown as typed, not as emphasis."""

EMPHASIS_FIELD_MARKERS = 4000
"""Above this many in the whole field, all of them are (each adds to the paragraphs'
work)."""

PART_LINES = 400
"""Python-Markdown's time grows with the square of a text's blocks and lines (a field of
350,000 one-word paragraphs took 100 s): a longer field is converted in parts this long."""


def _parts(source: str) -> list[str]:
    """``source`` in parts of at most :data:`PART_LINES` lines, cut after a blank line
    where there is one (so a field of paragraphs converts as it would in one piece)."""
    lines = source.split("\n")
    if len(lines) <= PART_LINES:
        return [source]
    parts, start = [], 0
    while start < len(lines):
        end = min(start + PART_LINES, len(lines))
        if end < len(lines):
            end = next((cut for cut in range(end, start + PART_LINES // 2, -1)
                        if not lines[cut - 1].strip()), end)
        parts.append("\n".join(lines[start:end]))
        start = end
    return parts


_AMPERSANDS = [chr(code) for code in range(0xE000, 0xE000 + 64)]
"""Private-use characters: one that the field does not hold stands for its '&'."""

_PARAGRAPHS = re.compile(r"(\n[ \t]*\n)")
_BRACKETS = {ord("["): "&#91;", ord("]"): "&#93;"}
_MARKERS = {**_BRACKETS, ord("*"): "&#42;", ord("_"): "&#95;"}


def _defuse(source: str, ampersand: str) -> str:
    """The field with what would make Python-Markdown slow written as references it skips.

    Python-Markdown looks for the end of every '[' it meets, so a field of
    thousands of unclosed brackets took minutes: only complete links keep theirs.
    Its emphasis takes time growing with the square of the markers in a
    paragraph ('*_*_...' over 80 KB took seconds, over 1 MiB did not end): a
    paragraph with more than :data:`EMPHASIS_MARKERS` of them shows them as typed.
    Outside links, '&' becomes ``ampersand``, put back once the HTML is clean (the
    cleaner takes time growing with the square of the references in a text).
    """
    out: list[str] = []
    brackets = {**_BRACKETS, ord("&"): ampersand}
    markers = {**_MARKERS, ord("&"): ampersand}
    every = source.count("*") + source.count("_") > EMPHASIS_FIELD_MARKERS
    for paragraph in _PARAGRAPHS.split(source):
        table = markers if every or (paragraph.count("*") + paragraph.count("_")
                                     > EMPHASIS_MARKERS) else brackets
        last = 0
        for match in _LINK.finditer(paragraph):
            out.append(paragraph[last:match.start()].translate(table))
            out.append(match.group().replace("&", "&#38;"))
            last = match.end()
        out.append(paragraph[last:].translate(table))
    return "".join(out)
_TEXT_REFERENCES = {ord(char): f"&#{ord(char)};" for char in "\\`*_{}[]#|~^$"}


def prose(value: Any) -> Markup:
    """A Markdown-subset field as a sanitised HTML block (``<div class="cg-prose">``).

    Raw HTML in the field is shown as text: ``<``, ``>`` and ``&`` are escaped
    before conversion. Links keep only http, https and mailto targets.
    """
    source = str(value).strip()
    if not source:
        return Markup("")
    # a field holding all of them (never, in practice) keeps the slower reference
    ampersand = next((char for char in _AMPERSANDS if char not in source), "&#38;")
    source = _defuse(source, ampersand).replace("<", "&lt;").replace(">", "&gt;")
    md = _markdown()
    try:
        converted = []
        for part in _parts(source):
            md.reset()
            converted.append(md.convert(part))
        html = "\n".join(converted)
    except RecursionError:
        # "- - - - ... x" nests a list per marker; Python-Markdown recurses once each
        md.reset()
        html = "".join(f"<p>{part}</p>" for part in lines(value))
    clean = _prose_cleaner().clean(html)
    if len(ampersand) == 1:
        clean = clean.replace(ampersand, "&amp;")
    # The block is raw HTML to Python-Markdown, but a theme or a later tool may
    # still run text through Markdown or Jinja: neutralise their characters too.
    parts = _TAG_OR_TEXT.split(clean)
    safe = "".join(
        part if part.startswith("<") else part.replace("\n", " ").translate(_TEXT_REFERENCES)
        for part in parts
    )
    return Markup(f'<div class="cg-prose">{safe}</div>')


@cache
def _prose_cleaner() -> Any:
    """One nh3 cleaner for the process (building its allow-lists is half a clean's time)."""
    import nh3

    return nh3.Cleaner(
        tags=PROSE_TAGS,
        attributes=PROSE_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def fill(template: str, **values: Any) -> Markup:
    """A label with ``{name}`` placeholders, filled with escaped values.

    The label itself is trusted catalogue text but is escaped too, so a label
    may hold any character; values that are already :class:`Markup` go in as they are.
    """
    out = []
    for index, part in enumerate(re.split(r"\{(\w+)\}", template)):
        if index % 2:
            out.append(str(text(values[part])))
        else:
            out.append(part.translate(_REFERENCES))
    return Markup("".join(out))


_MERMAID = {ord('"'): "#quot;", ord("#"): "#35;", ord("<"): "#lt;", ord(">"): "#gt;",
            ord("`"): "#96;", ord("&"): "#38;", ord("{"): "#123;", ord("}"): "#125;",
            ord(";"): "#59;", ord("|"): "#124;", ord("["): "#91;", ord("]"): "#93;"}


def mermaid_label(value: Any) -> Markup:
    """Text for a quoted Mermaid label, as it must appear inside ``<code>`` in HTML.

    Mermaid's own entity codes replace its special characters (and HTML's, since
    the source sits in the page as text); newlines become spaces.
    """
    # One pass of str.translate: codes it writes are never replaced again.
    return Markup(_SPACE.sub(" ", str(value)).strip().translate(_MERMAID))
