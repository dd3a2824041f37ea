"""``chartergen serve`` keeps answering, from the last complete site, while a charter rebuilds.

The rebuild is made long on purpose (a description of emphasis markers, which Markdown
is slowest on); what is checked is the order of events, not how fast a machine is: answers
with the previous page come back while the rebuild is known to be running, then the new
page replaces it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "charters" / "hartwell-pumps.yaml"
TODAY = "2026-11-23"
OLD = "Family-owned maker of centrifugal"
NEW = "Rebuilt description"
DESCRIPTION = """  description: >-
    Family-owned maker of centrifugal, progressive cavity and metering pumps for water
    utilities, chemical plants, mining and food processing. 600 people, a foundry and
    assembly plant in Sheffield, and 62% of sales exported to 40 countries.
"""
RUN = "*_" * (192 * 1024)
"""384 KiB of emphasis markers: several seconds of rebuild on any machine."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=300) as answer:
        return str(answer.read().decode("utf-8"))


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_serve_answers_with_the_last_site_while_a_charter_rebuilds(tmp_path: Path,
                                                                  engine: str) -> None:
    (tmp_path / "charters").mkdir()
    charter = tmp_path / "charters" / "hartwell-pumps.yaml"
    text = EXAMPLE.read_text(encoding="utf-8")
    assert DESCRIPTION in text
    shutil.copy(EXAMPLE, charter)
    port = free_port()
    # the home page: the charter's overview (one charter), which shows its description
    page = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("wb") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "chartergen", "serve", "charters", "--engine", engine,
             "-a", f"127.0.0.1:{port}", "--today", TODAY],
            cwd=tmp_path, stdout=stream, stderr=stream,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "LANG": "C"})

    def count(line: str) -> int:
        return log.read_text(encoding="utf-8", errors="replace").count(line)

    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, log.read_text()
            try:
                assert OLD in fetch(page)
                break
            except OSError:  # not serving yet (Zensical answers 404 until its first build)
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        first = count("Building documentation..."), count("Documentation built in")

        edited = time.monotonic()
        charter.write_text(text.replace(DESCRIPTION, f'  description: "{NEW} {RUN}"\n'),
                           encoding="utf-8")
        # (seconds it took, old page?, asked once MkDocs had begun to rebuild and
        # answered before it had finished?)
        answers = []
        while True:
            assert server.poll() is None, log.read_text()
            asked, begun = time.monotonic(), count("Building documentation...") > first[0]
            body = fetch(page)
            answers.append((time.monotonic() - asked, OLD in body,
                            begun and count("Documentation built in") == first[1]))
            if NEW in body:
                break
            assert OLD in body  # never a half-built page
            assert time.monotonic() - edited < 300, log.read_text()
            time.sleep(0.05)
        rebuild = time.monotonic() - edited
    finally:
        server.terminate()
        server.wait(timeout=60)

    before_new = answers[:-1]
    # the site was being rebuilt all along: answers came back, with the previous page
    assert len(before_new) >= 10, (rebuild, answers)
    assert all(old for _, old, _ in before_new)
    # none of them waited for the rebuild (MkDocs' own server held one until it ended)
    assert max(took for took, _, _ in answers) < rebuild / 4, (rebuild, answers)
    if engine == "mkdocs":
        # and, by MkDocs' log: answered while the rebuild was running, not after it
        assert len([a for a in before_new if a[2]]) >= 5, answers


def test_a_failed_rebuild_leaves_the_last_site_served_and_says_so(tmp_path: Path) -> None:
    # MkDocs' own server held every request after a failed rebuild ("the server will
    # appear stuck until build errors are resolved")
    (tmp_path / "charters").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "charters" / "hartwell-pumps.yaml")
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Charters\nplugins:\n  - chartergen\n", encoding="utf-8")
    port = free_port()
    page = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("wb") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "chartergen", "serve", "-a", f"127.0.0.1:{port}",
             "--today", TODAY], cwd=tmp_path, stdout=stream, stderr=stream,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "LANG": "C"})

    def logged() -> str:
        return log.read_text(encoding="utf-8", errors="replace")

    def wait_for(done: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 180
        while not done():
            assert server.poll() is None and time.monotonic() < deadline, logged()
            time.sleep(0.2)

    def answers() -> bool:
        try:
            return OLD in fetch(page)
        except OSError:
            return False

    try:
        wait_for(answers)
        config.write_text("site_name: Charters\nplugins:\n  - chartergen\n"
                          "theme: {name: no-such-theme}\n", encoding="utf-8")
        wait_for(lambda: "the site could not be rebuilt" in logged())
        assert OLD in fetch(page)
        # (MkDocs' log wraps long lines to the terminal's width)
        assert ("ERROR - the site could not be rebuilt (the errors above say why); the last "
                "complete site is still served, and the next saved change builds it "
                "again") in " ".join(logged().split())
        assert "Traceback" not in logged()
        charter = tmp_path / "charters" / "hartwell-pumps.yaml"
        charter.write_text(charter.read_text(encoding="utf-8").replace(OLD, NEW),
                           encoding="utf-8")
        config.write_text("site_name: Charters\nplugins:\n  - chartergen\n", encoding="utf-8")
        wait_for(lambda: NEW in fetch(page))
    finally:
        server.terminate()
        server.wait(timeout=60)
