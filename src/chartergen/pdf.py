"""A charter printed to PDF by headless Chromium: a cover, the contents with page numbers,
every page of the charter, and page numbers in the footer.

The site is built for the one charter into a temporary folder with its print page
(``<charter>/print.html``, see :func:`chartergen.render.site.render_print_page`): the
whole charter on one page, under the site's own print styles. Chromium opens it from
disk, with every network request refused, and prints it twice: the first PDF tells on
which page each part starts, the second carries those numbers in the contents.

Needs Chromium (``/usr/bin/chromium``, or ``CHARTERGEN_CHROMIUM``) and the ``pdf``
extra (Playwright and pypdf); :func:`check_tools` says how to get what is missing.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from chartergen.errors import ChartergenError, UsageError
from chartergen.messages import Msg

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
)
MARGINS = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}


@dataclass(frozen=True)
class PrintedCharter:
    path: Path
    pages: int
    company: str


def chromium_path(environ: Mapping[str, str] = os.environ) -> Path:
    """The Chromium to print with: ``CHARTERGEN_CHROMIUM``, else Debian's."""
    return Path(environ.get("CHARTERGEN_CHROMIUM") or CHROMIUM)


def check_tools(chromium: Path) -> None:
    """Refuse to start, saying how to install it, when Chromium or a library is missing."""
    if not chromium.is_file():
        raise UsageError(Msg(
            "chartergen pdf prints with Chromium, and there is none at {path}. Install it "
            "(Debian or Ubuntu: 'sudo apt-get install chromium'; the project's 'make browser' "
            "does it), or set CHARTERGEN_CHROMIUM to a Chromium or Chrome program.",
            path=chromium))
    try:
        import playwright.sync_api  # noqa: F401
        import pypdf  # noqa: F401
    except ImportError as exc:
        raise UsageError(Msg(
            "chartergen pdf needs Playwright and pypdf ({name} is missing): install chartergen "
            "with its pdf extra (in chartergen's folder: 'make pdf', or pip install -e "
            "'.[pdf]')", name=exc.name)) from None


def print_charter(charter_file: Path, out: Path, *, today: dt.date,
                  chromium: Path | None = None, public: bool = False,
                  overwrite: bool = False, engine: Any = None) -> PrintedCharter:
    """Print the charter in ``charter_file`` to the PDF file ``out``.

    ``public``: the version to publish (as ``chartergen build --public``). An existing
    ``out`` is replaced only with ``overwrite``; it is written in one step either way.
    ``engine``: the site engine's adapter that builds the print page (MkDocs' if None).
    """
    from chartergen.edit.atomic import write_atomic

    chromium = chromium or chromium_path()
    check_tools(chromium)
    with tempfile.TemporaryDirectory(prefix="chartergen-pdf-") as folder:
        if engine is None:
            from chartergen import engines

            engine = engines.load(engines.DEFAULT)
        site = engine.print_site(charter_file, Path(folder), today, public=public)
        pages = list(site.glob("*/print.html"))
        if len(pages) != 1:  # pragma: no cover - the plugin adds one per charter
            raise ChartergenError(Msg("the print page of {path} was not built",
                                      path=charter_file))
        data, company = _print(pages[0], site, chromium)
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, data, overwrite=overwrite)
    from pypdf import PdfReader

    return PrintedCharter(out, len(PdfReader(io.BytesIO(data)).pages), company)


def _print(page_file: Path, site: Path, chromium: Path) -> tuple[bytes, str]:
    """The PDF of the print page, and the company's name."""
    from playwright.sync_api import Error, sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(chromium),
                                                 args=list(CHROMIUM_ARGS))
            try:
                return _print_with(browser, page_file, site)
            finally:
                browser.close()
    except Error as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
        raise ChartergenError(Msg("Chromium could not print the charter: {reason}",
                                  reason=first_line)) from None


def _print_with(browser: Any, page_file: Path, site: Path) -> tuple[bytes, str]:
    from chartergen.i18n import label

    context = browser.new_context()
    # The page and its assets come from the site on disk; nothing else may be fetched.
    inside = site.as_uri() + "/"
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(
        inside) else route.abort())
    page = context.new_page()
    page.goto(page_file.as_uri(), wait_until="load")
    page.emulate_media(media="print")
    page.evaluate("() => document.fonts.ready.then(() => true)")

    facts = page.evaluate(_FACTS)
    language = facts["language"] if facts["language"] in ("en", "fr") else "en"
    company = facts["company"]
    page.evaluate("title => { document.title = title; }",
                  label(language, "site.print.title").replace("{company}", company))
    page.evaluate(_LINKS, {"page": page_file.as_uri(), "parts": _part_files(page_file, site)})

    options = {
        "format": "A4", "print_background": True, "margin": MARGINS, "outline": True,
        "tagged": True, "display_header_footer": True, "header_template": "<span></span>",
        "footer_template": _footer(company, facts["version"], language),
    }
    first = page.pdf(**options)
    numbers = _part_numbers(first, facts["parts"])
    page.evaluate(_NUMBERS, numbers)
    return page.pdf(**options), company


def _part_files(page_file: Path, site: Path) -> dict[str, str]:
    """Each page of the charter (its file, from the site's root) and its part on the print page.

    Read from the print page's own table of contents: a part's id is ``part-<page>``
    or ``part-network-<id>``.
    """
    from chartergen.render.pages import PAGES
    from chartergen.render.site import PRINT_LEAVES_OUT

    folder = page_file.parent.relative_to(site).as_posix()
    files = {f"{folder}/{spec.file.removesuffix('.md')}.html": f"part-{spec.key}"
             for spec in PAGES if spec.key not in PRINT_LEAVES_OUT}
    for network in (page_file.parent / "networks").glob("*.html"):
        if network.stem != "index":
            files[f"{folder}/networks/{network.name}"] = f"part-network-{network.stem}"
    return files


def _part_numbers(pdf: bytes, parts: list[str]) -> dict[str, int]:
    """The page (counted from 1) each part starts on, from the PDF's named destinations."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    destinations = reader.named_destinations
    numbers = {}
    for part in parts:
        destination = destinations.get(f"/{part}") or destinations.get(part)
        number = (reader.get_destination_page_number(destination)
                  if destination is not None else None)
        if number is not None:
            numbers[part] = number + 1
    return numbers


def _footer(company: str, version: str, language: str) -> str:
    """Chromium's footer: the charter and its version on the left, "Page n of m" on the right."""
    from chartergen.i18n import label

    left = html.escape(" · ".join(
        part for part in (company, label(language, "site.print.kind"), version.strip()) if part))
    right = (html.escape(label(language, "site.print.page_of"))
             .replace("{page}", '<span class="pageNumber"></span>')
             .replace("{pages}", '<span class="totalPages"></span>'))
    return (
        '<div style="box-sizing:border-box;width:100%;padding:0 14mm;display:flex;'
        "justify-content:space-between;font-family:'DejaVu Sans','Liberation Sans',"
        f'Arial,sans-serif;font-size:7.5pt;color:#555"><span>{left}</span>'
        f"<span>{right}</span></div>"
    )


_FACTS = """() => ({
    language: document.documentElement.lang,
    company: (document.querySelector(".cg-cover__company") || {}).textContent || "",
    version: (document.querySelector(".cg-cover .cg-meta__version") || {}).textContent || "",
    parts: Array.from(document.querySelectorAll("[data-cg-page-of]"),
                      e => e.getAttribute("data-cg-page-of")),
})"""

# Links to other pages of the charter lead to their part (or heading) in the PDF;
# links to pages that are not printed (the home page, how to propose a change) lose
# their target and stay as text. Links to the web, mail and phone stay.
_LINKS = """({page, parts}) => {
    const here = new URL(page);
    const root = new URL("../", here);
    const ids = new Set(Array.from(document.querySelectorAll("[id]"), e => e.id));
    for (const link of document.querySelectorAll(".md-content a[href]")) {
        const url = new URL(link.getAttribute("href"), here);
        if (url.protocol !== "file:") continue;
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (url.pathname === here.pathname) continue;
        const part = parts[url.pathname.slice(root.pathname.length)];
        if (!part) link.removeAttribute("href");
        else link.setAttribute("href", "#" + (ids.has(fragment) ? fragment : part));
    }
}"""

_NUMBERS = """numbers => {
    for (const cell of document.querySelectorAll("[data-cg-page-of]")) {
        const number = numbers[cell.getAttribute("data-cg-page-of")];
        cell.textContent = number ? String(number) : "";
    }
}"""
