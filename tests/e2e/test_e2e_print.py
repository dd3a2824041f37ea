"""The crisis card on screen and on paper, and the printed checklist, in Chromium.

Pages are printed with Chromium's own PDF output (Playwright's ``page.pdf``) under the
site's print styles, and the PDF is read back with pypdf.
"""

from __future__ import annotations

import io
import re
from typing import Any

from e2etools import SCREENSHOTS, Tab, screenshot


def print_to_pdf(page: Any, name: str) -> Any:
    """The page printed as the browser would print it, read back with pypdf."""
    from pypdf import PdfReader

    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    SCREENSHOTS.mkdir(exist_ok=True)
    (SCREENSHOTS / f"{name}.pdf").write_bytes(data)
    return PdfReader(io.BytesIO(data))


def text_of(reader: Any, number: int) -> str:
    return re.sub(r"\s+", " ", reader.pages[number].extract_text())


def test_the_crisis_card_comes_first_with_who_to_call_the_levels_and_the_statements(tab: Tab):
    page = tab.page
    tab.goto("hartwell-pumps/crisis.html")
    card = page.locator(".cg-crisis-card")
    # right under the page's introduction, above "Before a crisis", visible without scrolling
    assert page.evaluate("""() => {
        const card = document.querySelector(".cg-crisis-card");
        const before = document.getElementById("before");
        return !!(card.compareDocumentPosition(before) & Node.DOCUMENT_POSITION_FOLLOWING);
    }""")
    box = card.bounding_box()
    assert box is not None and box["y"] < 400
    assert card.get_attribute("role") == "region"
    calls = card.locator(".cg-crisis-card__calls li")
    assert calls.count() == 3
    first = calls.first
    assert first.locator("strong").inner_text() == "Tom Aldridge"
    assert first.locator("a.cg-phone").get_attribute("href") == "tel:+441632960102"
    levels = card.locator(".cg-crisis-card__levels li a.cg-level").all_inner_texts()
    assert levels == ["Level 1 – Watch", "Level 2 – Issue", "Level 3 – Serious",
                      "Level 4 – Major crisis"]
    # one click to the statements, which sit lower on the page
    card.get_by_role("link", name="3 holding statements, ready to copy").click()
    page.wait_for_function("() => location.hash === '#statements'")
    assert page.locator("#statement-site-incident").is_visible()
    screenshot(page, "crisis-card-top")
    tab.assert_clean()


def test_a_charter_without_a_crisis_section_gets_no_card(tab: Tab):
    tab.goto("northwind-studio/crisis.html")
    assert tab.page.locator(".cg-crisis-card").count() == 0
    assert tab.page.locator(".cg-gaps").is_visible()
    tab.assert_clean()


def test_the_print_button_prints_the_crisis_card_alone_on_one_page(tab: Tab):
    page = tab.page
    tab.goto("hartwell-pumps/crisis.html")
    page.evaluate("() => { window.print = () => { window.printed = document.documentElement"
                  ".classList.contains('cg-print-card'); }; }")
    page.get_by_role("button", name="Print the crisis card").click()
    assert page.evaluate("() => window.printed") is True
    page.evaluate("() => document.documentElement.classList.add('cg-print-card')")
    reader = print_to_pdf(page, "crisis-card-print")
    assert len(reader.pages) == 1
    text = text_of(reader, 0)
    for expected in ("In a crisis, start here · Hartwell Pumps Ltd", "+44 1632 960102",
                     "Level 4 – Major crisis", "Catherine Doyle", "+44 1632 960210",
                     "We are aware of an incident at our Sheffield site",
                     "Our LinkedIn page has been accessed"):
        assert expected in text, expected
    for absent in ("Before a crisis", "Scenario sheets", "Print the crisis card", "Copy"):
        assert absent not in text, absent
    tab.assert_clean()


def test_the_french_crisis_card_fits_one_page_too(tab: Tab):
    page = tab.page
    tab.goto("cidrerie-du-bocage/crisis.html")
    page.evaluate("() => document.documentElement.classList.add('cg-print-card')")
    reader = print_to_pdf(page, "crisis-card-print-fr")
    assert len(reader.pages) == 1
    text = text_of(reader, 0)
    assert "En cas de crise, commencez ici · Cidrerie du Bocage" in text
    # the card's labels are capitals on paper (CSS text-transform)
    assert "APPELEZ D'ABORD" in text and "+33 1 99 00 41 10" in text
    tab.assert_clean()


def test_the_printed_playbook_starts_with_the_card_on_a_page_of_its_own(tab: Tab):
    page = tab.page
    tab.goto("hartwell-pumps/crisis.html")
    reader = print_to_pdf(page, "crisis-playbook-print")
    first, second = text_of(reader, 0), text_of(reader, 1)
    assert "CALL FIRST" in first and "Before a crisis" not in first
    assert second.lstrip().startswith("Before a crisis")
    everything = " ".join(text_of(reader, n) for n in range(len(reader.pages)))
    assert "After-action review" in everything
    # navigation, search and buttons stay off paper
    for absent in ("Table of contents", "Search", "Copy the text", "All charters"):
        assert absent not in everything, absent
    assert len(reader.pages) <= 6
    tab.assert_clean()


def test_the_printed_checklist_keeps_the_summary_and_drops_the_buttons(tab: Tab):
    page = tab.page
    tab.goto("hartwell-pumps/checklist.html")
    reader = print_to_pdf(page, "checklist-print")
    first = text_of(reader, 0)
    assert "Score: 100 / 100" in first and "Completeness: 95%" in first
    assert "9. Dependence on the platforms" in first
    everything = " ".join(text_of(reader, n) for n in range(len(reader.pages)))
    assert "Print the checklist" not in everything and "Clear my ticks" not in everything
    assert "Where it is written" not in everything
    assert len(reader.pages) <= 5
    tab.assert_clean()
