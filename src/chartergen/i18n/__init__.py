"""Label catalogues: one folder per language, one YAML file per area of the product.

``i18n/en/site.yaml`` holds the site's labels, ``i18n/en/audit.yaml`` the
audit's, and so on; :func:`catalogue` merges a language's files into one
mapping. Every language must define the same keys (a test checks it).
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "fr")


@cache
def catalogue(language: str) -> dict[str, Any]:
    """Every label of ``language``, as nested mappings keyed by area then name."""
    if language not in LANGUAGES:
        raise ValueError(f"no labels for language {language!r}")
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe")
    merged: dict[str, Any] = {}
    folder = resources.files(__package__).joinpath(language)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            merged[entry.name.removesuffix(".yaml")] = yaml.load(entry.read_text("utf-8"))
    return merged


def label(language: str, key: str, **values: Any) -> str:
    """One label by dotted key (``"audit.mistakes.1.title"``), with ``{name}`` filled in."""
    node: Any = catalogue(language)
    for part in key.split("."):
        node = node[part] if isinstance(node, dict) and part in node else None
        if node is None:
            raise KeyError(f"no label {key!r} in language {language!r}")
    return str(node).format(**values) if values else str(node)
