"""What ``chartergen serve`` shows while charters are invalid, instead of a failed build.

A failed MkDocs build leaves serve's browser waiting with no word of why. So the plugin
builds the last valid site again, with the problems on the pages they concern. The
messages are charter text: they go into indented code blocks, shown as written and
never read as Markdown or HTML (and the sanitiser runs on every page after that).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from chartergen.errors import Diagnostic
from chartergen.render.site import RenderedPage, RenderedSite, labels_for


def problems_language(errors: list[Diagnostic], fallback: str) -> str:
    """The language to speak about ``errors``: their charters' when they share one, else
    ``fallback`` (the site's)."""
    spoken = {d.language for d in errors}
    return spoken.pop() if len(spoken) == 1 else fallback


def problems_site(last: RenderedSite | None, errors: list[Diagnostic],
                  language: str) -> RenderedSite:
    """What ``serve`` shows while charters are invalid: the last valid site, in which each
    page of an invalid charter lists that charter's problems and the home page lists
    them all; with no valid site yet, a home page listing them (in ``language``)."""
    language = last.language if last else language
    words = labels_for(language)["serve"]
    by_charter: dict[str, list[Diagnostic]] = {}
    for diagnostic in errors:
        by_charter.setdefault(Path(diagnostic.path).stem, []).append(diagnostic)
    if last is None:
        home = RenderedPage("index.md", words["problems_home"], _problems_page(
            f"language: {language}\nhome: true", words["problems_home"], errors, words))
        return RenderedSite((home,), [{words["problems_home"]: "index.md"}], language)
    pages = []
    for page in last.pages:
        front, body = _front_matter(page.markdown)
        if page.charter in by_charter:
            page = replace(page, markdown=_problems_page(front, page.title,
                                                          by_charter[page.charter], words))
        elif page.src == "index.md":
            block = _problems_block(words["problems_home"], errors, words)
            page = replace(page, markdown=f"---\n{front}\n---\n\n{block}\n{body}")
        pages.append(page)
    return replace(last, pages=tuple(pages))


def _front_matter(markdown: str) -> tuple[str, str]:
    """The page's front matter (without its --- lines) and the rest."""
    if markdown.startswith("---\n"):
        end = markdown.find("\n---\n", 4)
        if end != -1:
            return markdown[4:end], markdown[end + 5:]
    return "", markdown


def _problems_page(front: str, title: str, errors: list[Diagnostic],
                   words: dict[str, str]) -> str:
    return (f"---\n{front}\n---\n\n# {title}\n\n"
            + _problems_block(words["problems"], errors, words))


def _problems_block(heading: str, errors: list[Diagnostic], words: dict[str, str]) -> str:
    """An admonition listing the problems as an indented code block: charter text in a
    message is shown as written, never read as Markdown or HTML."""
    lines = "\n".join("        " + " ".join(d.format().split()) for d in errors)
    return (f'!!! failure "{heading}"\n\n    {words["problems_intro"]}\n\n{lines}\n')
