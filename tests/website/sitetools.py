"""Helpers for the site tests: build a site from charters into a temporary folder, parse it.

The folder has no __init__.py (a package named "site" would shadow Python's own), so
pytest puts it on sys.path and test modules import this as ``sitetools``.

Site builds take a second or two, so each test module builds once (module-scoped
fixtures) and its tests read the result.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[2]
CHARTERS = ROOT / "charters"
FIXTURES = Path(__file__).parent / "fixtures"
TODAY = "2026-11-23"
EDIT_URL = "https://git.example.org/comms/charters/-/edit/main/{path}"
EXAMPLES = ("cidrerie-du-bocage", "hartwell-pumps", "northwind-studio")


def write_project(folder: Path, charters: dict[str, str | Path],
                  **plugin: Any) -> Path:
    """A MkDocs project in ``folder``: charters/, an empty docs folder and a mkdocs.yml."""
    from chartergen.render.config import SEARCH, dump_yaml, theme_config

    (folder / "charters").mkdir(parents=True)
    (folder / "pages").mkdir()
    for name, content in charters.items():
        target = folder / "charters" / f"{name}.yaml"
        if isinstance(content, Path):
            shutil.copy(content, target)
        else:
            target.write_text(content, encoding="utf-8")
    options = {"today": TODAY, **plugin}
    config = {
        "site_name": "Charters under test",
        "docs_dir": "pages",
        "theme": {**theme_config("en"), "custom_dir": str(ROOT / "theme")},
        "plugins": [{"search": SEARCH}, {"chartergen": options}],
    }
    path = folder / "mkdocs.yml"
    path.write_text(dump_yaml(config), encoding="utf-8")
    return path


def build(config_file: Path, site_dir: Path | None = None) -> Path:
    """Build with MkDocs in this process; returns the site folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    overrides = {"site_dir": str(site_dir)} if site_dir else {}
    config = load_config(config_file=str(config_file), **overrides)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return Path(config.site_dir)


def chartergen_build(*args: str) -> Any:
    """``chartergen build -q`` in the current folder, as of the tests' date."""
    from click.testing import CliRunner

    from chartergen.cli import cli

    return CliRunner().invoke(cli, ["build", "-q", "--today", TODAY, *args])


def parse(path: Path) -> BeautifulSoup:
    return as_seen(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))


def as_seen(page: BeautifulSoup) -> BeautifulSoup:
    """The page as a reader sees it: without the separators that only search snippets and
    copied text keep (``.cg-sep``, never shown), and the spaces around them."""
    for hidden in page.select(".cg-sep"):
        before = hidden.previous_sibling
        if isinstance(before, str) and before.endswith(" "):
            before.replace_with(before[:-1])
        hidden.decompose()
    return page


_SEPARATOR = re.compile(r' ?<span class="cg-sep" aria-hidden="true">[^<]*</span>')


def as_read(markdown: str) -> str:
    """A page's Markdown without its hidden separators (see :func:`as_seen`)."""
    return _SEPARATOR.sub("", markdown).replace("</dt> <dd>", "</dt><dd>")


def example(name: str) -> Path:
    return CHARTERS / f"{name}.yaml"
