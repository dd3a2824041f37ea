"""How the pages read: dates, numbers, lists, French typography and phrasing, in both languages.

The example charters are rendered to Markdown once (no MkDocs), with their audit, as of
the team's fixed date: the French Cidrerie du Bocage and the English Hartwell Pumps.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sitetools import example

from chartergen.audit import run
from chartergen.pipeline import load_portfolio
from chartergen.render import escape
from chartergen.render.site import RenderedSite, render_site
from chartergen.render.view import CharterSource

TODAY = dt.date(2026, 11, 23)
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    portfolio = load_portfolio([str(example("cidrerie-du-bocage")), str(example("hartwell-pumps"))])
    assert portfolio.ok, portfolio.diagnostics
    sources = [CharterSource(loaded.charter, f"charters/{loaded.charter.slug}.yaml",
                             audit=run(loaded.charter, TODAY))
               for loaded in portfolio.charters]
    return render_site(sources, today=TODAY)


def page(site: RenderedSite, src: str) -> str:
    return site.page(src).markdown


def fr(site: RenderedSite, name: str) -> str:
    return page(site, f"cidrerie-du-bocage/{name}")


def en(site: RenderedSite, name: str) -> str:
    return page(site, f"hartwell-pumps/{name}")


# --- escaping keeps the spaces typography needs -------------------------------------------------

def test_plain_text_keeps_no_break_spaces_and_still_folds_other_white_space():
    assert escape.text(f"Prochaine révision{NNBSP}:") == f"Prochaine révision{NNBSP}:"
    assert escape.text(f"{NNBSP}:") == f"{NNBSP}:"
    assert escape.text("18\u00a0000 EUR") == "18\u00a0000 EUR"
    assert escape.text("  two\n\tlines \u2028 here ") == "two lines here"


def test_css_modifier_classes_are_whole_class_names(site: RenderedSite):
    roles = fr(site, "roles.md")
    assert 'class="cg-matrix__cell cg-matrix__cell--on"' in roles
    assert "&#95;" not in "".join(re.findall(r'class="[^"]*"', roles))
    for markdown in (p.markdown for p in site.pages):
        for classes in re.findall(r'class="([^"]*)"', markdown):
            assert "&#" not in classes, classes
