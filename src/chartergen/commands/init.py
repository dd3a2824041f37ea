"""chartergen init: a starter charter with every section, guidance in the chosen language."""

from __future__ import annotations

import re
from pathlib import Path

import click

from chartergen.errors import UsageError

LANGUAGES = ("en", "fr")


@click.command()
@click.argument("name")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en",
              show_default=True, help="Language of the guidance comments and of the site.")
@click.option("--company", help="The company's name (default: NAME with capitals).")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              default=Path("charters"), show_default=True, help="Folder of the charters.")
@click.option("--force", is_flag=True, help="Replace the charter if it already exists.")
def init(name: str, language: str, company: str | None, folder: Path, force: bool) -> None:
    """Start a new charter: write DIR/NAME.yaml with every section, ready to fill in.

    Each section comes with a short comment saying what to write and which of
    the nine classic mistakes it guards against; values are left empty, so the
    new charter is valid as it is and 'chartergen check' lists what is missing.
    NAME becomes the file name and the charter's address on the site: lowercase
    letters, digits and hyphens, e.g. acme-france. An existing charter is never
    replaced unless --force is given. DIR/charter.schema.json, which gives
    VS Code completion and help, is written too when it is missing.
    """
    from chartergen.edit.atomic import FileExists, write_atomic
    from chartergen.edit.template import starter_charter
    from chartergen.schema.fields import ID_PATTERN
    from chartergen.schema.jsonschema import SCHEMA_FILE_NAME, render

    if name.endswith((".yaml", ".yml")):
        raise UsageError(
            f"give the charter's name without '.yaml': chartergen init {Path(name).stem}"
        )
    if not re.match(ID_PATTERN, name):
        raise UsageError(
            f"'{name}' cannot name a charter: the name is also the charter's address on "
            "the site, so use lowercase letters, digits and hyphens, e.g. acme-france"
        )
    target = folder / f"{name}.yaml"
    existing = next((p for p in (target, folder / f"{name}.yml") if p.exists()), None)
    if existing is not None and not force:
        raise UsageError(
            f"{existing} already exists; init never replaces a charter "
            "(add --force to start it again from scratch)"
        )

    text = starter_charter(language=language, company=company or _company_from(name))
    folder.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(target, text, overwrite=force)
    except FileExists:
        raise UsageError(
            f"{target} already exists; init never replaces a charter "
            "(add --force to start it again from scratch)"
        ) from None
    click.echo(f"created {target}")

    schema_path = folder / SCHEMA_FILE_NAME
    if not schema_path.exists():
        try:
            write_atomic(schema_path, render(), overwrite=False)
            click.echo(f"created {schema_path}")
        except FileExists:
            pass
    elif schema_path.read_text(encoding="utf-8") != render():
        click.echo(
            f"note: {schema_path} differs from this version of chartergen and was left as "
            f"it is; refresh it with 'chartergen schema --out {schema_path}'", err=True,
        )
    from chartergen.i18n import label, typeset

    click.echo(typeset(language, label(language, "init.next", path=target)), err=True)


def _company_from(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("-"))
