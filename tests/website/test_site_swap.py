"""The swap of a new site for the old one: under concurrent builds, on a mount point, after a
killed build, and into a folder the system will not let us write."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import FIXTURES, TODAY, chartergen_build

from chartergen import sitedir
from chartergen.cli import cli
from chartergen.sitedir import MARKER, OWNER


def fill(folder: Path, label: str, files: int = 30) -> None:
    for number in range(files):
        (folder / f"page{number}.html").write_text(label)


def test_overlapping_swaps_both_succeed_and_leave_one_whole_site(tmp_path: Path):
    site = tmp_path / "site"
    errors: list[BaseException] = []

    def builds(label: str) -> None:
        try:
            for _ in range(15):
                with sitedir.staged(site) as building:
                    fill(building, label)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=builds, args=(label,)) for label in "ab"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    contents = {p.read_text() for p in site.glob("page*.html")}
    assert len(contents) == 1 and len(list(site.glob("page*.html"))) == 30
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_the_site_is_exchanged_in_one_step_and_never_missing(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch):
    site = tmp_path / "site"
    with sitedir.staged(site) as building:
        fill(building, "old")
    seen: list[bool] = []
    original = sitedir._exchange

    def watched(first: Path, second: Path) -> bool:
        done = original(first, second)
        seen.append(site.is_dir() and (site / "page0.html").read_text() == "new")
        return done

    monkeypatch.setattr(sitedir, "_exchange", watched)
    with sitedir.staged(site) as building:
        fill(building, "new")
    if sys.platform.startswith("linux"):
        assert seen == [True]
    assert (site / "page0.html").read_text() == "new"
    assert not (site / OWNER).exists()


def test_a_swap_cut_between_two_renames_is_undone_by_the_next_build(tmp_path: Path):
    """Where folders cannot be exchanged in one step: the old site carries the mark, and the
    next build puts it back if the process died before the new one took its place."""
    site = tmp_path / "site"
    with sitedir.staged(site) as building:
        fill(building, "old")
    # what a build killed between the renames leaves: the old site set aside, marked, no site/
    script = (
        "import os, sys, time\n"
        "from pathlib import Path\n"
        "from chartergen import sitedir\n"
        f"site = Path({str(site)!r})\n"
        "with sitedir.owned_folder('.site.old-', site.parent) as held:\n"
        "    os.rename(held / sitedir.OWNER, site / sitedir.OWNER)\n"
        "    os.rmdir(held); os.rename(site, held)\n"
        "    print('ready', flush=True); time.sleep(60)\n"
    )
    with subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                          text=True) as process:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
        assert not site.exists()
        # while that build lives, its folder is its own
        assert sitedir.remove_leftovers(tmp_path, ".site.old-", site=site) == []
        assert not site.exists()
        process.kill()
    sitedir.remove_leftovers(tmp_path, ".site.old-", site=site)
    assert (site / "page0.html").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_leftovers_are_removed_only_when_named_marked_and_dead(tmp_path: Path):
    dead = tmp_path / ".site.building-dead"
    dead.mkdir()
    (dead / OWNER).write_text(f"{sitedir.OWNER_TEXT}1\n")
    (dead / "index.html").write_text("half")
    unmarked = tmp_path / ".site.building-user"
    unmarked.mkdir()
    (unmarked / "keep.txt").write_text("mine")
    other_name = tmp_path / "site-backup"
    other_name.mkdir()
    (other_name / OWNER).write_text(f"{sitedir.OWNER_TEXT}1\n")
    foreign_mark = tmp_path / ".site.building-foreign"
    foreign_mark.mkdir()
    (foreign_mark / OWNER).write_text("something else\n")
    with sitedir.owned_folder(".site.building-", tmp_path) as alive:
        removed = sitedir.remove_leftovers(tmp_path, ".site.building-")
        assert removed == [dead]
        assert alive.is_dir()
    assert not alive.exists()
    assert unmarked.is_dir() and other_name.is_dir() and foreign_mark.is_dir()


def test_the_next_build_removes_a_killed_builds_folders(project: Path):
    assert chartergen_build().exit_code == 0
    leftover = project / ".site.building-k1ll3d"
    leftover.mkdir()
    (leftover / OWNER).write_text(f"{sitedir.OWNER_TEXT}99999999\n")
    temporary = Path(tempfile.mkdtemp(prefix="chartergen-"))
    (temporary / OWNER).write_text(f"{sitedir.OWNER_TEXT}99999999\n")
    assert chartergen_build().exit_code == 0
    assert sorted(p.name for p in project.iterdir()) == ["charters", "site"]
    assert not temporary.exists()


@pytest.fixture
def tmpfs(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Mount a tmpfs at a folder (read-write or read-only); skipped where mounting is not
    permitted."""
    mounted: list[Path] = []

    def mount(folder: Path, *options: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        command = ["mount", "-t", "tmpfs", *(["-o", ",".join(options)] if options else []),
                   "tmpfs", str(folder)]
        if shutil.which("mount") is None:
            pytest.skip("no mount command on this machine")
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"this machine does not permit mounting a tmpfs: {done.stderr.strip()}")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_mounted_site_folder_has_its_contents_replaced(project: Path, tmpfs):  # type: ignore[no-untyped-def]
    site = tmpfs(project / "site")
    (site / ".well-known").mkdir()
    (site / ".well-known" / "security.txt").write_text("Contact: mailto:x@example.org")
    shutil.copy(FIXTURES / "minimal.yaml", project / "charters" / "second.yaml")
    assert chartergen_build().exit_code == 0
    assert os.path.ismount(site)
    assert (site / "second" / "index.html").is_file()
    assert (site / ".well-known" / "security.txt").read_text().startswith("Contact")
    (project / "charters" / "second.yaml").unlink()
    result = chartergen_build()
    assert result.exit_code == 0, result.output
    assert os.path.ismount(site)
    assert not (site / "second").exists()
    assert (site / "bakery" / "scope.html").is_file()
    assert (site / ".well-known" / "security.txt").is_file()
    assert sitedir.foreign_files(site) == []
    assert sorted(p.name for p in project.iterdir()) == ["charters", "site"]
    # a file the build did not write is never deleted: the build refuses instead
    (site / "mine.txt").write_text("mine")
    result = chartergen_build()
    assert result.exit_code == 2 and "mine.txt" in result.output
    assert (site / "mine.txt").read_text() == "mine"


def test_a_read_only_site_folder_is_a_plain_usage_error(project: Path, tmpfs):  # type: ignore[no-untyped-def]
    folder = tmpfs(project / "readonly", "ro")
    result = chartergen_build("--site-dir", "readonly/site")
    assert result.exit_code == 2
    assert result.output == (
        "chartergen: cannot write the site 'readonly/site': 'readonly': read-only file system; "
        "make the folder writable, or choose another one with --site-dir\n")
    result = chartergen_build("--site-dir", "readonly")
    assert result.exit_code == 2 and "internal error" not in result.output
    assert "cannot write the site 'readonly'" in result.output
    result = CliRunner().invoke(cli, ["render", "charters", "--out", "readonly/out",
                                      "--today", TODAY])
    assert result.exit_code == 2
    assert "chartergen: cannot write the output folder 'readonly/out': 'readonly/out': " \
        "read-only file system; make the folder writable, or choose another one with --out" \
        in result.output
    assert list(folder.iterdir()) == []


def test_a_site_folder_without_write_permission_is_a_plain_usage_error(
        project: Path, monkeypatch: pytest.MonkeyPatch):
    original = tempfile.mkdtemp

    def refused(prefix: str, dir: str) -> str:
        if Path(dir) == project:
            raise PermissionError(13, "Permission denied", str(project / f"{prefix}x"))
        return original(prefix=prefix, dir=dir)

    monkeypatch.setattr(tempfile, "mkdtemp", refused)
    result = chartergen_build()
    assert result.exit_code == 2
    assert result.output == (
        "chartergen: cannot write the site 'site': '.': permission denied; make the folder "
        "writable, or choose another one with --site-dir\n")
    assert MARKER not in result.output
