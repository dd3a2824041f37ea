"""Golden files of the generated Markdown for one charter (a frozen copy of Hartwell Pumps).

The renderer must give byte-identical pages for the same input. When a change to the
pages is intended, regenerate the golden files and review their diff:

    CHARTERGEN_UPDATE_GOLDEN=1 python -m pytest tests/website/test_site_golden.py
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from chartergen.audit.results import (
    AuditReport,
    CheckResult,
    Finding,
    ManualItem,
    MistakeResult,
    Status,
)
from chartergen.pipeline import load_portfolio
from chartergen.render.site import RenderedSite, render_site
from chartergen.render.view import CharterSource

HERE = Path(__file__).parent
CHARTER = HERE / "fixtures" / "golden" / "hartwell-pumps.yaml"
GOLDEN = HERE / "golden"
TODAY = dt.date(2026, 11, 23)
UPDATE = os.environ.get("CHARTERGEN_UPDATE_GOLDEN") == "1"


def render() -> RenderedSite:
    portfolio = load_portfolio([str(CHARTER)])
    assert portfolio.ok, portfolio.diagnostics
    charter = portfolio.charters[0].charter
    source = CharterSource(
        charter=charter,
        source_path="charters/hartwell-pumps.yaml",
        last_changed=dt.date(2026, 11, 2),
        edit_url="https://git.example.org/comms/charters/-/edit/main/charters/hartwell-pumps.yaml",
        audit=fixed_audit(),
    )
    return render_site([source], today=TODAY)


def fixed_audit() -> AuditReport:
    """An audit report written out here, so that the golden files pin the renderer only
    (the audit's own wording is pinned by the audit's tests)."""
    statuses = [Status.PASS, Status.WARN, Status.FAIL]
    mistakes = []
    for number in range(1, 10):
        status = statuses[number % 3]
        checks = (
            CheckResult(f"m{number}.first", number, f"First check of mistake {number}",
                        status, f"Reason {number} with <markup> to escape.",
                        ("networks", 0, "owner") if number == 5 else ("crisis",),
                        findings=(Finding("One network at fault.", ("networks", 1)),)
                        if status is not Status.PASS else ()),
        )
        manual = (
            ManualItem(f"m{number}.confirmed", number, "Someone confirmed this.",
                       dt.date(2026, 10, 12), "Fiona Marsh"),
            ManualItem(f"m{number}.open", number, "Nobody has confirmed this yet."),
        )
        mistakes.append(MistakeResult(number, f"Mistake {number}", f"Summary {number}.",
                                      status, 100 - 10 * number, checks, manual))
    return AuditReport("hartwell-pumps", "en", 55, tuple(mistakes), today=TODAY)


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    return render()


def test_pages_match_their_golden_files(site: RenderedSite):
    written = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    if UPDATE:
        for path in GOLDEN.rglob("*.md"):
            path.unlink()
        for page in site.pages:
            target = GOLDEN / page.src
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
        pytest.skip("golden files rewritten; review the diff")
    assert {p.src for p in site.pages} == written
    for page in site.pages:
        expected = (GOLDEN / page.src).read_text(encoding="utf-8")
        assert page.markdown == expected, f"{page.src} differs from its golden file"


def test_same_input_gives_byte_identical_pages(site: RenderedSite):
    again = render()
    assert [(p.src, p.markdown) for p in again.pages] == [(p.src, p.markdown) for p in site.pages]
    assert again.nav == site.nav


def test_navigation_lists_the_pages_in_reading_order(site: RenderedSite):
    charter, = site.nav  # a site of one charter: its overview is the home page
    assert site.single
    (title, pages), = charter.items()
    assert title == "Hartwell Pumps Ltd"
    titles = [next(iter(entry)) for entry in pages]
    assert titles == [
        "Overview", "Scope", "Strategy", "Networks", "Voice and tone", "Content",
        "Engagement and moderation", "Staff guidelines", "Self-check",
        "Roles and responsibilities",
        "Resources", "Accounts and security", "Monitoring", "Crisis playbook", "Reporting",
        "Independence from platforms", "Checklist", "How to propose a change",
    ]
    assert pages[0] == {"Overview": "index.md"}
    networks = pages[3]["Networks"]
    assert [next(iter(e)) for e in networks] == [
        "All networks", "LinkedIn", "YouTube", "X (formerly Twitter)"]
