"""The MkDocs engine: ``chartergen build``, ``serve`` and ``pdf`` run MkDocs with the plugin.

Given charters (PATHS), a default ``mkdocs.yml`` is written for them: the
Material theme with chartergen's overrides, search in English and French.
Otherwise the given ``mkdocs.yml`` is the configuration, exactly as ``mkdocs
build`` reads it.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from mkdocs import exceptions
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from chartergen.errors import ChartergenError, UsageError, abort_reason
from chartergen.messages import Msg
from chartergen.sitedir import check_site_dir, staged

if TYPE_CHECKING:
    import datetime as dt

    from chartergen.engines import BuildRequest

CANNOT: tuple[str, ...] = ()
"""What this engine does not do of what chartergen offers (everything is done)."""


def build(request: BuildRequest) -> Path:
    """Build the site; return the site folder."""
    setup_logging(request.quiet)
    # MkDocs reads a relative site_dir from the configuration file's folder; on the
    # command line it means the current folder.
    config = load(request.config_path, request.today, strict=request.strict,
                  site_dir=str(Path(request.site_dir).resolve()) if request.site_dir else None)
    plugin = config.plugins["chartergen"]
    if request.public:
        plugin.config.public = True
        if not request.site_dir:
            # never into the internal site's folder: one deploy step could publish it
            config.site_dir = str(Path(config.site_dir).with_name(
                Path(config.site_dir).name + "-public"))
    target = Path(config.site_dir)
    check_site_dir(target, **plugin.protected_folders(config))
    if request.progress:
        plugin.progress = functools.partial(click.progressbar, file=sys.stderr)
    # Built next to the site, which it replaces only once complete: a failed or
    # interrupted build leaves the previous site as it was.
    with staged(target) as building:
        config.site_dir = str(building)
        _run(config, Msg("the site was not built"))
    return target


def serve(request: BuildRequest, *, dev_addr: str, open_in_browser: bool) -> None:
    """Serve the site and rebuild it when a charter changes, until Ctrl+C."""
    from chartergen.engines.mkdocs import serving

    setup_logging(quiet=False)
    if request.today:
        # MkDocs reloads the configuration on every rebuild; the plugin reads this then.
        os.environ["CHARTERGEN_TODAY"] = request.today
    if request.public:
        os.environ["CHARTERGEN_PUBLIC"] = "1"
    load(request.config_path, None)  # a clear message if the plugin is missing
    try:
        serving.serve(str(request.config_path), dev_addr=dev_addr,
                      open_in_browser=open_in_browser)
    except exceptions.Abort as exc:
        raise ChartergenError(Msg("the site could not be served ({reason})",
                                  reason=abort_reason(exc))) from None


def print_site(charter_file: Path, folder: Path, today: dt.date, *,
               public: bool = False) -> Path:
    """The site of the one charter, with its print page, built in ``folder``."""
    setup_logging(quiet=True)
    from chartergen.render.config import (
        EXTRA_CSS,
        EXTRA_JAVASCRIPT,
        MARKDOWN_EXTENSIONS,
        dump_yaml,
        theme_config,
        theme_dir,
    )

    docs, site = folder / "docs", folder / "site"
    docs.mkdir()
    config = {
        "site_name": "Social-media charters",
        "docs_dir": str(docs),
        "site_dir": str(site),
        # opened from disk: page URLs end in .html
        "use_directory_urls": False,
        "theme": theme_config("en", str(theme_dir())),
        # absolute, links not followed: the loader refuses a link out of the project
        "plugins": [{"chartergen": {"charters": os.path.abspath(charter_file),
                                    "print_pages": True, "today": today.isoformat(),
                                    "public": public}}],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": EXTRA_CSS,
        "extra_javascript": EXTRA_JAVASCRIPT,
    }
    path = folder / "mkdocs.yml"
    path.write_text(dump_yaml(config), encoding="utf-8")
    # The pages are not the point here: MkDocs' own notes (pages outside the
    # navigation) stay quiet; warnings and errors still show.
    logging.getLogger("mkdocs").setLevel(max(logging.WARNING,
                                             logging.getLogger("mkdocs").level))
    _run(load_config(config_file=str(path)), Msg("the charter was not printed"))
    return site


def load(config_path: Path, today: str | None, **overrides: Any) -> Any:
    """The MkDocs configuration, with chartergen's plugin in it."""
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
        # MkDocs builds into a new folder beside the site, which replaces the site only
        # once built: "Cleaning site directory" would tell the reader of a failed build
        # that the site they had is gone (it is not), and "Building documentation to
        # directory" names that temporary folder. chartergen says where the site went.
        handler.addFilter(lambda record: not record.getMessage().startswith(
            ("Cleaning site directory", "Building documentation to directory")))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.INFO)
    # Material prints its end-of-life notice only under the mkdocs command; keep it so.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _run(config: Any, failure: Msg) -> None:
    """One MkDocs build with the plugins' start and shutdown around it, as `mkdocs build`.

    When it stops, the last line says so in the language of the problems the plugin
    listed above it (a French charter's problems, then a French last line), else in
    the language of messages about no one charter."""
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    except exceptions.Abort as exc:
        message = Msg("{failure} ({reason})", failure=failure, reason=abort_reason(exc))
        plugin = config.plugins.get("chartergen")
        language = getattr(plugin, "problems_said_in", None)
        raise ChartergenError(message.say(language) if language else message) from None
    finally:
        config.plugins.on_shutdown()
