"""The site folder: a build replaces only what an earlier build wrote, and never half of it.

MkDocs empties the site folder before each build, whatever it holds. So before
anything is written, :func:`check_site_dir` refuses a site folder that is (or
holds) the project, the charters or the docs, and a folder holding any file
that no chartergen build wrote. Each build leaves :data:`MARKER` in the site
folder, listing every file it wrote; that list is what makes a folder safe to
replace next time.

``chartergen build`` goes further with :func:`staged`: it builds into a new
folder next to the site and swaps the two with renames once the build has
succeeded, so an interrupted or failed build leaves the previous site as it was.
Entries whose name starts with a dot at the top of the site folder (``.git``,
``.nojekyll``) are never deleted, as MkDocs never deletes them: the swap carries
them over.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from chartergen.errors import UsageError

MARKER = ".chartergen-site"
"""In the site folder: the files the last build wrote, one path per line."""

HEADER = (
    "# Written by chartergen: the files of this site folder that its last build wrote.\n"
    "# A new build may replace these (and only these). Do not edit.\n"
)

SHOWN = 5
"""How many unknown files a refusal names."""


class UnsafeSiteDir(UsageError):
    """Building into this site folder could delete files chartergen did not write."""


def check_site_dir(
    site: str | os.PathLike[str],
    *,
    around: Sequence[tuple[str | os.PathLike[str], str]] = (),
    data: Sequence[tuple[str | os.PathLike[str], str]] = (),
    option: str = "--site-dir",
) -> None:
    """Refuse ``site`` when building there could delete files chartergen did not write.

    Each folder of ``around`` (the project, the current folder) may hold the site
    but may not be it or be inside it; each of ``data`` (the charters, the docs)
    may not be the site, hold it, or be inside it. Both pair a folder with the
    name the message gives it. ``option`` is how the message says to choose
    another folder.
    """
    target = _absolute(site)
    shown = _shown(target)
    advice = f"choose another site folder with {option}"
    for folder, what in [*around, *data]:
        place = _absolute(folder)
        if target == place:
            raise UnsafeSiteDir(f"the site folder '{shown}' is the {what}, which a build would "
                                f"delete; {advice}")
        if target in place.parents:
            raise UnsafeSiteDir(f"the site folder '{shown}' holds the {what} ('{_shown(place)}'), "
                                f"which a build would delete; {advice}")
    for folder, what in data:
        place = _absolute(folder)
        if place in target.parents:
            raise UnsafeSiteDir(f"the site folder '{shown}' is inside the {what} "
                                f"('{_shown(place)}'); {advice}")
    if target.exists() and not target.is_dir():
        raise UnsafeSiteDir(f"the site folder '{shown}' is a file; {advice}")
    unknown = foreign_files(target)
    if unknown:
        names = ", ".join(unknown[:SHOWN]) + (f" and {len(unknown) - SHOWN} more"
                                               if len(unknown) > SHOWN else "")
        why = (f"they are not in its list {MARKER}" if (target / MARKER).is_file()
               else f"it has no list {MARKER} of the files chartergen wrote")
        raise UnsafeSiteDir(
            f"the site folder '{shown}' holds files chartergen did not write ({names}; {why}), "
            f"which a build would delete: move them away, or {advice}"
        )


def foreign_files(site: Path) -> list[str]:
    """Files in ``site`` that its :data:`MARKER` does not list (top-level dot entries aside)."""
    if not site.is_dir():
        return []
    written = _written(site)
    unknown = []
    for current, folders, names in os.walk(site):
        here = Path(current)
        if here == site:
            # MkDocs never deletes hidden entries at the top, and the swap keeps them
            folders[:] = [f for f in folders if not f.startswith(".")]
            names = [n for n in names if not n.startswith(".")]
        folders.sort()
        for name in sorted(names):
            relative = (here / name).relative_to(site).as_posix()
            if relative not in written:
                unknown.append(relative)
    return unknown


def write_marker(site: Path) -> None:
    """List every file now in ``site`` (top-level dot entries aside) in its :data:`MARKER`."""
    files: list[str] = []
    for current, folders, names in os.walk(site):
        here = Path(current)
        if here == site:
            folders[:] = [f for f in folders if not f.startswith(".")]
            names = [n for n in names if not n.startswith(".")]
        files.extend((here / name).relative_to(site).as_posix() for name in names)
    listed = "".join(f"{name}\n" for name in sorted(files) if "\n" not in name)
    (site / MARKER).write_text(HEADER + listed, encoding="utf-8")


@contextlib.contextmanager
def staged(site: str | os.PathLike[str]) -> Iterator[Path]:
    """A new, empty folder next to ``site`` to build into; it becomes ``site`` on success.

    If the block raises (a failed build, Ctrl+C), the new folder is removed and
    ``site`` is left as it was.
    """
    target = Path(os.path.realpath(site))
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        os.chmod(building, _folder_mode(target))
        yield building
        if not (building / MARKER).is_file():
            write_marker(building)
        _swap(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target`` with renames; the old site is deleted last."""
    if not target.exists():
        os.rename(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    os.rmdir(old)  # only its unique name is needed
    os.rename(target, old)
    try:
        os.rename(new, target)
    except BaseException:
        os.rename(old, target)
        raise
    kept_all = True
    for entry in os.listdir(old):
        if entry.startswith(".") and entry != MARKER:
            try:
                os.rename(old / entry, target / entry)
            except OSError:
                kept_all = False
    if kept_all:
        shutil.rmtree(old, ignore_errors=True)


def _written(site: Path) -> set[str]:
    try:
        text = (site / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return set()
    return {line for line in text.splitlines() if line and not line.startswith("#")}


def _folder_mode(target: Path) -> int:
    """The old site's permissions, else what a new folder gets (mkdtemp's 0700 is too tight
    for a web server to read)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o777 & ~umask


def _absolute(path: str | os.PathLike[str]) -> Path:
    return Path(os.path.realpath(path))


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when inside it, as messages show paths."""
    here = Path.cwd().resolve()
    if path == here:
        return "."
    try:
        return str(path.relative_to(here))
    except ValueError:
        return str(path)
