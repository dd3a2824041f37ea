"""Generated pages converted to HTML in helper processes, while MkDocs converts the others.

MkDocs converts each page's Markdown in its main process, one page after the
other: for a portfolio that is two fifths of a build, with the other cores idle.
Once the navigation is known (``on_nav``), the plugin forks helpers; each is a
copy of the build at that moment (configuration, files, pages), so it converts
generated pages exactly as MkDocs would, with MkDocs' own ``Page.render``, and
sanitises them. The helpers start from the last page and MkDocs from the first;
when MkDocs reaches a page a helper has sent, the plugin hands MkDocs the HTML
(with its table of contents, title and anchors) instead of the Markdown. A page
no helper has sent yet is converted by MkDocs as usual, so nothing waits, and
the site is the same either way (a test compares them byte for byte).

Used only where nothing else could tell the difference: a build (not serve,
whose web server runs threads), with fork available, enough pages to pay for the
processes, and no other plugin reading or changing pages before or during
their conversion.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from chartergen.workers import run_helper

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

PAGES_FROM = 150
"""Below this many generated pages, the helpers cost more than they save."""

EVENTS = ("pre_page", "page_read_source", "page_markdown", "page_content")
"""Events in which another plugin would see or change a page around its conversion."""


@dataclass
class Converted:
    html: str
    toc: Any
    title: str | None
    anchors: set[str] | None
    links: dict[str, dict[str, str]] | None
    """Links to anchors of other pages, by the linked page's path."""
    logged: list[tuple[str, int, str]]
    """What MkDocs logged while converting (logger, level, message), to log again here."""


class Preconverter:
    """Helpers converting generated pages, and the pages they have sent so far."""

    def __init__(self, helpers: list[Any], connections: list[Any]) -> None:
        self._helpers, self._connections = helpers, connections
        self._done: dict[str, Converted] = {}
        self.used: list[str] = []

    @classmethod
    def start(cls, pages: list[Page], config: MkDocsConfig, files: Files,
              clean: Callable[[str], str], processes: int) -> Preconverter:
        """Fork ``processes`` helpers converting ``pages``, the last pages first."""
        context = multiprocessing.get_context("fork")
        helpers, connections = [], []
        order = list(reversed(pages))
        for number in range(processes):
            receiving, sending = context.Pipe(duplex=False)
            helper = context.Process(
                target=run_helper,
                args=(os.getpid(), _convert_pages, order[number::processes], config, files,
                      clean, sending),
                daemon=True,
            )
            helper.start()
            sending.close()
            helpers.append(helper)
            connections.append(receiving)
        return cls(helpers, connections)

    def take(self, src: str) -> Converted | None:
        """The converted page at ``src`` if a helper has sent it (never waits)."""
        for connection in list(self._connections):
            try:
                while connection.poll():
                    sent_src, data = connection.recv()
                    self._done[sent_src] = pickle.loads(data)
            except (EOFError, OSError):
                self._connections.remove(connection)
        converted = self._done.pop(src, None)
        if converted is not None:
            self.used.append(src)
        return converted

    def stop(self) -> None:
        """End the helpers (MkDocs has converted every page by now)."""
        for helper in self._helpers:
            if helper.is_alive():
                helper.terminate()
        for helper in self._helpers:
            helper.join()
        for connection in self._connections:
            connection.close()
        self._helpers, self._connections, self._done = [], [], {}


def helpers_for(config: MkDocsConfig, plugin: Any, page_count: int) -> int:
    """How many helpers this build may use: 0 when it must convert pages itself."""
    cores = os.cpu_count() or 1
    if (cores < 2 or page_count < PAGES_FROM or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 0
    for event in EVENTS:
        for method in config.plugins.events[event]:
            if getattr(method, "__self__", None) is not plugin:
                return 0
    return cores - 1


def restore(page: Page, converted: Converted, files: Files) -> str:
    """Give ``page`` what its conversion gave it; the HTML to hand on."""
    page.toc = converted.toc
    page._title_from_render = converted.title
    page.present_anchor_ids = converted.anchors
    if converted.links is not None:
        linked = {}
        for src, links in converted.links.items():
            file = files.get_file_from_path(src)
            if file is not None:
                linked[file] = links
        page.links_to_anchors = linked
    for name, level, message in converted.logged:
        logging.getLogger(name).log(level, message)
    return converted.html


def _convert_pages(pages: list[Page], config: MkDocsConfig, files: Files,
                   clean: Callable[[str], str], connection: Any) -> None:
    """In a helper: convert each page as MkDocs' populate step would, and send it."""
    records: list[logging.LogRecord] = []

    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    # What MkDocs logs here is sent to the main process, which logs it as its own
    # (so that --strict counts it); nothing is printed from the helper.
    mkdocs_log = logging.getLogger("mkdocs")
    for handler in list(mkdocs_log.handlers):
        mkdocs_log.removeHandler(handler)
    mkdocs_log.addHandler(Keep())
    mkdocs_log.propagate = False
    try:
        for page in pages:
            records.clear()
            page.read_source(config)
            assert page.markdown is not None
            page.render(config, files)
            links = None
            if page.links_to_anchors is not None:
                links = {f.src_uri: dict(found) for f, found in page.links_to_anchors.items()}
            converted = Converted(
                clean(page.content or ""), page.toc, page._title_from_render,
                page.present_anchor_ids, links,
                [(r.name, r.levelno, r.getMessage()) for r in records],
            )
            connection.send((page.file.src_uri, pickle.dumps(converted)))
    except (BrokenPipeError, EOFError, OSError):
        pass  # the main process has converted the rest itself
    finally:
        connection.close()
