"""What ``chartergen serve`` keeps of each generated page between rebuilds.

MkDocs rebuilds the whole site whenever a file changes: it converts every
page's Markdown to HTML, then renders the theme's template around each one.
For a page whose Markdown, navigation and configuration are what they were at
the last build, both steps give what they gave then. So, while serving, the
plugin hands MkDocs a page's kept HTML instead of having its Markdown
converted, and a template that writes the page's kept output instead of
laying it out again. Every page still passes through every plugin's hooks, so
the search index still covers the whole site; Material's search plugin is
handed a page's kept index entries instead of parsing its HTML again (the
largest share of a rebuild otherwise). A saved charter thus costs a rebuild of
its own pages plus the bookkeeping of the others.

Only serve uses this: a published build always converts and lays out every page.
"""

from __future__ import annotations

import hashlib
import os
import zlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

KEPT_TEMPLATE = "chartergen-kept.html"
"""The theme template (in chartergen's overrides) that writes a page's kept output."""

OUTPUT = "chartergen_kept_output"
"""The page attribute that template writes."""


@dataclass
class _Converted:
    html: bytes
    toc: Any
    title: str | None
    anchors: set[str] | None


@dataclass
class PageStats:
    converted: list[str] = field(default_factory=list)
    """Pages whose Markdown was converted in the last build."""
    kept: int = 0
    """Pages whose kept HTML was used in the last build."""
    laid_out: list[str] = field(default_factory=list)
    """Pages the theme laid out in the last build (the others' output was kept)."""
    indexed_kept: int = 0
    """Pages whose kept search entries were used in the last build."""


class PageCache:
    """Kept HTML and output of generated pages, keyed by everything they depend on."""

    def __init__(self) -> None:
        self._converted: dict[tuple[str, ...], _Converted] = {}
        self._outputs: dict[tuple[str, ...], bytes] = {}
        self._keys: dict[str, tuple[str, ...]] = {}
        self._hits: set[str] = set()
        self._site = ""
        self._sections: dict[int, str] = {}
        self._entries: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        self._entry_keys: set[tuple[str, ...]] = set()
        self.stats = PageStats()

    def start(self, config: MkDocsConfig, nav: Navigation) -> None:
        """Called once the navigation is known: fingerprints of the site and of each section."""
        self._site = _digest(_config_state(config), _outline(nav.items))
        self._sections = {id(item): _digest(_outline([item])) for item in nav.items}
        self._keys, self._hits = {}, set()
        self.stats = PageStats()

    def markdown(self, page: Page, markdown: str) -> str:
        """The Markdown MkDocs should convert: none at all when the page's HTML is kept."""
        ancestors = list(page.ancestors)
        top = ancestors[-1] if ancestors else None
        section = self._sections.get(id(top), "") if top is not None else ""
        key = (page.file.src_uri, _digest(markdown), self._site, section)
        self._keys[page.file.src_uri] = key
        if key in self._converted:
            self._hits.add(page.file.src_uri)
            return ""
        return markdown

    def content(self, page: Page, html: str, clean: Any) -> str:
        """The page's HTML: the kept one (with its table of contents and anchors), or
        ``html`` passed through ``clean`` and kept for next time."""
        src = page.file.src_uri
        key = self._keys[src]
        if src not in self._hits:
            cleaned = str(clean(html))
            self._converted[key] = _Converted(
                zlib.compress(cleaned.encode("utf-8"), 1), page.toc,
                page._title_from_render, page.present_anchor_ids)
            self.stats.converted.append(src)
            return cleaned
        kept = self._converted[key]
        page.toc = kept.toc
        page._title_from_render = kept.title
        page.present_anchor_ids = kept.anchors
        page.links_to_anchors = None  # checked when the page was converted
        self.stats.kept += 1
        output = self._outputs.get(key)
        if output is not None:
            page.meta["template"] = KEPT_TEMPLATE
            setattr(page, OUTPUT, zlib.decompress(output).decode("utf-8"))
        return zlib.decompress(kept.html).decode("utf-8")

    def output(self, page: Page, output: str) -> None:
        """Keep the page's output, as the theme's template rendered it."""
        src = page.file.src_uri
        key = self._keys.get(src)
        if key is None:
            return
        if page.meta.get("template") == KEPT_TEMPLATE:
            return
        self._outputs[key] = zlib.compress(output.encode("utf-8"), 1)
        self.stats.laid_out.append(src)

    def index(self, search_index: Any) -> None:
        """Keep the search entries of generated pages in Material's index for next time.

        ``search_index`` is this build's ``material.plugins.search.plugin.SearchIndex``;
        a page's entries depend on its HTML, table of contents, address, title and the
        metadata the index reads, all part of the key, so a page with the same key gets
        the same entries.
        """
        add = search_index.add_entry_from_context
        self._entry_keys = set()

        def add_entry_from_context(page: Page) -> None:
            key = self._keys.get(page.file.src_uri)
            if key is None:  # not a generated page
                add(page)
                return
            meta = page.meta
            key = (*key, page.url, str(page.title),
                   repr((meta.get("title"), meta.get("search"), meta.get("tags"))))
            self._entry_keys.add(key)
            kept = self._entries.get(key)
            if kept is None:
                before = len(search_index.entries)
                add(page)
                kept = self._entries[key] = _copy_entries(search_index.entries[before:])
            else:
                search_index.entries.extend(_copy_entries(kept))
                self.stats.indexed_kept += 1

        if "add_entry_from_context" not in vars(search_index):
            search_index.add_entry_from_context = add_entry_from_context

    def finish(self) -> None:
        """Forget the pages this build no longer has."""
        current = set(self._keys.values())
        self._converted = {k: v for k, v in self._converted.items() if k in current}
        self._outputs = {k: v for k, v in self._outputs.items() if k in current}
        self._entries = {k: v for k, v in self._entries.items() if k in self._entry_keys}


def _copy_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Copies of search entries (text values and a list of tags), so no build changes another's."""
    return [{k: list(v) if isinstance(v, list) else v for k, v in entry.items()}
            for entry in entries]


def _digest(*parts: str) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part.encode("utf-8", errors="surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def _outline(items: list[Any]) -> str:
    """Titles and addresses of navigation items and their children, as text."""
    lines: list[str] = []

    def walk(entries: list[Any], depth: int) -> None:
        for entry in entries:
            url = getattr(entry, "url", "") or ""
            lines.append(f"{depth}|{entry.title}|{url}")
            walk(getattr(entry, "children", None) or [], depth + 1)

    walk(items, 0)
    return "\n".join(lines)


def _config_state(config: MkDocsConfig) -> str:
    """Everything of the configuration a page's layout may show, and the theme's templates."""
    state = [repr(config.get(name)) for name in (
        "site_name", "site_url", "site_description", "site_author", "copyright", "repo_url",
        "repo_name", "edit_uri", "use_directory_urls", "extra", "extra_css",
        "extra_javascript", "markdown_extensions", "mdx_configs")]
    state.append(repr(sorted(config.theme.items(), key=lambda item: item[0])))
    if config.config_file_path and os.path.isfile(config.config_file_path):
        with open(config.config_file_path, "rb") as stream:
            state.append(hashlib.sha256(stream.read()).hexdigest())
    for folder in config.theme.dirs:
        for current, folders, names in os.walk(folder):
            # icons and assets are no templates (Material has thousands of icons)
            folders[:] = sorted(f for f in folders if not f.startswith(".") and f != "assets")
            for name in sorted(names):
                if name.endswith(".html"):
                    info = os.stat(os.path.join(current, name))
                    state.append(f"{current}/{name}:{info.st_mtime_ns}:{info.st_size}")
    return "\n".join(state)
