"""The site's settings, as data: theme, Markdown extensions, search, navigation.

Both engines read them in the form of a ``mkdocs.yml`` (Zensical reads that file
too), so they belong to the engine-neutral site that ``render/`` makes, beside
its pages: the MkDocs plugin, the Zensical engine, ``render --out`` and
``build`` all take them from here. Nothing here imports an engine: it only
writes configuration (as data, or as ``mkdocs.yml`` text) and copies the theme
overrides.
"""

from __future__ import annotations

import io
import shutil
from importlib import resources
from pathlib import Path
from typing import Any

from chartergen.render.site import RenderedSite, not_found_words

MARKDOWN_EXTENSIONS: list[Any] = [
    {"tables": {"use_align_attribute": True}},
    "attr_list",
    "md_in_html",
    "admonition",
    "sane_lists",
    {"toc": {"permalink": True}},
]
"""Extensions the generated pages use. No extension that gives charter text a meaning
(emoji, magic links, macros) is needed or added."""

FEATURES = [
    "content.action.edit",
    "navigation.footer",
    "navigation.top",
    "search.highlight",
    "toc.follow",
]

EXTRA_CSS = ["assets/chartergen/chartergen.css"]
EXTRA_JAVASCRIPT = ["assets/chartergen/chartergen.js"]

SITE_NAMES = "chartergen_site_names"
"""The key under ``extra`` of the default site name in each language, set when the site keeps
the default name: the header of a page in another language names the site in that language
(theme/main.html)."""

NOT_FOUND = "chartergen_not_found"
"""The key under ``extra`` of the 404 page's words, in the site's language (theme/404.html)."""

IFRAME_WORKER = "assets/chartergen/iframe-worker.min.js"
"""Material's file:// search shim, served from the theme (the offline plugin would load it
from a CDN)."""

SEARCH: dict[str, Any] = {"fields": {"title": {"boost": 5}}}
"""A title weighs five times its text, not Material's thousand: questions typed in full
("who do I call at night", "combien de publications par semaine") then find the page whose
text answers them rather than any section whose title has one of their words. The languages
come from the charters (:func:`search_languages`)."""

SEARCH_PIPELINE = ["trimmer", "stopWordFilter", "stemmer"]
"""The steps each word of the search index goes through, in lunr's support for each
language: stemming too (Material's default leaves it out), so "piratés" finds "piraté";
theme/assets/javascripts/workers/chartergen-search.js brings typed words to the same stems."""

PLUGINS: list[Any] = [{"search": SEARCH}, "offline"]
"""Search, and Material's offline plugin: the built site also works opened from disk
(``file://``), search included, so it can be handed over as a zip."""


def search_languages(site: RenderedSite) -> dict[str, Any]:
    """Material's search settings for the languages of ``site``'s pages, the site's own
    first: the words of each page are stemmed in the page's language (the "lang" of its
    entries in the index, see the plugin), of a page that has none in the first."""
    others = [language for language in site.languages if language != site.language]
    return {"lang": [site.language, *others], "pipeline": list(SEARCH_PIPELINE)}


PALETTE = [
    {"media": "(prefers-color-scheme: light)", "scheme": "default", "primary": "teal",
     "accent": "deep orange",
     "toggle": {"icon": "material/weather-night", "name": "Dark mode"}},
    {"media": "(prefers-color-scheme: dark)", "scheme": "slate", "primary": "teal",
     "accent": "deep orange",
     "toggle": {"icon": "material/weather-sunny", "name": "Light mode"}},
]


def theme_dir() -> Path:
    """Where chartergen's Material overrides are, installed or in a source checkout."""
    try:
        folder = Path(str(resources.files("chartergen.theme")))
    except ModuleNotFoundError:  # pragma: no cover - a broken install
        folder = Path(__file__).resolve().parents[3] / "theme"
    return folder


def theme_config(language: str = "en", custom_dir: str = "theme") -> dict[str, Any]:
    return {
        "name": "material",
        "custom_dir": custom_dir,
        "language": language,
        # Web fonts would load from Google: the site must work offline.
        "font": False,
        "features": list(FEATURES),
        "palette": PALETTE,
    }


def site_config(site: RenderedSite, *, site_name: str, docs_dir: str = "docs",
                theme_folder: str = "theme", site_dir: str = "site") -> dict[str, Any]:
    """A complete ``mkdocs.yml`` for pages written out by ``chartergen render``."""
    return {
        "site_name": site_name,
        "docs_dir": docs_dir,
        "site_dir": site_dir,
        # as 'chartergen build' makes it: pages opened from disk work too (the offline
        # plugin, which turns directory URLs off), with the search shim from the theme
        "use_directory_urls": False,
        "theme": theme_config(site.language, theme_folder),
        "plugins": [{"search": {**SEARCH, **search_languages(site)}}, "offline"],
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        "extra_css": EXTRA_CSS,
        "extra_javascript": EXTRA_JAVASCRIPT,
        # An internal policy site: no "Made with Material for MkDocs" in the footer.
        "extra": {"generator": False, "polyfills": [IFRAME_WORKER],
                  NOT_FOUND: not_found_words(site.language)},
        "nav": site.nav,
    }


def dump_yaml(data: dict[str, Any], header: str = "") -> str:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    yaml.width = 4096
    yaml.sort_base_mapping_type_on_output = False  # type: ignore[assignment]
    stream = io.StringIO()
    yaml.dump(data, stream)
    return header + stream.getvalue()


def copy_theme(target: Path) -> None:
    """Copy the overrides (templates, CSS, JS, Mermaid) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        theme_dir(), target,
        ignore=shutil.ignore_patterns("__init__.py", "__pycache__", "*.pyc"),
    )
