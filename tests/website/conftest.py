"""Fixtures of the site tests (helpers live in sitetools.py)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def module_tmp(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A temporary folder shared by the tests of one module (one site build per module)."""
    return tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])

