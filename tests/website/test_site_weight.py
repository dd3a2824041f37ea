"""A page of a large portfolio weighs about what a page of a one-charter site weighs.

Material renders the navigation into every page; chartergen's navigation partial keeps
only the current charter's pages, so adding charters must not make pages heavier.
"""

from __future__ import annotations

from pathlib import Path

from sitetools import FIXTURES, build, write_project

COPIES = 12


def page_size(site: Path, slug: str) -> int:
    return len((site / slug / "crisis" / "index.html").read_bytes())


def test_page_weight_does_not_grow_with_the_portfolio(tmp_path: Path):
    one = build(write_project(tmp_path / "one", {"bakery-00": FIXTURES / "minimal.yaml"}))
    many = build(write_project(
        tmp_path / "many",
        {f"bakery-{n:02d}": FIXTURES / "minimal.yaml" for n in range(COPIES)},
    ))
    single, portfolio = page_size(one, "bakery-00"), page_size(many, "bakery-00")
    assert portfolio <= single * 1.02, (single, portfolio)
    assert page_size(many, f"bakery-{COPIES - 1:02d}") <= single * 1.02
