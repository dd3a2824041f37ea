"""The MkDocs plugin: a thin adapter that adds chartergen's pages to a MkDocs build.

``plugins: [chartergen]`` in ``mkdocs.yml`` is enough. The plugin loads and
validates the charters (``charters/`` by default), renders them with
:func:`chartergen.render.site.render_site`, and adds the pages in memory as
generated files: nothing is written into the docs folder. It also brings the
theme overrides, turns web fonts off, and passes every generated page's HTML
through the sanitiser. An invalid charter fails the build with the same
``file:line:col`` report as ``chartergen validate``; ``mkdocs serve`` rebuilds
when a charter changes.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from chartergen.render.sources import ci_edit_url

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page
    from mkdocs.utils.templates import TemplateContext

    from chartergen.engines.mkdocs.preconvert import Converted, Preconverter
    from chartergen.render.portfolio import PendingRender
    from chartergen.render.site import RenderedPage, RenderedSite

log = get_plugin_logger(__name__)

PROGRESS_FROM = 10
"""A build of this many charters or more shows progress bars (when asked to)."""


class CharterPluginConfig(base.Config):
    enabled = c.Type(bool, default=True)
    """Set to false to build the site without the charters."""
    charters = c.Type(str, default="charters")
    """Folder (or single file) of charters, relative to mkdocs.yml."""
    edit_url = c.Type(str, default="")
    """Edit link of a charter file, ``{path}`` being its path in the repository, e.g.
    ``https://github.com/acme/charters/edit/main/{path}``. Empty: taken from GitHub
    Actions or GitLab CI when the build runs there, else no edit link."""
    today = c.Type(str, default="")
    """Date the audit and overdue reviews are computed for (YYYY-MM-DD); empty: the
    CHARTERGEN_TODAY environment variable, else today."""
    templates = c.Optional(c.Dir(exists=True))
    """A folder of page templates (*.md.j2) that override chartergen's own."""
    audit = c.Type(bool, default=True)
    """Show the nine-mistakes audit (checklist page, scores)."""
    language = c.Choice(("auto", "en", "fr"), default="auto")
    """Language of the home page and of the theme's own words. ``auto``: French when
    every charter is French and the theme says English (Material's default), which
    also gives a default site name in French; otherwise the theme's language."""
    public = c.Type(bool, default=False)
    """Build the version to publish: personal data, the budget, notes and the parts each
    charter marks ``internal`` left out of every page, the search index and the sitemap;
    no audit, no edit links (``chartergen build --public``; see docs/security.md).
    The CHARTERGEN_PUBLIC environment variable set to 1 turns it on too (``chartergen
    serve --public``)."""
    print_pages = c.Type(bool, default=False)
    """Also add each charter on one page (``<charter>/print.html``: cover, contents, every
    page), outside the navigation; ``chartergen pdf`` turns it on to print a charter."""
    engine = c.Choice(("mkdocs", "zensical"), default="mkdocs")
    """The engine ``chartergen build`` and ``serve`` use for this configuration (their
    ``--engine`` option wins). A plain ``mkdocs build`` is MkDocs whatever this says."""


class CharterPlugin(BasePlugin[CharterPluginConfig]):
    """Adds every charter's pages, and the portfolio's home page, to the site."""

    def __init__(self) -> None:
        from chartergen.engines.mkdocs.pagecache import PageCache
        from chartergen.render.portfolio import PortfolioRenderer

        self._pages: dict[str, RenderedPage] = {}
        self._charters_path: Path | None = None
        # Kept for the life of the process: MkDocs keeps a plugin that has on_startup
        # across serve's rebuilds, so a rebuild re-renders only the charters that changed.
        self.renderer = PortfolioRenderer()
        self.pages = PageCache()
        """Serve only: generated pages' HTML and output, kept between rebuilds."""
        self.command = "build"
        self._last_site: tuple[Path | None, RenderedSite] | None = None
        """The charters' path and site of the last build whose charters were all valid."""
        self.progress: Callable[..., Any] | None = None
        """Makes a progress bar (``click.progressbar``); set by ``chartergen build`` on a
        terminal, for portfolios of :data:`PROGRESS_FROM` charters or more."""
        self._bar: Any = None
        self._pending: PendingRender | None = None
        self._preconverter: Preconverter | None = None
        self._converted: dict[str, Converted] = {}
        self.preconverted: list[str] = []
        """Pages of the last build whose HTML came from a helper process."""
        self._personal: dict[str, tuple[Any, ...]] = {}
        self.problems_said_in: str | None = None
        """The language of the problems this build listed before it stopped, for the last
        line that says the site was not built (read by the engine)."""
        """Public builds: each charter file's personal values, which no file may show."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        from chartergen.render.config import (
            EXTRA_CSS,
            EXTRA_JAVASCRIPT,
            MARKDOWN_EXTENSIONS,
            theme_dir,
        )

        base_dir = Path(config.config_file_path or ".").resolve().parent
        # made absolute, links not followed: a charters folder or file that is a link out
        # of the project is refused by discover() and the loader, never read through
        self._charters_path = Path(os.path.abspath(base_dir / self.config.charters))
        if self.command != "serve":  # serve builds into a folder of its own
            self._check_site_dir(config)

        ours = str(theme_dir().resolve())
        dirs = [str(Path(d).resolve()) for d in config.theme.dirs]
        if ours not in dirs:
            # After a user's own custom_dir, so that theirs still wins.
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, ours)
        # Web fonts are fetched from Google: the site must not call outside hosts.
        config.theme["font"] = False
        # An internal policy site: no "Made with Material for MkDocs" in the footer.
        if "generator" not in config.extra:
            config.extra["generator"] = False

        for extension in MARKDOWN_EXTENSIONS:
            name, options = (next(iter(extension.items())) if isinstance(extension, dict)
                             else (extension, None))
            if name not in config.markdown_extensions:
                config.markdown_extensions.append(name)
                if options:
                    config.mdx_configs[name] = dict(options)
        for path in EXTRA_CSS:
            if path not in config.extra_css:
                config.extra_css.append(path)
        scripts = [str(s) for s in config.extra_javascript]
        for path in EXTRA_JAVASCRIPT:
            if path not in scripts:
                config.extra_javascript.append(path)
        _local_worker_shim(config)
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        if self.config.enabled:
            # Started now, the charters render in worker processes while MkDocs
            # prepares the build (site folder, theme files); on_files collects them.
            self._start_render(config)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self.problems_said_in = None
        pending, self._pending = self._pending or self._start_render(config), None
        count, options = pending.count, pending.options
        if self.progress and count >= PROGRESS_FROM:
            with self.progress(length=count, label=f"Rendering {count} charters") as bar:
                result = pending.result(progress=bar.update)
        else:
            result = pending.result()
        errors = [d for d in result.diagnostics if d.is_error]
        for diagnostic in result.diagnostics:
            if not diagnostic.is_error:
                log.warning(diagnostic.format())
        if errors or result.site is None:
            from chartergen.messages import Msg
            from chartergen.render.problems import problems_language

            listing = "\n".join(d.format() for d in errors)
            language = problems_language(errors, str(config.theme.get("language") or "en"))
            if self.command != "serve":
                self.problems_said_in = language
                # a valid charter whose public text names a person is not "invalid"
                leaks_only = all(d.code == "public-personal-data" for d in errors) and errors
                stopped = Msg(
                    "the public site was not built: it would show personal data:\n{listing}",
                    listing=listing) if leaks_only else Msg(
                    "invalid charters, the site was not built:\n{listing}", listing=listing)
                raise PluginError("chartergen: " + stopped.say(language))
            # serve: a failed build would leave the browser waiting with no word of why;
            # the site shows the problems instead, and the terminal lists them
            log.error(Msg("invalid charters, their pages show the problems:\n{listing}",
                          listing=listing).say(language))
            from chartergen.render.problems import problems_site

            last = self._last_site
            site = problems_site(last[1] if last and last[0] == self._charters_path else None,
                                 errors, language)
        else:
            site = result.site
            self._last_site = (self._charters_path, site)
            self._personal = {source.source_path: source.personal
                              for source in result.sources if source.personal}
        self._speak(site, config)
        _search_languages(site, config)
        rendered_pages = list(site.pages)
        if self.config.print_pages:
            from chartergen.render.site import render_print_page

            rendered_pages.extend(
                render_print_page(source, site.charters[source.charter.slug],
                                  today=options.today,
                                  use_directory_urls=options.use_directory_urls,
                                  templates=options.templates or None, alone=site.single)
                for source in result.sources)

        self._pages = {}
        for page in rendered_pages:
            if files.get_file_from_path(page.src) is not None:
                if page.src != "index.md" or page.charter:
                    log.warning(f"docs folder has its own '{page.src}'; the generated page "
                                "of that name is left out")
                continue
            files.append(File.generated(config, page.src, content=page.markdown))
            self._pages[page.src] = page
        for file in site.files:  # the calendars, copied as they are
            if files.get_file_from_path(file.src) is None:
                files.append(File.generated(config, file.src, content=file.content))
        config.nav = self._nav(site, files, config)
        if self.progress and count >= PROGRESS_FROM:
            pages = len(files.documentation_pages())
            # each page is counted twice: converted from Markdown, then written
            self._bar = self.progress(length=2 * pages, label=f"Building {pages} pages")
            self._bar.__enter__()
        stats = self.renderer.stats
        log.debug(f"added {len(self._pages)} pages for {len(result.sources)} charters "
                  f"({stats.rendered} rendered, {stats.reused} unchanged)")
        return files

    def _speak(self, site: RenderedSite, config: MkDocsConfig) -> None:
        """The theme's words in the portfolio's language, and the site's name: a one-charter
        site's company, else a default name in the portfolio's language."""
        from chartergen.render.config import NOT_FOUND, SITE_NAMES
        from chartergen.render.site import not_found_words, site_name, site_names

        language = site.language
        if str(config.theme.get("language") or "en") != language:
            config.theme["language"] = language
        config.site_name, default = site_name(site, config.site_name)
        if default:  # the header of a page in another language names the site in that one
            config.extra[SITE_NAMES] = site_names()
        else:
            config.extra.pop(SITE_NAMES, None)
        config.extra[NOT_FOUND] = not_found_words(language)

    def on_nav(self, nav: Navigation, /, *, config: MkDocsConfig, files: Files) -> None:
        if nav.homepage is None:
            # one charter: its overview, index.md, is the home page, though inside the
            # charter's section of the navigation (MkDocs only counts a top-level one)
            nav.homepage = next((p for p in nav.pages if p.file.src_uri == "index.md"), None)
        if self._keeps_pages():
            self.pages.start(config, nav)
            search_index = _material_search_index(config)
            if search_index is not None:
                self.pages.index(search_index)
        elif self.config.enabled:
            self._start_preconverting(config, files)

    @event_priority(-1000)  # the Markdown as it will be converted, after other plugins
    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        if self._keeps_pages() and page.file.src_uri in self._pages:
            return self.pages.markdown(page, markdown)
        if self._preconverter is not None and page.file.src_uri in self._pages:
            converted = self._preconverter.take(page.file.src_uri)
            if converted is not None:
                self._converted[page.file.src_uri] = converted
                return ""  # converted already: nothing left for MkDocs to convert
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str | None:
        if self._bar is not None:
            self._bar.update(1)
        if not self.config.enabled or page.file.src_uri not in self._pages:
            return html
        from chartergen.render.sanitize import clean

        if self._keeps_pages():
            return self.pages.content(page, html, clean)
        converted = self._converted.pop(page.file.src_uri, None)
        if converted is not None:
            from chartergen.engines.mkdocs.preconvert import restore

            return restore(page, converted, files)
        return clean(html)

    @event_priority(-100)  # after the search plugin has indexed the page
    def on_page_context(self, context: TemplateContext, /, *, page: Page,
                        config: MkDocsConfig, nav: Any) -> TemplateContext | None:
        generated = self._pages.get(page.file.src_uri)
        if self.config.enabled and generated is not None:
            page.edit_url = generated.edit_url or None
            _index_language(config, page)
        return context

    @event_priority(1000)  # the theme's output, before other plugins change it
    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str | None:
        if self._bar is not None:
            self._bar.update(1)
        if self._keeps_pages() and page.file.src_uri in self._pages:
            self.pages.output(page, output)
        return output

    @event_priority(-1000)  # after every other plugin has written its files, even "last" ones
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._end_progress()
        if self._keeps_pages():
            self.pages.finish()
        if self.config.enabled and self._public() and self._personal:
            from chartergen.leaks import check_output

            # the last wall: every file of the site, whatever wrote it (theme, plugins)
            language = str(config.theme.get("language") or "en")
            problems = check_output(Path(config.site_dir), self._personal, language,
                                    verbatim=_shipped_theme_dirs(config))
            if problems:
                from chartergen.messages import Msg

                self.problems_said_in = language
                raise PluginError("chartergen: " + Msg(
                    "the public site was not built: it would show personal data:\n{listing}",
                    listing="\n".join(problems)).say(language))
        if self.config.enabled:
            from chartergen.sitedir import write_marker

            write_marker(Path(config.site_dir))

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        self._stop_preconverting()  # every page is converted by now
        return env

    def on_build_error(self, *, error: Exception) -> None:
        self._end_progress()
        self._stop_preconverting()
        if self._pending is not None:
            self._pending.cancel()
            self._pending = None

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig,
                 builder: Any) -> LiveReloadServer | None:
        if self.config.enabled and self._charters_path is not None:
            server.watch(str(self._charters_path))
            if self.config.templates:
                server.watch(str(self.config.templates))
        return server

    # --- helpers ---------------------------------------------------------------------------

    def protected_folders(self, config: MkDocsConfig) -> dict[str, list[tuple[str, str]]]:
        """The folders the site folder must leave alone (arguments of ``check_site_dir``)."""
        base_dir = Path(config.config_file_path or ".").resolve().parent
        charters = Path(os.path.abspath(base_dir / self.config.charters))
        if not charters.is_dir():
            charters = charters.parent
        return {
            "around": [(str(base_dir), "project folder"), (os.getcwd(), "current folder")],
            "data": [(str(charters), "charters folder"), (str(config.docs_dir), "docs folder")],
        }

    def _check_site_dir(self, config: MkDocsConfig) -> None:
        from chartergen.sitedir import UnsafeSiteDir, check_site_dir

        try:
            check_site_dir(config.site_dir, **self.protected_folders(config),
                           option="site_dir in mkdocs.yml (or --site-dir)")
        except UnsafeSiteDir as exc:
            raise PluginError(f"chartergen: {exc}") from None

    def _start_render(self, config: MkDocsConfig) -> PendingRender:
        from chartergen.errors import UsageError
        from chartergen.pipeline import discover
        from chartergen.render.portfolio import RenderOptions

        assert self._charters_path is not None
        try:
            charter_files = discover([self._charters_display()])
        except UsageError as exc:
            raise PluginError(f"chartergen: {exc}") from None
        theme_language = str(config.theme.get("language") or "en")
        language = self.config.language
        if language == "auto" and theme_language != "en":
            language = theme_language
        options = RenderOptions(
            today=self._today(),
            language=language,
            use_directory_urls=config.use_directory_urls,
            templates=str(self.config.templates or ""),
            edit_url=self._edit_url(),
            audit=self.config.audit,
            base=str(Path(config.config_file_path or ".").parent),
            public=self._public(),
        )
        self._pending = self.renderer.start(charter_files, options)
        return self._pending

    def _start_preconverting(self, config: MkDocsConfig, files: Files) -> None:
        from chartergen.engines.mkdocs.preconvert import Preconverter, helpers_for
        from chartergen.render.sanitize import clean

        self.preconverted = []
        helpers = helpers_for(config, self, len(self._pages))
        if not helpers:
            return
        pages = [f.page for f in files.documentation_pages()
                 if f.src_uri in self._pages and f.page is not None]
        self._preconverter = Preconverter.start(pages, config, files, clean, helpers)

    def _stop_preconverting(self) -> None:
        if self._preconverter is not None:
            self.preconverted = list(self._preconverter.used)
            self._preconverter.stop()
            self._preconverter = None
        self._converted = {}

    def _keeps_pages(self) -> bool:
        return bool(self.config.enabled) and self.command == "serve"

    def _end_progress(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None

    def _charters_display(self) -> str:
        """The charters' path as ``chartergen validate`` shows it (relative when possible)."""
        assert self._charters_path is not None
        try:
            return os.path.relpath(self._charters_path)
        except ValueError:  # another drive on Windows
            return str(self._charters_path)

    def _public(self) -> bool:
        return bool(self.config.public) or os.environ.get("CHARTERGEN_PUBLIC") == "1"

    def _today(self) -> dt.date:
        value = self.config.today or os.environ.get("CHARTERGEN_TODAY", "")
        if not value:
            return dt.date.today()
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise PluginError(
                f"chartergen: 'today' must be a date written YYYY-MM-DD, not {value!r}"
            ) from None

    def _edit_url(self) -> str:
        if self.config.edit_url:
            return self.config.edit_url
        return ci_edit_url(os.environ)

    def _nav(self, site: RenderedSite, files: Files, config: MkDocsConfig) -> list[Any]:
        """The site's navigation: the home page, any page of the docs folder, the charters
        (a site of one charter has no home page of its own: its overview is one)."""
        home, charters = (None, site.nav) if site.single else (site.nav[0], site.nav[1:])
        if config.nav:
            return [*config.nav, *charters]
        own = sorted(
            f.src_uri for f in files.documentation_pages() if f.src_uri not in self._pages
        )
        if "index.md" in own:
            own.remove("index.md")
            first: Any = "index.md"
        else:
            first = home
        return [*([first] if first else []), *own, *charters]


def _local_worker_shim(config: MkDocsConfig) -> None:
    """Serve the file:// search shim of Material's offline plugin from the theme.

    The offline plugin (opening the site from disk, search included) adds a script
    from a CDN unless a polyfill named "iframe-worker" is already listed; either
    order of the two plugins ends with the theme's own copy and no outside request.
    """
    from chartergen.render.config import IFRAME_WORKER

    offline = next((p for name, p in config.plugins.items()
                    if name in ("offline", "material/offline")), None)
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    if offline is not None and getattr(offline, "config", {}).get("enabled", True):
        polyfills.append(IFRAME_WORKER)
    if polyfills or "polyfills" in config.extra:
        config.extra["polyfills"] = polyfills


def _search_languages(site: RenderedSite, config: MkDocsConfig) -> None:
    """Material's search stems each word in the languages the pages are written in, whatever
    the theme's language (Material's default: the theme's language, and no stemming)."""
    from chartergen.render.config import search_languages

    index = _material_search_index(config)
    if index is not None:
        index.config.update(search_languages(site))


def _index_language(config: MkDocsConfig, page: Page) -> None:
    """Give the page's entries in Material's search index the page's language: the site's
    search worker stems each page's words in its own language
    (theme/assets/javascripts/workers/chartergen-search.js)."""
    language = page.meta.get("language")
    index = _material_search_index(config)
    if not language or index is None:
        return
    for entry in reversed(index.entries):  # the page's entries were added last
        if "lang" in entry or not str(entry.get("location", "")).startswith(page.url):
            break
        entry["lang"] = language


def _material_search_index(config: MkDocsConfig) -> Any:
    """This build's index of Material's search plugin, if the site uses it."""
    try:
        from material.plugins.search.plugin import SearchIndex
    except ImportError:  # another theme
        return None
    for plugin in config.plugins.values():
        index = getattr(plugin, "search_index", None)
        if type(index) is SearchIndex:
            return index
    return None


def _shipped_theme_dirs(config: MkDocsConfig) -> list[Path]:
    """The theme folders that come with chartergen, Material and MkDocs, whose files the
    site copies as they are: none holds a charter's value, so a name found in one (a
    licence's author) is nobody of the charter's. A project's own theme folder is not one."""
    import material
    import mkdocs

    from chartergen.render.config import theme_dir

    ours = theme_dir().resolve()
    packages = [Path(material.__file__).parent.resolve(), Path(mkdocs.__file__).parent.resolve()]
    shipped = []
    for folder in config.theme.dirs:
        path = Path(folder).resolve()
        if path == ours or any(path.is_relative_to(package) for package in packages):
            shipped.append(path)
    return shipped
