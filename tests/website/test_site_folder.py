"""Nothing lost: a build deletes only what a build wrote, and a failed build changes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import FIXTURES, build, chartergen_build, write_project

from chartergen import sitedir
from chartergen.cli import cli
from chartergen.sitedir import MARKER


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("site_dir", "message"), [
    (".", "the site folder '.' is the current folder, which a build would delete; "
          "choose another site folder with --site-dir"),
    ("..", "holds the current folder ('.'), which a build would delete"),
    ("charters", "the site folder 'charters' is the charters folder, which a build would delete"),
    ("charters/site", "the site folder 'charters/site' is inside the charters folder "
                      "('charters'); choose another site folder with --site-dir"),
    ("charters/bakery.yaml", "Directory 'charters/bakery.yaml' is a file"),
])
def test_build_refuses_a_site_folder_that_would_delete_the_project(project: Path, site_dir: str,
                                                                  message: str):
    before = snapshot(project)
    result = chartergen_build("--site-dir", site_dir)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert snapshot(project) == before


def test_build_refuses_a_parent_of_the_charters_folder(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch):
    charters = tmp_path / "data" / "charters"
    charters.mkdir(parents=True)
    shutil.copy(FIXTURES / "minimal.yaml", charters / "bakery.yaml")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = chartergen_build(str(charters), "--site-dir", str(tmp_path / "data"))
    assert result.exit_code == 2
    assert f"holds the charters folder ('{charters}')" in result.output


def test_build_refuses_the_project_and_docs_folders_of_a_mkdocs_yml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture):
    config = write_project(tmp_path / "project", {"bakery": FIXTURES / "minimal.yaml"})
    monkeypatch.chdir(tmp_path)
    for site_dir in (config.parent, config.parent / "pages", tmp_path):
        caplog.clear()
        result = chartergen_build("-f", str(config), "--site-dir", str(site_dir))
        assert result.exit_code == 2
        assert "Aborted with a configuration error" in result.output
        # MkDocs refuses a site folder that holds the docs folder, or sits in it
        assert "The 'docs_dir' should not be within the 'site_dir'" in caplog.text or (
            "The 'site_dir' should not be within the 'docs_dir'" in caplog.text)
    assert (config.parent / "charters" / "bakery.yaml").is_file()


def test_build_refuses_a_folder_holding_files_it_did_not_write(project: Path):
    (project / "site").mkdir()
    (project / "site" / "notes.txt").write_text("mine")
    result = chartergen_build()
    assert result.exit_code == 2
    assert ("the site folder 'site' holds files chartergen did not write (notes.txt; it has "
            f"no list {MARKER} of the files chartergen wrote), which a build would delete: move "
            "them away, or choose another site folder with --site-dir") in result.output
    assert (project / "site" / "notes.txt").read_text() == "mine"


def test_the_marker_lists_what_was_written_and_a_new_build_replaces_only_that(project: Path):
    assert chartergen_build().exit_code == 0
    site = project / "site"
    listed = [line for line in (site / MARKER).read_text().splitlines()
              if not line.startswith("#")]
    assert listed == sorted(p for p in snapshot(site) if p != MARKER)
    assert "bakery/scope.html" in listed

    # a file chartergen did not write is never deleted
    (site / "bakery" / "notes.txt").write_text("mine")
    refused = chartergen_build()
    assert refused.exit_code == 2
    assert "(bakery/notes.txt; they are not in its list .chartergen-site)" in refused.output
    (site / "bakery" / "notes.txt").unlink()

    # hidden entries at the top are kept, as MkDocs keeps them
    (site / ".nojekyll").write_text("")
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref")
    assert chartergen_build().exit_code == 0
    assert (site / ".nojekyll").exists() and (site / ".git" / "HEAD").read_text() == "ref"
    assert not [p for p in project.iterdir() if p.name.startswith(".site.")]


def test_an_interrupted_build_leaves_the_previous_site_intact(project: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    import mkdocs.commands.build as mkdocs_build

    assert chartergen_build().exit_code == 0
    before = snapshot(project / "site")
    shutil.copy(FIXTURES / "minimal.yaml", project / "charters" / "second.yaml")
    built: list[str] = []
    original = mkdocs_build._build_page

    def interrupted(page, *args, **kwargs):  # type: ignore[no-untyped-def]
        if len(built) == 3:
            raise KeyboardInterrupt  # Ctrl+C halfway through writing the pages
        built.append(page.file.src_uri)
        return original(page, *args, **kwargs)

    monkeypatch.setattr(mkdocs_build, "_build_page", interrupted)
    result = chartergen_build()
    assert result.exit_code != 0
    assert len(built) == 3
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["charters", "site"]


def test_a_failed_build_leaves_the_previous_site_intact(project: Path):
    assert chartergen_build().exit_code == 0
    before = snapshot(project / "site")
    (project / "charters" / "broken.yaml").write_text("format: 1\ncompany:\n  language: de\n")
    result = chartergen_build()
    assert result.exit_code == 1
    assert snapshot(project / "site") == before
    assert sorted(p.name for p in project.iterdir()) == ["charters", "site"]


def test_a_new_site_folder_gets_the_permissions_of_any_new_folder(project: Path):
    assert chartergen_build().exit_code == 0
    (project / "probe").mkdir()
    # not the 0700 of a temporary folder: a web server must be able to read the site
    assert (project / "site").stat().st_mode == (project / "probe").stat().st_mode


def test_plain_mkdocs_build_with_the_plugin_refuses_too(tmp_path: Path,
                                                       caplog: pytest.LogCaptureFixture):
    from mkdocs.exceptions import Abort

    config = write_project(tmp_path, {"bakery": FIXTURES / "minimal.yaml"})
    site = tmp_path / "site"
    site.mkdir()
    (site / "notes.txt").write_text("mine")
    with pytest.raises(Abort):
        build(config, site)
    assert "holds files chartergen did not write (notes.txt;" in caplog.text
    assert (site / "notes.txt").read_text() == "mine"
    caplog.clear()
    with pytest.raises(Abort):
        build(config, tmp_path / "charters")
    assert "is the charters folder, which a build would delete" in caplog.text
    assert (tmp_path / "charters" / "bakery.yaml").is_file()

    (site / "notes.txt").unlink()
    build(config, site)
    assert (site / MARKER).is_file()
    build(config, site)  # its own earlier output is replaced without a question


def test_serve_builds_into_its_own_folder_unchecked(tmp_path: Path):
    from mkdocs.config import load_config

    config_file = write_project(tmp_path, {"bakery": FIXTURES / "minimal.yaml"})
    site = tmp_path / "served"
    site.mkdir()
    (site / "anything").write_text("")
    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        config.plugins.on_config(config)  # no refusal
    finally:
        config.plugins.on_startup(command="build", dirty=False)


def test_check_site_dir_accepts_a_new_an_empty_or_its_own_folder(tmp_path: Path):
    sitedir.check_site_dir(tmp_path / "new")
    (tmp_path / "empty").mkdir()
    sitedir.check_site_dir(tmp_path / "empty")
    own = tmp_path / "own"
    (own / "a").mkdir(parents=True)
    (own / "a" / "index.html").write_text("")
    sitedir.write_marker(own)
    sitedir.check_site_dir(own)
    (own / "a" / "other.html").write_text("")
    with pytest.raises(sitedir.UnsafeSiteDir, match=r"\(a/other.html; they are not in its"):
        sitedir.check_site_dir(own)


def test_a_refusal_names_a_few_unknown_files_and_counts_the_rest(tmp_path: Path):
    for n in range(8):
        (tmp_path / f"f{n}.txt").write_text("")
    with pytest.raises(sitedir.UnsafeSiteDir,
                       match=r"\(f0.txt, f1.txt, f2.txt, f3.txt, f4.txt and 3 more;"):
        sitedir.check_site_dir(tmp_path)


def test_init_replaces_a_charter_in_one_step(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from chartergen.edit import atomic

    assert CliRunner().invoke(cli, ["init", "acme", "--dir", str(tmp_path)]).exit_code == 0
    charter = tmp_path / "acme.yaml"
    before = charter.read_bytes()

    def broken_replace(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    result = CliRunner().invoke(cli, ["init", "acme", "--dir", str(tmp_path), "--force",
                                      "--company", "Other"])
    assert result.exit_code != 0
    assert charter.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["acme.yaml", "charter.schema.json"]
