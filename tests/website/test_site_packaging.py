"""The theme and the labels ship with the package, so `chartergen render` works from any install."""

from __future__ import annotations

import tomllib
from importlib import resources

from sitetools import ROOT

from chartergen.i18n import catalogue


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    src = ROOT / "src"
    folders = {
        ".".join(p.relative_to(src).parts)
        for p in src.rglob("*")
        if p.is_dir() and "__pycache__" not in p.parts and not p.name.endswith(".egg-info")
        and any(f.is_file() for f in p.iterdir())
    }  # a folder of data files only (message catalogues, CI templates) is a package too:
    # setuptools warns on every install that it will leave out one it is not told of
    assert folders <= listed, f"add to [tool.setuptools] packages: {sorted(folders - listed)}"
    assert config["package-dir"]["chartergen.theme"] == "theme"
    assert "chartergen.theme" in listed


def test_theme_is_importable_as_package_data():
    theme = resources.files("chartergen.theme")
    assert theme.joinpath("main.html").is_file()
    assert theme.joinpath("partials", "nav.html").is_file()
    assert theme.joinpath("assets", "chartergen", "mermaid.min.js").is_file()
    assert theme.joinpath("assets", "javascripts", "workers", "chartergen-search.js").is_file()


def keys(node: object, prefix: str = "") -> set[str]:
    if not isinstance(node, dict):
        return set()
    out = set()
    for key, value in node.items():
        out.add(f"{prefix}{key}")
        out |= keys(value, f"{prefix}{key}.")
    return out


def test_site_labels_have_the_same_keys_in_english_and_french():
    assert keys(catalogue("en")["site"]) == keys(catalogue("fr")["site"])


def test_templates_use_only_labels_that_exist():
    import re

    templates = (ROOT / "src" / "chartergen" / "render" / "templates").glob("*.j2")
    used = {m for t in templates for m in re.findall(r"\bL\.([a-z_]+\.[a-z_0-9]+)", t.read_text())}
    from chartergen.render.site import labels_for

    known = keys(labels_for("en"))  # the site's labels, with the audit's verdict words
    assert used and used <= known, sorted(used - known)
