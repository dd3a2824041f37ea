"""chartergen render: the site's pages as plain Markdown, with a mkdocs.yml to build them.

The folder it writes builds as it is with ``mkdocs build`` (no chartergen
plugin needed), and can be inspected, customised, or fed to another
MkDocs-based portal such as Backstage TechDocs.
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path

import click

from chartergen.errors import UsageError

MARKER = ".chartergen-render"
"""Left in the output folder, so that a later run may replace what an earlier one wrote."""

HEADER = """\
# Written by `chartergen render`; build with `mkdocs build` in this folder.
# Regenerate rather than edit: a new render replaces docs/, theme/ and this file.
"""


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-o", "--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder to write (created; an earlier render's output is replaced).")
@click.option("--site-name", help="Name of the site (default: \"Social-media charters\", or "
              "\"Chartes réseaux sociaux\" for a French site).")
@click.option("--language", type=click.Choice(["auto", "en", "fr"]), default="auto",
              show_default=True,
              help="Language of the home page and the theme (each charter uses its own); "
              "auto: French when every charter is French, else English.")
@click.option("--edit-url", default="", metavar="TEMPLATE",
              help="Edit link of a charter, {path} being its path in the repository.")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Date for the audit and overdue reviews (default: today).")
@click.option("--public", is_flag=True,
              help="The version to publish: no personal data, no internal parts, no audit "
              "(see docs/security.md).")
def render(paths: Sequence[str], out: str, site_name: str | None, language: str,
           edit_url: str, today: str | None, public: bool) -> None:
    """Write the site's pages (Markdown), theme and mkdocs.yml into a folder.

    PATHS are charter folders or files (default: charters/). Exit code 0 when
    written, 1 when a charter is invalid (nothing is written), 2 on a usage error.
    """
    import sys

    from chartergen.commands.build import parse_today
    from chartergen.engines.mkdocs.config import SITE_NAMES, copy_theme, dump_yaml, site_config
    from chartergen.output import styled, summary
    from chartergen.pipeline import discover
    from chartergen.render.portfolio import PortfolioRenderer, RenderOptions
    from chartergen.render.site import default_site_name, site_names
    from chartergen.sitedir import writing

    date = parse_today(today)
    target = Path(out)
    _check_target(target)
    files = discover(paths)
    # page addresses as the mkdocs.yml written below has them (no directory URLs, so that
    # the built site also works opened from disk): the pages' own HTML links follow them
    result = PortfolioRenderer().render(files, RenderOptions(
        today=date, language=language, use_directory_urls=False, edit_url=edit_url,
        base=str(Path.cwd()), public=public))
    if not result.ok or result.site is None:
        for diagnostic in sorted(result.diagnostics):
            click.echo(styled(diagnostic))
        click.echo(summary(len(files), result.diagnostics), err=True)
        sys.exit(1)
    for diagnostic in result.diagnostics:
        click.echo(styled(diagnostic), err=True)
    site, sources = result.site, result.sources

    with writing(target, "the output folder", "--out"):
        target.mkdir(parents=True, exist_ok=True)
        docs = target / "docs"
        if docs.exists():
            shutil.rmtree(docs)
        for page in site.pages:
            path = docs / page.src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page.markdown, encoding="utf-8")
        for file in site.files:
            (docs / file.src).write_bytes(file.content.encode("utf-8"))
        copy_theme(target / "theme")
        config = site_config(site, site_name=site_name or default_site_name(site.language))
        if not site_name:  # a page in another language names the site in its language
            config["extra"][SITE_NAMES] = site_names()
        (target / "mkdocs.yml").write_text(dump_yaml(config, HEADER), encoding="utf-8")
        (target / MARKER).write_text("", encoding="utf-8")
    click.echo(
        f"{len(site.pages)} pages for {len(sources)} charter(s) written to {target}/; "
        f"build them with: cd {target} && mkdocs build",
        err=True,
    )


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(f"'{target}' is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UsageError(
            f"'{target}' is not empty and was not written by chartergen render: "
            "choose a new or empty folder"
        )
