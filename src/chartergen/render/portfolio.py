"""A portfolio rendered charter by charter, each charter once per content.

Every charter goes through load -> validate -> model -> audit -> render on its
own: its pages depend on nothing but its file, its folder on the site and the
options. So a :class:`PortfolioRenderer` keeps what it rendered, keyed by the
file's content hash and everything else a page depends on, and a later call
re-renders only the charters whose key changed. The MkDocs plugin keeps one
renderer for the life of the process, so ``chartergen serve`` re-validates and
re-renders one charter when one file is saved.

Many charters to render at once are shared among worker processes (one per
core); the home page and the navigation are put together afterwards.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from chartergen.errors import Diagnostic, has_errors
from chartergen.pipeline import duplicate_slugs
from chartergen.render.site import (
    RenderedCharter,
    RenderedSite,
    join_site,
    portfolio_file,
    portfolio_language,
    render_charter,
    render_home,
    site_slugs,
)
from chartergen.render.view import CharterSource

PARALLEL_FROM = 8
"""Below this many charters to render, starting worker processes costs more than it saves."""


@dataclass(frozen=True)
class RenderOptions:
    """Everything besides the charter file that its pages depend on."""

    today: dt.date
    language: str = "en"
    """Language of the home page (each charter's pages use the charter's own); "auto":
    French when every charter is French, else English."""
    use_directory_urls: bool = True
    templates: str = ""
    """A folder of page templates overriding chartergen's own ("" for none)."""
    edit_url: str = ""
    audit: bool = True
    base: str = ""
    """Folder that paths are shown from outside a git repository (the project)."""
    extra: tuple[tuple[str, Any], ...] = ()
    """Any further setting the pages depend on; part of the cache key."""
    public: bool = False
    """The public version of each charter (:mod:`chartergen.public`): personal data and
    internal parts left out, no audit, no edit links."""


@dataclass(frozen=True)
class CharterOutcome:
    """What one charter file gave: its diagnostics, and its pages when it is valid."""

    path: Path
    diagnostics: tuple[Diagnostic, ...]
    source: CharterSource | None = None
    rendered: RenderedCharter | None = None


@dataclass
class RenderStats:
    """How much work the last :meth:`PortfolioRenderer.render` did, and all calls together."""

    rendered: int = 0
    """Charters loaded, validated and rendered by the last call."""
    reused: int = 0
    """Charters of the last call taken from the cache."""
    total_rendered: int = 0
    rendered_paths: list[Path] = field(default_factory=list)
    """The files the last call rendered."""


@dataclass
class PortfolioResult:
    files: list[Path]
    diagnostics: list[Diagnostic]
    sources: list[CharterSource]
    """The valid charters, in site order."""
    site: RenderedSite | None
    """None when a charter is invalid: a site is built from valid charters only."""

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


@dataclass(frozen=True)
class _Job:
    path: Path
    display: str
    site_slug: str
    source_path: str
    last_changed: dt.date | None
    options: RenderOptions
    alone: bool = False
    """The site's only charter (its overview becomes the home page)."""


class PortfolioRenderer:
    """Renders portfolios, re-using the charters it already rendered with the same key."""

    def __init__(self, *, processes: int | None = None, store: Path | None = None) -> None:
        self._cache: dict[tuple[Any, ...], CharterOutcome] = {}
        self._processes = processes
        self.store = Store(store) if store is not None else None
        """Where rendered charters are also kept between processes (a later ``build``
        re-renders only the charters that changed), or None."""
        self._templates_seen: tuple[Any, ...] | None = None
        self.stats = RenderStats()

    def render(
        self,
        files: Sequence[Path],
        options: RenderOptions,
        *,
        progress: Callable[[int], None] | None = None,
    ) -> PortfolioResult:
        """The site for the charter ``files`` (as :func:`chartergen.pipeline.discover`
        lists them); ``progress`` is called with the number of charters each step finished.
        """
        return self.start(files, options).result(progress)

    def start(self, files: Sequence[Path], options: RenderOptions) -> PendingRender:
        """Start rendering; worker processes, if any, go on while the caller does other work
        (the plugin lets MkDocs prepare its build meanwhile)."""
        from chartergen.pipeline import display_path
        from chartergen.render.sources import git_root, last_changed, repo_path

        files = list(files)
        self._forget_changed_templates(options.templates)
        resolved = [_resolved(Path(f)) for f in files]
        root = git_root(resolved[0].parent) if resolved else None
        changed = last_changed(resolved, root)
        base = Path(options.base) if options.base else None
        slugs = site_slugs(sorted({Path(f).stem for f in files}))
        jobs = [
            _Job(Path(f), display_path(Path(f)), slugs[Path(f).stem],
                 repo_path(file, root, base), changed.get(file), options, len(files) == 1)
            for f, file in zip(files, resolved, strict=True)
        ]
        keys = [_key(job) for job in jobs]
        outcomes: dict[int, CharterOutcome] = {}
        todo: list[int] = []
        for index, key in enumerate(keys):
            cached = self._cache.get(key) if key is not None else None
            if cached is None and key is not None and self.store is not None:
                cached = self.store.get(key)
            if cached is not None:
                outcomes[index] = cached
            else:
                todo.append(index)
        pool, running = None, None
        if self._workers(len(todo)) >= 2:
            _warm_up(options)
            from chartergen.workers import Helpers

            pool = Helpers(self._workers(len(todo)))
            running = pool.unordered(_numbered, [(i, jobs[i]) for i in todo])
        return PendingRender(self, files, jobs, keys, outcomes, todo, slugs, options,
                             pool, running)

    def _workers(self, count: int) -> int:
        if count < PARALLEL_FROM:
            return 1
        import multiprocessing

        # Forking a process that runs threads (mkdocs serve's web server) can deadlock
        # the child; serve's rebuilds render one or two charters anyway.
        if ("fork" not in multiprocessing.get_all_start_methods()
                or threading.active_count() > 1):
            return 1
        return min(self._processes or os.cpu_count() or 1, count // (PARALLEL_FROM // 2))

    def _forget_changed_templates(self, templates: str) -> None:
        """Drop everything rendered with templates that changed since (``serve`` watches them)."""
        seen = _folder_state(templates) if templates else None
        if seen != self._templates_seen:
            if self._templates_seen is not None:
                from chartergen.render.site import environment

                environment.cache_clear()
                self._cache.clear()
            self._templates_seen = seen


class PendingRender:
    """A render under way: :meth:`result` waits for it, :meth:`cancel` stops it."""

    def __init__(self, renderer: PortfolioRenderer, files: list[Path], jobs: list[_Job],
                 keys: list[tuple[Any, ...] | None], outcomes: dict[int, CharterOutcome],
                 todo: list[int], slugs: dict[str, str], options: RenderOptions,
                 pool: Any, running: Any) -> None:
        self._renderer, self._files, self._jobs, self._keys = renderer, files, jobs, keys
        self._outcomes, self._todo, self._slugs, self._options = outcomes, todo, slugs, options
        self._pool, self._running = pool, running

    @property
    def count(self) -> int:
        """How many charter files the render covers."""
        return len(self._jobs)

    @property
    def options(self) -> RenderOptions:
        return self._options

    def result(self, progress: Callable[[int], None] | None = None) -> PortfolioResult:
        jobs, outcomes, todo = self._jobs, self._outcomes, self._todo
        if progress and len(todo) < len(jobs):
            progress(len(jobs) - len(todo))
        try:
            if self._running is None:
                for index in todo:
                    outcomes[index] = process_charter(jobs[index])
                    if progress:
                        progress(1)
            else:
                for index, outcome in self._running:
                    outcomes[index] = outcome
                    if progress:
                        progress(1)
        finally:
            self.cancel()
        renderer = self._renderer
        renderer._cache = {key: outcomes[i] for i, key in enumerate(self._keys)
                           if key is not None}
        if renderer.store is not None:
            renderer.store.keep({key: outcomes[i] for i, key in enumerate(self._keys)
                                 if key is not None}, new={self._keys[i] for i in todo})
        renderer.stats = RenderStats(
            rendered=len(todo), reused=len(jobs) - len(todo),
            total_rendered=renderer.stats.total_rendered + len(todo),
            rendered_paths=[jobs[i].path for i in todo],
        )
        return _assemble([outcomes[i] for i in range(len(jobs))], self._files, self._slugs,
                         self._options)

    def cancel(self) -> None:
        """Stop the workers, if any are left (a failed build)."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None


class Store:
    """Rendered charters kept on disk, one file per cache key (see :func:`_key`), so that
    another process finds them: a ``build`` after one charter changed renders that one.

    The folder is the user's own (made private); a file that cannot be read is rendered
    again, never trusted. The key also holds chartergen's own code (:func:`code_stamp`),
    so an upgrade renders everything again.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._stamp = code_stamp()

    def name(self, key: tuple[Any, ...]) -> str:
        return hashlib.sha256(f"{self._stamp}\0{key!r}".encode()).hexdigest() + ".pickle"

    def get(self, key: tuple[Any, ...]) -> CharterOutcome | None:
        import pickle

        try:
            with open(self.folder / self.name(key), "rb") as file:
                found = pickle.load(file)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError,
                TypeError, ValueError):
            return None
        return found if isinstance(found, CharterOutcome) else None

    def keep(self, outcomes: dict[tuple[Any, ...], CharterOutcome],
             new: set[tuple[Any, ...] | None]) -> None:
        """Write the ``new`` outcomes; forget files of keys no longer used."""
        import pickle
        import tempfile

        try:
            self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            wanted = {self.name(key): key for key in outcomes}
            for entry in os.scandir(self.folder):
                if entry.name.endswith(".pickle") and entry.name not in wanted:
                    os.unlink(entry.path)
            for name, key in wanted.items():
                path = self.folder / name
                if key not in new and path.is_file():
                    continue
                handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".part")
                with os.fdopen(handle, "wb") as file:
                    pickle.dump(outcomes[key], file, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


def code_stamp() -> str:
    """chartergen's own files (name, size, modification time) as one hash: what a kept
    page was made with."""
    import chartergen

    state = []
    for current, folders, names in os.walk(Path(chartergen.__file__).parent):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(names):
            with contextlib.suppress(OSError):
                info = os.stat(os.path.join(current, name))
                state.append(f"{current}/{name}:{info.st_size}:{info.st_mtime_ns}")
    from chartergen import __version__

    state.append(__version__)
    return hashlib.sha256("\n".join(state).encode()).hexdigest()


def process_charter(job: _Job) -> CharterOutcome:
    """Load, validate, build, audit and render one charter file."""
    from chartergen.model import build
    from chartergen.pipeline import load_and_validate

    document, diagnostics = load_and_validate(job.path)
    if document is None or has_errors(diagnostics):
        return CharterOutcome(job.path, tuple(diagnostics))
    options = job.options
    charter = build(document.data, document.slug, document.path)
    personal: tuple[Any, ...] = ()
    if options.public:
        from chartergen.leaks import check_charter, personal_values
        from chartergen.public import scrub, withhold

        personal = personal_values(charter, document)
        public = withhold(charter)
        # searched as written: a declared email or phone number in a text stops the
        # build, rather than being replaced by "(not published)" without a word
        leaks = check_charter(public, document, personal)
        if leaks:
            said = [leak.said(charter.language) for leak in leaks]
            return CharterOutcome(job.path, tuple(sorted([*diagnostics, *said])))
        charter = scrub(public)
    audit = None
    if options.audit and not options.public:
        from chartergen.render.sources import audit_runner

        run = audit_runner()
        audit = run(charter, options.today) if run else None
    source = CharterSource(
        charter=charter,
        source_path=job.source_path,
        last_changed=job.last_changed,
        edit_url=(options.edit_url.replace("{path}", job.source_path)
                  if options.edit_url and not options.public else ""),
        audit=audit,
        public=options.public,
        personal=personal,
    )
    rendered = render_charter(source, job.site_slug, today=options.today,
                              use_directory_urls=options.use_directory_urls,
                              templates=options.templates or None, alone=job.alone)
    return CharterOutcome(job.path, tuple(diagnostics), source, rendered)


def _warm_up(options: RenderOptions) -> None:
    """What every charter needs, made once before forking so that workers inherit it:
    the schema's validator, the model and audit modules, the compiled templates."""
    from chartergen import model  # noqa: F401
    from chartergen.render.site import environment, labels_for
    from chartergen.render.sources import audit_runner
    from chartergen.schema.structure import warm_up

    warm_up()
    audit_runner()
    labels_for("en"), labels_for("fr")
    env = environment(options.templates)
    for name in env.list_templates(extensions=["j2"]):
        env.get_template(name)


def _numbered(item: tuple[int, _Job]) -> tuple[int, CharterOutcome]:
    position, job = item
    return position, process_charter(job)


def _key(job: _Job) -> tuple[Any, ...] | None:
    """The cache key of a job: the file's content hash and all the job's other inputs.

    A linked file is not cached: it is read (or refused) afresh each time.
    """
    from chartergen.loader import read_charter

    path = job.path
    if path.is_symlink():
        return None
    raw, _refused = read_charter(path)
    if raw is None:
        return None
    digest = hashlib.sha256(raw).hexdigest()
    # the options' base folder only serves to write source_path, which the job holds
    return (str(path.resolve()), digest,
            replace(job, path=Path(job.display), options=replace(job.options, base="")))


def _resolved(path: Path) -> Path:
    """The file a path names, links followed; a loop of links stays as written
    (the loader reports it)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _folder_state(folder: str) -> tuple[Any, ...]:
    state = []
    for current, _folders, names in os.walk(folder):
        for name in sorted(names):
            path = os.path.join(current, name)
            try:
                info = os.stat(path)
            except OSError:
                continue
            state.append((path, info.st_mtime_ns, info.st_size))
    return tuple(sorted(state))


def _assemble(outcomes: list[CharterOutcome], files: list[Path], slugs: dict[str, str],
              options: RenderOptions) -> PortfolioResult:
    diagnostics = [d for outcome in outcomes for d in outcome.diagnostics]
    valid = [o for o in outcomes if o.source is not None and o.rendered is not None]
    diagnostics.extend(duplicate_slugs(
        (o.source.charter.slug, o.source.charter.source_path) for o in valid if o.source))
    sources = sorted((o.source for o in valid if o.source), key=lambda s: s.charter.slug)
    if has_errors(diagnostics):
        return PortfolioResult(files, diagnostics, sources, None)
    by_slug = {o.source.charter.slug: o.rendered for o in valid if o.source and o.rendered}
    charters = [by_slug[s.charter.slug] for s in sources]
    language = options.language
    if language == "auto":
        language = portfolio_language(s.charter.language for s in sources)
    # one charter file: its overview is the home page (rendered so, see _Job.alone)
    home = None if len(files) == 1 else render_home(
        sources, slugs, today=options.today, language=language,
        use_directory_urls=options.use_directory_urls, templates=options.templates or None)
    used = {s.charter.slug: slugs[s.charter.slug] for s in sources}
    own = () if home is None else (portfolio_file(sources, used, today=options.today,
                                                  language=language, charters=charters),)
    site = join_site(home, charters, language=language, slugs=used, files=own)
    return PortfolioResult(files, diagnostics, sources, site)
