"""chartergen pdf: one charter printed to PDF by headless Chromium."""

from __future__ import annotations

from pathlib import Path

import click

from chartergen.commands.build import ENGINE_OPTION
from chartergen.errors import UsageError


@click.command()
@click.argument("charter", required=False)
@click.option("-o", "--out", type=click.Path(dir_okay=False),
              help="PDF file to write (default: the charter's name with .pdf, here).")
@click.option("--today", metavar="YYYY-MM-DD",
              help="Date for the audit, overdue reviews and the cover (default: today).")
@click.option("--public", is_flag=True,
              help="Print the version to publish: no personal data, no internal parts, no "
              "audit (as 'chartergen build --public').")
@click.option("--force", is_flag=True, help="Replace the PDF file if it already exists.")
@ENGINE_OPTION
def pdf(charter: str | None, out: str | None, today: str | None, public: bool,
        force: bool, engine: str | None) -> None:
    """Print a charter to PDF: a cover, the contents, every page, page numbers.

    CHARTER is a charter file, or the name of one in charters/ (its file name
    without .yaml); it may be left out when charters/ holds a single charter.
    Needs Chromium (/usr/bin/chromium, or the CHARTERGEN_CHROMIUM variable).
    An existing PDF file is left alone unless --force is given. Exit code 0 when
    written, 1 when the charter is invalid, 2 on a usage error (including a
    missing Chromium or an existing PDF file).
    """
    from chartergen import engines
    from chartergen.commands.build import parse_today
    from chartergen.edit.atomic import FileExists
    from chartergen.messages import Msg, language_of, plural
    from chartergen.pdf import check_tools, chromium_path, print_charter
    from chartergen.pipeline import display_path, text_of

    date = parse_today(today)
    charter_file = find_charter(charter)
    target = Path(out) if out else Path(f"{charter_file.stem}.pdf")
    exists = Msg("'{path}' already exists: add --force to replace it, or choose another file "
                 "with --out", path=display_path(target))
    if target.exists() and not force:
        raise UsageError(exists)
    browser = chromium_path()
    check_tools(browser)  # before any work: a clear message at once
    adapter = engines.load(engines.choose(engine))
    try:
        printed = print_charter(charter_file, target, today=date, chromium=browser,
                                public=public, overwrite=force,
                                engine=adapter)
    except FileExists:  # appeared while printing
        raise UsageError(exists) from None
    written = plural(printed.pages, "{path}: {company}, {count} page",
                     "{path}: {company}, {count} pages", path=display_path(printed.path),
                     company=printed.company)
    click.echo(written.say(language_of(None, text_of(charter_file))), err=True)


def find_charter(name: str | None, folder: Path = Path("charters")) -> Path:
    """The charter file named on the command line (a path, or a name in ``folder``)."""
    from chartergen.messages import Msg
    from chartergen.pipeline import discover

    if name and Path(name).is_file():
        return Path(name)
    if not folder.is_dir():
        raise UsageError(Msg("'{path}' does not exist", path=name) if name else Msg(
            "give the charter file to print (there is no charters/ folder here)"))
    files = discover([folder])
    names = ", ".join(sorted(f.stem for f in files))
    if name:
        matches = [f for f in files if f.stem == name or f.name == name]
        if not matches:
            raise UsageError(Msg("no charter '{name}' in {folder}/: give a charter file, or one "
                                 "of: {names}", name=name, folder=folder, names=names))
        return matches[0]
    if len(files) > 1:
        raise UsageError(Msg("{folder}/ holds {count} charters: name the one to print "
                             "({names})", folder=folder, count=len(files), names=names))
    return files[0]
