"""Shared fixtures: paths to the example charters and a helper to write charter files."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHARTERS = ROOT / "charters"


@pytest.fixture
def write_charter(tmp_path: Path):
    """Write charter text to ``tmp_path/<name>.yaml`` and return the path."""

    def write(text: str, name: str = "acme") -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
