"""Accessibility: axe-core (from the npm registry, injected into the page) finds no serious or
critical violation on the key pages, in the light and in the dark colour scheme."""

from __future__ import annotations

from typing import Any

import pytest
from e2etools import Tab, describe, run_axe, screenshot

PAGES = {
    "home": "index.html",
    "overview": "hartwell-pumps/index.html",
    "network": "hartwell-pumps/networks/linkedin.html",
    "crisis": "hartwell-pumps/crisis.html",
    "checklist": "hartwell-pumps/checklist.html",
    "self-check": "hartwell-pumps/self-check.html",
}
SCHEMES = {"light": "default", "dark": "slate"}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_or_critical_accessibility_violation(
        browser: Any, base_url: str, axe_source: str, scheme: str):
    # Material follows the reader's system preference (the palette's media queries)
    tab = Tab(browser, base_url, color_scheme=scheme)
    try:
        found = {}
        for name, path in PAGES.items():
            tab.goto(path)
            assert tab.page.locator("body").get_attribute("data-md-color-scheme") == \
                SCHEMES[scheme]
            violations = [v for v in run_axe(tab.page, axe_source)
                          if v["impact"] in ("serious", "critical")]
            if violations:
                found[path] = violations
            # all of the page in the light scheme, its first screen in the dark one
            screenshot(tab.page, f"{name}-{scheme}", full_page=scheme == "light")
        assert found == {}, describe([found])
        tab.assert_clean()
    finally:
        tab.close()


def test_the_palette_toggle_switches_to_the_dark_scheme_and_remembers_it(tab: Tab):
    page = tab.page
    tab.goto("hartwell-pumps/index.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "default"
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    tab.goto("hartwell-pumps/crisis.html")
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    tab.assert_clean()
