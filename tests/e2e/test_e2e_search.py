"""Search as readers use it, in headless Chromium on the example charters' site.

The questions of search_questions.yaml each find their page among the first three; each
result names its charter (the text of results: tests/website/test_site_search_text.py);
ticks, "where it is written" links and the version strip stay out of the index; the
charter being read comes first; a word is found from another form of it (English and
French stemming).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from e2etools import Tab

QUESTIONS = yaml.safe_load((Path(__file__).parent / "search_questions.yaml").read_text("utf-8"))


@pytest.fixture(scope="session")
def engine() -> str:
    """Material's search box, its index and chartergen's ranking of its results: the MkDocs
    site only (Zensical's search is its own; tests/e2e/test_e2e_site.py searches both)."""
    return "mkdocs"


@pytest.fixture(scope="module")
def index(site_dir: Path) -> list[dict[str, str]]:
    return json.loads((site_dir / "search" / "search_index.json").read_text("utf-8"))["docs"]


@pytest.fixture
def tab(browser: Any, base_url: str) -> Iterator[Any]:
    opened = Tab(browser, base_url)
    yield opened
    opened.assert_clean()
    opened.close()


def written_words(index: list[dict[str, str]]) -> set[str]:
    """Every word of the site's pages, as written, split where the search splits them."""
    return {word for doc in index
            for word in re.split(r"[\s\-]+", re.sub(r"<[^>]+>", " ", doc["title"] + " "
                                                      + doc["text"]).lower())}


def page_key(path: str) -> str:
    """A page as "charter/page", whether its URL ends in .html or in a folder."""
    key = path.strip("/").removesuffix(".html").removesuffix("/index")
    return "" if key == "index" else key


def search(opened: Tab, start: str, query: str) -> list[dict[str, str]]:
    """The result pages for ``query`` typed on ``start``: page key and title, in order."""
    opened.goto(start, wait_until="networkidle")
    tab = opened.page
    tab.keyboard.press("s")
    tab.type("input.md-search__input", query, delay=5)
    # a count of results, or none found ("No matching documents", "Aucun document trouvé")
    tab.wait_for_function("() => document.querySelector('.md-search-result__meta')"
                          ".textContent.match(/\\d|^(No|Aucun) /)")
    tab.wait_for_timeout(200)  # the charter's own results are moved up as they come in
    results = tab.eval_on_selector_all(".md-search-result__item", """items => items.map(item => {
        const link = item.querySelector('a');
        return {path: new URL(link.href).pathname,
                title: link.querySelector('h1, h2').textContent.trim()};
    })""")
    return [{**r, "path": page_key(r["path"])} for r in results]


def test_the_question_list_asks_enough_in_both_languages():
    asked: dict[str, list[str]] = {"en": [], "fr": []}
    for question in QUESTIONS:
        asked["fr" if question["from"].startswith("cidrerie") else "en"].append(question["ask"])
    assert len(asked["en"]) >= 15 and len(asked["fr"]) >= 15, asked
    for must in ("who do I call at night", "holding statement data breach",
                 "can I post about a customer"):
        assert must in asked["en"]
    for must in ("délai de réponse", "qui valide", "puis-je publier sur un client"):
        assert must in asked["fr"]


@pytest.mark.parametrize("question", QUESTIONS,
                         ids=[f"{q['from'].split('/')[0]}: {q['ask']}" for q in QUESTIONS])
def test_each_question_finds_its_page_in_the_first_three(tab: Tab, question: dict[str, str]):
    found = [r["path"] for r in search(tab, question["from"], question["ask"])]
    assert page_key(question["find"]) in found[:3], found[:5]


def test_each_result_names_its_charter(tab: Tab):
    results = search(tab, "index.html", "crisis")
    assert len(results) >= 3
    companies = {"hartwell-pumps": "Hartwell Pumps Ltd", "northwind-studio": "Northwind Studio",
                 "cidrerie-du-bocage": "Cidrerie du Bocage"}
    for result in results:
        charter = result["path"].split("/")[0]
        if charter in companies:
            assert result["title"].endswith(f"· {companies[charter]}"), result


def test_the_charter_being_read_comes_first(tab: Tab):
    for start in ("northwind-studio/crisis.html", "hartwell-pumps/crisis.html"):
        results = search(tab, start, "crisis")
        charters = [r["path"].split("/")[0] for r in results]
        own = start.split("/")[0]
        assert charters[0] == own
        assert charters == sorted(charters, key=lambda c: c != own)  # all its own, then others


def test_ticks_where_links_and_the_version_strip_stay_out_of_the_index(
        index: list[dict[str, str]]):
    text = " ".join(doc["text"] for doc in index)
    assert "✓" not in text and "✗" not in text
    assert "Where it is written" not in text and "Où c'est écrit" not in text
    assert "Version 3.1" not in text
    assert not any(doc["location"].endswith("#contents") for doc in index)


@pytest.mark.parametrize(("start", "typed", "written", "page"), [
    # French stemming: "piratés" is written nowhere; the accounts page says "piraté"
    ("cidrerie-du-bocage/index.html", "piratés", "piraté", "cidrerie-du-bocage/accounts"),
    # English stemming: "hacking" is written nowhere; the accounts page says "hacked"
    ("hartwell-pumps/index.html", "hacking", "hacked", "hartwell-pumps/accounts"),
])
def test_a_word_is_found_from_another_form_of_it(tab: Tab, index: list[dict[str, str]],
                                                 start: str, typed: str, written: str,
                                                 page: str):
    # no page has a word starting with the form typed: only its stem can find the page
    words = written_words(index)
    assert not any(word.startswith(typed) for word in words)
    assert written in words
    found = [r["path"] for r in search(tab, start, typed)]
    assert page in found[:3], found


def test_searching_a_mixed_site_leaves_no_warning_in_the_console(tab: Tab):
    warnings: list[str] = []
    tab.page.on("console", lambda message: warnings.append(message.text)
                if message.type == "warning" else None)
    assert search(tab, "cidrerie-du-bocage/index.html", "crise")
    assert not [text for text in warnings if "lunr" in text or "registered" in text], warnings


def test_a_question_of_small_words_only_is_still_searched(tab: Tab):
    # "who", "when" and "what" are all left out of the index; typed alone, they are kept
    assert search(tab, "hartwell-pumps/index.html", "who")


def test_french_words_are_stemmed_in_french_only(tab: Tab, index: list[dict[str, str]]):
    # put through the English stemmer first (as lunr-languages chains a mixed site's
    # stemmers), "administratrices" loses its "s" and French stemming no longer finds
    # "administrateurs": each page's words are stemmed in its own language
    words = written_words(index)
    assert not any(word.startswith("administratrice") for word in words)
    assert "administrateurs" in words
    found = [r["path"] for r in search(tab, "cidrerie-du-bocage/index.html", "administratrices")]
    assert "cidrerie-du-bocage/accounts" in found, found


def test_a_french_word_typed_on_an_english_page_is_stemmed_in_french(tab: Tab):
    # the home page is English: "piratés" has no English stem in the index, its French one is
    found = [r["path"] for r in search(tab, "index.html", "piratés")]
    assert found[:1] == ["cidrerie-du-bocage/accounts"], found


def test_every_entry_of_the_index_says_its_pages_language(index: list[dict[str, str]]):
    languages = {doc["location"].split("/")[0]: doc.get("lang") for doc in index}
    assert languages["cidrerie-du-bocage"] == "fr"
    assert languages["hartwell-pumps"] == "en" and languages["northwind-studio"] == "en"
    assert all(doc.get("lang") in ("en", "fr") for doc in index)


def test_stemming_loads_only_the_sites_own_files(tab: Tab):
    # lunr's English and French support comes with the site (Material ships it): the
    # worker fetches it from the site, never from elsewhere (tab.assert_clean)
    fetched: list[str] = []
    tab.context.on("request", lambda request: fetched.append(request.url))
    assert "cidrerie-du-bocage/accounts" in [
        r["path"] for r in search(tab, "cidrerie-du-bocage/index.html", "piratés")][:3]
    loaded = [url for url in fetched if "/assets/javascripts/" in url]
    for script in ("workers/chartergen-search.js", "workers/search.", "lunr.stemmer.support",
                   "lunr.fr.min.js", "lunr.multi.min.js"):
        assert any(script in url and url.startswith(tab.allowed) for url in loaded), loaded


def test_stemming_works_on_the_site_opened_from_disk(offline_tab: Tab):
    # opened from disk, the worker runs in Material's iframe shim; it loads the same files
    found = [r["path"] for r in search(offline_tab, "cidrerie-du-bocage/index.html", "piratés")]
    assert any(path.endswith("/cidrerie-du-bocage/accounts") for path in found[:3]), found
    offline_tab.assert_clean()
