"""Layout in headless Chromium: names wrap between words only, phone numbers stay on a line.

A French portfolio with a long company name, on a phone and on a desktop: the home table
never splits a word of a company name ("Boulangeri/e") and every phone link is one line.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from e2etools import ROOT, TODAY, served

LONG_NAME = "Boulangerie-pâtisserie Lemonnier"

# For each element, whether a word of its text (a hyphen may end a line) is wider than the
# element's own box, i.e. split over two lines; measured with a hidden span in the same font.
SPLIT_WORDS = """(selector) => [...document.querySelectorAll(selector)].map(el => {
  const probe = document.createElement("span");
  probe.style.cssText = "position:absolute;visibility:hidden;white-space:nowrap";
  el.appendChild(probe);
  const widest = Math.max(...el.textContent.split(/\\s+|(?<=-)/).filter(Boolean).map(word => {
    probe.textContent = word; return probe.getBoundingClientRect().width; }));
  probe.remove();
  return [el.textContent.trim(), widest > el.getBoundingClientRect().width + 0.5];
})"""


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """This module's own site: the cider maker and a bakery with a long name."""
    folder = tmp_path_factory.mktemp("layout")
    cidrerie = ROOT / "charters" / "cidrerie-du-bocage.yaml"
    text = cidrerie.read_text(encoding="utf-8")
    bakery = text.replace("  name: Cidrerie du Bocage\n", f"  name: {LONG_NAME}\n", 1)
    assert bakery != text
    (folder / "charters").mkdir()
    (folder / "charters" / cidrerie.name).write_text(text, encoding="utf-8")
    (folder / "charters" / "boulangerie-lemonnier.yaml").write_text(bakery, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "chartergen", "build", "charters", "--site-dir", "site",
         "--today", TODAY, "-q"], cwd=folder, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    with served(folder / "site") as url:
        yield url


@pytest.mark.parametrize("width", [390, 1000])
def test_company_names_wrap_between_words_only(browser: Any, base_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base_url, wait_until="networkidle")
    names = page.evaluate(SPLIT_WORDS, ".cg-portfolio td:first-child a, .cg-heatmap tbody th a")
    assert len(names) == 4
    assert LONG_NAME in [name for name, _split in names]
    assert [name for name, split in names if split] == []
    page.close()


@pytest.mark.parametrize("width", [390, 1000])
def test_phone_numbers_stay_on_one_line(browser: Any, base_url: str, width: int):
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(base_url + "cidrerie-du-bocage/crisis.html", wait_until="networkidle")
    lines = page.evaluate("""() => [...document.querySelectorAll('a[href^="tel:"]')]
        .map(a => [a.textContent, a.getClientRects().length])""")
    assert len(lines) >= 10
    assert [phone for phone, count in lines if count != 1] == []
    page.close()
