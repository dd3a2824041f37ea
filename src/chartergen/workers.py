"""Helper processes that never outlive their build, and stop signals that end it cleanly.

A build forks helpers (charter rendering, page conversion, validation of large
batches). If the build is killed (SIGKILL from a CI timeout, a closed terminal),
nothing runs its clean-up code, and helpers left behind would keep running with
no parent. So each helper calls :func:`start_helper` first: on Linux the kernel
then kills it the moment its parent dies, whatever the signal; elsewhere it
the helpers end when their next write to the build fails.

:func:`stop_on_signals` makes SIGTERM and SIGHUP (what CI runners and closed
terminals send) raise :class:`Stopped`, a :class:`KeyboardInterrupt`: every
clean-up that runs on Ctrl+C (the unfinished site folder, temporary folders,
the helpers) then runs on them too.

:class:`Helpers` runs tasks in such helpers. Unlike ``multiprocessing.Pool``,
which quietly replaces a helper that died and then waits for ever for the task
it held, it stops the build with :class:`HelperLost` when one is killed (by the
system running out of memory, or by someone's ``kill``).
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from chartergen.errors import ChartergenError
from chartergen.messages import Msg, default_language

PR_SET_PDEATHSIG = 1
"""prctl option: the signal a process gets when its parent ends (linux/prctl.h)."""


class Stopped(KeyboardInterrupt):
    """The command was asked to stop by a signal other than Ctrl+C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name


def stop_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into :class:`Stopped` in this (main) process."""

    def stop(signum: int, frame: Any) -> None:
        # once is enough: a second signal during clean-up must not cut it short
        for number in _STOP_SIGNALS:
            signal.signal(number, signal.SIG_IGN)
        raise Stopped(signum)

    for number in _STOP_SIGNALS:
        signal.signal(number, stop)


def start_helper(parent: int) -> None:
    """Run first in every helper process: die with ``parent``, and leave signals to it.

    ``parent`` is the process id of the build, taken before the fork
    (``os.getpid()`` there).

    Ctrl+C reaches every process of the terminal's group; the parent handles it
    and ends the helpers, so a helper ignores it (no half-written traceback).
    SIGTERM and SIGHUP kill a helper at once, as they do by default.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in _STOP_SIGNALS:
        signal.signal(number, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:
        # the parent died before the request above took effect
        os._exit(1)


def run_helper(parent: int, function: Callable[..., Any], *args: Any) -> Any:
    """``function(*args)`` in a helper process of ``parent`` (see :func:`start_helper`)."""
    start_helper(parent)
    return function(*args)


class HelperLost(ChartergenError):
    """A helper process ended in the middle of its work (killed, out of memory)."""

    def __init__(self) -> None:
        super().__init__(Msg(
            "a helper process of this command was stopped before it finished (killed by "
            "another program or by the system, often because memory ran out); nothing was "
            "written: run the command again").say(default_language()))


class Helpers:
    """Helper processes (forked, see :func:`start_helper`) running one function on items.

    Use as a context manager: on the way out, helpers still working are killed.
    """

    def __init__(self, processes: int) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._executor: Any = ProcessPoolExecutor(
            processes, mp_context=multiprocessing.get_context("fork"),
            initializer=start_helper, initargs=(os.getpid(),))

    def unordered(self, function: Callable[[Any], Any], items: Iterable[Any]) -> Iterator[Any]:
        """``function(item)`` for every item, each as soon as it is done; the work starts
        now, before the first result is asked for."""
        futures = [self._executor.submit(function, item) for item in items]
        return self._results(futures)

    @staticmethod
    def _results(futures: list[Any]) -> Iterator[Any]:
        from concurrent.futures import as_completed
        from concurrent.futures.process import BrokenProcessPool

        try:
            for future in as_completed(futures):
                yield future.result()
        except BrokenProcessPool:
            raise HelperLost() from None

    def ordered(self, function: Callable[[Any], Any], items: Iterable[Any],
                chunksize: int = 1) -> list[Any]:
        """``[function(item) for item in items]``, in batches of ``chunksize``."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return list(self._executor.map(function, items, chunksize=chunksize))
        except BrokenProcessPool:
            raise HelperLost() from None

    def close(self) -> None:
        """Kill the helpers still running and wait for them."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        terminate = getattr(executor, "terminate_workers", None)  # Python 3.14
        if terminate is not None:
            terminate()
        else:
            for process in list((getattr(executor, "_processes", None) or {}).values()):
                if process.is_alive():
                    process.terminate()
        executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> Helpers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP")
                      if hasattr(signal, name))
