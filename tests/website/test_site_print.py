"""A charter's print page (``print_pages: true``, what ``chartergen pdf`` prints): a cover, the
contents, every page of the charter as a part; outside the navigation; charter text escaped."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitetools import build, example, parse, write_project

HOSTILE = """\
format: 1
company:
  name: "<script>alert(1)</script> {{ 7*7 }} *Evil* & Co"
  language: en
networks:
  - id: forum
    platform: other
    name: "<img src=x onerror=alert(2)> [x](javascript:alert(3))"
"""


@pytest.fixture(scope="module")
def site(module_tmp: Path) -> Path:
    return build(write_project(module_tmp / "project",
                               {"hartwell-pumps": example("hartwell-pumps"), "evil": HOSTILE},
                               print_pages=True))


def test_the_print_page_holds_every_page_as_a_part_in_navigation_order(site: Path):
    soup = parse(site / "hartwell-pumps" / "print" / "index.html")
    parts = [h["id"] for h in soup.select("article h1.cg-part")]
    assert parts == [
        "part-overview", "part-scope", "part-strategy", "part-networks",
        "part-network-linkedin", "part-network-youtube", "part-network-x", "part-voice",
        "part-content", "part-engagement", "part-staff", "part-roles", "part-resources",
        "part-accounts", "part-monitoring", "part-crisis", "part-reporting",
        "part-independence", "part-checklist"]
    contents = [a["href"] for a in soup.select(".cg-toc a")]
    assert contents == [f"#{part}" for part in parts]
    cover = soup.select_one(".cg-cover")
    assert cover.select_one(".cg-cover__company").get_text() == "Hartwell Pumps Ltd"
    assert "Printed on 23 November 2026" in " ".join(cover.get_text().split())
    # the cover carries the version strip once; the parts do not repeat it
    assert len(soup.select("article .cg-meta")) == 1
    ids = [tag["id"] for tag in soup.select("article [id]")]
    assert len(ids) == len(set(ids))


def test_the_print_page_is_outside_the_navigation_and_only_built_on_request(
        site: Path, tmp_path: Path):
    overview = parse(site / "hartwell-pumps" / "index.html")
    links = [a["href"] for a in overview.select("nav.md-nav--primary a")]
    assert not [href for href in links if "print" in href]
    plain = build(write_project(tmp_path / "plain", {"minimal": example("hartwell-pumps")}))
    assert not (plain / "minimal" / "print").exists()


def test_charter_text_on_the_print_page_stays_text(site: Path):
    soup = parse(site / "evil" / "print" / "index.html")
    article = soup.select_one("article")
    assert article.select("script, img") == []
    assert not [a for a in article.select("a[href]") if "javascript" in a["href"]]
    company = soup.select_one(".cg-cover__company").get_text()
    assert company == "<script>alert(1)</script> {{ 7*7 }} *Evil* & Co"
    assert "<img src=x onerror=alert(2)>" in soup.select_one(".cg-toc").get_text()
