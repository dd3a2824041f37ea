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
from chartergen.messages import Msg

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
@click.option("--site-name", help="Name of the site (default: the company's name for one "
              "charter, else \"Social-media charters\", or "
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
    from chartergen.messages import default_language, plural
    from chartergen.output import styled, summary
    from chartergen.pipeline import discover
    from chartergen.render.config import SITE_NAMES, copy_theme, dump_yaml, site_config
    from chartergen.render.portfolio import PortfolioRenderer, RenderOptions
    from chartergen.render.site import site_name as header_name
    from chartergen.render.site import site_names
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
        languages = {d.language for d in result.diagnostics}
        language = languages.pop() if len(languages) == 1 else default_language()
        click.echo(summary(len(files), result.diagnostics, language), err=True)
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
        for file in site.files:  # a calendar may be all a public charter keeps in its folder
            path = docs / file.src
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(file.content.encode("utf-8"))
        copy_theme(target / "theme")
        name, default = header_name(site, site_name)
        config = site_config(site, site_name=name)
        if default:  # a page in another language names the site in its language
            config["extra"][SITE_NAMES] = site_names()
        (target / "mkdocs.yml").write_text(dump_yaml(config, HEADER), encoding="utf-8")
        (target / MARKER).write_text("", encoding="utf-8")
    written = Msg("{pages} for {charters} written to {folder}/; build them with: cd {folder} "
                  "&& mkdocs build", folder=target,
                  pages=plural(len(site.pages), "{count} page", "{count} pages"),
                  charters=plural(len(sources), "{count} charter", "{count} charters"))
    click.echo(written.say(site.language), err=True)


def _check_target(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise UsageError(Msg("'{path}' is a file, not a folder", path=target))
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise UsageError(Msg("'{path}' is not empty and was not written by chartergen render: "
                             "choose a new or empty folder", path=target))
