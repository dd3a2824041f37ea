"""One vocabulary for verdicts and scores: the CLI's text and Markdown, the site's
checklist, the printed charter and the docs say the same words, in each language."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from chartergen.cli import cli
from chartergen.i18n import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[2]
TODAY = "2026-12-01"
CHARTER = {"en": ROOT / "charters" / "hartwell-pumps.yaml",
           "fr": ROOT / "charters" / "cidrerie-du-bocage.yaml"}
VERDICTS = ("pass", "warn", "fail")


def words(language: str) -> dict[str, str]:
    audit = catalogue(language)["audit"]
    return {**{v: audit["status"][v] for v in VERDICTS}, "score": audit["report"]["score"]}


def _check(language: str, output_format: str) -> str:
    result = CliRunner().invoke(cli, ["check", "--format", output_format, "--today", TODAY,
                                      str(CHARTER[language])])
    return click.unstyle(result.stdout)


def _verdicts_in(report: dict) -> set[str]:
    return {m["status"] for m in report["charters"][0]["mistakes"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_words_are_distinct_and_said_in_every_language(language: str) -> None:
    said = words(language)
    assert len(set(said.values())) == len(said)


@pytest.mark.parametrize("language", LANGUAGES)
def test_cli_text_and_markdown_say_the_verdict_words(language: str) -> None:
    report = json.loads(_check(language, "json"))
    seen = _verdicts_in(report)
    assert seen
    text, markdown = _check(language, "text"), _check(language, "markdown")
    said = words(language)
    for verdict in seen:
        assert f" · {said[verdict]} · {said['score']} " in text, verdict
        assert f" {said[verdict]} |" in markdown, verdict
    assert said["score"].capitalize() in markdown


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_and_the_printed_charter_say_the_same_words(language: str) -> None:
    from chartergen.pipeline import load_portfolio
    from chartergen.render.site import render_charter, render_print_page
    from chartergen.render.sources import charter_sources

    today = dt.date.fromisoformat(TODAY)
    [source] = charter_sources(load_portfolio([CHARTER[language]]).charters, today=today)
    pages = render_charter(source, source.charter.slug, today=today).pages
    checklist = next(page.markdown for page in pages if page.src.endswith("checklist.md"))
    printed = render_print_page(source, source.charter.slug, today=today).markdown
    seen = _verdicts_in(json.loads(_check(language, "json")))
    for verdict in seen:
        word = words(language)[verdict]
        capitalised = word[:1].upper() + word[1:]
        assert f"</span> {capitalised}" in checklist, verdict
        assert f"</span> {capitalised}" in printed, verdict


def test_the_docs_list_the_words_of_every_language() -> None:
    page = (ROOT / "docs" / "audit.md").read_text(encoding="utf-8")
    for verdict in VERDICTS:
        row = re.search(rf"^\| `{verdict}` \| (.*) \|$", page, re.MULTILINE)
        assert row, verdict
        assert row.group(1).split(" | ") == [words(lang)[verdict] for lang in LANGUAGES]
    scores = re.search(r"^\| score \| (.*) \|$", page, re.MULTILINE)
    assert scores and scores.group(1).split(" | ") == [words(lang)["score"] for lang in LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_old_word_is_left(language: str) -> None:
    old = {"en": [" · note ", "| warning |", "| fail |", "Missing", "To improve"],
           "fr": [" · note ", "Manquant", "Satisfait", "la note "]}[language]
    outputs = _check(language, "text") + _check(language, "markdown")
    for word in old:
        assert word not in outputs


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_notes_under_the_table_use_the_verdict_words(language: str) -> None:
    # before, the French table said "à risque" and the note under it "à surveiller 0,5";
    # the English one said "at risk" above "a warning 0.5"
    markdown = _check(language, "markdown")
    note = next(line for line in markdown.splitlines() if " 0.5" in line or " 0,5" in line)
    assert f"{words(language)['warn']} 0" in note, note
    for old in {"en": ["a warning 0.5", "warn or fail"], "fr": ["à surveiller"]}[language]:
        assert old not in markdown
