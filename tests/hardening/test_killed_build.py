"""A real ``chartergen build`` killed as CI kills it on a timeout: no process, no folder left.

The build is large enough to fork helper processes; each test stops it once they run, with
SIGTERM, SIGHUP (both must end it as Ctrl+C does: a one-line message, no traceback) or
SIGKILL (nothing can run then: the helpers must still die with it, and the next build
removes what it left).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from chartergen.sitedir import OWNER

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "charters" / "hartwell-pumps.yaml"
CHARTERS = 24
"""Enough charters for the build to render them in helper processes."""

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists() or (os.cpu_count() or 1) < 2,
    reason="needs Linux's /proc and two cores (the build forks helpers only then)")


def processes() -> dict[int, tuple[int, int]]:
    """Every process: its parent's id and its process group."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z":
            found[int(entry)] = (int(fields[1]), int(fields[2]))
    return found


def owned_by(pid: int, folder: str) -> set[str]:
    """The folders of ``folder`` that the chartergen command ``pid`` marked as its own."""
    found = set()
    for name in os.listdir(folder):
        try:
            text = (Path(folder) / name / OWNER).read_text()
        except OSError:
            continue
        if text.endswith(f" {pid}\n"):
            found.add(name)
    return found


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "charters").mkdir()
    for number in range(CHARTERS):
        shutil.copy(EXAMPLE, tmp_path / "charters" / f"company-{number}.yaml")
    return tmp_path


def temporary_folder(project: Path) -> str:
    """The project's own temporary folder: another build running at the same time (tests run
    in parallel) removes a dead build's leftovers from the folder it shares, before the test
    can look at them."""
    folder = project / "tmp"
    folder.mkdir(exist_ok=True)
    return str(folder)


def start_build(project: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "chartergen", "build", "-q", "--today", "2026-11-23", *args],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True,  # its own process group, as a CI job's
        env={**os.environ, "TMPDIR": temporary_folder(project)},
    )


def wait_for_helpers(build: subprocess.Popen[str]) -> set[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        helpers = {pid for pid, (parent, _) in processes().items() if parent == build.pid}
        if helpers:
            time.sleep(0.3)  # let them start working
            # (a short-lived child, not a helper, may have come and gone meanwhile)
            still = {pid for pid, (parent, _) in processes().items() if parent == build.pid}
            if helpers & still:
                return helpers & still
        assert build.poll() is None, "the build ended before it started helpers"
        time.sleep(0.05)
    raise AssertionError("the build started no helper process")


def survivors(build: subprocess.Popen[str], helpers: set[int]) -> set[int]:
    deadline = time.monotonic() + 10
    while True:
        alive = {pid for pid, (_, group) in processes().items()
                 if group == build.pid or pid in helpers}
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL],
                         ids=["SIGTERM", "SIGHUP", "SIGKILL"])
def test_a_killed_build_leaves_no_process_no_folder_and_the_site_intact(project: Path,
                                                                        signum: int):
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site")
    (site / ".chartergen-site").write_text("index.html\n")
    build = start_build(project)
    helpers = wait_for_helpers(build)
    temporary = owned_by(build.pid, temporary_folder(project))
    assert len(temporary) == 1  # the default configuration's folder
    assert len(owned_by(build.pid, str(project))) == 1  # the site being built
    os.kill(build.pid, signum)
    _, errors = build.communicate(timeout=240)
    assert survivors(build, helpers) == set()
    assert (site / "index.html").read_text() == "the published site"
    if signum == signal.SIGKILL:
        # nothing could clean up; the next build of that site does, whatever it builds
        assert build.returncode == -signal.SIGKILL
        assert owned_by(build.pid, temporary_folder(project)) == temporary
        (project / "other").mkdir()
        shutil.copy(EXAMPLE, project / "other" / "one.yaml")
        after = start_build(project, "other")
        after.communicate(timeout=300)
        assert after.returncode == 0
        assert (site / "one" / "crisis.html").is_file()
    else:
        assert build.returncode == 1
        assert errors == f"chartergen: interrupted by {signal.Signals(signum).name}\n"
    names = sorted(p.name for p in project.iterdir())
    assert [n for n in names if n.startswith(".")] == []
    assert owned_by(build.pid, temporary_folder(project)) == set()


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_serve_stopped_by_a_signal_leaves_no_temporary_folder(tmp_path: Path, engine: str,
                                                              signum: int) -> None:
    import socket
    import urllib.request

    (tmp_path / "charters").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "charters" / "one.yaml")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    temporary = tmp_path / "tmp"  # its own, so that nothing else running writes there
    temporary.mkdir()
    serve = subprocess.Popen(
        [sys.executable, "-m", "chartergen", "serve", "--engine", engine, "-a",
         f"127.0.0.1:{port}"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, env={**os.environ, "TMPDIR": str(temporary)})
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as answer:
                assert answer.status == 200
                break
        except OSError:
            assert serve.poll() is None and time.monotonic() < deadline
            time.sleep(0.2)
    # the configuration's folder, and the engine's folder for the served site
    assert len(owned_by(serve.pid, str(temporary))) == 1
    served = "chartergen-serve-" if engine == "mkdocs" else "chartergen-zensical-serve-"
    assert len([n for n in os.listdir(temporary) if n.startswith(served)]) == 1
    os.kill(serve.pid, signum)
    _, errors = serve.communicate(timeout=60)
    assert serve.returncode in (0, 1)
    assert "Traceback" not in errors
    if engine == "zensical":  # its server runs in a helper, which ends with it
        assert errors.endswith(f"chartergen: interrupted by {signal.Signals(signum).name}\n")
        assert [pid for pid, (parent, _) in processes().items() if parent == serve.pid] == []
    # (Jinja2 keeps a cache of compiled templates there on purpose, shared by every run)
    assert [n for n in os.listdir(temporary) if not n.startswith("_jinja2-cache")] == []


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP],
                         ids=["SIGKILL", "SIGTERM", "SIGHUP"])
def test_a_killed_helper_stops_the_build_with_a_message_not_a_hang(project: Path, signum: int):
    # what the system's out-of-memory killer does to one helper of a large build
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the published site")
    (site / ".chartergen-site").write_text("index.html\n")
    build = start_build(project)
    helpers = wait_for_helpers(build)
    os.kill(min(helpers), signum)
    _, errors = build.communicate(timeout=240)
    assert build.returncode == 1
    assert "Traceback" not in errors
    assert errors.endswith("chartergen: a helper process of this command was stopped before it "
                           "finished (killed by another program or by the system, often because "
                           "memory ran out); nothing was written: run the command again\n")
    assert survivors(build, helpers) == set()
    assert (site / "index.html").read_text() == "the published site"
    assert [n for n in os.listdir(project) if n.startswith(".")] == []
    assert owned_by(build.pid, temporary_folder(project)) == set()


def test_a_killed_helper_of_validate_stops_it_with_a_message(tmp_path: Path) -> None:
    from chartergen.pipeline import PARALLEL_FROM

    (tmp_path / "charters").mkdir()
    for number in range(PARALLEL_FROM * 10):
        shutil.copy(EXAMPLE, tmp_path / "charters" / f"company-{number}.yaml")
    check = subprocess.Popen([sys.executable, "-m", "chartergen", "validate"],
                             cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, start_new_session=True)
    helpers = wait_for_helpers(check)
    os.kill(min(helpers), signal.SIGKILL)
    _, errors = check.communicate(timeout=240)
    assert check.returncode == 1
    assert errors.startswith("chartergen: a helper process of this command was stopped")
    assert survivors(check, helpers) == set()


def test_zensical_serve_on_a_busy_port_says_so_and_leaves_no_temporary_folder(
        tmp_path: Path) -> None:
    import socket

    (tmp_path / "charters").mkdir()
    shutil.copy(EXAMPLE, tmp_path / "charters" / "one.yaml")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "chartergen", "serve", "--engine", "zensical", "-a",
             f"127.0.0.1:{port}"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
            env={**os.environ, "TMPDIR": str(temporary)}, check=False)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.endswith("chartergen: Zensical's server stopped with the error above "
                                "(exit code 1)\n")
    assert [n for n in os.listdir(temporary) if not n.startswith("_jinja2-cache")] == []
