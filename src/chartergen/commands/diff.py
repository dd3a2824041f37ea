"""chartergen diff: what changed in a charter, as a reviewer reads it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from chartergen.errors import Diagnostic, UsageError
from chartergen.messages import Msg, default_language

if TYPE_CHECKING:
    from chartergen.model import Charter

EXIT_OK, EXIT_INVALID = 0, 1


@click.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--rev", metavar="REV", multiple=True,
              help="Compare the charters as they were at this git commit, branch or tag "
                   "with the files as they are now; given twice (--rev OLD --rev NEW), "
                   "compare the two revisions.")
@click.option("--format", "output_format", type=click.Choice(["text", "markdown"]),
              default="text", show_default=True,
              help="text for people, markdown for a pull-request comment.")
@click.option("--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              metavar="YYYY-MM-DD", help="Date the audit scores are computed for.")
def diff(paths: Sequence[str], rev: Sequence[str], output_format: str,
         today: dt.datetime | None) -> None:
    """Show what changed in charters: networks, roles, contacts, objectives, score...

    Either two files, 'chartergen diff OLD NEW', or '--rev REV [PATHS]' to
    compare the charters under PATHS (default: charters/) as they were at a git
    revision with the files as they are now, for example '--rev origin/main'
    in a pull request, or '--rev OLD --rev NEW' to compare two revisions. The
    audit score is shown before and after. Exit code 0, 1 when a charter as it
    is now is not valid, 2 on a usage error.
    """
    from chartergen.diff import compare, render_markdown, render_text
    from chartergen.pipeline import common_language

    date = today.date() if today else dt.date.today()
    if len(rev) > 2:
        raise UsageError(Msg("give --rev once (a revision compared with the files as they "
                             "are now) or twice (--rev OLD --rev NEW), not {count} times",
                             count=len(rev)).say(default_language()))
    if not rev:
        if len(paths) != 2:
            raise UsageError(Msg("give two charter files (chartergen diff OLD NEW), or "
                                 "--rev REV to compare with a git revision").say(
                                     default_language()))
        pairs = [_file_pair(Path(paths[0]), Path(paths[1]))]
        old_label, new_label = paths[0], paths[1]
    else:
        pairs = _git_pairs(rev[0], paths, rev[1] if len(rev) == 2 else None)
        old_label, new_label = rev[0], rev[1] if len(rev) == 2 else Msg("working tree")

    diffs = []
    invalid: list[Diagnostic] = []
    languages = []
    for shown, (old_raw, old_name), (new_raw, new_name) in pairs:
        old, old_problems = _build(old_raw, old_name)
        new, new_problems = _build(new_raw, new_name)
        language = _language(new or old, new_raw or old_raw)
        languages.append(language)
        invalid += [d.said(language) for d in new_problems]
        note = ""
        if isinstance(old_raw, list):
            # refused unread (a link, a special file, too large): say why, and in the
            # two-file form it is the user's own file, so it counts as a problem
            note = Msg("the version in {label} was not read: {reason}", label=old_label,
                       reason=old_raw[0].message)
            if not rev:
                invalid += [d.said(language) for d in old_problems]
        elif old_raw is not None and old is None:
            note = Msg("the version in {label} is not a valid charter, so every section "
                       "is shown as new", label=old_label)
        if new_raw is not None and new is None:
            continue
        diffs.append(compare(old, new, path=shown, today=date, note=note))

    if invalid:
        from chartergen.output import styled

        for diagnostic in invalid:
            click.echo(styled(diagnostic), err=True)
        click.echo(Msg("a charter that is not valid cannot be compared: fix these errors "
                       "first (see 'chartergen validate')").say(common_language(languages)),
                   err=True)
    if diffs or not invalid:
        render = render_markdown if output_format == "markdown" else render_text
        language = common_language(languages)
        click.echo(render(diffs, old_label=old_label.say(language) if isinstance(
            old_label, Msg) else old_label, new_label=new_label.say(language) if isinstance(
            new_label, Msg) else new_label, language=language))
    sys.exit(EXIT_INVALID if invalid else EXIT_OK)


Side = tuple["bytes | list[Diagnostic] | None", str]
"""A charter's bytes, or why they were not read, or None when it does not exist; and its name."""


def _file_pair(old: Path, new: Path) -> tuple[str, Side, Side]:
    for path in (old, new):
        if not (path.exists() or path.is_symlink()) or path.is_dir():
            raise UsageError(Msg("'{path}' is not a charter file", path=path).say(
                default_language()))
    return str(new), _read(old, str(old)), _read(new, str(new))


def _read(path: Path, shown: str) -> Side:
    """A charter from the working tree, read the guarded way every command uses."""
    from chartergen.loader import read_charter

    raw, refused = read_charter(path, shown)
    return (raw if raw is not None else refused), shown


def _git_pairs(rev: str, paths: Sequence[str],
               new_rev: str | None = None) -> list[tuple[str, Side, Side]]:
    """Each charter under ``paths`` at ``rev`` and now, or at ``new_rev`` when given
    (either side may be missing)."""
    from chartergen.pipeline import DEFAULT_CHARTERS, discover, display_path

    roots = list(paths) or [DEFAULT_CHARTERS]
    before = _committed_charters(rev, roots)
    if new_rev is not None:
        after = _committed_charters(new_rev, roots)
        return [(shown, _at(before, shown, rev), _at(after, shown, new_rev))
                for shown in sorted(set(before) | set(after))]
    existing = [p for p in roots if Path(p).exists()]
    now = {Path(display_path(p)).as_posix(): p for p in discover(existing)} if existing else {}

    pairs = []
    for shown in sorted(set(before) | set(now)):
        old = _at(before, shown, rev)
        new: Side = _read(now[shown], shown) if shown in now else (None, shown)
        pairs.append((shown, old, new))
    return pairs


def _at(found: Mapping[str, tuple[str, str, str]], shown: str, rev: str) -> Side:
    """The charter ``shown`` as committed at ``rev`` (missing if ``found`` lacks it)."""
    label = f"{shown} ({rev})"
    return _committed(*found[shown], label) if shown in found else (None, label)


def _committed_charters(rev: str, roots: Sequence[str]) -> dict[str, tuple[str, str, str]]:
    """The charter files under ``roots`` at ``rev``: path -> (mode, object, size)."""
    from chartergen.loader import CHARTER_SUFFIXES

    check = _git("rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    if check.returncode != 0:
        if "not a git repository" in check.stderr:
            raise UsageError(Msg("this folder is not in a git repository; compare two files "
                                 "instead: chartergen diff OLD NEW").say(default_language()))
        raise UsageError(Msg("'{rev}' is not a commit, branch or tag of this repository",
                             rev=rev).say(default_language()))

    # "<mode> <type> <object> <size>\t<path>": the mode tells a committed link from a
    # file, and the size is known before a byte is read
    listed = _git("ls-tree", "-r", "-l", rev, "--", *roots)
    found: dict[str, tuple[str, str, str]] = {}
    for line in listed.stdout.splitlines():
        meta, _, name = line.partition("\t")
        fields = meta.split()
        if len(fields) == 4 and name.endswith(CHARTER_SUFFIXES):
            found[Path(name).as_posix()] = (fields[0], fields[2], fields[3])
    return found


def _committed(mode: str, obj: str, size: str, shown: str) -> Side:
    """A charter as committed: a link or an oversized file is refused without reading it."""
    from chartergen.errors import Severity
    from chartergen.loader import MAX_BYTES

    def refuse(message: Msg, code: str) -> Side:
        return [Diagnostic(shown, 1, 1, Severity.ERROR, message, code=code)], shown

    if mode == "120000":
        return refuse(Msg("this charter is a link; links are not followed, so it was not read "
                          "(replace the link with the charter file itself)"), "outside-link")
    if not size.isdigit():
        return refuse(Msg("this is not a charter file"), "special-file")
    if int(size) > MAX_BYTES:
        return refuse(Msg("the file is {size} KiB; a charter may be at most {most} KiB, so it "
                          "was not read", size=int(size) // 1024, most=MAX_BYTES // 1024),
                      "file-too-large")
    blob = _git("cat-file", "blob", obj, text=False)
    if blob.returncode != 0:
        return None, shown
    return blob.stdout[:MAX_BYTES + 1], shown


def _git(*args: str, text: bool = True) -> subprocess.CompletedProcess:  # type: ignore[type-arg]
    try:
        return subprocess.run(["git", *args], capture_output=True, text=text, check=False)
    except FileNotFoundError:
        raise UsageError(Msg("git is not installed; compare two files instead: "
                             "chartergen diff OLD NEW").say(default_language())) from None


def _build(raw: bytes | list[Diagnostic] | None,
           shown: str) -> tuple[Charter | None, list[Diagnostic]]:
    """The typed charter from file content, or the problems that prevent it."""
    if raw is None:
        return None, []
    if isinstance(raw, list):
        return None, raw
    from chartergen.errors import has_errors
    from chartergen.loader import load_bytes
    from chartergen.model import build
    from chartergen.schema import validate

    loaded = load_bytes(raw, shown)
    if loaded.document is None:
        return None, loaded.diagnostics
    problems = validate(loaded.document)
    if has_errors(problems):
        return None, [d for d in problems if d.is_error]
    slug = Path(shown.split(" (")[0]).stem
    return build(loaded.document.data, slug, shown), []


def _language(charter: Charter | None, raw: bytes | list[Diagnostic] | None) -> str:
    """The language to speak about one compared charter."""
    from chartergen.messages import language_of

    if charter is not None:
        return language_of({"company": {"language": charter.company.language}})
    if not isinstance(raw, bytes):  # not read, or refused unread
        return language_of(None, "")
    return language_of(None, raw[:65536].decode("utf-8", "replace"))
