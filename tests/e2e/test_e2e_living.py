"""A living charter in the browser: a crisis opened with the command shows on every page of its
charter and nowhere else, and goes away when it is closed."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from e2etools import ROOT, TODAY, Tab, describe, run_axe, screenshot, served

from chartergen.edit.fmt import comment_lines

CRISIS_CHARTER = "hartwell-pumps"


def chartergen(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "chartergen", *args], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result


def build(project: Path, engine: str = "mkdocs") -> Path:
    site = project / f"site-{engine}"
    shutil.rmtree(site, ignore_errors=True)
    chartergen(project, "build", "charters", "--site-dir", str(site), "--today", TODAY, "-q",
               "--engine", engine)
    return site


def example_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "charters", tmp_path / "charters",
                    ignore=shutil.ignore_patterns("*.json"))
    return tmp_path


def pages_of(site: Path, folder: str) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in (site / folder).rglob("*.html"))


def banners(tab: Tab, path: str) -> list[str]:
    tab.goto(path, wait_until="domcontentloaded")
    return [text for text in tab.page.locator(".cg-crisis-banner").all_inner_texts()]


def test_a_crisis_opened_with_the_command_shows_on_every_page_of_its_charter_only(
        browser: Any, tmp_path: Path, axe_source: str):
    project = example_project(tmp_path)
    charter = project / "charters" / f"{CRISIS_CHARTER}.yaml"
    before = charter.read_text(encoding="utf-8")

    said = chartergen(project, "crisis", "open", f"charters/{CRISIS_CHARTER}.yaml",
                      "--level", "3", "--since", "2026-11-20", "--note", "Pump recall")
    assert "Level 3 – Serious" in said.stdout
    site = build(project)
    own = pages_of(site, CRISIS_CHARTER)
    others = [p for folder in ("northwind-studio", "cidrerie-du-bocage")
              for p in pages_of(site, folder)]
    assert len(own) > 15 and len(others) > 30

    with served(site) as url:
        tab = Tab(browser, url)
        for path in own:
            found = banners(tab, path)
            assert len(found) == 1, path
            assert "Level 3 – Serious" in found[0] and "+44 1632 960101" in found[0], path
            assert "Pump recall" in found[0], path
            assert tab.page.locator(".cg-crisis-banner").is_visible(), path
        for path in others:
            assert banners(tab, path) == [], path
        # the home page marks the charter, and only that one
        tab.goto("index.html")
        marks = tab.page.locator(".cg-crisis-mark")
        assert marks.count() == 1
        assert marks.first.locator("xpath=ancestor::tr").inner_text().startswith("Hartwell")
        # the banner leads to the crisis card, and keeps the page accessible
        tab.goto(f"{CRISIS_CHARTER}/roles.html")
        violations = [v for v in run_axe(tab.page, axe_source)
                      if v["impact"] in ("serious", "critical")]
        assert violations == [], describe(violations)
        screenshot(tab.page.locator(".cg-crisis-banner"), "crisis-banner")
        tab.page.locator(".cg-crisis-banner__card").click()
        tab.page.wait_for_url("**/crisis.html#crisis-card")
        assert tab.page.locator("#crisis-card").is_visible()
        tab.assert_clean()
        tab.close()

    chartergen(project, "crisis", "close", f"charters/{CRISIS_CHARTER}.yaml",
               "--ended", "2026-11-22")
    site = build(project)
    with served(site) as url:
        tab = Tab(browser, url)
        for path in [*own[:5], f"{CRISIS_CHARTER}/crisis.html", "index.html"]:
            assert banners(tab, path) == [], path
        assert tab.page.locator(".cg-crisis-mark").count() == 0
        tab.close()

    after = charter.read_text(encoding="utf-8")
    assert comment_lines(after) == comment_lines(before)
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert [line.strip() for line in added] == [
        "current:", "level: level-3", "since: 2026-11-20", "lead: head-comms",
        "paused: true", "note: Pump recall", "ended: 2026-11-22"]
    assert all(line in after.splitlines() for line in before.splitlines())


def test_the_self_check_answers_right_and_wrong_in_the_browser(tab: Tab, engine: str):
    tab.goto(f"{CRISIS_CHARTER}/self-check.html")
    questions = tab.page.locator(".cg-quiz__q")
    assert questions.count() >= 8
    score = tab.page.locator("[data-cg-quiz-score]")
    assert not score.is_visible()
    # before an answer, the explanation is hidden
    first, second = questions.nth(0), questions.nth(1)
    assert not first.locator(".cg-quiz__why").is_visible()

    right = int(first.get_attribute("data-cg-answer"))
    first.locator(".cg-quiz__choice").nth(right).click()
    assert first.locator(".cg-quiz__verdict--right").is_visible()
    assert not first.locator(".cg-quiz__verdict--wrong").is_visible()
    assert first.locator(".cg-quiz__choice").nth(right).is_disabled()
    assert score.inner_text() == f"1 of {questions.count()} right"

    answer = int(second.get_attribute("data-cg-answer"))
    wrong = next(i for i in range(second.locator(".cg-quiz__choice").count()) if i != answer)
    second.locator(".cg-quiz__choice").nth(wrong).click()
    verdict = second.locator(".cg-quiz__verdict--wrong")
    assert verdict.is_visible()
    right_text = second.locator(".cg-quiz__choice").nth(answer).inner_text()
    assert verdict.inner_text() == f"Not quite: the answer is {right_text}."
    assert "cg-quiz__choice--right" in second.locator(".cg-quiz__choice").nth(
        answer).get_attribute("class")
    assert score.inner_text() == f"1 of {questions.count()} right"
    screenshot(first, f"self-check-right-{engine}")
    screenshot(second, f"self-check-wrong-{engine}")

    # the explanation's link opens the page that says it
    second.locator("a.cg-quiz__source").click()
    tab.page.wait_for_load_state()
    assert right_text in tab.page.locator("article").inner_text()

    tab.page.go_back()
    tab.page.locator("[data-cg-quiz-again]").click()
    assert not tab.page.locator(".cg-quiz__q").nth(0).locator(".cg-quiz__why").is_visible()
    tab.assert_clean()
