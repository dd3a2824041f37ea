"""chartergen check: audit charters against the nine classic mistakes."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Sequence

import click

EXIT_OK, EXIT_FAILED = 0, 1


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "markdown"]),
    default="text", show_default=True,
    help="text for people, json for programs, markdown for a pull-request comment.",
)
@click.option(
    "--fail-under", type=click.IntRange(0, 100), metavar="N", default=None,
    help="Exit with code 1 when any charter scores under N (0-100).",
)
@click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, metavar="YYYY-MM-DD",
    help="Audit as of this date instead of today (for reproducible reports).",
)
@click.option("-v", "--verbose", is_flag=True,
              help="Text format: also list the checks that pass.")
def check(paths: Sequence[str], output_format: str, fail_under: int | None,
          today: dt.datetime | None, verbose: bool) -> None:
    """Audit charters against the nine classic social-media mistakes.

    PATHS are charter files or folders (default: charters/). Each charter gets a
    score from 0 to 100, a status per mistake, the reason for every check that
    does not pass with its file:line, and the checklist items still to confirm
    by hand (confirm them in the charter's 'reviews' section).

    Charters must first be valid: invalid ones are reported as 'chartergen
    validate' does, and the command exits with code 1. Exit code 1 also when a
    charter scores under --fail-under; 2 on a usage error.
    """
    from chartergen.audit import formats, run
    from chartergen.messages import Msg, plural
    from chartergen.output import styled, summary
    from chartergen.pipeline import common_language, load_portfolio

    portfolio = load_portfolio(paths)
    if not portfolio.ok:
        _report_invalid(portfolio.diagnostics, len(portfolio.files), output_format)
        sys.exit(EXIT_FAILED)
    for diagnostic in portfolio.diagnostics:  # warnings only: they go with the audit
        click.echo(styled(diagnostic), err=True)

    date = today.date() if today else dt.date.today()
    audited = [(loaded, run(loaded.charter, date)) for loaded in portfolio.charters]
    below = [(loaded, report) for loaded, report in audited
             if fail_under is not None and report.score < fail_under]

    if output_format == "json":
        click.echo(json.dumps({
            "today": date.isoformat(),
            "fail_under": fail_under,
            "passed": not below,
            "charters": [
                formats.as_dict(report, loaded.document, loaded.charter.company.name)
                for loaded, report in audited
            ],
        }, indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        parts = ["## chartergen check", ""]
        for loaded, report in audited:
            parts += [formats.as_markdown(report, loaded.document,
                                          loaded.charter.company.name), ""]
        click.echo("\n".join(parts).rstrip())
    else:
        click.echo("\n\n\n".join(
            formats.as_text(report, loaded.document, loaded.charter.company.name,
                            verbose=verbose)
            for loaded, report in audited
        ))

    language = common_language(loaded.charter.company.language for loaded, _ in audited)
    if output_format == "text":
        scores = ", ".join(f"{loaded.charter.slug} {report.score}" for loaded, report in audited)
        checked = plural(len(audited), "{count} charter checked: {scores}",
                         "{count} charters checked: {scores}", scores=scores)
        click.echo("\n" + checked.say(language), err=True)
    if portfolio.diagnostics and output_format == "text":
        click.echo(summary(len(portfolio.files), portfolio.diagnostics, language), err=True)
    for loaded, report in below:
        click.echo(click.style(Msg("{path}: score {score} is under {least}",
                                   path=loaded.document.path, score=report.score,
                                   least=fail_under).say(language), fg="red"), err=True)
    sys.exit(EXIT_FAILED if below else EXIT_OK)


def _report_invalid(diagnostics: Sequence[object], files: int, output_format: str) -> None:
    """Invalid charters cannot be audited: show the validation report instead."""
    from chartergen.errors import Diagnostic
    from chartergen.messages import Msg
    from chartergen.output import styled, summary
    from chartergen.pipeline import common_language

    found = [d for d in diagnostics if isinstance(d, Diagnostic)]
    language = common_language(d.language for d in found)
    if output_format == "json":
        click.echo(json.dumps({
            "valid": False,
            "charters": [],
            "diagnostics": [d.as_dict() for d in found],
        }, indent=2, ensure_ascii=False))
    elif output_format == "markdown":
        click.echo("## chartergen check\n\n" + Msg(
            "The charters are not valid, so they were not audited:").say(language) + "\n\n```")
        for diagnostic in found:
            click.echo(diagnostic.format())
        click.echo("```")
    else:
        for diagnostic in found:
            click.echo(styled(diagnostic))
    click.echo(summary(files, found, language), err=True)
