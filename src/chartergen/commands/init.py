"""chartergen init: a starter charter with every section, guidance in the chosen language."""

from __future__ import annotations

import re
from pathlib import Path

import click

from chartergen.errors import ChartergenError, UsageError

LANGUAGES = ("en", "fr")


@click.command()
@click.argument("name")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Language of the charter, its guidance comments and its site "
              "(default: chartergen's --lang, else the locale's, else en).")
@click.option("--company", help="The company's name (default: NAME with capitals).")
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              default=Path("charters"), show_default=True, help="Folder of the charters.")
@click.option("--force", is_flag=True, help="Replace the charter if it already exists.")
def init(name: str, language: str | None, company: str | None, folder: Path,
         force: bool) -> None:
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
    from chartergen.messages import Msg, default_language

    if language is None:
        language = default_language() if default_language() in LANGUAGES else "en"
    from chartergen.schema.fields import ID_PATTERN
    from chartergen.schema.jsonschema import SCHEMA_FILE_NAME, render

    if name.endswith((".yaml", ".yml")):
        raise UsageError(Msg("give the charter's name without '.yaml': chartergen init {name}",
                             name=Path(name).stem).say(language))
    if not re.match(ID_PATTERN, name):
        raise UsageError(Msg(
            "'{name}' cannot name a charter: the name is also the charter's address on "
            "the site, so use lowercase letters, digits and hyphens, e.g. acme-france",
            name=name).say(language))
    target = folder / f"{name}.yaml"
    existing = next((p for p in (target, folder / f"{name}.yml") if p.exists()), None)
    if existing is not None and not force:
        raise UsageError(_exists(existing, language))

    text = starter_charter(language=language, company=company or _company_from(name))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text, overwrite=force)
    except FileExists:
        raise UsageError(_exists(target, language)) from None
    except OSError as exc:
        raise ChartergenError(_unwritable(folder, exc, language)) from None
    click.echo(Msg("created {path}", path=target).say(language))

    schema_path = folder / SCHEMA_FILE_NAME
    if not schema_path.exists():
        try:
            write_atomic(schema_path, render(), overwrite=False)
            click.echo(Msg("created {path}", path=schema_path).say(language))
        except FileExists:
            pass
        except OSError as exc:
            raise ChartergenError(_unwritable(folder, exc, language)) from None
    elif schema_path.read_text(encoding="utf-8") != render():
        click.echo(Msg(
            "note: {path} differs from this version of chartergen and was left as it is; "
            "refresh it with 'chartergen schema --out {path} --force'", path=schema_path,
        ).say(language), err=True)
    from chartergen.i18n import label, typeset

    click.echo(typeset(language, label(language, "init.next", path=target)), err=True)


def _company_from(name: str) -> str:
    return " ".join(part.capitalize() for part in name.split("-"))


def _exists(path: Path, language: str) -> str:
    from chartergen.messages import Msg

    return Msg("{path} already exists; init never replaces a charter (add --force to start "
               "it again from scratch)", path=path).say(language)


def _unwritable(folder: Path, exc: OSError, language: str) -> str:
    from chartergen.messages import Msg

    reason = (exc.strerror or str(exc)).lower()
    return Msg("cannot write in the folder '{folder}': {reason}; make the folder writable, or "
               "choose another one with --dir", folder=str(folder), reason=reason).say(language)
