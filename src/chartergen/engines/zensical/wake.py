"""Waking ``serve`` as soon as a charter is saved, rather than at its next look.

``serve`` compares the charters' sizes and times at regular intervals (``POLL``
in :mod:`.engine`); on Linux, the kernel's file notifications (inotify) also
wake it the moment a file in the charters' folders is written and closed,
renamed or removed, so a save is seen at once. A notification only says
"look now": what changed is still found by comparing the files as before, and
the regular look stays, for what notifications miss (a folder created after
the start, a file system without them, another system). Nothing here needs
anything but the standard library.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import select
from pathlib import Path

IN_CLOSE_WRITE = 0x008
IN_MOVED_FROM = 0x040
IN_MOVED_TO = 0x080
IN_DELETE = 0x200
EVENTS = IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE
"""A file written and closed, renamed in or out, or removed. Not a file opened or being
written: a charter half-written is not looked at any sooner than before."""


class Wake:
    """Wait until a file under ``root`` (a folder, or one file's folder) changes, or
    ``timeout`` seconds have passed, whichever comes first."""

    def __init__(self, root: Path) -> None:
        self.fd = _watch(root)
        self._stop_read, self._stop_write = os.pipe()

    @property
    def notified(self) -> bool:
        """Whether changes wake it (else it only waits for the timeout)."""
        return self.fd is not None

    def wait(self, timeout: float) -> bool:
        """True when a notification came before the ``timeout`` (or :meth:`interrupt`)."""
        watched = [self._stop_read] if self.fd is None else [self.fd, self._stop_read]
        try:
            ready, _, _ = select.select(watched, [], [], timeout)
        except (OSError, ValueError):  # closed meanwhile
            return False
        if self.fd is not None and self.fd in ready:
            with contextlib.suppress(OSError):
                while os.read(self.fd, 65536):  # the events themselves are not needed
                    pass
        return bool(ready)

    def interrupt(self) -> None:
        """End the current (and any later) wait now."""
        with contextlib.suppress(OSError):
            os.write(self._stop_write, b"x")

    def close(self) -> None:
        for fd in (self.fd, self._stop_read, self._stop_write):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.fd = None


def _watch(root: Path) -> int | None:
    """An inotify descriptor watching ``root``'s folders, or None where there is none."""
    if not hasattr(os, "O_NONBLOCK") or os.uname().sysname != "Linux":
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        fd = libc.inotify_init1(os.O_NONBLOCK | os.O_CLOEXEC)
    except (OSError, AttributeError):
        return None
    if fd < 0:
        return None
    folders = [root] if root.is_dir() else [root.parent]
    if root.is_dir():
        folders += [Path(current) / name for current, names, _ in os.walk(root)
                    for name in names]
    watched = 0
    for folder in folders:
        if libc.inotify_add_watch(fd, os.fsencode(folder), EVENTS) >= 0:
            watched += 1
    if not watched:
        os.close(fd)
        return None
    return int(fd)
