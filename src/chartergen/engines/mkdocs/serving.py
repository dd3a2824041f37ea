"""``chartergen serve`` on MkDocs: the live-reload server keeps answering while it rebuilds.

MkDocs' own ``serve`` rebuilds the site inside the folder it serves, so its server
holds every request until the rebuild ends: a charter that takes seconds to build
leaves every browser waiting that long. Here each rebuild goes into a new folder
while the server goes on answering from the last complete one (the site, or the
pages that list a charter's problems); the new folder then takes its place in one
step and the browsers reload. Otherwise this is MkDocs' ``serve`` (1.6.1): the same
server, watched paths, plugin events and log.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs import exceptions
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer, _serve_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

log = logging.getLogger("mkdocs.commands.serve")


class Server(LiveReloadServer):
    """MkDocs' live-reload server, serving the last complete site folder it was given.

    MkDocs' request handler waits while the epoch being built differs from the one
    shown; :meth:`meanwhile` makes them equal for the length of a build (requests go
    on to the current folder), and :meth:`publish` swaps the folder and hands the new
    epoch back, so that MkDocs then tells the browsers to reload.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error_handler = self._error_page
        self._next_epoch: int | None = None
        self._folders: list[Path] = []
        """The folders served so far, oldest first: the last one is being served."""

    @contextlib.contextmanager
    def meanwhile(self) -> Iterator[None]:
        """Around a rebuild: requests are answered from the current folder until it ends."""
        with self._epoch_cond:
            self._next_epoch = self._wanted_epoch
            self._wanted_epoch = self._visible_epoch
            self._epoch_cond.notify_all()  # a request that came in just before goes on now
        try:
            yield
        finally:
            self._next_epoch = None

    def publish(self, folder: Path) -> None:
        """Serve ``folder`` (a complete site) from now on; the one served before it stays
        until the next swap, for the requests still reading it."""
        with self._epoch_cond:
            self.root = str(folder)
            if self._next_epoch is not None:
                self._wanted_epoch = self._next_epoch
        self._folders.append(folder)
        while len(self._folders) > 2:
            shutil.rmtree(self._folders.pop(0), ignore_errors=True)

    def _error_page(self, code: int) -> bytes | None:
        """The site's own 404 or 500 page, from the folder being served."""
        if code in (404, 500):
            page = Path(self.root) / f"{code}.html"
            with contextlib.suppress(OSError):
                return page.read_bytes()
        return None


def serve(config_file: str, *, dev_addr: str, open_in_browser: bool = False) -> None:
    """Serve the site of ``config_file`` and rebuild it when a watched file changes, until
    Ctrl+C. Configuration errors and a failed first build raise MkDocs' exceptions."""
    with tempfile.TemporaryDirectory(prefix="chartergen-serve-") as scratch:
        folders = _Folders(Path(scratch))

        def get_config(folder: Path) -> MkDocsConfig:
            return load_config(config_file=config_file, site_dir=str(folder),
                               dev_addr=dev_addr)

        first = folders.new()
        config = get_config(first)
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            host, port = config.dev_addr
            mount_path = urlsplit(config.site_url or "/").path
            config.site_url = serve_url = _serve_url(host, port, mount_path)

            def build_into(folder: Path, config: MkDocsConfig | None = None) -> None:
                log.info("Building documentation...")
                if config is None:
                    config = get_config(folder)
                    config.site_url = serve_url
                build(config, serve_url=serve_url)

            def rebuild() -> None:
                folder = folders.new()
                with server.meanwhile():
                    try:
                        build_into(folder)
                    except Exception as exc:
                        shutil.rmtree(folder, ignore_errors=True)
                        _say_failed(exc)
                        return
                    server.publish(folder)

            server = Server(builder=rebuild, host=host, port=port, root=str(first),
                            mount_path=mount_path)
            build_into(first, config)
            server.publish(first)
            server.watch(config.docs_dir)
            if config.config_file_path:
                server.watch(config.config_file_path)
            server = config.plugins.on_serve(server, config=config, builder=rebuild)
            for item in config.watch:
                server.watch(item)
            try:
                server.serve(open_in_browser=open_in_browser)
            except KeyboardInterrupt:
                log.info("Shutting down...")
            finally:
                server.shutdown()
        finally:
            config.plugins.on_shutdown()


class _Folders:
    """Numbered site folders inside one temporary folder, removed with it."""

    def __init__(self, scratch: Path) -> None:
        self.scratch, self.count = scratch, 0

    def new(self) -> Path:
        self.count += 1
        folder = self.scratch / f"site-{self.count}"
        folder.mkdir()
        return folder


def _say_failed(exc: Exception) -> None:
    """A rebuild failed: say so (the log above gives the details); the site stays."""
    if not isinstance(exc, (exceptions.Abort, exceptions.ConfigurationError,
                            exceptions.BuildError)):
        traceback.print_exc()
    from chartergen.errors import abort_reason
    from chartergen.messages import Msg, default_language

    reason = abort_reason(exc) if isinstance(exc, exceptions.Abort) else (
        str(exc).strip() or type(exc).__name__)
    log.error(Msg("the site could not be rebuilt ({reason}); the last complete site is "
                  "still served, and the next saved change builds it again",
                  reason=reason).say(default_language()))
