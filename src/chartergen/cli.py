"""The command line: a thin click layer over the pipeline.

Each command imports its work inside its body, so ``chartergen validate``
never pays for Jinja2, MkDocs or Material (a test guards this). Core errors
are translated here, once: a bad charter is a report and exit code 1, a
wrong call is exit code 2, and a traceback appears only with ``--debug``.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from typing import Any

import click

from chartergen import __version__
from chartergen.errors import ChartergenError

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


class _Group(click.Group):
    """Loads commands lazily; turns core errors into clean messages.

    ``--debug`` keeps the traceback.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        target = COMMANDS.get(name)
        if target is None:
            return None
        module_name, attribute = target.split(":")
        module = importlib.import_module(module_name)
        command: click.Command = getattr(module, attribute)
        return command

    def resolve_command(self, ctx: click.Context, args: list[str]) -> Any:
        """click's, with the closest command suggested for a mistyped one (valdate)."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and name not in COMMANDS:
            import difflib

            from chartergen.messages import Msg, choose_language, default_language

            choose_language(ctx.params.get("lang"))  # the group's callback has not run yet
            close = difflib.get_close_matches(name, list(COMMANDS), n=1, cutoff=0.6)
            message = Msg("no command '{name}'", name=name)
            if close:
                message = Msg("no command '{name}'; did you mean '{command}'?", name=name,
                              command=close[0])
            ctx.fail(message.say(default_language()))
        return super().resolve_command(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ChartergenError as exc:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from chartergen.messages import default_language, say

            # a Msg not said yet is about no one charter: --lang, else the locale's language
            said = say(exc.args[0], default_language()) if len(exc.args) == 1 else exc
            click.echo(f"chartergen: {said}", err=True)
            ctx.exit(exc.exit_code)
        except (click.ClickException, click.exceptions.Exit, click.Abort, SystemExit):
            raise
        except BrokenPipeError:
            # the reader went away (e.g. `| head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(EXIT_INVALID)
        except KeyboardInterrupt as exc:
            from chartergen.workers import Stopped

            how = f" by {exc.name}" if isinstance(exc, Stopped) else ""
            click.echo(f"chartergen: interrupted{how}", err=True)
            ctx.exit(EXIT_INVALID)
        except Exception as exc:  # an unexpected bug must still not dump a traceback
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(
                f"chartergen: internal error: {type(exc).__name__}: {str(exc)[:300]}\n"
                "Run again with 'chartergen --debug ...' to see the details, and please "
                "report it.",
                err=True,
            )
            ctx.exit(EXIT_USAGE)


COMMANDS = {
    "validate": "chartergen.commands.validate:validate",
    "check": "chartergen.commands.check:check",
    "schema": "chartergen.commands.schema:schema",
    "fmt": "chartergen.commands.fmt:fmt",
    "crisis": "chartergen.commands.crisis:crisis",
    "init": "chartergen.commands.init:init",
    "new": "chartergen.commands.new:new",
    "diff": "chartergen.commands.diff:diff",
    "build": "chartergen.commands.build:build",
    "serve": "chartergen.commands.serve:serve",
    "render": "chartergen.commands.render:render",
    "pdf": "chartergen.commands.pdf:pdf",
}
"""Each command by name, imported only when it runs (or when --help lists them)."""


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="chartergen")
@click.option("--debug", is_flag=True, help="Show Python tracebacks on internal errors.")
@click.option(
    "--lang", metavar="LANGUAGE", default=None,
    help="Language of messages not about one charter (en, fr); default: the locale's, else "
    "English. Messages about a charter are in the charter's language.",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, lang: str | None) -> None:
    """Validate, audit and publish social-media charters kept as YAML files."""
    from chartergen.messages import choose_language, languages

    if lang is not None and lang not in languages():
        raise click.BadParameter(f"choose from {', '.join(languages())}", param_hint="--lang")
    choose_language(lang)
    ctx.obj = {"debug": debug}


def main(argv: Sequence[str] | None = None) -> None:
    from chartergen.workers import stop_on_signals

    # SIGTERM (a CI timeout) and SIGHUP (a closed terminal) clean up as Ctrl+C does
    stop_on_signals()
    cli.main(args=argv, prog_name="chartergen")
