"""chartergen build: the policy site, built by MkDocs with the chartergen plugin.

Given PATHS, the site is built for those charters with a default configuration:
the Material theme with chartergen's overrides, search in English and French.
Without PATHS, ``--config-file`` or the ``mkdocs.yml`` of the current folder is
the configuration, exactly as ``mkdocs build`` reads it; with neither, the
default configuration is used for ``charters/``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import click

from chartergen.errors import ChartergenError, UsageError, abort_reason

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
def build(paths: Sequence[str], config_file: str | None, site_dir: str | None, strict: bool,
          today: str | None, quiet: bool, public: bool) -> None:
    """Build the policy site for the charters.

    PATHS is one charter folder or file, built with the default site settings.
    Without PATHS, ./mkdocs.yml (or --config-file) is used when there is one: it
    says where the charters are and how the site looks; else charters/.
    Exit code 0 when the site was built, 1 when it was not (invalid charters,
    or warnings with --strict), 2 on a usage error.
    """
    from mkdocs import exceptions
    from mkdocs.commands.build import build as mkdocs_build

    from chartergen.sitedir import check_site_dir, staged

    parse_today(today)  # a clear message before MkDocs starts
    setup_logging(quiet)
    with site_config(paths, config_file) as config_path:
        # MkDocs reads a relative site_dir from the configuration file's folder; on the
        # command line it means the current folder.
        config = load(config_path, today, strict=strict,
                      site_dir=str(Path(site_dir).resolve()) if site_dir else None)
        plugin = config.plugins["chartergen"]
        if public:
            plugin.config.public = True
            if not site_dir:
                # never into the internal site's folder: one deploy step could publish it
                config.site_dir = str(Path(config.site_dir).with_name(
                    Path(config.site_dir).name + "-public"))
        target = Path(config.site_dir)
        check_site_dir(target, **plugin.protected_folders(config))
        if show_progress(quiet):
            plugin.progress = functools.partial(click.progressbar, file=sys.stderr)
        # Built next to the site, which it replaces only once complete: a failed or
        # interrupted build leaves the previous site as it was.
        with staged(target) as building:
            config.site_dir = str(building)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            except exceptions.Abort as exc:
                raise ChartergenError(f"the site was not built ({abort_reason(exc)})") from None
            finally:
                config.plugins.on_shutdown()
    click.echo(f"site written to {display(target)}", err=True)


def show_progress(quiet: bool, stream: Any = None, environ: Any = None) -> bool:
    """Progress bars only for people watching: on a terminal, not in CI, not with --quiet."""
    stream = sys.stderr if stream is None else stream
    environ = os.environ if environ is None else environ
    return not quiet and not environ.get("CI") and bool(getattr(stream, "isatty", None)
                                                        and stream.isatty())


def load(config_path: Path, today: str | None, **overrides: Any) -> Any:
    """The MkDocs configuration, with chartergen's plugin in it."""
    from mkdocs import exceptions
    from mkdocs.config import load_config

    overrides = {k: v for k, v in overrides.items() if v is not None}
    try:
        config = load_config(config_file=str(config_path), **overrides)
    except (exceptions.ConfigurationError, exceptions.Abort) as exc:
        # MkDocs has logged each configuration error (a site_dir holding the docs_dir...)
        raise UsageError(f"{config_path}: {exc}") from None
    plugin = config.plugins.get("chartergen")
    if plugin is None:
        raise UsageError(
            f"{config_path} does not use the chartergen plugin: add '- chartergen' under "
            "'plugins'"
        )
    if today:
        plugin.config.today = today
    return config


@contextlib.contextmanager
def site_config(paths: Sequence[str], config_file: str | None) -> Iterator[Path]:
    """The configuration file to use: the given one, ./mkdocs.yml, or a default one."""
    if config_file:
        path = Path(config_file)
        if not path.is_file():
            raise UsageError(f"'{config_file}' does not exist")
        if paths:
            raise UsageError("give the charters either as PATHS or in the configuration file")
        yield path
        return
    if not paths and Path("mkdocs.yml").is_file():
        yield Path("mkdocs.yml")
        return
    from chartergen.pipeline import discover

    charters = discover(paths)  # refuses a missing path before MkDocs starts
    if len({p.parent for p in charters}) > 1 or len(paths) > 1:
        raise UsageError("without a mkdocs.yml, give one folder (or one file) of charters")
    from chartergen.sitedir import owned_folder, remove_leftovers

    # a build killed outright (SIGKILL) cannot remove its folder: the next one does
    remove_leftovers(tempfile.gettempdir(), TEMPORARY)
    with owned_folder(TEMPORARY, tempfile.gettempdir()) as folder:
        yield default_config(folder, Path(paths[0] if paths else "charters"))


def default_config(folder: Path, charters: Path) -> Path:
    """A ``mkdocs.yml`` in ``folder`` for the charters at ``charters``, site in ./site."""
    from chartergen.engines.mkdocs.config import (
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


def setup_logging(quiet: bool) -> None:
    """MkDocs' own log format and levels, as ``mkdocs build`` shows them."""
    from mkdocs.__main__ import ColorFormatter

    class Formatter(ColorFormatter):
        """Colours on a terminal only: a log file or CI output gets no escape codes."""

        def format(self, record: logging.LogRecord) -> str:
            text = super().format(record)
            return text if sys.stderr.isatty() and not os.environ.get("NO_COLOR") else (
                click.unstyle(text))

    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_chartergen", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(Formatter())
        handler._chartergen = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    # Material prints its end-of-life notice only under the mkdocs command; keep it so.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


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
        raise UsageError(f"--today must be a date written YYYY-MM-DD, not '{value}'") from None
