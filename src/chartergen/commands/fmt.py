"""chartergen fmt: rewrite charters into the canonical layout, keeping every comment."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from chartergen.errors import Diagnostic
    from chartergen.messages import Msg

EXIT_OK, EXIT_CHANGED = 0, 1


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 and list the files that would change.")
@click.option("--diff", "show_diff", is_flag=True,
              help="Show the changes as a unified diff (writes nothing).")
def fmt(paths: Sequence[str], check: bool, show_diff: bool) -> None:
    """Rewrite charters into the canonical layout.

    Keys follow the order of the charter format, indentation is two spaces with
    list dashes under their key, quotes appear only where YAML needs them.
    Every comment stays, next to the key it was written above. Each file is
    replaced in one step, so an interruption never leaves half a charter. A
    file that is not valid YAML is reported and left untouched.

    PATHS are charter files or folders (default: charters/). Exit code 0 when
    nothing needed changing (or everything was rewritten), 1 when --check or
    --diff found files to change or a file could not be read, 2 on a usage error.
    """
    import difflib

    from chartergen.edit.fmt import format_file
    from chartergen.messages import Msg, language_of
    from chartergen.output import printable, styled
    from chartergen.pipeline import common_language, discover, display_path, text_of

    files = discover(paths)
    changed: list[str] = []
    unchanged = failed = 0
    languages = []
    for path in files:
        result = format_file(path, display_path(path))
        language = language_of(None, result.original or text_of(path))
        languages.append(language)
        if result.diagnostics:
            failed += 1
            for diagnostic in result.diagnostics:
                click.echo(styled(diagnostic.said(language)), err=True)
            continue
        if not result.changed:
            unchanged += 1
            continue
        changed.append(result.path)
        assert result.formatted is not None
        if show_diff:
            click.echo("".join(difflib.unified_diff(
                result.original.splitlines(keepends=True),
                result.formatted.splitlines(keepends=True),
                fromfile=Msg("{path} (now)", path=printable(result.path)).say(language),
                tofile=Msg("{path} (formatted)", path=printable(result.path)).say(language),
            )), nl=False)
        if check or show_diff:
            click.echo(printable(Msg("would reformat {path}", path=result.path).say(language)))
            continue
        problem = _write(path, result.path, result.formatted)
        if problem is not None:
            changed.pop()
            failed += 1
            click.echo(styled(problem.said(language)), err=True)
            continue
        click.echo(printable(Msg("reformatted {path}", path=result.path).say(language)))

    summary = _summary(len(changed), unchanged, failed, dry=check or show_diff)
    click.echo(summary.say(common_language(languages)), err=True)
    sys.exit(EXIT_CHANGED if failed or ((check or show_diff) and changed) else EXIT_OK)


def _write(path: Path, shown: str, text: str) -> Diagnostic | None:
    """Replace one charter with its formatted text; why it could not be, or None."""
    from chartergen.edit.atomic import write_atomic
    from chartergen.errors import Diagnostic, Severity
    from chartergen.messages import Msg

    def problem(message: str, code: str) -> Diagnostic:
        return Diagnostic(shown, 1, 1, Severity.ERROR, message, code=code)

    if path.is_symlink():
        # the link may be inside the project, but its target is another file:
        # fmt rewrites only the files it was given
        return problem(Msg("this charter is a link; fmt does not write through links, so it "
                           "was left untouched (run fmt on the file the link points to)"),
                       "fmt-link")
    try:
        write_atomic(path, text)
    except PermissionError:
        return problem(Msg("the folder '{folder}' or the file is read-only, so the file was "
                           "left untouched (make it writable, or run with --check)",
                           folder=str(path.parent)), "read-only")
    except OSError as exc:
        return problem(Msg("the file could not be rewritten ({reason}); it was left as it was",
                           reason=str(exc.strerror or exc)), "unwritable")
    return None


def _summary(changed: int, unchanged: int, failed: int, *, dry: bool) -> Msg:
    from chartergen.messages import Msg, plural

    parts = []
    if changed and dry:
        parts.append(plural(changed, "{count} charter would be reformatted",
                            "{count} charters would be reformatted"))
    elif changed:
        parts.append(plural(changed, "{count} charter reformatted",
                            "{count} charters reformatted"))
    if unchanged:
        parts.append(plural(unchanged, "{count} charter already formatted",
                            "{count} charters already formatted"))
    if failed:
        parts.append(plural(failed, "{count} charter left untouched because of errors",
                            "{count} charters left untouched because of errors"))
    if not parts:
        return Msg("nothing to format")
    line = parts[0]
    for part in parts[1:]:
        line = Msg("{first}, {second}", first=line, second=part)
    return line
