"""chartergen validate: structure, types, ids and references of charters."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from chartergen.errors import Severity
from chartergen.output import code_quality, github_annotation, styled, summary

EXIT_OK, EXIT_INVALID = 0, 1


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option(
    "--format", "output_format", type=click.Choice(["text", "json", "github", "codequality"]),
    default="text", show_default=True,
    help="text for people, json for programs, github for Actions annotations, codequality "
    "for a GitLab Code Quality report.",
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def validate(paths: Sequence[str], output_format: str, strict: bool) -> None:
    """Check charters: structure, types, ids and references.

    PATHS are charter files or folders (default: charters/). Every problem in
    every file is reported at once as file:line:col: severity: message.
    Exit code 0 when all charters are valid, 1 when any is not, 2 on a usage error.
    """
    from chartergen.pipeline import check_files, common_language, discover, display_path

    results = check_files(discover(paths))
    diagnostics = [d for _path, found in results for d in found]
    failed = any(d.is_error or (strict and d.severity is Severity.WARNING) for d in diagnostics)

    if output_format == "json":
        import json  # not on the text path: a pre-commit hook pays every import

        click.echo(json.dumps({
            "valid": not failed,
            "charters": [
                {
                    "path": display_path(path),
                    "valid": not any(d.is_error for d in found),
                    "errors": sum(d.is_error for d in found),
                    "warnings": sum(not d.is_error for d in found),
                }
                for path, found in results
            ],
            "diagnostics": [d.as_dict() for d in diagnostics],
        }, indent=2, ensure_ascii=False))
    elif output_format == "github":
        for diagnostic in diagnostics:
            click.echo(github_annotation(diagnostic))
    elif output_format == "codequality":
        click.echo(code_quality(diagnostics))
    else:
        for diagnostic in diagnostics:
            click.echo(styled(diagnostic))
        language = common_language(found.language for _path, found in results)
        click.echo(summary(len(results), diagnostics, language), err=True)
    sys.exit(EXIT_INVALID if failed else EXIT_OK)
