"""chartergen schema: the JSON Schema editors use for completion, hover help and errors."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.option(
    "--out", "out", type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file (atomically) instead of printing it.",
)
@click.option("--force", is_flag=True, help="Replace the --out file if it exists.")
def schema(out: Path | None, force: bool) -> None:
    """Print the charter format as a JSON Schema (draft-07).

    Point VS Code's YAML extension at it to get completion, help on hover and
    errors as you type: put '# yaml-language-server: $schema=charter.schema.json'
    on the first line of a charter, or map the file in the 'yaml.schemas' setting.
    'chartergen init' writes charters/charter.schema.json for you.
    """
    from chartergen.schema.jsonschema import render

    text = render()
    if out is None:
        click.echo(text, nl=False)
        return
    from chartergen.edit.atomic import write_atomic
    from chartergen.errors import UsageError
    from chartergen.messages import Msg, default_language

    if (out.exists() or out.is_symlink()) and not force:
        raise UsageError(Msg("'{path}' already exists; add --force to replace it",
                             path=out).say(default_language()))

    write_atomic(out, text)
    click.echo(Msg("wrote {path}", path=out).say(default_language()), err=True)
