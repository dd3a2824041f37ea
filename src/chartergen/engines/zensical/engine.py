"""The Zensical engine: ``chartergen build``, ``serve`` and ``pdf`` with Zensical.

Zensical reads ``mkdocs.yml`` and ships Material's look, search and offline
plugin, but runs no MkDocs plugin. So the charters are rendered here, as
``chartergen render`` does, into a project folder of their own (the Markdown
pages, the theme overrides, a ``mkdocs.yml``), which Zensical builds; the site
then replaces the site folder in one swap, like a MkDocs build. ``serve`` keeps
that folder for Zensical's server, and when a charter is saved builds only that
charter's section (:meth:`Watcher.update`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
import zensical

from chartergen.engines import read_config
from chartergen.errors import ChartergenError, UsageError
from chartergen.messages import Msg, default_language

if TYPE_CHECKING:
    from chartergen.engines import BuildRequest
    from chartergen.engines.zensical import incremental, wake
    from chartergen.render.portfolio import PortfolioRenderer, RenderOptions
    from chartergen.render.site import RenderedPage, RenderedSite

CANNOT = (
    "serve's preview pages are not passed through chartergen's HTML allow-list after "
    "Markdown (Zensical rebuilds them itself); built sites and prints are, and charter "
    "text is escaped when the pages are written in any case",
    "only the charters, site_name, site_dir and the theme's language are taken from a "
    "mkdocs.yml: its own pages (docs_dir), other plugins and other theme settings are not",
    "no progress bars, and no previous/next links at the foot of charter pages",
    "search does not bring words to their stem, in English or in French: it forgives a "
    "letter or two (\"piratés\" finds \"piraté\"), but \"hacking\" does not find "
    "\"hacked\"",
)
"""What this engine does not do of what chartergen offers with MkDocs (docs/hosting.md)."""

POLL = 0.2
"""How often ``serve`` looks at the charters for a change, in seconds; on Linux a saved
file also wakes it at once (:mod:`.wake`)."""


@dataclass
class Project:
    """What a ``mkdocs.yml`` (or the default one) asks of a build, read without MkDocs."""

    config_path: Path
    charters: Path
    site_name: str
    site_dir: Path
    language: str
    today: dt.date
    public: bool
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def base(self) -> Path:
        return self.config_path.resolve().parent


def project(request: BuildRequest) -> Project:
    data, options = read_config(request.config_path)
    base = request.config_path.resolve().parent
    if not options and "chartergen" not in str(data.get("plugins")):
        raise UsageError(f"{request.config_path} does not use the chartergen plugin: add "
                         "'- chartergen' under 'plugins'")
    today = request.today or str(options.get("today") or "") or os.environ.get(
        "CHARTERGEN_TODAY", "")
    try:
        date = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        raise UsageError(f"'today' must be a date written YYYY-MM-DD, not {today!r}") from None
    public = (request.public or bool(options.get("public"))
              or os.environ.get("CHARTERGEN_PUBLIC") == "1")
    if request.site_dir:
        site_dir = Path(request.site_dir).resolve()
    else:
        site_dir = Path(os.path.abspath(base / str(data.get("site_dir") or "site")))
        if public:  # never into the internal site's folder
            site_dir = site_dir.with_name(site_dir.name + "-public")
    theme = data.get("theme") if isinstance(data.get("theme"), dict) else {}
    return Project(
        config_path=request.config_path,
        charters=Path(os.path.abspath(base / str(options.get("charters") or "charters"))),
        site_name=str(data.get("site_name") or ""),
        site_dir=site_dir,
        language=str(theme.get("language") or "en"),
        today=date,
        public=public,
        options=options,
    )


def render_options(proj: Project) -> RenderOptions:
    from chartergen.render.portfolio import RenderOptions
    from chartergen.render.sources import ci_edit_url

    language = str(proj.options.get("language") or "auto")
    if language == "auto" and proj.language != "en":
        language = proj.language
    templates = proj.options.get("templates") or ""
    return RenderOptions(
        today=proj.today,
        language=language,
        use_directory_urls=False,  # as the offline plugin has it: opened from disk too
        templates=str(proj.base / templates) if templates else "",
        edit_url=str(proj.options.get("edit_url") or "") or ci_edit_url(os.environ),
        audit=bool(proj.options.get("audit", True)),
        base=str(proj.base),
        public=proj.public,
    )


def build(request: BuildRequest) -> Path:
    """Build the site; return the site folder.

    When only some charters changed since the last build of this site folder, only
    their pages are built again (:mod:`.incremental`); the result is the same.
    """
    from chartergen.engines.zensical import incremental
    from chartergen.render.portfolio import code_stamp
    from chartergen.sitedir import check_site_dir, staged

    proj = project(request)
    target = proj.site_dir
    check_site_dir(target, **protected_folders(proj))
    for limit in CANNOT:
        say(request, f"Zensical engine: {limit} (docs/hosting.md)")
    state = incremental.state_folder(target)
    renderer = _renderer(None if state is None else state / "render")
    site, _ = render_checked(proj, renderer, strict=request.strict)
    settings = project_settings(proj, site)
    made = incremental.inputs(site, settings, code_stamp())
    todo = incremental.plan(site, made, incremental.load(state), target)
    incremental.forget(state)  # until the new site is in place
    with tempfile.TemporaryDirectory(prefix="chartergen-zensical-") as folder:
        built = Path(folder) / "site"
        if todo is not None and (todo.pages or todo.files):
            write_project(Path(folder), proj, site, only=todo)
            run_build(Path(folder), strict=request.strict, quiet=request.quiet)
            allow_list(built, [page for page in site.pages if page.src in todo.pages])
        if todo is not None:
            try:
                with staged(target) as building:
                    incremental.assemble(target, built, building, todo)
            except incremental.Unplaced:
                todo = None
                for used in ("docs", "site", ".cache"):
                    shutil.rmtree(Path(folder) / used, ignore_errors=True)
        parts: list[incremental.Plan] | None = None
        if todo is None:
            parts = incremental.split(site, processes())
            if parts is not None:
                try:
                    build_parts(Path(folder), proj, site, parts, request, target)
                except incremental.Unplaced:
                    parts = None
        if todo is None and parts is None:
            write_project(Path(folder), proj, site)
            run_build(Path(folder), strict=request.strict, quiet=request.quiet)
            allow_list(built, site.pages)
            with staged(target) as building:
                for entry in built.iterdir():
                    shutil.move(str(entry), building / entry.name)
    incremental.save(state, made, target)
    return target


def processes() -> int:
    """How many Zensical builds a whole build runs side by side: one per core."""
    return os.cpu_count() or 1


def build_parts(folder: Path, proj: Project, site: RenderedSite,
                parts: list[incremental.Plan], request: BuildRequest, target: Path) -> None:
    """A whole build as :func:`.incremental.split` cut it: each part written and built by
    Zensical in a helper process of its own, at the same time, then joined and swapped in.

    Zensical's link check reads each page's Markdown one byte at a time in Python (about
    40 % of its build), and in a part it would take a link to a page of another part for
    a broken one; so it is left out of the parts, and the links of the joined site are
    checked here instead (:func:`broken_links`), from what the allow-list pass found."""
    from chartergen.engines.zensical import incremental
    from chartergen.sitedir import staged
    from chartergen.workers import Helpers

    global _PARTS
    folders = [folder / f"part-{n}" for n in range(len(parts))]
    # the helpers are forked: they find the site here rather than have it sent to them
    _PARTS = (proj, site, parts, request.strict, request.quiet)
    try:
        with Helpers(len(parts)) as helpers:
            found = helpers.ordered(_build_part, [(n, str(f)) for n, f in enumerate(folders)])
    finally:
        _PARTS = None
    links = {page: seen for part in found for page, seen in part.items()}
    try:
        with staged(target) as building:
            incremental.join([f / "site" for f in folders], parts, building)
            report_links(broken_links(building, links), request)
    finally:
        for part_folder in folders:
            shutil.rmtree(part_folder, ignore_errors=True)


PageLinks = dict[str, tuple[list[str], set[str]]]
"""Each page's path in the site -> its links and its anchors (:func:`clean_pages`)."""

_PARTS: tuple[Project, RenderedSite, list[incremental.Plan], bool, bool] | None = None
"""What :func:`build_parts` shares with the helpers it forks."""


def _build_part(job: tuple[int, str]) -> PageLinks:
    """One part written, built by Zensical without its link check, and its pages through
    the allow-list; returns each page's links and anchors (:func:`clean_pages`)."""
    assert _PARTS is not None
    proj, site, parts, strict, quiet = _PARTS
    n, folder = job
    write_project(Path(folder), proj, site, only=parts[n], check_links=False)
    run_build(Path(folder), strict=strict, quiet=quiet)
    links: PageLinks = {}
    clean_pages(Path(folder) / "site", sorted(parts[n].pages), links=links)
    return links


def broken_links(site_folder: Path, links: PageLinks) -> list[Msg]:
    """The links of the pages in ``links`` (page -> its links and its anchors, as
    :func:`clean_pages` finds them) that lead to no file of the site, or to no anchor of
    one of those pages: what Zensical's link check reports. Links to other sites, to
    ``mailto:`` and the like, and from the root (``/``) are not checked."""
    import posixpath
    from urllib.parse import unquote

    problems = []
    for page, (hrefs, _ids) in sorted(links.items()):
        base = posixpath.dirname(page)
        for href in hrefs:
            if _SCHEME.match(href) or href.startswith("/"):
                continue
            path, _, anchor = href.partition("#")
            path = unquote(path.partition("?")[0])
            target = posixpath.normpath(posixpath.join(base, path)) if path else page
            if path and (target.startswith("../") or not (site_folder / target).is_file()):
                problems.append(Msg("{page}: the link to {href} leads to no page of the site",
                                    page=page, href=href))
            elif anchor and target in links and unquote(anchor) not in links[target][1]:
                problems.append(Msg("{page}: the link to {href} leads to no place on that "
                                    "page", page=page, href=href))
    return problems


def report_links(problems: list[Msg], request: BuildRequest) -> None:
    """Broken links stop a ``--strict`` build, and are warnings otherwise."""
    if not problems:
        return
    language = default_language()
    listing = "\n".join(problem.say(language) for problem in problems)
    if request.strict:
        raise ChartergenError(Msg("the site was not built: some links lead to no page or "
                                  "place (--strict):\n{listing}",
                                  listing=listing).say(language))
    if not request.quiet:
        for problem in problems:
            click.echo(f"WARNING -  {problem.say(language)}", err=True)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_HREF = re.compile(r'\b(?:href|src)="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')


def print_site(charter_file: Path, folder: Path, today: dt.date, *,
               public: bool = False) -> Path:
    """The site of the one charter, with its print page, built in ``folder``."""
    from chartergen.render.site import render_print_page

    proj = Project(config_path=folder / "mkdocs.yml", charters=charter_file.resolve(),
                   site_name="", site_dir=folder / "site", language="en", today=today,
                   public=public)
    renderer = _renderer()
    site = render(proj, renderer)
    options = render_options(proj)
    result = renderer.render([charter_file], options)
    extra = [render_print_page(source, site.charters[source.charter.slug], today=today,
                               use_directory_urls=False, templates=options.templates or None,
                               alone=site.single)
             for source in result.sources]
    write_project(folder, proj, site, extra=extra)
    run_build(folder, strict=False, quiet=True)
    allow_list(folder / "site", [*site.pages, *extra])
    return folder / "site"


_ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset">)(.*?)(</article>)', re.S)


def allow_list(site_folder: Path, pages: Iterable[RenderedPage]) -> None:
    """Each generated page's content through the allow-list, as the MkDocs plugin does
    with the HTML Markdown gives (``chartergen.render.sanitize``): Zensical has no hook
    between Markdown and the theme, so the article is cleaned in the written page.

    The theme's own part of the article (the skip anchor, the edit button) comes before
    the page's first heading and is kept; a page whose article cannot be found stops the
    build rather than go out unchecked.
    """
    clean_pages(site_folder, (page.src for page in pages))


def clean_pages(site_folder: Path, sources: Iterable[str], *,
                links: PageLinks | None = None) -> None:
    """:func:`allow_list` for the pages whose Markdown was at ``sources``; with ``links``,
    each page's links (after the allow-list, the article's only) and anchors (the whole
    page's) are added to it, by the page's path in the site."""
    from html import unescape

    from chartergen.render.sanitize import clean

    for src in sources:
        page = src[: -len(".md")] + ".html"
        path = site_folder / page
        html = path.read_text(encoding="utf-8")
        found = _ARTICLE.search(html)
        if found is None:
            raise ChartergenError(f"the site was not built: Zensical wrote {src} in a "
                                  "form chartergen does not know, so its HTML could not be "
                                  "checked (is the Zensical version the tested one?)")
        inner = found.group(2)
        start = inner.find("<h1")
        theme, content = (inner[:start], inner[start:]) if start >= 0 else ("", inner)
        content = clean(content)
        html = html[: found.start(2)] + theme + content + html[found.end(2):]
        path.write_text(html, encoding="utf-8")
        if links is not None:
            links[page] = ([unescape(href) for href in _HREF.findall(content)],
                           {unescape(ident) for ident in _ID.findall(html)})


def serve(request: BuildRequest, *, dev_addr: str, open_in_browser: bool) -> None:
    """Serve the site and rewrite the pages of a charter when it is saved, until Ctrl+C."""
    proj = project(request)
    renderer = _renderer()
    with tempfile.TemporaryDirectory(prefix="chartergen-zensical-serve-") as folder:
        watcher = Watcher(Path(folder), proj, renderer)
        watcher.update()
        # Zensical's server ends the process itself on Ctrl+C, SIGTERM or an error (a busy
        # port), so no clean-up of ours would run after it: it serves from a helper process
        # of its own, and this process cleans up (temporary folders) whatever ends it.
        server = _serve_in_helper(Path(folder) / "mkdocs.yml", dev_addr, open_in_browser)
        watcher.start()
        try:
            _, status = os.waitpid(server, 0)
        except BaseException:
            _end(server)
            raise
        finally:
            watcher.stop()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, -signal.SIGINT, -signal.SIGTERM, -signal.SIGHUP):
            raise ServerStopped(code)


class ServerStopped(ChartergenError):
    """Zensical's server ended with an error (it said which, above)."""

    def __init__(self, code: int) -> None:
        super().__init__(Msg("Zensical's server stopped with the error above (exit code "
                             "{code})", code=code).say(default_language()))


def _serve_in_helper(config: Path, dev_addr: str, open_in_browser: bool) -> int:
    """Fork a helper that runs Zensical's server and dies with this process."""
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        from chartergen.workers import start_helper

        start_helper(parent)
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Zensical handles Ctrl+C
        zensical.serve(str(config), {"dev_addr": dev_addr, "open": open_in_browser,
                                     "strict": False})
        code = 0
    except BaseException as exc:  # said, then this helper ends
        if not isinstance(exc, KeyboardInterrupt):
            print(f"chartergen: {exc}", file=sys.stderr)
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return pid  # pragma: no cover - never reached


def _end(pid: int) -> None:
    """Stop the server helper and wait for it."""
    try:
        os.kill(pid, signal.SIGTERM)
        for _ in range(50):
            done, _status = os.waitpid(pid, os.WNOHANG)
            if done:
                return
            time.sleep(0.1)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


def render(proj: Project, renderer: PortfolioRenderer) -> RenderedSite:
    return render_checked(proj, renderer)[0]


def render_checked(proj: Project, renderer: PortfolioRenderer,
                   last: RenderedSite | None = None, *, problems: bool = False,
                   strict: bool = False) -> tuple[RenderedSite, bool]:
    """The site's pages, and whether every charter is valid; an invalid charter stops the
    build (or, with ``problems``, gives pages listing its problems, as ``serve`` on MkDocs
    shows them); so does a warning with ``strict``."""
    from chartergen.output import styled
    from chartergen.pipeline import discover

    files = discover([_shown(proj.charters)])
    result = renderer.render(files, render_options(proj))
    errors = [d for d in result.diagnostics if d.is_error]
    for diagnostic in result.diagnostics:
        if not diagnostic.is_error:
            click.echo(styled(diagnostic), err=True)
    if strict and len(errors) < len(result.diagnostics):
        raise ChartergenError("the site was not built (charter warnings, and --strict)")
    if errors or result.site is None:
        from chartergen.messages import Msg
        from chartergen.render.problems import problems_language, problems_site

        listing = "\n".join(d.format() for d in errors)
        language = problems_language(errors, proj.language)
        if not problems:
            # a valid charter whose public text names a person is not "invalid"
            leaks_only = all(d.code == "public-personal-data" for d in errors) and errors
            stopped = Msg(
                "the public site was not built: it would show personal data:\n{listing}",
                listing=listing) if leaks_only else Msg(
                "invalid charters, the site was not built:\n{listing}", listing=listing)
            raise ChartergenError(stopped.say(language))
        click.echo(Msg("invalid charters, their pages show the problems:\n{listing}",
                       listing=listing).say(language), err=True)
        return problems_site(last, errors, language), False
    return result.site, True


def write_project(folder: Path, proj: Project, site: RenderedSite, *,
                  extra: list[RenderedPage] | tuple[()] = (),
                  written: dict[str, str] | None = None,
                  only: incremental.Plan | None = None,
                  check_links: bool = True) -> int | None:
    """The Markdown pages, theme overrides and ``mkdocs.yml`` Zensical builds, in ``folder``.

    ``written``: the pages already in the folder (path -> Markdown); only the pages
    that changed are written again, and pages no longer in the site are removed.
    ``only``: a project of only the pages an incremental build rebuilds, with the
    stand-ins their navigation needs. ``check_links``: False leaves out Zensical's link
    check (the caller checks the links, see :func:`build_parts`).

    Returns the time (``st_mtime_ns``) of the last page (Markdown) or ``mkdocs.yml``
    written or removed, or None when the folder already held them all: what makes
    Zensical's server lay out the site again (a file that is not a page is only copied).
    """
    from chartergen.render.config import copy_theme

    docs = folder / "docs"
    pages = {page.src: page.markdown for page in [*site.pages, *extra]}
    pages.update({file.src: file.content for file in site.files})
    if only is not None:
        pages = {src: text for src, text in pages.items()
                 if src in only.pages or src in only.files}
        pages.update(only.stand_ins)
    known = {} if written is None else written
    last: int | None = None
    for src in sorted(set(known) - set(pages)):
        (docs / src).unlink(missing_ok=True)
        if src.endswith(".md"):
            with contextlib.suppress(OSError):
                last = (docs / src).parent.stat().st_mtime_ns
    for src, markdown in pages.items():
        if known.get(src) != markdown:
            path = docs / src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(markdown.encode("utf-8"))
            if src.endswith(".md"):
                last = path.stat().st_mtime_ns
    if written is not None:
        written.clear()
        written.update(pages)
    if not (folder / "theme").is_dir():
        copy_theme(folder / "theme")
        # Zensical would publish the folder's notes for developers; MkDocs leaves them out
        (folder / "theme" / "README.md").unlink(missing_ok=True)
    settings = project_settings(proj, site)
    if only is not None:
        settings["nav"] = only.nav
    if not check_links:
        settings["validation"] = {"invalid_links": False, "invalid_link_anchors": False}
    config = dump_settings(settings)
    path = folder / "mkdocs.yml"
    if not path.is_file() or path.read_text(encoding="utf-8") != config:
        path.write_text(config, encoding="utf-8")
        last = path.stat().st_mtime_ns
    return last


def project_settings(proj: Project, site: RenderedSite) -> dict[str, Any]:
    """The ``mkdocs.yml`` settings Zensical builds the site with."""
    from chartergen.render.config import SITE_NAMES, site_config
    from chartergen.render.site import site_name, site_names

    name, default = site_name(site, proj.site_name)
    settings = site_config(site, site_name=name)
    if default:  # the header of a page in another language names the site in that language
        settings["extra"][SITE_NAMES] = site_names()
    # Material's own look, as the MkDocs site has it (Zensical's default is a newer one)
    settings["theme"]["variant"] = "classic"
    if site.single:
        # the charter's overview is the home page, though inside the charter's section:
        # Zensical counts only a top-level index.md as one (the logo's link reads this)
        settings.setdefault("extra", {})["homepage"] = "index.html"
    return settings


def dump_settings(settings: dict[str, Any]) -> str:
    """The settings as ``mkdocs.yml`` text; the last few are kept, as ``serve`` writes the
    same settings after most saves (writing the navigation of 100 charters takes 0.8 s)."""
    import json

    key = json.dumps(settings, sort_keys=True, default=str)
    text = _DUMPED.get(key)
    if text is None:
        from chartergen.render.config import dump_yaml

        text = str(dump_yaml(settings))
        if len(_DUMPED) >= 4:
            _DUMPED.pop(next(iter(_DUMPED)))
        _DUMPED[key] = text
    return text


_DUMPED: dict[str, str] = {}


def run_build(folder: Path, *, strict: bool, quiet: bool = False) -> None:
    """Zensical's build of the project in ``folder`` (into ``folder/site``).

    Zensical reports on standard output; that goes to standard error, as MkDocs'
    log does (dropped with ``quiet``), so that a command's own output stays clean.
    """
    with _in(folder), _report_to_stderr(quiet):
        try:
            zensical.build(str(folder / "mkdocs.yml"), {"clean": False, "strict": strict})
        except Exception as exc:  # Zensical raises its own errors from Rust
            raise ChartergenError(f"the site was not built (Zensical: {exc})") from None


def protected_folders(proj: Project) -> dict[str, list[tuple[str, str]]]:
    charters = proj.charters if proj.charters.is_dir() else proj.charters.parent
    return {
        "around": [(str(proj.base), "project folder"), (os.getcwd(), "current folder")],
        "data": [(str(charters), "charters folder"), (str(proj.base / "docs"), "docs folder")],
    }


class Watcher:
    """``serve``: renders the charters into the served project, and again when one of them
    changes.

    Zensical's server lays out every page of the site again after any page changed
    (about 1.2 s for 100 charters, 2,281 pages): its navigation is rebuilt and each
    page is rendered with it. So, when a save changes only what some charters' pages
    say (the same pages, navigation and settings), and Zensical has finished laying
    out what it was last given, the pages are not handed to it: the saved charters'
    sections are built on the side by Zensical, as ``chartergen build`` rebuilds them
    after an edit (:mod:`.incremental`: the same bytes as a whole build), and their
    pages, files and search entries replace the old ones in the served folder, each
    in one step. Zensical's server sees them there and reloads the browsers showing
    them. Anything else is written into the project, where Zensical's server builds
    it, with every page changed so far.
    """

    SETTLED = 0.5
    """Seconds without a page written by Zensical before its last work counts as done."""

    def __init__(self, folder: Path, proj: Project, renderer: PortfolioRenderer):
        self.folder, self.proj, self.renderer = folder, proj, renderer
        self.written: dict[str, str] = {}
        """The pages and files of the project, as Zensical's server was last given them."""
        self.served: dict[str, str] = {}
        """The same, as served: with what was built on the side since."""
        self.given: int | None = None
        """When Zensical's server was last given something to build (st_mtime_ns)."""
        self.settled = False
        self.last: RenderedSite | None = None
        self.seen: dict[Path, tuple[int, int]] = {}
        self._side: dict[str, str] = {}
        self._stop = threading.Event()
        self._wake: wake.Wake | None = None
        self._thread = threading.Thread(target=self._run, name="chartergen-watch",
                                        daemon=True)

    def update(self) -> None:
        self.seen = self._stamps()
        site, valid = render_checked(self.proj, self.renderer, self.last, problems=True)
        if valid:
            self.last = site
        if self._built_on_the_side(site):
            return
        given = write_project(self.folder, self.proj, site, written=self.written)
        self.served = dict(self.written)
        if given is not None:
            self.given, self.settled = given, False

    def _built_on_the_side(self, site: RenderedSite) -> bool:
        """The saved charters' sections built on the side and put in place; False when
        this save is for Zensical's server to build."""
        from chartergen.engines.zensical import incremental

        pages = {page.src: page.markdown for page in site.pages}
        now = {**pages, **{file.src: file.content for file in site.files}}
        if set(now) != set(self.written):
            return False
        config = self.folder / "mkdocs.yml"
        try:
            if config.read_text(encoding="utf-8") != dump_settings(
                    project_settings(self.proj, site)):
                return False
        except OSError:
            return False
        changed = {src for src, text in now.items() if self.served.get(src) != text}
        if not changed:
            return True
        if not self._zensical_done(pages):
            return False
        sections = [incremental.section_pages(item) for item in site.nav]
        rebuilt = [i for i, leaves in enumerate(sections) if changed & set(leaves)]
        if {src for src in changed if src in pages} - {
                leaf for i in rebuilt for leaf in sections[i]}:
            return False  # a page outside the navigation
        todo = incremental.sections_plan(site, rebuilt, changed - set(pages))
        try:
            self._place(site, todo)
        except (incremental.Unplaced, ChartergenError, OSError):
            return False  # then Zensical's server builds it, or says what is wrong
        self.served.update({src: now[src] for src in changed})
        return True

    def _site(self) -> Path:
        return self.folder / "site"

    def _zensical_done(self, pages: Iterable[str]) -> bool:
        """Whether Zensical's server has laid out every page since it was last given
        something, and written none for :attr:`SETTLED` seconds (else it could still
        write a page over one put in place here)."""
        if self.settled:
            return True
        if self.given is None:
            return False
        newest = 0
        try:
            for src in pages:
                stamp = (self._site() / _html(src)).stat().st_mtime_ns
                if stamp < self.given:
                    return False
                newest = max(newest, stamp)
        except OSError:
            return False
        if time.time_ns() - newest < self.SETTLED * 1e9:
            return False
        self.settled = True
        return True

    def _place(self, site: RenderedSite, todo: incremental.Plan) -> None:
        """``todo`` built by Zensical in a project of its own, then each of its pages and
        files that changed, and the search index, moved into the served folder."""
        from chartergen.engines.zensical import incremental

        side = self.folder / "side"
        write_project(side, self.proj, site, written=self._side, only=todo)
        run_build(side, strict=False, quiet=True)
        built = side / "site"
        clean_pages(built, todo.pages)
        ready = side / "ready"
        shutil.rmtree(ready, ignore_errors=True)
        ready.mkdir()
        moves = []
        for path in sorted({_html(src) for src in todo.pages} | todo.files):
            data = (built / path).read_bytes()
            with contextlib.suppress(OSError):
                if (self._site() / path).read_bytes() == data:
                    continue
            (ready / path).parent.mkdir(parents=True, exist_ok=True)
            (ready / path).write_bytes(data)
            moves.append(path)
        if todo.pages:
            incremental.search_replaced(self._site(), built, ready,
                                {_html(src) for src in todo.pages})
            moves += incremental.SEARCH
        for path in moves:  # each in one step: a page is never served half-written
            os.replace(ready / path, self._site() / path)

    def start(self) -> None:
        from chartergen.engines.zensical.wake import Wake

        self._wake = Wake(self.proj.charters)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        waker = self._wake
        if waker is not None:
            waker.interrupt()
            if self._thread.is_alive():
                self._thread.join(timeout=10)
            if not self._thread.is_alive():
                waker.close()

    def _run(self) -> None:
        waker = self._wake
        while waker is not None and not self._stop.is_set():
            waker.wait(POLL)
            if self._stop.is_set():
                break
            if self._stamps() != self.seen:
                try:
                    self.update()
                except ChartergenError as exc:
                    click.echo(f"chartergen: {exc}", err=True)

    def _stamps(self) -> dict[Path, tuple[int, int]]:
        root = self.proj.charters
        files = [root] if root.is_file() else sorted(root.rglob("*.y*ml"))
        stamps = {}
        for path in files:
            with contextlib.suppress(OSError):
                stat = path.stat()
                stamps[path] = (stat.st_mtime_ns, stat.st_size)
        return stamps


def _html(src: str) -> str:
    return src[: -len(".md")] + ".html"


def say(request: BuildRequest, text: str) -> None:
    if not request.quiet:
        click.echo(f"INFO    -  {text}", err=True)


def _renderer(store: Path | None = None) -> PortfolioRenderer:
    from chartergen.render.portfolio import PortfolioRenderer

    return PortfolioRenderer(store=store)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


@contextlib.contextmanager
def _report_to_stderr(quiet: bool) -> Iterator[None]:
    sys.stdout.flush()
    saved = os.dup(1)
    target = os.open(os.devnull, os.O_WRONLY) if quiet else os.dup(2)
    os.dup2(target, 1)
    try:
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)
        os.close(target)


@contextlib.contextmanager
def _in(folder: Path) -> Iterator[None]:
    """Zensical keeps its cache (``.cache``) in the current folder: the project's."""
    here = os.getcwd()
    os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(here)
