"""The allow-list every generated page's HTML goes through (nh3), after Markdown.

Charter text is already escaped when the Markdown is written; this is the
second wall: whatever HTML a page ends up with, only these tags, attributes
and link schemes survive. Scripts, event handlers, styles, iframes, images
and ``javascript:`` links cannot.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

TAGS = {
    # Markdown output
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong", "code",
    "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th", "td", "dl", "dt",
    "dd", "small", "sup", "sub", "div", "span", "details", "summary",
    # chartergen components
    "figure", "figcaption", "label", "input", "button",
    # the score chart (inline SVG drawn at build time)
    "svg", "g", "rect", "text", "title", "line",
}

ATTRIBUTES = {
    "*": {"class", "id", "title", "hidden", "role", "aria-label", "aria-hidden", "lang"},
    "a": {"href", "rel"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
    "details": {"open"},
    "input": {"type", "checked", "disabled", "placeholder", "autocomplete", "for"},
    "label": {"for"},
    "button": {"type"},
    "svg": {"viewBox", "xmlns", "width", "height", "preserveAspectRatio"},
    "rect": {"x", "y", "width", "height", "rx"},
    "text": {"x", "y", "text-anchor"},
    "line": {"x1", "x2", "y1", "y2"},
}

URL_SCHEMES = {"http", "https", "mailto", "tel"}


MANY_AMPERSANDS = 1000
"""From this many ``&amp;`` in a page, they are set aside while the page is cleaned."""

_STAND_INS = [chr(code) for code in range(0xE000, 0xE000 + 64)]


def clean(html: str) -> str:
    """``html`` with everything outside the allow-list removed, and a space between
    adjacent cells and list items (see :func:`word_breaks`)."""
    return word_breaks(_allowed_only(html))


def _allowed_only(html: str) -> str:
    """``html`` with everything outside the allow-list removed."""
    if html.count("&amp;") < MANY_AMPERSANDS:
        return _cleaner().clean(html)
    # nh3's time grows with the square of the '&amp;' in a text (a charter field of
    # 1 MiB of '&' took 40 s): each stands in as a private-use character the page does
    # not hold, which the cleaner passes through as it is, and is put back after.
    stand_in = next((char for char in _STAND_INS if char not in html), None)
    if stand_in is None:
        return _cleaner().clean(html)
    cleaned: str = _cleaner().clean(html.replace("&amp;", stand_in))
    return cleaned.replace(stand_in, "&amp;")


_BLOCK_END = re.compile(r"</(td|th|dt|dd|li|tr|caption|p|div)>(?=<)")


def word_breaks(html: str) -> str:
    """A space after each table cell, definition, list item, paragraph and division that
    another tag follows at once (none of them is laid out inline in the theme). Browsers
    show none of it, but text taken from the page (the search index and its snippets,
    copy and paste) keeps its words apart: "Hours Monday", not "HoursMonday"."""
    return _BLOCK_END.sub(r"</\1> ", html)


@cache
def _cleaner() -> Any:
    # One cleaner for the process: nh3 then converts the allow-lists once, not on
    # every page (that conversion is half the time of cleaning a page).
    import nh3

    return nh3.Cleaner(
        tags=TAGS,
        clean_content_tags={"script", "style"},
        attributes=ATTRIBUTES,
        generic_attribute_prefixes={"data-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )
