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
import ctypes
import errno
import functools
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from chartergen.errors import UsageError

MARKER = ".chartergen-site"
"""In the site folder: the files the last build wrote, one path per line."""

HEADER = (
    "# Written by chartergen: the files of this site folder that its last build wrote.\n"
    "# A new build may replace these (and only these). Do not edit.\n"
)

OWNER = ".chartergen-building"
"""In a folder a command is writing: its process id, locked while it runs."""

OWNER_TEXT = "chartergen, process "

AT_FDCWD, RENAME_EXCHANGE = -100, 2
"""Arguments of renameat2 (linux/fcntl.h, linux/fs.h)."""

_NOT_WRITABLE = (errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM)

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

    If the block raises (a failed build, Ctrl+C, SIGTERM), the new folder is
    removed and ``site`` is left as it was. A build killed outright leaves its
    folder behind: the next build removes it (see :func:`owned_folder`). Where
    ``site`` cannot be renamed (a mount point: a container volume, a web root),
    its contents are replaced instead (:func:`replace_contents`).
    """
    target = Path(os.path.realpath(site))
    prefix = f".{target.name}.building-"
    with contextlib.ExitStack() as stack:
        with writing(target):
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_leftovers(target.parent, (prefix, f".{target.name}.old-"), site=target)
            building = stack.enter_context(owned_folder(prefix, target.parent))
            os.chmod(building, _folder_mode(target))
        yield building
        with writing(target):
            if not (building / MARKER).is_file():
                write_marker(building)
            with _locked(target.parent):
                _swap(building, target)


@contextlib.contextmanager
def writing(target: Path, what: str = "the site", option: str = "--site-dir") -> Iterator[None]:
    """Plain words, not an internal error, when the system will not let us write ``target``
    (a read-only folder or disk, a full disk)."""
    try:
        yield
    except OSError as exc:
        if not isinstance(exc, PermissionError) and exc.errno not in _NOT_WRITABLE:
            raise
        reason = (exc.strerror or "not writable").lower()
        place = Path(exc.filename) if exc.filename else target
        if place != target and target not in place.parents:
            place = place.parent  # a temporary folder beside it: name the folder it is in
        raise UsageError(
            f"cannot write {what} '{_shown(target)}': '{_shown(place)}': {reason}; make the "
            f"folder writable, or choose another one with {option}") from None


@contextlib.contextmanager
def owned_folder(prefix: str, parent: str | os.PathLike[str]) -> Iterator[Path]:
    """A new folder ``parent/prefix*``, marked as this process's and removed on the way out.

    The folder holds :data:`OWNER`, locked for as long as this process runs: a
    folder left by a process that was killed is recognised by its name and that
    file, and removed by :func:`remove_leftovers`, while the folder of a build
    still running elsewhere is left alone.
    """
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    owner = open(folder / OWNER, "w", encoding="utf-8")  # noqa: SIM115 - held to the end
    try:
        if fcntl is not None:
            fcntl.flock(owner.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        owner.write(f"{OWNER_TEXT}{os.getpid()}\n")
        owner.flush()
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        owner.close()


def remove_leftovers(parent: str | os.PathLike[str], prefix: str | tuple[str, ...],
                     site: Path | None = None) -> list[Path]:
    """Remove the folders ``parent/prefix*`` that :func:`owned_folder` made for processes that
    have ended; the removed folders.

    A folder is removed only if it is named so, holds :data:`OWNER`, and no
    running process holds that file's lock. With ``site``: if an interrupted
    swap left no ``site`` but its previous contents in such a folder, they are
    put back instead.
    """
    removed: list[Path] = []
    if fcntl is None:  # no way to tell a running build's folder from a dead one's
        return removed
    try:
        names = sorted(os.listdir(parent))
    except OSError:
        return removed
    for name in names:
        folder = Path(parent) / name
        if not name.startswith(prefix) or folder.is_symlink() or not folder.is_dir():
            continue
        marker = folder / OWNER
        if marker.is_symlink() or not marker.is_file():
            continue
        try:
            with open(marker, "r+", encoding="utf-8") as owner:
                if owner.read(len(OWNER_TEXT)) != OWNER_TEXT:
                    continue
                fcntl.flock(owner.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                if site is not None and not os.path.lexists(site) and (folder / MARKER).is_file():
                    os.unlink(marker)
                    os.rename(folder, site)
                    continue
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
        except OSError:  # locked: a build still running owns it
            continue
    return removed


def replace_contents(new: Path, target: Path) -> None:
    """Make ``target`` hold what ``new`` holds, in place: for a folder that cannot be renamed.

    Deletes only files that the last build listed in ``target``'s
    :data:`MARKER`; top-level entries whose name starts with a dot stay. While
    files are copied, the marker lists both builds' files, so an interrupted
    copy leaves a folder the next build may still replace.
    """
    before = _written(target)
    after = _written(new)
    (target / MARKER).write_text(HEADER + "".join(f"{name}\n" for name in sorted(
        before | after)), encoding="utf-8")
    for name in sorted(after):
        source, place = new / name, target / name
        place.parent.mkdir(parents=True, exist_ok=True)
        if place.is_symlink():
            place.unlink()
        shutil.copyfile(source, place)
        shutil.copymode(source, place)
    for name in sorted(before - after, reverse=True):
        place = target / name
        if place.is_symlink() or place.is_file():
            place.unlink()
        folder = place.parent
        while folder != target:
            try:
                folder.rmdir()  # only when the build's files were all it held
            except OSError:
                break
            folder = folder.parent
    shutil.copyfile(new / MARKER, target / MARKER)


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` in the place of ``target``; the old site is deleted last.

    Where the system can, the two folders are exchanged in one step, so that
    there is a complete site at ``target`` at every moment, whatever stops this
    process; else with two renames, the second undone by the next build if the
    process is killed between them (:func:`remove_leftovers`).
    """
    if target.is_dir() and os.path.ismount(target):
        replace_contents(new, target)
        return
    owner = new / OWNER
    if not os.path.lexists(target):
        os.rename(new, target)
        _unlink(target / OWNER)
        return
    try:
        exchanged = _exchange(new, target)
        if exchanged:
            old = new  # now holds the previous site
            os.rename(target / OWNER, old / OWNER)  # what to delete carries the mark
        else:
            old = new.with_name(new.name.replace(".building-", ".old-", 1))
            os.rename(owner, target / OWNER)
            os.rename(target, old)
            try:
                os.rename(new, target)
            except BaseException:
                os.rename(old, target)
                raise
    except OSError as exc:
        if exc.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM):
            raise
        # a folder the system will not move: a mount point, or one in use elsewhere
        _unlink(target / OWNER)
        replace_contents(new, target)
        return
    kept_all = True
    for entry in os.listdir(old):
        if entry.startswith(".") and entry not in (MARKER, OWNER):
            try:
                os.rename(old / entry, target / entry)
            except OSError:
                kept_all = False
    if kept_all:
        shutil.rmtree(old, ignore_errors=True)
    else:  # an entry of the old site's own could not be carried over: keep it, unmarked
        _unlink(old / OWNER)
        os.rename(old, old.with_name(f".{target.name}.kept-{old.name.rsplit('-', 1)[-1]}"))


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step (Linux's renameat2); False where the system cannot."""
    function = _renameat2()
    if function is None:
        return False
    if function(AT_FDCWD, os.fsencode(first), AT_FDCWD, os.fsencode(second),
                RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # not on this file system
        return False
    raise OSError(number, os.strerror(number), str(second))


@functools.cache
def _renameat2() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function = libc.renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold ``folder``'s lock: two builds swapping sites in it take turns."""
    if fcntl is None:
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)


def _unlink(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


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
