"""Shared fixtures: paths to the example charters and a helper to write charter files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests explore new random cases on a developer's machine; in CI they replay a
# fixed sequence, so a run's verdict never depends on luck. HYPOTHESIS_PROFILE=long
# runs many more cases (see README, "Fuzzing").
settings.register_profile("default", max_examples=200, deadline=None)
settings.register_profile("ci", max_examples=200, deadline=None, derandomize=True,
                          database=None, print_blob=True)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI")
                                                                 else "default"))

ROOT = Path(__file__).resolve().parent.parent
CHARTERS = ROOT / "charters"


@pytest.fixture(autouse=True)
def english_unless_asked(monkeypatch: pytest.MonkeyPatch):
    """Messages not about a charter in English, whatever the machine's locale, and no
    ``--lang`` of an earlier test carried over (it is kept for the process)."""
    from chartergen.messages import choose_language

    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    choose_language(None)
    yield
    choose_language(None)


@pytest.fixture(autouse=True, scope="session")
def private_cache(tmp_path_factory: pytest.TempPathFactory):
    """What builds keep between runs (``~/.cache/chartergen``) goes to a folder of the test
    session's, never the user's."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    saved = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if saved is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = saved


@pytest.fixture
def write_charter(tmp_path: Path):
    """Write charter text to ``tmp_path/<name>.yaml`` and return the path."""

    def write(text: str, name: str = "acme") -> Path:
        path = tmp_path / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    return write
