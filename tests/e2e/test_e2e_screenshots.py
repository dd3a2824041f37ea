"""Screenshots of the key pages, on a desktop and a phone, for a person to look at after a run
(tests/e2e/screenshots/, ignored by git). On the phone no page scrolls sideways."""

from __future__ import annotations

from typing import Any

import pytest
from e2etools import Tab, screenshot

KEY_PAGES = {
    "home": "index.html",
    "overview": "hartwell-pumps/index.html",
    "strategy": "hartwell-pumps/strategy.html",
    "network": "hartwell-pumps/networks/linkedin.html",
    "crisis": "hartwell-pumps/crisis.html",
    "crisis-fr": "cidrerie-du-bocage/crisis.html",
    "checklist": "hartwell-pumps/checklist.html",
    "empty-crisis": "northwind-studio/crisis.html",
}
DEVICES = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
              "is_mobile": True, "has_touch": True},
}


@pytest.mark.parametrize("device", DEVICES)
def test_key_pages_fit_the_screen(browser: Any, base_url: str, device: str):
    tab = Tab(browser, base_url, **DEVICES[device])
    try:
        too_wide = {}
        for name, path in KEY_PAGES.items():
            tab.goto(path)
            screenshot(tab.page, f"{name}-{device}", full_page=False)
            width, screen = tab.page.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]")
            if width > screen:
                too_wide[path] = width
        assert too_wide == {}
        # the portfolio's last column shown (a phone leaves some out) can be reached
        tab.goto("index.html")
        table = tab.page.locator("table.cg-portfolio")
        table.evaluate("table => { table.scrollLeft = table.scrollWidth; }")
        score = tab.page.locator("table.cg-portfolio thead th:visible").last.bounding_box()
        assert score is not None and score["x"] + score["width"] <= DEVICES[device][
            "viewport"]["width"]
        tab.assert_clean()
    finally:
        tab.close()
