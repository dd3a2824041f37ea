"""Replace or create a file so that readers see either the old content or the new, never half.

The text goes to a temporary file in the same folder (so the final rename stays
on one file system), is flushed to disk, takes the old file's permissions, and
then replaces the target in one ``os.replace``. If anything fails on the way,
the temporary file is removed and the original is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from chartergen.errors import ChartergenError


class FileExists(ChartergenError):
    """The target exists and the caller asked never to overwrite it."""


def write_atomic(path: str | os.PathLike[str], text: str | bytes, *,
                 overwrite: bool = True) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends; or bytes, as they are) to ``path`` in one step.

    With ``overwrite=False`` an existing file is never replaced, even if it
    appears while the text is being written: :class:`FileExists` is raised.
    A symbolic link is followed, so the file it points at is updated.
    """
    target = Path(os.path.realpath(path))
    folder = target.parent
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
                binary.flush()
                os.fsync(binary.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, _mode_for(target))
        if overwrite:
            os.replace(temporary, target)
        else:
            _create_only(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(folder)


def _create_only(temporary: str, target: Path) -> None:
    # a hard link fails if the target exists, so there is no window in which
    # a file created meanwhile could be overwritten
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise FileExists(f"'{target}' already exists") from None
    except OSError:  # no hard links on this file system: check, then rename
        if target.exists():
            raise FileExists(f"'{target}' already exists") from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _mode_for(target: Path) -> int:
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
