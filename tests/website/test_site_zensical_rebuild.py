"""``build --engine zensical`` after charters changed: only their pages are built again,
and the site is byte for byte what a full build gives."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from sitetools import CHARTERS, chartergen_build

pytest.importorskip("zensical")

EDITED = "hartwell-pumps"
"""The charter edited: the middle one, so both of its neighbours are kept pages."""
OTHER = "northwind-studio"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The examples in a project folder of their own (the current folder)."""
    shutil.copytree(CHARTERS, tmp_path / "charters")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("CHARTERGEN_CACHE", raising=False)
    return tmp_path


def zensical(site: str, monkeypatch: pytest.MonkeyPatch, *, cache: bool = True) -> Path:
    with monkeypatch.context() as patch:
        if not cache:
            patch.setenv("CHARTERGEN_CACHE", "off")
        result = chartergen_build("charters", "--engine", "zensical", "--site-dir", site)
    assert result.exit_code == 0, result.output
    return Path(site)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes()
            for p in sorted(site.rglob("*")) if p.is_file()}


def inode(path: Path) -> int:
    return os.stat(path).st_ino


def edit(project: Path, old: str, new: str, charter: str = EDITED) -> None:
    path = project / "charters" / f"{charter}.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


EDITS = {
    # a sentence on the charter's pages only
    "pages": ("  purpose: |\n", "  purpose: |\n    Read again in December.\n"),
    # the owner named on the home page too
    "home": ("holder: Fiona Marsh", "holder: Fiona Marsh-Reid"),
}


@pytest.mark.parametrize("change", sorted(EDITS))
def test_a_rebuild_after_an_edit_is_the_full_build_and_reuses_the_other_pages(
        project: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    site = zensical("site", monkeypatch)
    before = files(site)
    kept = inode(site / OTHER / "crisis.html")
    edit(project, *EDITS[change])

    zensical("site", monkeypatch)
    full = zensical("full", monkeypatch, cache=False)

    assert files(site) == files(full)
    changed = {name for name, data in files(site).items() if before.get(name) != data}
    assert f"{EDITED}/index.html" in changed
    assert ("index.html" in changed) == (change == "home")
    assert not any(name.startswith(f"{OTHER}/") for name in changed)
    # the other charters' pages were taken from the last site, not built again
    assert inode(site / OTHER / "crisis.html") == kept


def test_a_new_charter_name_changes_the_navigation_and_is_a_full_build(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = zensical("site", monkeypatch)
    kept = inode(site / OTHER / "crisis.html")
    edit(project, "  name: Hartwell Pumps Ltd", "  name: Hartwell Pumps Limited")

    zensical("site", monkeypatch)

    assert inode(site / OTHER / "crisis.html") != kept
    assert files(site) == files(zensical("full", monkeypatch, cache=False))


def test_a_site_changed_by_hand_is_built_again_in_full(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = zensical("site", monkeypatch)
    page = site / OTHER / "crisis.html"
    page.write_text("changed by hand", encoding="utf-8")
    edit(project, *EDITS["pages"])

    zensical("site", monkeypatch)

    assert "changed by hand" not in page.read_text(encoding="utf-8")
    assert files(site) == files(zensical("full", monkeypatch, cache=False))


def test_without_an_edit_the_rebuild_is_the_same_site(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = zensical("site", monkeypatch)
    before = files(site)
    kept = inode(site / EDITED / "index.html")

    zensical("site", monkeypatch)

    assert files(site) == before
    assert inode(site / EDITED / "index.html") == kept


@pytest.mark.parametrize("parts", [2, 3])
def test_a_full_build_in_parts_side_by_side_is_the_build_in_one(
        project: Path, monkeypatch: pytest.MonkeyPatch, parts: int) -> None:
    from chartergen.engines.zensical import engine, incremental

    joined: list[int] = []
    join = incremental.join

    def counted(built: list[Path], plans: list[incremental.Plan], building: Path) -> None:
        joined.append(len(plans))
        join(built, plans, building)

    monkeypatch.setattr(incremental, "join", counted)
    monkeypatch.setattr(engine, "processes", lambda: parts)
    monkeypatch.setattr(incremental, "SPLIT_FROM", 1)  # the examples' 62 pages, in parts
    split = zensical("split", monkeypatch, cache=False)
    assert joined == [parts]

    monkeypatch.setattr(incremental, "SPLIT_FROM", 1_000_000)
    whole = zensical("whole", monkeypatch, cache=False)
    assert joined == [parts]
    assert files(split) == files(whole)


@pytest.mark.parametrize("strict", [False, True])
def test_a_build_in_parts_checks_the_links_of_the_joined_site(
        project: Path, monkeypatch: pytest.MonkeyPatch, strict: bool) -> None:
    """Zensical's own link check is left out of the parts (in a part, a page of another
    part would not exist): chartergen checks the joined site's links instead."""
    import posixpath
    from dataclasses import replace

    from click.testing import CliRunner
    from sitetools import TODAY

    from chartergen.cli import cli
    from chartergen.engines.zensical import engine, incremental

    monkeypatch.setattr(engine, "processes", lambda: 2)
    monkeypatch.setattr(incremental, "SPLIT_FROM", 1)
    render_checked = engine.render_checked
    marked: list[str] = []

    def with_links(*args: object, **kwargs: object) -> object:
        site, valid = render_checked(*args, **kwargs)  # type: ignore[arg-type]
        sections = [incremental.section_pages(item) for item in site.nav]
        first, last = sections[1][0], sections[-1][-1]  # in the first part, in the last
        to_first = posixpath.relpath(first, posixpath.dirname(last))
        marked.append(first[: -len(".md")] + ".html")
        added = {first: "\n\n## Joined here\n",
                 last: (f"\n\n[across]({to_first}#joined-here) [nowhere](missing.md) "
                        f"[no place]({to_first}#no-such-place)\n")}
        pages = tuple(replace(page, markdown=page.markdown + added.get(page.src, ""))
                      for page in site.pages)
        return replace(site, pages=pages), valid

    monkeypatch.setattr(engine, "render_checked", with_links)
    result = CliRunner().invoke(cli, ["build", "charters", "--today", TODAY, "--engine",
                                      "zensical", "--site-dir", "site",
                                      *(["--strict"] if strict else [])])
    said = [line for line in result.output.splitlines()
            if "leads to no" in line]
    assert len(said) == 2, result.output
    assert "missing." in said[0] and "leads to no page of the site" in said[0]
    assert "#no-such-place" in said[1] and "leads to no place on that page" in said[1]
    if strict:
        assert result.exit_code == 1
        assert "some links lead to no page or place (--strict)" in result.output
        assert not Path("site").exists()
    else:
        assert result.exit_code == 0, result.output
        assert all(line.startswith("WARNING") for line in said)
        assert 'id="joined-here"' in (Path("site") / marked[0]).read_text(encoding="utf-8")
