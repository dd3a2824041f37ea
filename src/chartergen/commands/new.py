"""chartergen new: a company's charters repository, ready to commit."""

from __future__ import annotations

from pathlib import Path

import click

from chartergen.commands.init import LANGUAGES
from chartergen.errors import UsageError


@click.command()
@click.argument("folder", metavar="DIR", type=click.Path(file_okay=False, path_type=Path))
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default=None,
              help="Language of the charter, its README and its site (default: "
              "chartergen's --lang, else the locale's, else en).")
@click.option("--ci", type=click.Choice(["github", "gitlab"]), default="github",
              show_default=True, help="Where the repository will live: the CI workflow "
              "that checks each change and publishes the site.")
@click.option("--company", help="The company's name (default: DIR's name with capitals).")
@click.option("--keep-existing", is_flag=True,
              help="In a folder that already has some of the files, write only the missing "
              "ones and leave the others as they are.")
def new(folder: Path, language: str | None, ci: str, company: str | None,
        keep_existing: bool) -> None:
    """Start a company's charters repository in DIR, ready to commit.

    DIR gets charters/ with a starter charter (as 'chartergen init' writes it),
    a README for the people who write the charters, .gitignore,
    .pre-commit-config.yaml and a CI workflow that checks every change and
    publishes the site: .github/workflows/charters.yml (--ci github) or
    .gitlab-ci.yml (--ci gitlab). DIR may exist; nothing in it is ever
    replaced: if one of these files is there already, nothing is written
    (unless --keep-existing).
    """
    from chartergen.edit.atomic import FileExists, write_atomic
    from chartergen.edit.scaffold import installed_from, repository_files
    from chartergen.messages import Msg, default_language

    if language is None:
        language = default_language() if default_language() in LANGUAGES else "en"
    if folder.exists() and not folder.is_dir():
        raise UsageError(Msg("{path} is a file, not a folder", path=folder).say(language))
    company = company or _company_from(folder.resolve().name)
    from chartergen import __version__

    # from a folder or a wheel, no other machine can reach where this chartergen came from:
    # the CI asks a package index for the same version (README.md says what else to set)
    source = installed_from()
    requirement = source or f"chartergen=={__version__}"
    files = repository_files(language=language, company=company, ci=ci, chartergen=requirement)
    existing = [name for name in files if (folder / name).exists()
                or (folder / name).is_symlink()]
    if existing and not keep_existing:
        raise UsageError(Msg(
            "{path} already has {names}; new never replaces a file, and wrote nothing "
            "(add --keep-existing to write only the missing files)",
            path=folder, names=", ".join(existing)).say(language))

    for name, text in files.items():
        target = folder / name
        if name in existing:
            click.echo(Msg("kept {path} as it is", path=target).say(language), err=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            write_atomic(target, text, overwrite=False)
        except FileExists:  # appeared meanwhile
            click.echo(Msg("kept {path} as it is", path=target).say(language), err=True)
            continue
        click.echo(Msg("created {path}", path=target).say(language))
    if source is None:
        from chartergen.edit.scaffold import CI_FILES

        click.echo(Msg(
            "note: this chartergen was installed from a folder or a file, which the CI cannot "
            "reach, so the CI installs {requirement} from a package index; if your company "
            "does not keep chartergen on one, set CHARTERGEN in {path} to a tag of its "
            "chartergen repository (README.md says how)", requirement=requirement,
            path=folder / CI_FILES[ci][0]).say(language), err=True)
    click.echo(Msg(
        "Next: cd {folder}, fill in {charter}, then run 'chartergen validate', "
        "'chartergen check' and 'chartergen build'; git init, git add . and git commit "
        "make it a repository.", folder=folder, charter=next(iter(files)),
    ).say(language), err=True)


def _company_from(name: str) -> str:
    words = name.replace("_", "-").split("-")
    return " ".join(word[:1].upper() + word[1:] for word in words if word) or "Company"
