"""load -> validate -> model, shared by every command and by the MkDocs plugin.

Nothing here prints or exits: problems come back as diagnostics, and the
edges (``cli``, ``plugin``) decide what to show and which exit code to use.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from chartergen.errors import Diagnostic, UsageError, has_errors
from chartergen.loader import CHARTER_SUFFIXES, Document, load_file
from chartergen.messages import Msg

if TYPE_CHECKING:
    from chartergen.model import Charter

DEFAULT_CHARTERS = "charters"


@dataclass
class LoadedCharter:
    document: Document
    charter: Charter


@dataclass
class Portfolio:
    """The charters that loaded cleanly, and every problem found in all files."""

    files: list[Path] = field(default_factory=list)
    charters: list[LoadedCharter] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def discover(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Charter files named by ``paths`` (files, or folders searched recursively).

    Raises :class:`UsageError` for a path that does not exist or a folder that
    holds no charter, so that a typo never passes as "nothing to check".
    """
    if not paths:
        paths = [DEFAULT_CHARTERS]
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and not path.is_symlink():
            files = _charter_files(path)
            if not files:
                raise UsageError(Msg("no charter (*.yaml or *.yml file) in the folder '{path}'",
                                     path=path))
            found.extend(files)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            if str(raw) == DEFAULT_CHARTERS:
                raise UsageError(Msg("'{path}' does not exist (run it from your charters "
                                     "repository, or name the folder)", path=raw))
            raise UsageError(Msg("'{path}' does not exist", path=raw))
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def display_path(path: Path) -> str:
    """The path as users should see it: relative to the current folder when inside it."""
    # links are not resolved: the report names the file the user sees in the folder
    try:
        return str(Path(os.path.abspath(path)).relative_to(os.path.abspath(Path.cwd())))
    except ValueError:
        return str(path)


PARALLEL_FROM = 16
"""Below this many files, starting worker processes costs more than it saves."""


def validate_files(files: Iterable[Path]) -> list[tuple[Path, Document | None, list[Diagnostic]]]:
    """Load and validate each file, in order; keeps the loaded documents."""
    return [(path, *load_and_validate(path)) for path in files]


class Checked(list[Diagnostic]):
    """The diagnostics of one file, said in ``language``: the charter's language."""

    language: str = "en"


def check_files(files: Sequence[Path]) -> list[tuple[Path, Checked]]:
    """Only the diagnostics of each file, in order, using every core for large batches.

    This is the ``validate`` command's path: documents stay in the workers, so
    only the (small) diagnostics cross between processes.
    """
    results = _check_each(files)
    # x.yaml beside x.yml: check, build and render refuse the pair, so validate does too
    clashes: dict[str, list[Diagnostic]] = {}
    for diagnostic in duplicate_slugs((path.stem, display_path(path)) for path in files):
        clashes.setdefault(diagnostic.path, []).append(diagnostic)
    for path, found in results:
        extra = clashes.get(display_path(path), []) if clashes else []
        if extra:
            found.extend(d.said(found.language) for d in extra)
            found.sort()
    return results


def _check_each(files: Sequence[Path]) -> list[tuple[Path, Checked]]:
    workers = min(os.cpu_count() or 1, len(files) // (PARALLEL_FROM // 2) or 1)
    if len(files) < PARALLEL_FROM or workers < 2 or not _can_fork():
        return [(path, load_and_validate(path)[1]) for path in files]
    from chartergen.schema.structure import warm_up

    warm_up()  # build the validator once; forked workers inherit it
    from chartergen.workers import Helpers

    with Helpers(workers) as helpers:
        found = helpers.ordered(_diagnostics_only, files,
                                chunksize=max(1, len(files) // (workers * 4)))
    return list(zip(files, found, strict=True))


def _diagnostics_only(path: Path) -> Checked:
    return load_and_validate(path)[1]


def load_and_validate(path: Path) -> tuple[Document | None, Checked]:
    """One file loaded and checked against the schema: the document (None when it could not
    be read) and every problem found, in order."""
    from chartergen.messages import language_of
    from chartergen.schema import validate

    loaded = load_file(path, display_path(path))
    diagnostics = list(loaded.diagnostics)
    if loaded.document is not None:
        diagnostics.extend(validate(loaded.document))
        language = language_of(loaded.document.data)
    else:
        language = language_of(None, text_of(path))
    checked = Checked(sorted(d.said(language) for d in diagnostics))
    checked.language = language
    return loaded.document, checked


def text_of(path: Path) -> str:
    """The start of a file that did not load, to find which language it is written in."""
    from chartergen.loader import read_charter

    raw, _refused = read_charter(path)  # never a link out, a pipe or a device
    return raw[:65536].decode("utf-8", "replace") if raw is not None else ""


def common_language(languages: Iterable[str]) -> str:
    """The one language of all these charters, else the language chosen for messages."""
    from chartergen.messages import default_language

    found = set(languages)
    return found.pop() if len(found) == 1 else default_language()


def _can_fork() -> bool:
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def load_portfolio(paths: Sequence[str | os.PathLike[str]] = ()) -> Portfolio:
    """Discover, load, validate and build every charter named by ``paths``."""
    from chartergen.model import build

    files = discover(paths)
    portfolio = Portfolio(files=files)
    for _path, document, diagnostics in validate_files(files):
        portfolio.diagnostics.extend(diagnostics)
        if document is not None and not has_errors(diagnostics):
            charter = build(document.data, document.slug, document.path)
            portfolio.charters.append(LoadedCharter(document, charter))
    _check_unique_slugs(portfolio)
    return portfolio


def _check_unique_slugs(portfolio: Portfolio) -> None:
    portfolio.diagnostics.extend(duplicate_slugs(
        (loaded.charter.slug, loaded.document.path) for loaded in portfolio.charters))


def duplicate_slugs(charters: Iterable[tuple[str, str]]) -> list[Diagnostic]:
    """An error for each charter, given as (slug, path), whose slug an earlier one has."""
    from chartergen.errors import Severity
    from chartergen.messages import Msg

    found = []
    seen: dict[str, str] = {}
    for slug, path in charters:
        if slug in seen:
            found.append(Diagnostic(
                path, 1, 1, Severity.ERROR,
                Msg("another charter has the same file name ({other}); the file name is "
                    "the charter's address on the site, so each must be unique",
                    other=seen[slug]),
                code="duplicate-slug",
            ))
        else:
            seen[slug] = path
    return found


def _charter_files(folder: Path) -> list[Path]:
    """Charter files below ``folder``, in order; hidden entries and linked folders skipped.

    Linked folders are not followed (a link could lead anywhere on the machine);
    linked files are listed, and the loader refuses those that lead outside.
    """
    found = []
    for current, folders, names in os.walk(folder, followlinks=False):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in names:
            path = Path(current) / name
            if path.suffix in CHARTER_SUFFIXES and not name.startswith(".") and (
                    path.is_symlink() or path.is_file()):
                found.append(path)
    return sorted(found)
