"""Fixtures of the site tests (helpers live in sitetools.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitetools import FIXTURES


@pytest.fixture(scope="module")
def module_tmp(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A temporary folder shared by the tests of one module (one site build per module)."""
    return tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])



@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with charters/ and no mkdocs.yml, as the current folder."""
    (tmp_path / "charters").mkdir()
    shutil.copy(FIXTURES / "minimal.yaml", tmp_path / "charters" / "bakery.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path
