"""chartergen build: the policy site, built by a site engine (MkDocs, or Zensical).

Given PATHS, the site is built for those charters with a default configuration:
the Material theme with chartergen's overrides, search in English and French.
Without PATHS, ``--config-file`` or the ``mkdocs.yml`` of the current folder is
the configuration, exactly as ``mkdocs build`` reads it; with neither, the
default configuration is used for ``charters/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from chartergen.errors import UsageError
from chartergen.messages import Msg

ENGINE_OPTION = click.option(
    "--engine", type=click.Choice(["mkdocs", "zensical"]),
    help="Site engine (default: the configuration's 'engine' setting, else the "
    "CHARTERGEN_ENGINE variable, else mkdocs; see docs/hosting.md).")

TEMPORARY = "chartergen-"
"""Name of the temporary folders holding the default configuration, then random letters."""


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-f", "--config-file", type=click.Path(dir_okay=False),
              help="MkDocs configuration (default: ./mkdocs.yml if there is one).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False),
              help="Where to write the site (default: the configuration's, else site/).")
@click.option("--strict", is_flag=True, help="Fail on warnings (broken links, charter warnings).")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Date for the audit and overdue reviews (default: today).")
@click.option("-q", "--quiet", is_flag=True, help="Show warnings and errors only.")
@click.option("--public", is_flag=True,
              help="Build the version to publish, into SITE-public/ unless --site-dir is "
              "given: no personal data, no internal parts, no audit (see docs/security.md).")
@ENGINE_OPTION
def build(paths: Sequence[str], config_file: str | None, site_dir: str | None, strict: bool,
          today: str | None, quiet: bool, public: bool, engine: str | None) -> None:
    """Build the policy site for the charters.

    PATHS is one charter folder or file, built with the default site settings.
    Without PATHS, ./mkdocs.yml (or --config-file) is used when there is one: it
    says where the charters are and how the site looks; else charters/.
    Exit code 0 when the site was built, 1 when it was not (invalid charters,
    or warnings with --strict), 2 on a usage error.
    """
    from chartergen.engines import BuildRequest

    parse_today(today)  # a clear message before the engine starts
    with site_config(paths, config_file) as config_path:
        adapter = load_engine(engine, config_path)
        target = adapter.build(BuildRequest(
            config_path, site_dir=site_dir, strict=strict, today=today, quiet=quiet,
            public=public, progress=show_progress(quiet)))
    from chartergen.messages import default_language

    click.echo(Msg("site written to {path}", path=display(target)).say(default_language()),
               err=True)


def show_progress(quiet: bool, stream: Any = None, environ: Any = None) -> bool:
    """Progress bars only for people watching: on a terminal, not in CI, not with --quiet."""
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    return not quiet and not environ.get("CI") and bool(getattr(stream, "isatty", None)
                                                        and stream.isatty())


def load_engine(option: str | None, config_path: Path) -> Any:
    """The engine's adapter: ``--engine``, else the configuration's ``engine`` setting."""
    from chartergen import engines

    _, settings = engines.read_config(config_path)
    return engines.load(engines.choose(option, settings.get("engine")))


@contextlib.contextmanager
def site_config(paths: Sequence[str], config_file: str | None) -> Iterator[Path]:
    """The configuration file to use: the given one, ./mkdocs.yml, or a default one."""
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(Msg("'{path}' does not exist", path=config_file))
        if paths:
            raise UsageError(Msg("give the charters either as PATHS or in the configuration "
                                 "file"))
        yield path
        return
    if not paths and Path("mkdocs.yml").is_file():
        yield Path("mkdocs.yml")
        return
    from chartergen.pipeline import discover

    charters = discover(paths)  # refuses a missing path before MkDocs starts
    if len({p.parent for p in charters}) > 1 or len(paths) > 1:
        raise UsageError(Msg("without a mkdocs.yml, give one folder (or one file) of "
                             "charters"))
    from chartergen.sitedir import owned_folder, remove_leftovers

    # a build killed outright (SIGKILL) cannot remove its folder: the next one does
    remove_leftovers(tempfile.gettempdir(), TEMPORARY)
    with owned_folder(TEMPORARY, tempfile.gettempdir()) as folder:
        yield default_config(folder, Path(paths[0] if paths else "charters"))


def default_config(folder: Path, charters: Path) -> Path:
    """A ``mkdocs.yml`` in ``folder`` for the charters at ``charters``, site in ./site."""
    from chartergen.render.config import (
        EXTRA_CSS,
        EXTRA_JAVASCRIPT,
        MARKDOWN_EXTENSIONS,
        PLUGINS,
        dump_yaml,
        theme_config,
        theme_dir,
    )

    docs = folder / "docs"
    docs.mkdir()
    config = {
        "site_name": "Social-media charters",
        "docs_dir": str(docs),
        "site_dir": str(Path("site").resolve()),
        "theme": theme_config("en", str(theme_dir())),
        # absolute, links not followed: a link out of the project is refused, not read
        "plugins": [*PLUGINS, {"chartergen": {"charters": os.path.abspath(charters)}}],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": EXTRA_CSS,
        "extra_javascript": EXTRA_JAVASCRIPT,
    }
    path = folder / "mkdocs.yml"
    path.write_text(dump_yaml(config), encoding="utf-8")
    return path


def display(path: Path) -> str:
    from chartergen.pipeline import display_path

    return display_path(path) + "/"


def parse_today(value: str | None) -> dt.date:
    """The date of a ``--today`` option (today when not given); a usage error if unreadable."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(Msg("--today must be a date written YYYY-MM-DD, not '{value}'",
                             value=value)) from None
