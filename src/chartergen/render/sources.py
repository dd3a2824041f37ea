"""What the site shows about each charter file: its path in the repository, when it last
changed, its edit link, and its audit.

Git is asked once for the whole portfolio (``git log --format=%cs --name-only``);
outside a repository, or for a file git does not track yet, the file's
modification time stands in.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from chartergen.render.view import CharterSource

if TYPE_CHECKING:
    from chartergen.pipeline import LoadedCharter


def charter_sources(
    loaded: Sequence[LoadedCharter],
    *,
    today: dt.date,
    edit_url: str = "",
    audit: bool = True,
    base: Path | None = None,
) -> list[CharterSource]:
    """A :class:`CharterSource` per loaded charter.

    ``edit_url`` is a template such as ``https://git.example/org/repo/edit/main/{path}``;
    ``{path}`` becomes the file's path from the repository root. Outside a
    repository, paths are shown relative to ``base`` (the project folder).
    """
    files = [Path(item.document.path).resolve() for item in loaded]
    root = git_root(files[0].parent) if files else None
    changed = last_changed(files, root)
    run = audit_runner() if audit else None
    sources = []
    for item, file in zip(loaded, files, strict=True):
        path = repo_path(file, root, base)
        sources.append(CharterSource(
            charter=item.charter,
            source_path=path,
            last_changed=changed.get(file),
            edit_url=edit_url.replace("{path}", path) if edit_url else "",
            audit=run(item.charter, today) if run else None,
        ))
    return sources


def git_root(folder: Path) -> Path | None:
    out = _git(["rev-parse", "--show-toplevel"], folder)
    return Path(out.strip()).resolve() if out else None


def last_changed(files: Sequence[Path], root: Path | None) -> dict[Path, dt.date]:
    """The date each file last changed: its last commit, else its modification time."""
    dates: dict[Path, dt.date] = {}
    if root is not None and files:
        relative = [os.path.relpath(f, root) for f in files]
        out = _git(["log", "--format=%x00%cs", "--name-only", "--no-renames", "--", *relative],
                   root)
        wanted = {rel.replace(os.sep, "/"): f for rel, f in zip(relative, files, strict=True)}
        current: dt.date | None = None
        for line in (out or "").splitlines():
            if line.startswith("\x00"):
                current = dt.date.fromisoformat(line[1:].strip())
            elif line.strip() in wanted and current is not None:
                dates.setdefault(wanted[line.strip()], current)
    for file in files:
        if file not in dates:
            with contextlib.suppress(OSError):
                dates[file] = dt.date.fromtimestamp(file.stat().st_mtime)
    return dates


def repo_path(file: Path, root: Path | None, base: Path | None) -> str:
    for folder in (root, base.resolve() if base else None):
        if folder is not None:
            try:
                return file.relative_to(folder).as_posix()
            except ValueError:
                pass
    from chartergen.pipeline import display_path

    return Path(display_path(file)).as_posix()


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def audit_runner():  # type: ignore[no-untyped-def]
    """The audit's ``run``, or None in a build of chartergen without the audit."""
    try:
        from chartergen.audit import run
    except ImportError:  # a build of chartergen without the audit
        return None
    return run


def ci_edit_url(environ: Any) -> str:
    """The edit link template when building in GitHub Actions or GitLab CI, else ""."""
    server, repository = environ.get("GITHUB_SERVER_URL"), environ.get("GITHUB_REPOSITORY")
    branch = environ.get("GITHUB_HEAD_REF") or environ.get("GITHUB_REF_NAME")
    if server and repository and branch:
        return f"{server}/{repository}/edit/{branch}/{{path}}"
    project, branch = environ.get("CI_PROJECT_URL"), environ.get("CI_COMMIT_REF_NAME")
    if project and branch:
        return f"{project}/-/edit/{branch}/{{path}}"
    return ""
