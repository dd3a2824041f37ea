"""Render a portfolio of charters into Markdown pages and a navigation, with no MkDocs involved.

:func:`render_site` is the engine-independent core: the MkDocs plugin adds its
pages in memory, ``chartergen render`` writes them to a folder. The same
input gives byte-identical pages.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from chartergen.i18n import mistake_titles
from chartergen.render import escape
from chartergen.render.formatting import Formatter
from chartergen.render.pages import relative_url
from chartergen.render.view import CharterSource, CharterView

TEMPLATES = Path(__file__).parent / "templates"
HOME = "index.md"


@dataclass(frozen=True)
class RenderedPage:
    src: str
    """Path of the page in the site's docs folder, e.g. ``acme/strategy.md``."""
    title: str
    """Escaped for HTML: MkDocs themes print navigation titles as they are."""
    markdown: str
    charter: str = ""
    """Slug of the charter the page belongs to ("" for the home page)."""
    edit_url: str = ""


@dataclass(frozen=True)
class RenderedFile:
    """A file of the site that is not a page (a charter's calendar), written as it is."""

    src: str
    """Path in the site, e.g. ``acme/calendar.ics``."""
    content: str


@dataclass(frozen=True)
class RenderedSite:
    pages: tuple[RenderedPage, ...]
    nav: list[Any]
    """MkDocs ``nav`` structure: ``{title: src}`` and ``{title: [children]}`` items."""
    language: str
    charters: dict[str, str] = field(default_factory=dict)
    """Site slug of each charter, by the charter's own slug."""
    files: tuple[RenderedFile, ...] = ()
    """Files besides the pages: each charter's calendar and the portfolio's."""
    languages: tuple[str, ...] = ()
    """Every language the pages are written in: the home page's and each charter's."""
    name: str = ""
    """A one-charter site's name: its company's (escaped for HTML, as the titles are)."""

    @property
    def single(self) -> bool:
        """The site of one charter, whose overview is the home page (no portfolio page)."""
        return any(page.src == HOME and page.charter for page in self.pages)

    def page(self, src: str) -> RenderedPage:
        return next(p for p in self.pages if p.src == src)


def labels_for(language: str) -> dict[str, Any]:
    from chartergen.i18n import LANGUAGES, catalogue

    labels = catalogue(language if language in LANGUAGES else "en")
    site = dict(labels["site"])
    # the verdict words are the audit's, declared once (audit.status), capitalised here
    verdicts = labels["audit"]["status"].items()
    site["checklist"] = {**site["checklist"], "status": {
        verdict: word[:1].upper() + word[1:] for verdict, word in verdicts}}
    return site


class Labels:
    """A label catalogue as templates read it: ``L.area.key`` or ``L.area[key]``.

    Plain dicts would answer ``L.common.copy`` with the dict's own ``copy``
    method; here every name is a key, and a missing key is an error (through
    Jinja's StrictUndefined) rather than an empty string.
    """

    __slots__ = ("_data",)

    def __init__(self, data: dict[str, Any]):
        self._data = data

    def __getattr__(self, name: str) -> Any:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key: Any) -> Any:
        value = self._data[str(key)]
        return Labels(value) if isinstance(value, dict) else value

    def __contains__(self, key: Any) -> bool:
        return str(key) in self._data


def portfolio_language(languages: Iterable[str]) -> str:
    """The site's own language: French when every charter is French, else English."""
    found = set(languages)
    return "fr" if found == {"fr"} else "en"


def default_site_name(language: str) -> str:
    """The site's name when none is chosen: the home page's title in ``language``."""
    return str(labels_for(language)["home"]["title"])


def site_names() -> dict[str, str]:
    """The default site name in every language: a page in another language than the site's
    shows the name in its own language in its header (when the site keeps the default)."""
    from chartergen.i18n import LANGUAGES

    return {language: default_site_name(language) for language in LANGUAGES}


def not_found_words(language: str) -> dict[str, str]:
    """The 404 page's words in the site's language (theme/404.html)."""
    return {key: str(value) for key, value in labels_for(language)["not_found"].items()}


def site_name(site: RenderedSite, chosen: str | None) -> tuple[str, bool]:
    """The name in the site's header, and whether it is the default one: the name chosen
    in the configuration, else a one-charter site's company, else the default name in the
    site's language (which a page in another language says in its own)."""
    if chosen and not is_default_site_name(chosen):
        return chosen, False
    if site.name:
        return site.name, False
    return default_site_name(site.language), True


def is_default_site_name(name: str) -> bool:
    """Whether ``name`` is the default name in one of the languages (so may be translated)."""
    from chartergen.i18n import LANGUAGES

    return name in {default_site_name(language) for language in LANGUAGES}


def render_site(
    sources: Sequence[CharterSource],
    *,
    today: dt.date,
    language: str = "en",
    use_directory_urls: bool = True,
    templates: str | Path | None = None,
) -> RenderedSite:
    """Every page of every charter, the portfolio home page, and the navigation.

    ``language`` is the language of the home page ("auto": see
    :func:`portfolio_language`); each charter's pages use the charter's own language.
    A site of one charter has no portfolio page: that charter's overview is its home page.
    """
    if language == "auto":
        language = portfolio_language(s.charter.language for s in sources)
    ordered = sorted(sources, key=lambda s: s.charter.slug)
    slugs = site_slugs([s.charter.slug for s in ordered])
    alone = len(ordered) == 1
    charters = [
        render_charter(source, slugs[source.charter.slug], today=today,
                       use_directory_urls=use_directory_urls, templates=templates, alone=alone)
        for source in ordered
    ]
    home = None if alone else render_home(ordered, slugs, today=today, language=language,
                                          use_directory_urls=use_directory_urls,
                                          templates=templates)
    own = () if alone else (portfolio_file(ordered, slugs, today=today, language=language),)
    return join_site(home, charters, language=language, slugs=slugs, files=own)


def portfolio_file(sources: Sequence[CharterSource], slugs: dict[str, str], *,
                   today: dt.date, language: str,
                   charters: Sequence[RenderedCharter] | None = None) -> RenderedFile:
    """The portfolio's calendar: every charter's dates in one iCalendar file (joined from
    the ``charters``' own calendars, in the same order as ``sources``, when given)."""
    from chartergen.render.calendar import (
        CHARTER_FILE,
        PORTFOLIO_FILE,
        CalendarSource,
        join_calendars,
        portfolio_calendar,
    )

    name = str(labels_for(language)["live"]["calendar_portfolio"])
    if charters is not None:
        own = [next(f.content for f in c.files if f.src == f"{c.slug}/{CHARTER_FILE}")
               for c in charters]
        return RenderedFile(PORTFOLIO_FILE, join_calendars(own, name, language))
    calendars = [CalendarSource(s.charter, slugs[s.charter.slug], labels_for(s.charter.language))
                 for s in sources]
    return RenderedFile(PORTFOLIO_FILE, portfolio_calendar(calendars, today, name, language))


@dataclass(frozen=True)
class RenderedCharter:
    """One charter's pages and its entry in the navigation, ready to join a site.

    A charter's pages depend only on that charter, its folder on the site and
    the options, so a site can be assembled from charters rendered apart (in
    other processes, or earlier and kept in a cache).
    """

    slug: str
    """The charter's folder on the site."""
    pages: tuple[RenderedPage, ...]
    nav: dict[str, Any]
    """``{company name: [its pages]}``."""
    files: tuple[RenderedFile, ...] = ()
    """Its calendar."""
    language: str = "en"
    """The language its pages are written in."""


def render_charter(
    source: CharterSource,
    site_slug: str,
    *,
    today: dt.date,
    use_directory_urls: bool = True,
    templates: str | Path | None = None,
    alone: bool = False,
) -> RenderedCharter:
    """The pages of one charter, in its own language, under the folder ``site_slug``
    (its overview at the site's root, ``index.md``, when it is ``alone`` on the site)."""
    env = environment(str(templates) if templates else "")
    view = CharterView(source, site_slug, labels_for(source.charter.language), today,
                       use_directory_urls, alone=alone)
    pages, nav = _render_charter(env, view)
    from chartergen.render.calendar import CHARTER_FILE, CalendarSource, charter_calendar

    calendar = charter_calendar(CalendarSource(source.charter, site_slug, view.labels), today)
    return RenderedCharter(site_slug, tuple(pages),
                           {str(escape.text(source.charter.company.name)): nav},
                           (RenderedFile(f"{site_slug}/{CHARTER_FILE}", calendar),),
                           source.charter.language)


def render_home(
    sources: Sequence[CharterSource],
    slugs: dict[str, str],
    *,
    today: dt.date,
    language: str = "en",
    use_directory_urls: bool = True,
    templates: str | Path | None = None,
) -> RenderedPage:
    """The portfolio's home page: every charter of ``sources``, in that order.

    Each charter's rows are kept (:data:`home_parts`): ``serve`` renders the home page
    again at every save, and only the saved charter's rows change.
    """
    env = environment(str(templates) if templates else "")
    views = [CharterView(source, slugs[source.charter.slug],
                         labels_for(source.charter.language), today, use_directory_urls)
             for source in sources]
    home_labels = labels_for(language)
    home = env.get_template("home.md.j2").render(
        L=Labels(home_labels), M=mistake_titles(language), f=Formatter(home_labels), views=views,
        language=language, today=today, here=HOME,
        url=lambda view, page="overview": relative_url(HOME, view.src(page), use_directory_urls),
        once=home_parts.keeper(env, (language, today, use_directory_urls)),
    )
    return RenderedPage(HOME, str(escape.text(home_labels["home"]["title"])), _tidy(home))


class HomeParts:
    """The parts of the home page that show one charter (its row in each table), kept from
    the last render: ``{% call once(view, "row", ...) %}...{% endcall %}`` in the template
    gives the kept text when the same charter (the same rendered :class:`CharterSource`
    object, which a new content replaces) meets the same templates, settings and extra
    values, else renders the block. A block may use only its view, the page's settings
    (language, date, links) and the values given to ``once``.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[Any, ...], tuple[CharterSource, Any, Any]] = {}
        self.rendered = 0
        """Blocks rendered (not taken from those kept), all renders together."""

    def keeper(self, env: Any, settings: tuple[Any, ...]) -> Any:
        """The ``once`` of one render; what it does not use is forgotten after it."""
        kept, used = self._kept, {}
        self._kept = used

        def once(view: CharterView, part: str, *extra: Any, caller: Any) -> Any:
            key = (*settings, id(view.source), view.slug, part, *extra)
            found = kept.get(key)
            if found is None or found[0] is not view.source or found[1] is not env:
                self.rendered += 1
                found = (view.source, env, caller())
            used[key] = found
            return found[2]

        return once

    def clear(self) -> None:
        self._kept = {}


home_parts = HomeParts()


def join_site(home: RenderedPage | None, charters: Sequence[RenderedCharter], *,
              language: str, slugs: dict[str, str],
              files: Sequence[RenderedFile] = ()) -> RenderedSite:
    """A site from its home page (None for one charter rendered ``alone``) and its
    charters, in navigation order; ``files``: the portfolio's own files besides the
    charters' (its calendar)."""
    pages = [*([home] if home else []), *(page for charter in charters for page in charter.pages)]
    for page in pages:
        check_page_path(page.src)
    every_file = (*files, *(f for charter in charters for f in charter.files))
    for file in every_file:
        check_page_path(file.src, suffix=".ics")
    nav: list[Any] = [*([{home.title: HOME}] if home else []),
                      *(charter.nav for charter in charters)]
    languages = {*([language] if home else []), *(c.language for c in charters)}
    alone = home is None and len(charters) == 1
    return RenderedSite(tuple(pages), nav, language, dict(slugs), every_file,
                        tuple(sorted(languages or {language})),
                        name=next(iter(charters[0].nav)) if alone else "")


PRINT_PAGE = "print.md"
"""A charter's print page, in its folder; added to a site only on request (``chartergen pdf``)."""

PRINT_LEAVES_OUT = ("propose", "quiz")
"""Pages about the site rather than the charter, and the self-check, stay off paper."""


@dataclass(frozen=True)
class _Part:
    id: str
    title: Markup
    markdown: Markup
    sub: bool = False


def render_print_page(
    source: CharterSource,
    site_slug: str,
    *,
    today: dt.date,
    use_directory_urls: bool = True,
    templates: str | Path | None = None,
    alone: bool = False,
) -> RenderedPage:
    """The whole charter on one page (``<site_slug>/print.md``), to print or turn into a PDF.

    A cover, the table of contents, then each page of the charter in navigation
    order, rendered by its own template as a part (see ``_page.md.j2``). Not in
    the navigation.
    """
    env = environment(str(templates) if templates else "")
    view = CharterView(source, site_slug, labels_for(source.charter.language), today,
                       use_directory_urls, alone=alone)
    view.here = f"{site_slug}/{PRINT_PAGE}"
    labels = view.labels
    common = _context(view)
    parts: list[_Part] = []
    for spec in view.pages():
        if spec.key in PRINT_LEAVES_OUT:
            continue
        title = str(labels["pages"][spec.key])
        markdown = env.get_template(f"{spec.key}.md.j2").render(
            page=spec.key, title=title, part=f"part-{spec.key}", **common)
        parts.append(_Part(f"part-{spec.key}", escape.text(title),
                           Markup(_finished(markdown, view))))
        if spec.key == "networks":
            for network in view.charter.networks:
                label = view.network_label(network)
                part = f"part-network-{_safe_id(network.id)}"
                markdown = env.get_template("network.md.j2").render(
                    page="network", title=label, network=network, part=part, **common)
                parts.append(_Part(part, escape.text(label), Markup(_finished(markdown, view)),
                                   sub=True))
    markdown = env.get_template("print.md.j2").render(parts=parts, **common)
    title = escape.fill(str(labels["print"]["title"]), company=source.charter.company.name)
    return RenderedPage(view.here, str(title), _tidy(markdown), site_slug, source.edit_url)


def _context(view: CharterView) -> dict[str, Any]:
    """What every charter page template sees; ``quiz``: the self-check's questions
    (:mod:`chartergen.render.quiz`)."""
    from chartergen.render.quiz import questions

    return {"c": view.charter, "v": view, "L": Labels(view.labels), "f": view.fmt,
            "today": view.today, "M": mistake_titles(view.charter.language),
            "quiz": questions(view)}


def _render_charter(env: Any, view: CharterView) -> tuple[list[RenderedPage], list[Any]]:
    pages: list[RenderedPage] = []
    nav: list[Any] = []
    labels = view.labels
    edit_url = view.source.edit_url
    common = _context(view)
    for spec in view.pages():
        title = str(labels["pages"][spec.key])
        view.here = view.src(spec.key)
        markdown = env.get_template(f"{spec.key}.md.j2").render(
            page=spec.key, title=title, **common)
        page = RenderedPage(view.here, str(escape.text(title)), _finished(markdown, view),
                            view.slug, edit_url)
        pages.append(page)
        if spec.key == "networks":
            children: list[Any] = [{str(escape.text(labels["pages"]["networks_all"])): page.src}]
            for network in view.charter.networks:
                view.here = view.src("network", network.id)
                label = view.network_label(network)
                markdown = env.get_template("network.md.j2").render(
                    page="network", title=label, network=network, **common)
                network_page = RenderedPage(view.here, str(escape.text(label)),
                                            _finished(markdown, view),
                                            view.slug, edit_url)
                pages.append(network_page)
                children.append({network_page.title: network_page.src})
            nav.append({page.title: children})
        else:
            nav.append({page.title: page.src})
    return pages, nav


def check_page_path(src: str, *, suffix: str = ".md") -> None:
    """Refuse a page path that could land outside the site folder (``../``, ``/x``, ``C:``).

    Paths are made of the site slug and ids the schema restricts to [a-z0-9-]; this
    is the last wall, for a model built without validation.
    """
    parts = src.split("/")
    if not src.endswith(suffix) or not all(
            part not in ("", ".", "..") and re.fullmatch(r"[A-Za-z0-9._-]+", part)
            for part in parts):
        raise ValueError(f"unsafe page path {src!r}: pages stay inside the site folder")


def site_slugs(slugs: Sequence[str]) -> dict[str, str]:
    """A folder name per charter that is safe in a URL, unique across the portfolio."""
    out: dict[str, str] = {}
    used: set[str] = set()
    for slug in slugs:
        safe = re.sub(r"[^a-z0-9._-]+", "-", slug.lower()).strip("-._") or "charter"
        candidate, n = safe, 2
        while candidate in used:
            candidate, n = f"{safe}-{n}", n + 1
        used.add(candidate)
        out[slug] = candidate
    return out


_GUILLEMET_OPEN = re.compile(r"«[ \u00a0]")
_GUILLEMET_CLOSE = re.compile(r"[ \u00a0]»")
_HEADING_LINE = re.compile(r"^#{1,6} .*$", re.MULTILINE)
_HIGH_PUNCTUATION = re.compile(r"(?<=[\w»)\]*>]) ([:;!?])(?=\s|$|<)")


def french_spacing(markdown: str) -> str:
    """French typography in charter text too: a narrow no-break space inside guillemets and
    before ; : ! ? so that « Alerte » never breaks before its closing guillemet. Only after
    a word, a closing bracket or tag, or bold text (never in a table's ``| :---: |`` line
    or a URL)."""
    text = _GUILLEMET_OPEN.sub("«\u202f", markdown)
    text = _GUILLEMET_CLOSE.sub("\u202f»", text)
    text = _HIGH_PUNCTUATION.sub("\u202f\\1", text)
    # A heading's entry in the table of contents has its spaces made plain (the toc
    # extension joins its words with ' '), except those written as a character reference.
    return _HEADING_LINE.sub(lambda line: line[0].replace("\u202f", "&#8239;"), text)


SEPARATOR = '<span class="cg-sep" aria-hidden="true">{}</span>'
"""Text between two cells, a label and its value, or two chips, that no browser shows
(the theme hides ``.cg-sep``) but that text taken from the page keeps: search snippets read
"Hours: Monday to Friday · Weekends: No", not "Hours Monday to Friday Weekends No"."""

_TABLE_RULE = re.compile(r"\|(?:\s*:?-+:?\s*\|)+\s*$")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_ENDS_A_SENTENCE = (".", "!", "?", ":", ";", "…")


def search_separators(markdown: str, labels: Any) -> str:
    """Each Markdown table's cells end with a hidden separator: ``·`` between the cells
    of a row and the language's semicolon after its last cell (unless that ends a
    sentence already); see :data:`SEPARATOR`. Spaces stay outside it: a site engine may
    drop those at the end of an element when it takes a page's text."""
    lines = markdown.split("\n")
    between = " " + SEPARATOR.format("·")
    row_end = SEPARATOR.format(str(labels["common"]["semicolon"]).rstrip())
    in_table = False
    for number, line in enumerate(lines):
        if not line.startswith("|"):
            in_table = False
            continue
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _TABLE_RULE.match(line):
            continue
        if not (in_table or _TABLE_RULE.match(following)):
            continue
        in_table = True
        cells = _CELL_BORDER.split(line)
        filled = [i for i, cell in enumerate(cells[1:-1], 1) if cell.strip()]
        for i in filled:
            text = cells[i].rstrip()
            if i != filled[-1]:
                text += between
            elif not text.endswith(_ENDS_A_SENTENCE):
                text += row_end
            cells[i] = text + " "
        lines[number] = "|".join(cells)
    return "\n".join(lines)


def _finished(markdown: str, view: CharterView) -> str:
    """A charter page's Markdown as it goes to the site engine."""
    if view.charter.language == "fr":
        markdown = french_spacing(markdown)
    return _tidy(search_separators(markdown, view.labels))


def _tidy(markdown: str) -> str:
    """No heading with nothing under it, at most one blank line in a row, and one newline
    at the end."""
    return re.sub(r"\n{3,}", "\n\n", _drop_empty_headings(markdown)).strip() + "\n"


_HEADING = re.compile(r"(#{1,6}) \S")


def _drop_empty_headings(markdown: str) -> str:
    """Leave out each Markdown heading followed only by blank lines and then a heading of
    its level or above (or the end of the page): a title over nothing, in the page and in
    its table of contents. Works from the end, so a section whose subsections are all
    empty goes too."""
    lines = markdown.split("\n")
    kept: list[str] = []
    next_level = 1
    """Level of the next kept heading when only blank lines lie between it and this line
    (1 at the end of the page: nothing follows); 0 when content does."""
    fenced = False
    for line in reversed(lines):
        if line.startswith("```"):
            fenced = not fenced
        heading = None if fenced else _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if 0 < next_level <= level:
                continue
            next_level = level
        elif line.strip():
            next_level = 0
        kept.append(line)
    return "\n".join(reversed(kept))


def _finalize(value: Any) -> Any:
    if value is None:
        return ""
    return escape.text(value)


@cache
def environment(user_templates: str) -> Any:
    """The Jinja2 environment over ``user_templates`` (may be "") and the built-in templates,
    one per folder for the process (``environment.cache_clear()`` forgets them)."""
    import jinja2

    loaders: list[jinja2.BaseLoader] = []
    if user_templates:
        loaders.append(jinja2.FileSystemLoader(user_templates))
    loaders.append(jinja2.FileSystemLoader(str(TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    env.filters["text"] = escape.text
    env.filters["prose"] = escape.prose
    env.filters["paragraphs"] = escape.lines
    env.filters["mermaid"] = escape.mermaid_label
    env.filters["fill"] = lambda label, **values: escape.fill(str(label), **values)
    env.filters["safe_id"] = _safe_id
    env.filters["tel"] = lambda phone: re.sub(r"[^0-9+]", "", str(phone))
    env.filters["json"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    env.globals["Markup"] = Markup
    return env


def _bytecode_cache() -> Any:
    """Compiled templates kept between runs (compiling them all takes about 0.6 s).

    Jinja's per-user folder in the temporary directory, which it creates private
    and refuses when another user owns it; a template whose text changed is
    compiled again. None (compile every run) where no such folder can be had.
    """
    import jinja2

    try:
        return jinja2.FileSystemBytecodeCache(pattern="chartergen-%s.cache")
    except (OSError, RuntimeError):
        return None


def _safe_id(value: Any) -> str:
    """An HTML id made only of safe characters (ids from the charter already are)."""
    return re.sub(r"[^a-zA-Z0-9_-]+", "-", str(value))
