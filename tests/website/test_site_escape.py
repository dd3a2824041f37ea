"""Escaping of charter text in the generated Markdown, and the page sanitiser."""

from __future__ import annotations

import re

import markdown
from markupsafe import Markup

from chartergen.render import escape
from chartergen.render.sanitize import clean


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "attr_list", "md_in_html"])


def test_text_turns_markup_and_template_syntax_into_references():
    out = escape.text('<script>alert("x")</script> {{ 7*7 }} *a* [l](javascript:x) | #t')
    bare = re.sub(r"&#\d+;", "", out)
    assert not set(bare) & set('<>"{}*[]|#&')
    assert out.startswith("&#60;script&#62;")


def test_escaped_text_reads_back_as_typed_in_markdown_paragraphs_headings_and_tables():
    hostile = '<b>x</b> *y* {{ z }} a|b [l](javascript:x)'
    html = to_html(f"# {escape.text(hostile)}\n\n| h |\n| --- |\n| {escape.text(hostile)} |\n")
    assert "<b>" not in html and "<em>" not in html and "<a" not in html
    assert html.count("&#60;b&#62;x&#60;/b&#62;") == 2
    assert "<td>" in html  # the pipe did not split the cell


def test_text_collapses_newlines_so_a_value_never_starts_a_markdown_block():
    assert escape.text("one\n\n# two\n- three") == "one &#35; two - three"


def test_prose_keeps_emphasis_links_and_lists_only():
    out = escape.prose("*em* **strong** [ok](https://example.org) [no](javascript:alert(1))\n\n"
                       "- a\n- b\n\n# Heading\n\n![img](https://example.org/i.png) `code`")
    assert out.startswith('<div class="cg-prose">')
    assert "<em>em</em>" in out and "<strong>strong</strong>" in out
    assert '<a href="https://example.org" rel="noopener noreferrer">ok</a>' in out
    assert '<a rel="noopener noreferrer">no</a>' in out
    assert "<ul>" in out and "<h1>" not in out and "<img" not in out and "<code>" not in out


def test_prose_shows_raw_html_as_text():
    out = escape.prose("<script>alert(1)</script><img src=x onerror=alert(2)>")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;" in out


def test_fill_escapes_values_but_keeps_markup_values():
    out = escape.fill("Version {v} by {who}", v="<1>", who=Markup("<em>me</em>"))
    assert out == "Version &#60;1&#62; by <em>me</em>"


def test_mermaid_labels_cannot_close_the_quote_or_open_html():
    out = escape.mermaid_label('A "quote" <b> #1; x|y')
    assert '"' not in out and "<" not in out and "|" not in out
    assert out == "A #quot;quote#quot; #lt;b#gt; #35;1#59; x#124;y"


def test_sanitiser_removes_scripts_handlers_and_bad_links_keeps_components():
    html = ('<div class="cg-card" data-cg-x="1" onclick="x()"><script>alert(1)</script>'
            '<a href="javascript:alert(1)">a</a><a href="tel:+331">t</a>'
            '<img src="https://evil.example/x.png"><iframe src="https://evil.example"></iframe>'
            '<input type="checkbox" data-cg-item="m1.x"><svg viewBox="0 0 1 1"><rect x="0">'
            '</rect></svg></div>')
    out = clean(html)
    assert "onclick" not in out and "<script" not in out and "alert" not in out
    assert "<img" not in out and "<iframe" not in out and "javascript:" not in out
    assert 'href="tel:+331"' in out and 'data-cg-x="1"' in out
    assert '<input type="checkbox" data-cg-item="m1.x">' in out
    assert '<svg viewBox="0 0 1 1">' in out
