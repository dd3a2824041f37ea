"""When a charter last changed (git, else the file's time), its path and its edit link."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from chartergen.pipeline import load_portfolio
from chartergen.render.sources import charter_sources, last_changed

CHARTER = "format: 1\ncompany:\n  name: Acme\n  language: en\n"


def git(args: list[str], cwd: Path, date: str = "") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(["init", "-q"], tmp_path)
    (tmp_path / "charters").mkdir()
    for name in ("acme", "globex"):
        (tmp_path / "charters" / f"{name}.yaml").write_text(CHARTER)
    git(["add", "."], tmp_path)
    git(["commit", "-qm", "first"], tmp_path, "2026-03-01T10:00:00+00:00")
    (tmp_path / "charters" / "acme.yaml").write_text(CHARTER + "# changed\n")
    git(["commit", "-qam", "second"], tmp_path, "2026-09-15T10:00:00+00:00")
    return tmp_path


def test_last_change_comes_from_git_per_file(repo: Path):
    files = [(repo / "charters" / f"{n}.yaml").resolve() for n in ("acme", "globex")]
    dates = last_changed(files, repo.resolve())
    assert dates == {files[0]: dt.date(2026, 9, 15), files[1]: dt.date(2026, 3, 1)}


def test_outside_git_the_modification_time_stands_in(tmp_path: Path):
    path = tmp_path / "acme.yaml"
    path.write_text(CHARTER)
    stamp = dt.datetime(2025, 5, 4, 12, 0).timestamp()
    os.utime(path, (stamp, stamp))
    assert last_changed([path], None) == {path: dt.date(2025, 5, 4)}


def test_sources_give_the_repository_path_and_the_edit_link(repo: Path):
    portfolio = load_portfolio([str(repo / "charters")])
    sources = charter_sources(portfolio.charters, today=dt.date(2026, 11, 23),
                              edit_url="https://git.example.org/x/edit/main/{path}")
    acme = next(s for s in sources if s.charter.slug == "acme")
    assert acme.source_path == "charters/acme.yaml"
    assert acme.edit_url == "https://git.example.org/x/edit/main/charters/acme.yaml"
    assert acme.last_changed == dt.date(2026, 9, 15)
    assert acme.audit is not None and len(acme.audit.mistakes) == 9
