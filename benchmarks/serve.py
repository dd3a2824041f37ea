"""Time from saving a charter to the change being served by ``chartergen serve``.

    python benchmarks/serve.py [--charters 100] [--edits 3] [--engine mkdocs|zensical]

Starts ``chartergen serve`` on 127.0.0.1 (a free port) for a generated
portfolio, waits for the first build, then edits one charter's company name
several times; after each save it polls the charter's page until the new name
is served. Every wait is bounded; the server is stopped at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import write_portfolio

TODAY = "2026-11-23"
POLL = 0.05
"""Seconds between two requests for the page."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", errors="replace"))
    except (urllib.error.URLError, OSError):
        return ""  # not up yet, or between two builds


def wait_for(url: str, text: str, timeout: float, server: subprocess.Popen[bytes]) -> float:
    """Seconds until ``url`` serves a page containing ``text``; SystemExit after ``timeout``
    or as soon as the server has stopped."""
    start = time.perf_counter()
    deadline = start + timeout
    while time.perf_counter() < deadline:
        if text in fetch(url):
            return time.perf_counter() - start
        if server.poll() is not None:
            raise SystemExit(f"chartergen serve stopped (exit code {server.returncode})")
        time.sleep(POLL)
    raise SystemExit(f"{url} did not show {text!r} within {timeout:.0f} s")


def measure(chartergen: str, work: Path, charters: int = 100, edits: int = 3,
            timeout: float = 900, engine: str = "mkdocs") -> dict[str, float | list[float]]:
    """The first build's time and each save-to-served time, in seconds, with ``engine``."""
    project = work / f"serve-{engine}-{charters}"
    if project.exists():
        shutil.rmtree(project)
    paths = write_portfolio(project / "charters", charters)
    edited = paths[min(7, charters - 1)]
    port = free_port()
    load = os.getloadavg()[0]
    log = (work / "serve.log").open("wb")
    server = subprocess.Popen(
        [chartergen, "serve", "charters", "-a", f"127.0.0.1:{port}", "--today", TODAY,
         "--engine", engine],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    base = f"http://127.0.0.1:{port}/{edited.stem}"
    try:
        # the log tells why the server stopped, if it does
        print(f"chartergen serve log: {log.name}", file=sys.stderr)
        first = wait_for(f"{base}/index.html", f"Company {min(7, charters - 1)}", timeout, server)
        # the strategy page, at its address with or without directory URLs
        candidates = (f"{base}/strategy.html", f"{base}/strategy/index.html")
        url = next((u for u in candidates if fetch(u)), candidates[0])
        saves = []
        for n in range(edits):
            # an edit of the text, as most saves are: the charter's purpose gets a new word
            marker = f"Edited{n}"
            text = edited.read_text(encoding="utf-8").replace("purpose: ", f"purpose: {marker} ", 1)
            time.sleep(1.5)  # let the server settle after the previous build
            start = time.perf_counter()
            edited.write_text(text, encoding="utf-8")
            wait_for(url, marker, timeout, server)
            saves.append(time.perf_counter() - start)
    finally:
        _stop(server)
        log.close()
    return {"first_build": first, "saves": saves, "median": statistics.median(saves),
            "best": min(saves), "load": load}


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Ctrl+C for the server (it removes its temporary site), then harder if it lingers."""
    if server.poll() is not None:
        return
    os.killpg(server.pid, signal.SIGINT)
    try:
        server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charters", type=int, default=100)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--engine", default="mkdocs", choices=["mkdocs", "zensical"])
    parser.add_argument("--chartergen", default=shutil.which("chartergen") or "chartergen")
    args = parser.parse_args(argv)
    # a plain kill still stops the server (through the finally clauses)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with tempfile.TemporaryDirectory(prefix="chartergen-serve-") as tmp:
        result = measure(args.chartergen, Path(tmp), args.charters, args.edits,
                         engine=args.engine)
    saves = ", ".join(f"{s:.2f}" for s in result["saves"])  # type: ignore[union-attr]
    print(f"{args.engine}, {args.charters} charters: first build {result['first_build']:.1f} s; "
          f"save to served {result['median']:.2f} s (median of {saves}; load "
          f"{result['load']:.1f} at the start)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
