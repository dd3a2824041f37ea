"""Every page of the example site in Chromium: it loads, logs no error, asks nothing of any
outside host, and every link on it leads to a page (and heading) that exists."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
from e2etools import Tab, require_axe, require_chromium


def site_pages(site_dir: Path) -> list[str]:
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html"))


def test_the_example_site_has_all_its_pages(site_dir: Path):
    from chartergen.render.pages import PAGES

    pages = site_pages(site_dir)
    # every page of the 3 charters, their 10 networks, the home page and the 404 page
    assert len(pages) == 3 * len(PAGES) + 10 + 2
    assert "hartwell-pumps/crisis.html" in pages
    assert "cidrerie-du-bocage/networks/tiktok.html" in pages


def test_every_page_loads_without_error_or_outside_request_and_its_links_resolve(
        tab: Tab, site_dir: Path, base_url: str):
    ids: dict[str, set[str]] = {}
    links: dict[str, set[str]] = {}
    for path in site_pages(site_dir):
        tab.goto(path, wait_until="load")
        ids[path] = set(tab.page.evaluate(
            "() => Array.from(document.querySelectorAll('[id]'), e => e.id)"))
        for href in tab.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            if href.startswith(base_url):
                links.setdefault(href, set()).add(path)
    tab.assert_clean()

    broken = []
    for href, sources in sorted(links.items()):
        url, fragment = urldefrag(href)
        target = unquote(urlsplit(url).path).lstrip("/")
        if target == "" or target.endswith("/"):
            target += "index.html"
        if not target.endswith(".html") and (site_dir / target).is_file():
            continue  # a file to download (a calendar)
        if target not in ids:
            broken.append(f"{href} (from {sorted(sources)[0]}): no such page")
        elif fragment and unquote(fragment) not in ids[target]:
            broken.append(f"{href} (from {sorted(sources)[0]}): no such heading")
    assert broken == []


def test_the_harness_catches_an_outside_request_and_a_console_error(tab: Tab):
    """The tab the tests use would see a page calling a CDN, from the page or a worker."""
    tab.goto("index.html")
    tab.page.evaluate("""async () => {
        await fetch("https://cdn.example.org/lib.js").catch(() => null);
        const worker = new Worker(URL.createObjectURL(new Blob(
            ["fetch('https://fonts.example.org/font.css').catch(() => null)"])));
        await new Promise(resolve => setTimeout(resolve, 500));
        worker.terminate();
        console.error("something broke");
    }""")
    assert "https://cdn.example.org/lib.js" in tab.outside
    assert "https://fonts.example.org/font.css" in tab.outside
    assert any(error.endswith(": something broke") for error in tab.errors)


def test_a_missing_chromium_fails_the_tests_with_how_to_install_it(tmp_path: Path):
    with pytest.raises(pytest.fail.Exception) as failed:
        require_chromium(tmp_path / "chromium")
    assert str(failed.value) == (
        f"the browser tests need Debian's Chromium at {tmp_path / 'chromium'}, which is "
        "missing: run `make browser` from the repository root (it runs `apt-get install "
        "chromium fonts-dejavu-core` and `npm ci --prefix tests/e2e`)")


def test_without_npm_the_accessibility_tests_fail_saying_how_to_get_axe_core(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no npm on the path
    with pytest.raises(pytest.fail.Exception) as failed:
        require_axe(tmp_path / "e2e" / "node_modules" / "axe-core" / "axe.min.js")
    assert "need axe-core from the npm registry, and npm is missing" in str(failed.value)
