"""Label catalogues: one folder per language, one YAML file per area of the product.

``i18n/en/site.yaml`` holds the site's labels, ``i18n/en/audit.yaml`` the
audit's, and so on; :func:`catalogue` merges a language's files into one
mapping. Every language must define the same keys (a test checks it).

French labels are typeset as they load (:func:`typeset`): the space written before
':', ';', '!', '?' and '%' and inside guillemets becomes a narrow no-break space, so
catalogues are written with plain spaces and a colon never starts a line. The
``init`` and ``new`` areas are left as written: they become files people edit.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Any

LANGUAGES = ("en", "fr")

_AS_WRITTEN = ("init", "new")
"""Areas that become files people edit (a charter's comments, a README): not typeset."""

NARROW_NBSP = "\u202f"
_BEFORE_PUNCTUATION = re.compile(r" +([:;!?%»])")
_AFTER_GUILLEMET = re.compile(r"« +")


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
            area = entry.name.removesuffix(".yaml")
            labels = yaml.load(entry.read_text("utf-8"))
            merged[area] = labels if area in _AS_WRITTEN else _typeset_all(language, labels)
    return merged


def typeset(language: str, text: str) -> str:
    """``text`` with the language's spacing rules: in French, a narrow no-break space
    (U+202F) before ``: ; ! ? %`` and ``»`` and after ``«`` where a plain space is
    written (a no-break space written on purpose stays)."""
    if language != "fr":
        return text
    return _AFTER_GUILLEMET.sub("«" + NARROW_NBSP,
                                _BEFORE_PUNCTUATION.sub(NARROW_NBSP + r"\1", text))


def _typeset_all(language: str, node: Any) -> Any:
    if isinstance(node, str):
        return typeset(language, node)
    if isinstance(node, dict):
        return {key: _typeset_all(language, value) for key, value in node.items()}
    if isinstance(node, list):
        return [_typeset_all(language, value) for value in node]
    return node


def mistake_titles(language: str) -> dict[int, str]:
    """The nine mistakes' titles, from the audit's catalogue so the site and audit agree."""
    language = language if language in LANGUAGES else "en"
    return {n: label(language, f"audit.mistakes.m{n}.title") for n in range(1, 10)}


def label(language: str, key: str, **values: Any) -> str:
    """One label by dotted key (``"audit.mistakes.1.title"``), with ``{name}`` filled in."""
    node: Any = catalogue(language)
    for part in key.split("."):
        node = node[part] if isinstance(node, dict) and part in node else None
        if node is None:
            raise KeyError(f"no label {key!r} in language {language!r}")
    return str(node).format(**values) if values else str(node)
