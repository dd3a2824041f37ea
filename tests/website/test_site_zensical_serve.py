"""``serve --engine zensical`` after a save: a charter's new text is built on the side and put
in place, as a full build writes it, rather than handed to Zensical's server, which would
lay out every page of the site again; anything else is still handed to that server."""

from __future__ import annotations

import base64
import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sitetools import CHARTERS, TODAY, chartergen_build

pytest.importorskip("zensical")

EDITED = "hartwell-pumps"
OTHER = "northwind-studio"
TEXT = ("  purpose: |\n", "  purpose: |\n    Read again in December.\n")
"""A sentence on the charter's pages only."""
HOME = ("holder: Fiona Marsh", "holder: Fiona Marsh-Reid")
"""The owner, named on the home page too."""
NAME = ("  name: Hartwell Pumps Ltd", "  name: Hartwell Pumps Limited")
"""The charter's name: in the navigation, so in the settings Zensical is given."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CHARTERS, tmp_path / "charters")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CHARTERGEN_CACHE", "off")
    return tmp_path


@pytest.fixture
def watcher(project: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """serve's watcher on the examples, its project laid out by Zensical as its server
    does on start."""
    from chartergen.commands.build import site_config
    from chartergen.engines import BuildRequest
    from chartergen.engines.zensical import engine

    monkeypatch.setattr(engine.Watcher, "SETTLED", 0)
    served = project / "served"
    served.mkdir()
    with site_config(["charters"], None) as config:
        watcher = engine.Watcher(served, engine.project(BuildRequest(config, today=TODAY)),
                                 engine._renderer())
        watcher.update()
        lay_out(watcher)
        yield watcher


def lay_out(watcher: Any) -> None:
    """What Zensical's server does with the project it was given."""
    from chartergen.engines.zensical import engine

    engine.run_build(watcher.folder, strict=False, quiet=True)


def edit(project: Path, old: str, new: str) -> None:
    path = project / "charters" / f"{EDITED}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def stamps(site: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in site.rglob("*") if p.is_file()}


def full_build(monkeypatch: pytest.MonkeyPatch) -> Path:
    result = chartergen_build("charters", "--engine", "zensical", "--site-dir", "full")
    assert result.exit_code == 0, result.output
    return Path("full")


@pytest.mark.parametrize("change", [TEXT, HOME], ids=["pages", "home"])
def test_a_saved_text_is_built_on_the_side_as_a_full_build_writes_it(
        project: Path, watcher: Any, monkeypatch: pytest.MonkeyPatch,
        change: tuple[str, str]) -> None:
    site = watcher.folder / "site"
    docs = watcher.folder / "docs"
    before = stamps(site)
    given = (docs / EDITED / "index.md").read_text(encoding="utf-8")
    edit(project, *change)

    watcher.update()

    # Zensical's server was given nothing: it would lay out every page again
    assert (docs / EDITED / "index.md").read_text(encoding="utf-8") == given
    after = stamps(site)
    moved = {name for name in after if after[name] != before.get(name)}
    assert f"{EDITED}/index.html" in moved
    assert ("index.html" in moved) == (change == HOME)
    assert {"search.json", "search.js"} <= moved
    assert not any(name.startswith(f"{OTHER}/") for name in moved)
    # each page put in place is the page a full build writes, and so is the search index
    full = full_build(monkeypatch)
    for name in moved:
        assert (site / name).read_bytes() == (full / name).read_bytes(), name
    assert (site / "search.json").read_bytes() == (full / "search.json").read_bytes()
    said = "Read again in December." if change == TEXT else "Fiona Marsh-Reid"
    assert said in (site / "search.json").read_text(encoding="utf-8")


def test_a_save_while_zensical_is_still_at_work_is_given_to_it(
        project: Path, watcher: Any) -> None:
    site = watcher.folder / "site"
    # a page not laid out since the project was last given to Zensical's server
    os.utime(site / OTHER / "crisis.html", ns=(0, 0))
    watcher.settled = False
    before = stamps(site)
    edit(project, *TEXT)

    watcher.update()

    assert "Read again in December." in (watcher.folder / "docs" / EDITED / "index.md").read_text(
        encoding="utf-8")
    assert stamps(site) == before


def test_a_new_name_is_given_to_zensical_with_every_text_built_on_the_side_before(
        project: Path, watcher: Any) -> None:
    docs = watcher.folder / "docs"
    config = (watcher.folder / "mkdocs.yml").read_text(encoding="utf-8")
    edit(project, *TEXT)
    watcher.update()
    assert "Read again in December." not in (docs / EDITED / "index.md").read_text(
        encoding="utf-8")
    before = stamps(watcher.folder / "site")

    edit(project, *NAME)
    watcher.update()

    assert (watcher.folder / "mkdocs.yml").read_text(encoding="utf-8") != config
    given = (docs / EDITED / "index.md").read_text(encoding="utf-8")
    assert "Read again in December." in given and "Hartwell Pumps Limited" in given
    assert stamps(watcher.folder / "site") == before  # Zensical's server builds it
    # once it has, a new text is built on the side again
    lay_out(watcher)
    edit(project, "Read again in December.", "Read again in January.")
    watcher.update()
    assert "Read again in January." not in (docs / EDITED / "index.md").read_text(
        encoding="utf-8")
    assert "Read again in January." in (watcher.folder / "site" / EDITED / "index.html"
                                        ).read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as answer:
            return str(answer.read().decode("utf-8"))
    except OSError:
        return ""


def reloads(port: int) -> socket.socket:
    """A connection to Zensical's live-reload socket, as a page's script opens it."""
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    key = base64.b64encode(os.urandom(16)).decode()
    connection.sendall((f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
                        f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\n"
                        "Sec-WebSocket-Version: 13\r\n\r\n").encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += connection.recv(1)
    assert head.startswith(b"HTTP/1.1 101"), head
    return connection


def messages(connection: socket.socket, until: float) -> Iterator[str]:
    """The text messages the server sends (unmasked frames), until a time."""
    with contextlib.suppress(TimeoutError, OSError):
        while time.monotonic() < until:
            connection.settimeout(max(0.01, until - time.monotonic()))
            first, size = connection.recv(2, socket.MSG_WAITALL)
            size &= 0x7F
            if size == 126:
                size = int.from_bytes(connection.recv(2, socket.MSG_WAITALL), "big")
            elif size == 127:
                size = int.from_bytes(connection.recv(8, socket.MSG_WAITALL), "big")
            data = connection.recv(size, socket.MSG_WAITALL) if size else b""
            if first & 0x0F == 1:
                yield data.decode("utf-8")


def test_serve_puts_a_saved_text_in_place_and_browsers_showing_it_reload(
        project: Path) -> None:
    port = free_port()
    page = f"http://127.0.0.1:{port}/{EDITED}/strategy.html"
    log = project / "serve.log"
    with log.open("wb") as stream:
        server = subprocess.Popen(
            [sys.executable, "-m", "chartergen", "serve", "charters", "--engine", "zensical",
             "-a", f"127.0.0.1:{port}", "--today", TODAY], cwd=project, stdout=stream,
            stderr=stream, env={**os.environ, "LANG": "C"})
    try:
        deadline = time.monotonic() + 180
        while "Hartwell" not in fetch(page):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        time.sleep(2)  # Zensical's server done with its first build
        connection = reloads(port)
        edit(project, *TEXT)
        heard = []
        deadline = time.monotonic() + 120
        while "Read again in December." not in fetch(page):
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            heard += messages(connection, time.monotonic() + 0.2)
        heard += messages(connection, time.monotonic() + 2)
        connection.close()
    finally:
        server.terminate()
        server.wait(timeout=60)
    assert f"/{EDITED}/strategy.html" in heard, heard
    # built on the side: Zensical's server laid out no other charter's page
    assert not any(path.startswith(f"/{OTHER}/") for path in heard), heard


def test_only_a_page_or_the_settings_written_count_as_work_given_to_zensical(
        watcher: Any) -> None:
    # a file that is not a page (a calendar) is only copied by Zensical's server: waiting
    # for it to lay out the pages again would send every later save to it
    from chartergen.engines.zensical import engine

    calendar = next(src for src in watcher.written if src.endswith(".ics"))
    written = {**watcher.written, calendar: "changed"}
    assert engine.write_project(watcher.folder, watcher.proj, watcher.last,
                                written=written) is None
    page = f"{EDITED}/index.md"
    written = {**watcher.written, page: "changed"}
    given = engine.write_project(watcher.folder, watcher.proj, watcher.last, written=written)
    assert given == (watcher.folder / "docs" / page).stat().st_mtime_ns
