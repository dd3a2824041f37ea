"""A Zensical build after a few charters changed: only their pages are built again.

Zensical's own cache still lays out every page again (about 14 s for 100
charters with nothing changed), so ``chartergen build --engine zensical``
keeps, for each site folder, what its last build was made of (a manifest in
the user's cache folder: each page's Markdown hash, the configuration, the
navigation, chartergen's and Zensical's versions, and every file it wrote into
the site, with its size, time and inode).

When the next build has the same pages, navigation and configuration, and the
site folder still holds exactly what that build wrote, Zensical builds a
project of only the top-level sections (charters) holding a changed page, plus
short stand-ins for the pages the rebuilt pages point to through the
navigation (the home page, and the neighbours that "previous" and "next" lead
to): so each rebuilt page comes out as a full build writes it. Every other
file of the site is linked (or copied) from the current site, the search index
takes the rebuilt pages' entries in place of their old ones, and the whole is
swapped in as any build is. Anything else (a page added or removed, a
changed setting, a site folder changed by hand) is a full build. A test
compares an incremental build with a full one, byte for byte.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from chartergen.render.site import RenderedSite

VERSION = 1
MANIFEST = "manifest.json"
SEARCH = ("search.json", "search.js")
SEARCH_JS = "var __index = "


def cache_root() -> Path | None:
    """The user's cache folder for chartergen, or None when ``CHARTERGEN_CACHE=off``."""
    if os.environ.get("CHARTERGEN_CACHE", "").lower() in ("off", "0", "no"):
        return None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "chartergen"


def state_folder(site_dir: Path) -> Path | None:
    """Where the last build of ``site_dir`` is described (None: keep nothing)."""
    root = cache_root()
    if root is None:
        return None
    ident = hashlib.sha256(f"zensical\0{site_dir}".encode()).hexdigest()[:32]
    return root / "sites" / ident


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def inputs(site: RenderedSite, settings: dict[str, Any], code: str,
           extra: Iterable[Any] = ()) -> dict[str, Any]:
    """What a build with these ``mkdocs.yml`` settings is made of, as the manifest keeps
    it."""
    from chartergen.render.config import theme_dir

    theme = []
    for current, folders, names in os.walk(theme_dir()):
        folders.sort()
        for name in sorted(names):
            info = os.stat(os.path.join(current, name))
            theme.append(f"{current}/{name}:{info.st_size}:{info.st_mtime_ns}")
    import zensical

    return {
        "version": VERSION,
        "code": code,
        "engine": str(getattr(zensical, "__version__", "")) or _zensical_version(),
        "theme": _sha("\n".join(theme)),
        "config": _sha(json.dumps(settings, sort_keys=True, default=str)),
        "nav": _sha(json.dumps(site.nav, sort_keys=True)),
        "extra": _sha(json.dumps(list(extra), default=str)),
        "pages": {page.src: _sha(page.markdown) for page in site.pages},
        "files": {file.src: _sha(file.content) for file in site.files},
    }


def _zensical_version() -> str:
    from importlib import metadata

    return metadata.version("zensical")


def stamps(site_folder: Path) -> dict[str, list[int]]:
    """Each file in the site (top-level dot entries aside): size, time and inode."""
    found: dict[str, list[int]] = {}
    for current, folders, names in os.walk(site_folder):
        if current == str(site_folder):
            folders[:] = [f for f in folders if not f.startswith(".")]
            names = [n for n in names if not n.startswith(".")]
        for name in names:
            path = os.path.join(current, name)
            info = os.lstat(path)
            found[os.path.relpath(path, site_folder)] = [
                info.st_size, info.st_mtime_ns, info.st_ino]
    return found


def load(folder: Path | None) -> dict[str, Any] | None:
    if folder is None:
        return None
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("version") == VERSION else None


def save(folder: Path | None, made: dict[str, Any], site_folder: Path) -> None:
    """Describe the build just swapped in at ``site_folder``."""
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        data = {**made, "site": stamps(site_folder)}
        part = folder / (MANIFEST + f".{os.getpid()}.part")
        part.write_text(json.dumps(data), encoding="utf-8")
        os.replace(part, folder / MANIFEST)
    except OSError:
        forget(folder)


def forget(folder: Path | None) -> None:
    """The next build is a full one (the site is about to change in another way)."""
    if folder is not None:
        with contextlib.suppress(OSError):
            (folder / MANIFEST).unlink(missing_ok=True)


class Unplaced(Exception):
    """A rebuilt page has search entries where it had none: a full build places them."""


@dataclass
class Plan:
    """What an incremental build rebuilds."""

    pages: set[str]
    """The pages (docs paths) built again, with their Markdown."""
    stand_ins: dict[str, str]
    """Pages only the navigation needs: their path, and a short Markdown for each."""
    nav: list[Any]
    files: set[str]
    """Files besides pages (calendars) written again."""


def plan(site: RenderedSite, made: dict[str, Any], last: dict[str, Any] | None,
         site_folder: Path) -> Plan | None:
    """What to rebuild, or None for a full build."""
    if last is None:
        return None
    for key in ("code", "engine", "theme", "config", "nav", "extra"):
        if last.get(key) != made[key]:
            return None
    if set(last.get("pages", {})) != set(made["pages"]):
        return None
    if set(last.get("files", {})) != set(made["files"]):
        return None
    try:
        if stamps(site_folder) != last.get("site"):
            return None  # changed since it was built, or another build's site
    except OSError:
        return None
    changed = {src for src, sha in made["pages"].items() if last["pages"][src] != sha}
    files = {src for src, sha in made["files"].items() if last["files"][src] != sha}
    sections = [section_pages(item) for item in site.nav]
    rebuilt = [i for i, leaves in enumerate(sections) if changed & set(leaves)]
    return sections_plan(site, rebuilt, files)


def sections_plan(site: RenderedSite, rebuilt: list[int], files: set[str]) -> Plan:
    """A build of the top-level sections ``rebuilt`` (their places in the navigation) and
    the ``files``, with the stand-ins that their pages' navigation needs."""
    sections = [section_pages(item) for item in site.nav]
    home = next((i for i, leaves in enumerate(sections) if leaves == ["index.md"]), None)
    pages: set[str] = set()
    wanted: set[str] = set()
    for i in rebuilt:
        pages.update(sections[i])
        if i > 0:
            wanted.add(sections[i - 1][-1])
        if i + 1 < len(sections):
            wanted.add(sections[i + 1][0])
    if home is not None:
        wanted.add("index.md")  # charter pages link home through the navigation
        if home in rebuilt:  # the home page lists every section
            wanted.update(leaves[0] for leaves in sections)
    wanted -= pages
    nav = []
    for i, item in enumerate(site.nav):
        if i in rebuilt:
            nav.append(item)
            continue
        kept = [leaf for leaf in sections[i] if leaf in wanted]
        if not kept:
            continue
        (title, value), = item.items()
        if isinstance(value, str):
            nav.append(item)
        else:
            titles = _titles(item)
            nav.append({title: [{titles[leaf]: leaf} for leaf in kept]})
    by_src = {page.src: page.markdown for page in site.pages}
    return Plan(pages, {src: stand_in(by_src[src]) for src in wanted}, nav, files)


SPLIT_FROM = 150
"""A full build of at least this many pages is cut in parts built side by side
(:func:`split`); below, starting a second Zensical costs more than it saves."""


def split(site: RenderedSite, parts: int) -> list[Plan] | None:
    """A full build cut into ``parts`` builds of consecutive top-level sections, with about
    as many pages each, to run side by side (one per core): each builds its own sections
    with the stand-ins its navigation needs, as a rebuild after an edit does, so its pages
    come out as a whole build writes them; :func:`join` puts the parts together. The first
    part has the home page and the files (calendars). None when the site is too small."""
    sections = [section_pages(item) for item in site.nav]
    total = sum(len(leaves) for leaves in sections)
    if parts < 2 or total < SPLIT_FROM or len(sections) < parts:
        return None
    groups: list[list[int]] = [[]]
    done = 0
    for index, leaves in enumerate(sections):
        if done >= total * len(groups) / parts and len(groups) < parts:
            groups.append([])
        groups[-1].append(index)
        done += len(leaves)
    if len(groups) < 2:
        return None
    files = {file.src for file in site.files}
    return [sections_plan(site, group, files if n == 0 else set())
            for n, group in enumerate(groups)]


def join(built: list[Path], parts: list[Plan], building: Path) -> None:
    """The whole site in ``building``, from the sites ``built`` by the ``parts`` of
    :func:`split`: each page from the part that built it (not a stand-in), the rest from the
    first part, and one search index. Every other file must be the same in each part; one
    that differs raises :class:`Unplaced` (a whole build then makes the site)."""
    import filecmp

    owner = {_html(src): n for n, part in enumerate(parts) for src in part.pages}
    first = built[0]
    for current, _folders, names in os.walk(first):
        relative = os.path.relpath(current, first)
        (building / relative).mkdir(exist_ok=True)
        for name in names:
            path = os.path.normpath(os.path.join(relative, name))
            if path not in SEARCH and owner.get(path, 0) == 0:
                os.replace(first / path, building / path)
    for n, site in enumerate(built[1:], 1):
        for current, _folders, names in os.walk(site):
            relative = os.path.relpath(current, site)
            for name in names:
                path = os.path.normpath(os.path.join(relative, name))
                if path in SEARCH or owner.get(path, n) != n:
                    continue
                if path in owner:
                    (building / path).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(site / path, building / path)
                elif not (building / path).is_file() or not filecmp.cmp(
                        site / path, building / path, shallow=False):
                    raise Unplaced(path)
    missing = sorted(path for path in owner if not (building / path).is_file())
    if missing:
        raise Unplaced(missing[0])
    _join_search(built, parts, building)


def _join_search(built: list[Path], parts: list[Plan], building: Path) -> None:
    """One search index from the parts': each page's entries from the part that built
    it, the pages in the order a whole build gives them (MkDocs' order of files)."""
    found: dict[str, list[Any]] = {}
    head: dict[str, Any] | None = None
    for site, part in zip(built, parts, strict=True):
        data = json.loads((site / "search.json").read_text(encoding="utf-8"))
        rest = {key: value for key, value in data.items() if key != "items"}
        if head is None:
            head = rest
        elif rest != head:
            raise Unplaced("search.json")
        own = {_html(src): src for src in part.pages}
        for entry in data["items"]:
            page = entry["location"].split("#")[0]
            if page in own:
                found.setdefault(own[page], []).append(entry)
    assert head is not None
    items = [entry for src in sorted(found, key=_file_order) for entry in found[src]]
    text = json.dumps({**head, "items": items}, ensure_ascii=False, separators=(",", ":"))
    (building / "search.json").write_text(text, encoding="utf-8")
    (building / "search.js").write_text(f"{SEARCH_JS}{text};", encoding="utf-8")


def _file_order(src: str) -> tuple[Any, ...]:
    """Where a page's entries go in the search index (MkDocs' ``file_sort_key``: a folder's
    index page first, sub-folders after the pages)."""
    *folders, name = src.split("/")
    return (folders, name not in ("index.md", "README.md"), name)


def section_pages(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item]
    if isinstance(item, dict):
        return [leaf for value in item.values() for leaf in section_pages(value)]
    if isinstance(item, list):
        return [leaf for child in item for leaf in section_pages(child)]
    return []


def _titles(item: Any, found: dict[str, str] | None = None) -> dict[str, str]:
    found = {} if found is None else found
    if isinstance(item, dict):
        for title, value in item.items():
            if isinstance(value, str):
                found[value] = title
            else:
                _titles(value, found)
    elif isinstance(item, list):
        for child in item:
            _titles(child, found)
    return found


def stand_in(markdown: str) -> str:
    """A page's front matter and title only: what other pages take from it."""
    lines = markdown.splitlines(keepends=True)
    head: list[str] = []
    if lines and lines[0].strip() == "---":
        end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            head = lines[: end + 1]
            lines = lines[end + 1:]
    title = next((line for line in lines if line.startswith("# ")), "")
    return "".join(head) + "\n" + title


def assemble(site_folder: Path, built: Path, building: Path, todo: Plan) -> None:
    """The new site in ``building``: the rebuilt pages from ``built`` (Zensical's output),
    the rest linked from ``site_folder``, and the search index with the rebuilt entries."""
    fresh = {_html(src) for src in todo.pages} | todo.files
    search = SEARCH if todo.pages else ()
    for current, folders, names in os.walk(site_folder):
        relative = os.path.relpath(current, site_folder)
        if relative == ".":
            folders[:] = [f for f in folders if not f.startswith(".")]
            names = [n for n in names if not n.startswith(".")]
        target = building / relative
        target.mkdir(exist_ok=True)
        for name in names:
            path = os.path.normpath(os.path.join(relative, name))
            if path in fresh or path in search:
                continue
            _link(Path(current) / name, target / name)
    for path in sorted(fresh):
        source = built / path
        (building / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, building / path)
    if todo.pages:
        search_replaced(site_folder, built, building, {_html(src) for src in todo.pages})


def _html(src: str) -> str:
    return src[: -len(".md")] + ".html"


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system (a mounted site folder), or no links there
        shutil.copy2(source, target)


def search_replaced(site_folder: Path, built: Path, building: Path, pages: set[str]) -> None:
    """search.json and search.js: the old entries, those of rebuilt pages replaced."""
    old = json.loads((site_folder / "search.json").read_text(encoding="utf-8"))
    new = json.loads((built / "search.json").read_text(encoding="utf-8"))
    fresh: dict[str, list[Any]] = {}
    for entry in new["items"]:
        fresh.setdefault(entry["location"].split("#")[0], []).append(entry)
    items: list[Any] = []
    done: set[str] = set()
    for entry in old["items"]:
        page = entry["location"].split("#")[0]
        if page not in pages:
            items.append(entry)
        elif page not in done:
            done.add(page)
            items.extend(fresh.get(page, []))
    if set(fresh) & pages - done:  # a rebuilt page had no entry before: where would it go?
        raise Unplaced(sorted(set(fresh) & pages - done)[0])
    text = json.dumps({**new, "items": items}, ensure_ascii=False, separators=(",", ":"))
    (building / "search.json").write_text(text, encoding="utf-8")
    (building / "search.js").write_text(f"{SEARCH_JS}{text};", encoding="utf-8")
