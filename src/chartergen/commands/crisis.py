"""chartergen crisis open|close: record a crisis in a charter file, keeping every comment."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from chartergen.pipeline import LoadedCharter

EXIT_OK, EXIT_REFUSED = 0, 1

_DATE = click.DateTime(formats=["%Y-%m-%d"])


@click.group()
def crisis() -> None:
    """Open or close a crisis in a charter.

    While a crisis is open, every page of the charter's site carries a banner with
    its level, the lead's phone number and a link to the crisis card. The change is
    written into the charter file (crisis.current), every comment kept, so that it
    goes through git like any other change.
    """


@crisis.command("open")
@click.argument("charter", type=click.Path())
@click.option("--level", required=True, metavar="LEVEL",
              help="The crisis level: its id in crisis.levels, or its number (1 is the least "
              "severe).")
@click.option("--lead", metavar="ROLE", default=None,
              help="Role leading the response (a role id); default: the level's lead.")
@click.option("--paused/--not-paused", default=None,
              help="Whether every scheduled post is paused; default: what the level says "
              "(pause_scheduled).")
@click.option("--note", default=None, metavar="TEXT",
              help="What is happening, in a line, for staff (never published).")
@click.option("--since", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="The day the crisis started; default: today.")
def open_(charter: str, level: str, lead: str | None, paused: bool | None, note: str | None,
          since: dt.datetime | None) -> None:
    """Open a crisis in CHARTER (a charter file).

    Refused, leaving the file as it is, when a crisis is already open, when the level
    or the lead is not in the charter, or when the charter is not valid.
    """
    from chartergen.edit.crisis import CrisisRefused, open_crisis
    from chartergen.messages import Msg

    loaded, language = _load(charter)
    text = loaded.document.source
    try:
        opened = open_crisis(text, loaded.charter, level=level, lead=lead, paused=paused,
                             note=note, since=since.date() if since else dt.date.today())
    except CrisisRefused as exc:
        _refuse(exc, language)
    _write(charter, opened.text, language)
    role = loaded.charter.role(opened.lead)
    who = role.title if role else opened.lead
    if role and role.phone:
        who = f"{who}, {role.phone}"
    said = Msg("crisis opened in {path}: level '{level}', led by {who}", path=charter,
               level=opened.level.name, who=who)
    if opened.paused:
        said = Msg("{said}; scheduled posts paused", said=said)
    click.echo(said.say(language))


@crisis.command("close")
@click.argument("charter", type=click.Path())
@click.option("--ended", type=_DATE, default=None, metavar="YYYY-MM-DD",
              help="The day the crisis ended; default: today.")
def close(charter: str, ended: dt.datetime | None) -> None:
    """Close the crisis open in CHARTER (a charter file).

    Says when the after-action review is due (the charter's crisis.after_action.within
    after the end); 'chartergen check' reports it once it is overdue.
    """
    from chartergen.edit.crisis import CrisisRefused, close_crisis
    from chartergen.i18n.formatting import Formatter
    from chartergen.loader import load_text
    from chartergen.messages import Msg
    from chartergen.model import build

    loaded, language = _load(charter)
    day = ended.date() if ended else dt.date.today()
    try:
        text = close_crisis(loaded.document.source, loaded.charter, ended=day)
    except CrisisRefused as exc:
        _refuse(exc, language)
    _write(charter, text, language)
    said = Msg("crisis closed in {path} on {date}", path=charter,
               date=Formatter.of(language).date(day))
    document = load_text(text, loaded.document.path).document
    assert document is not None
    due = build(document.data, loaded.charter.slug).crisis.after_action_due
    if due is not None:
        shown = Formatter.of(language).date(due)
        said = Msg("{said}; the after-action review is due by {due}", said=said, due=shown)
    click.echo(said.say(language))


def _load(path: str) -> tuple[LoadedCharter, str]:
    """The valid charter at ``path`` and its language; exits with its problems otherwise."""
    from pathlib import Path

    from chartergen.messages import Msg, default_language
    from chartergen.output import styled
    from chartergen.pipeline import load_portfolio

    if not Path(path).is_file():
        raise click.UsageError(Msg("'{path}' is not a charter file", path=path).say(
            default_language()))
    portfolio = load_portfolio([path])
    for diagnostic in portfolio.diagnostics:
        click.echo(styled(diagnostic), err=True)
    if not portfolio.ok or not portfolio.charters:
        language = next((d.language for d in portfolio.diagnostics), default_language())
        click.echo(Msg("the charter is not valid, so it was left as it is: fix it first").say(
            language), err=True)
        sys.exit(EXIT_REFUSED)
    loaded = portfolio.charters[0]
    return loaded, loaded.charter.language


def _refuse(exc: Exception, language: str) -> None:
    from chartergen.messages import Msg

    message = exc.args[0] if exc.args else str(exc)
    said = message.say(language) if isinstance(message, Msg) else str(message)
    click.echo(f"chartergen: {said}", err=True)
    sys.exit(EXIT_REFUSED)


def _write(path: str, text: str, language: str) -> None:
    """Replace the charter in one step (never half written); exits when it cannot be."""
    from chartergen.edit.atomic import write_atomic
    from chartergen.messages import Msg

    try:
        write_atomic(path, text)
    except OSError as exc:
        click.echo("chartergen: " + Msg(
            "the file could not be rewritten ({reason}); it was left as it was",
            reason=str(exc.strerror or exc)).say(language), err=True)
        sys.exit(EXIT_REFUSED)
