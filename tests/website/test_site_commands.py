"""chartergen render, build and the MkDocs plugin at the repository root, as users run them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitetools import CHARTERS, ROOT, TODAY, parse

from chartergen.cli import cli

BAD_CHARTER = "format: 1\ncompany:\n  name: Bad\n  language: de\n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CHARTERGEN_TODAY": TODAY}
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def rendered(module_tmp: Path) -> Path:
    out = module_tmp / "rendered"
    result = CliRunner().invoke(cli, ["render", str(CHARTERS), "--out", str(out),
                                      "--today", TODAY])
    assert result.exit_code == 0, result.output
    return out


def test_render_writes_markdown_a_theme_and_a_plain_mkdocs_yml(rendered: Path):
    assert (rendered / "docs" / "index.md").is_file()
    assert (rendered / "docs" / "hartwell-pumps" / "crisis.md").is_file()
    assert (rendered / "theme" / "main.html").is_file()
    assert (rendered / "theme" / "assets" / "chartergen" / "mermaid.min.js").is_file()
    assert not (rendered / "theme" / "__init__.py").exists()
    config = (rendered / "mkdocs.yml").read_text()
    assert "chartergen" not in config.split("plugins:")[1].split("markdown_extensions")[0]
    assert "font: false" in config


def test_rendered_folder_builds_with_plain_mkdocs(rendered: Path):
    result = run(["mkdocs", "build", "--strict"], cwd=rendered)
    assert result.returncode == 0, result.stderr
    soup = parse(rendered / "site" / "cidrerie-du-bocage" / "crisis.html")
    assert soup.html["lang"] == "fr"
    # the site keeps the default name: a French page names it in French
    assert "Chartes réseaux sociaux" in soup.select_one("header").get_text()
    assert "Social-media charters" not in soup.select_one("header").get_text()
    assert soup.select_one("pre.mermaid") is not None
    # like 'chartergen build': opened from disk, search works, and nothing comes from a CDN
    scripts = [tag["src"] for tag in soup.select("script[src]")]
    assert "../assets/chartergen/iframe-worker.min.js" in scripts
    assert not [src for src in scripts if src.startswith(("http:", "https:", "//"))]
    # each page's header in its own language, as with 'chartergen build'
    header = soup.select_one(".md-header__topic .md-ellipsis")
    assert header is not None and header.get_text(strip=True) == "Chartes réseaux sociaux"
    home = parse(rendered / "site" / "index.html").select_one(".md-header__topic .md-ellipsis")
    assert home is not None and home.get_text(strip=True) == "Social-media charters"
    # search stems English and French words, through chartergen's worker
    index = json.loads((rendered / "site" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["en", "fr"]
    assert "stemmer" in index["config"]["pipeline"]
    assert "workers/chartergen-search.js?search." in str(soup.select_one("#__config"))
    # every link leads to a file of the site: the pages' own HTML links are written for
    # the mkdocs.yml's page addresses (no directory URLs), as are MkDocs' own
    broken = set()
    for page in (rendered / "site").rglob("*.html"):
        for tag in parse(page).select("a[href]"):
            href = str(tag["href"]).split("#")[0]
            if not href or href.startswith(("http:", "https:", "mailto:", "tel:")):
                continue
            if not (page.parent / href).is_file():
                broken.add(f"{page.relative_to(rendered / 'site')}: {href}")
    assert sorted(broken) == []


def test_render_twice_gives_identical_pages(rendered: Path, tmp_path: Path):
    again = tmp_path / "again"
    result = CliRunner().invoke(cli, ["render", str(CHARTERS), "--out", str(again),
                                      "--today", TODAY])
    assert result.exit_code == 0
    first = {p.relative_to(rendered / "docs"): p.read_bytes()
             for p in (rendered / "docs").rglob("*.md")}
    second = {p.relative_to(again / "docs"): p.read_bytes() for p in (again / "docs").rglob("*.md")}
    assert first == second


def test_render_refuses_a_folder_it_did_not_write(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["render", str(CHARTERS), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "is not empty and was not written by chartergen render" in result.output
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_render_public_writes_the_calendar_of_a_charter_that_keeps_no_other_page(
        tmp_path: Path):
    # a one-charter site's overview is the home page; a public build of a charter holding
    # only its name keeps no other page in the charter's folder, but its calendar
    charter = tmp_path / "acme.yaml"
    charter.write_text("format: 1\ncompany:\n  name: Acme\n  language: en\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(charter), "--out", str(out), "--public",
                                      "--today", TODAY])
    assert result.exit_code == 0, result.output
    assert sorted(p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*")
                  if p.is_file()) == ["acme/calendar.ics", "index.md"]


def test_render_reports_invalid_charters_like_validate(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_CHARTER)
    validate = CliRunner().invoke(cli, ["validate", str(bad)])
    result = CliRunner().invoke(cli, ["render", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    first_line = validate.output.splitlines()[0]
    assert first_line in result.output
    assert not (tmp_path / "out").exists()


def test_mkdocs_build_at_the_repository_root(tmp_path: Path):
    site = tmp_path / "site"
    result = run(["mkdocs", "build", "--strict", "--site-dir", str(site)], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    # mkdocs.yml uses Material's offline plugin: page URLs end in .html
    assert (site / "hartwell-pumps" / "crisis.html").is_file()
    # the project's own documentation (docs/) is not part of the charter site
    assert not (site / "charter-format").exists() and not (site / "performance").exists()
    assert not list(site.glob("*.md"))


def test_build_with_an_invalid_charter_fails_with_the_validate_report(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
        ".git", "site", ".venv", "tests", "src", "docs", "benchmarks", "*.egg-info"))
    (project / "charters" / "bad.yaml").write_text(BAD_CHARTER)
    validate = run(["chartergen", "validate", "charters/bad.yaml"], cwd=project)
    expected = next(line for line in validate.stdout.splitlines() if "bad.yaml:" in line)
    result = run(["mkdocs", "build"], cwd=project)
    assert result.returncode == 1
    # MkDocs logs the same file:line:col line (validate colours its location on a terminal)
    plain = expected.replace("\x1b[1m", "").replace("\x1b[0m", "").replace("\x1b[31m", "")
    assert plain.split(": error: ")[0] in result.stderr
    assert plain.split(": error: ")[1] in result.stderr
    assert not (project / "site").exists()
    cli_result = run(["chartergen", "build"], cwd=project)
    assert cli_result.returncode == 1
    assert "charters/bad.yaml:4:13: error:" in cli_result.stderr
    # the site a failed build leaves in place is never said to be cleaned away, nor the
    # temporary folder named as where the site goes
    assert "Cleaning site directory" not in cli_result.stderr
    assert "Building documentation" not in cli_result.stderr


def test_chartergen_build_without_mkdocs_yml_uses_the_default_configuration(tmp_path: Path):
    shutil.copytree(CHARTERS, tmp_path / "charters")
    result = run(["chartergen", "build", "--site-dir", "out", "-q"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    soup = parse(tmp_path / "out" / "northwind-studio" / "index.html")
    assert soup.select_one("article h1").get_text().rstrip("¶") == "Overview · Northwind Studio"
    assert "site written to out/" in result.stderr


def test_chartergen_build_usage_errors(tmp_path: Path):
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "does not exist" in result.output
    for command in (["build"], ["serve"], ["render", str(CHARTERS), "--out", str(tmp_path / "x")],
                    ["pdf", str(CHARTERS / "hartwell-pumps.yaml")]):
        result = CliRunner().invoke(cli, [*command, "--today", "23/11/2026"])
        assert result.exit_code == 2, command
        assert "--today must be a date written YYYY-MM-DD, not '23/11/2026'" in result.output
    assert not (tmp_path / "x").exists()


def test_serve_watches_the_charters_folder():
    from chartergen.engines.mkdocs.plugin import CharterPlugin

    class Server:
        def __init__(self) -> None:
            self.watched: list[str] = []

        def watch(self, path: str) -> None:
            self.watched.append(path)

    plugin = CharterPlugin()
    plugin.load_config({"charters": "charters"})
    plugin._charters_path = CHARTERS
    server = Server()
    plugin.on_serve(server, config=None, builder=None)  # type: ignore[arg-type]
    assert server.watched == [str(CHARTERS)]


def test_edit_url_comes_from_github_actions_or_gitlab_ci():
    from chartergen.engines.mkdocs.plugin import ci_edit_url

    github = {"GITHUB_SERVER_URL": "https://github.com", "GITHUB_REPOSITORY": "acme/charters",
              "GITHUB_REF_NAME": "main"}
    assert ci_edit_url(github) == "https://github.com/acme/charters/edit/main/{path}"
    gitlab = {"CI_PROJECT_URL": "https://gitlab.example/acme/charters",
              "CI_COMMIT_REF_NAME": "main"}
    assert ci_edit_url(gitlab) == "https://gitlab.example/acme/charters/-/edit/main/{path}"
    assert ci_edit_url({}) == ""


def test_serve_public_and_today_reach_every_rebuild(monkeypatch: pytest.MonkeyPatch):
    from chartergen.engines.mkdocs import serving

    seen: dict[str, str | None] = {}

    def fake_serve(*args, **kwargs):  # type: ignore[no-untyped-def]
        import os

        seen.update({name: os.environ.get(name)
                     for name in ("CHARTERGEN_PUBLIC", "CHARTERGEN_TODAY")})

    for name in ("CHARTERGEN_PUBLIC", "CHARTERGEN_TODAY"):
        monkeypatch.setenv(name, "")  # restored (unset) after the test: serve sets them
        monkeypatch.delenv(name)
    monkeypatch.setattr(serving, "serve", fake_serve)
    monkeypatch.chdir(CHARTERS.parent)
    result = CliRunner().invoke(cli, ["serve", "--public", "--today", "2026-11-23"])
    assert result.exit_code == 0, result.output
    assert seen == {"CHARTERGEN_PUBLIC": "1", "CHARTERGEN_TODAY": "2026-11-23"}


def test_a_failed_build_says_why_in_plain_words_without_colour_codes(tmp_path: Path):
    (tmp_path / "charters").mkdir()
    text = (CHARTERS / "hartwell-pumps.yaml").read_text(encoding="utf-8")
    (tmp_path / "charters" / "hartwell-pumps.yaml").write_text(
        text.replace("format: 1", "format: 3"), encoding="utf-8")
    result = run(["chartergen", "build"], cwd=tmp_path)  # stderr is a pipe, not a terminal
    assert result.returncode == 1
    assert "charters/hartwell-pumps.yaml:10:9: error: format 3 is not supported" in result.stderr
    assert result.stderr.endswith("chartergen: the site was not built (the errors above say "
                                  "why)\n")
    assert "\x1b[" not in result.stderr and "BuildError" not in result.stderr
    assert not (tmp_path / "site").exists()


def test_mkdocs_reasons_to_stop_are_put_in_plain_words():
    from mkdocs.exceptions import Abort

    from chartergen.errors import abort_reason

    assert abort_reason(Abort("Aborted with a BuildError!")) == "the errors above say why"
    assert abort_reason(Abort("Aborted with 1 warnings in strict mode!")) == (
        "1 warning above, and --strict")
    assert abort_reason(Abort("Aborted with 3 warnings, 1 errors in strict mode!")) == (
        "3 warnings above, and --strict")


def test_a_running_serve_answers_with_the_problems_when_a_charter_breaks(tmp_path: Path):
    # the whole command, as a user runs it: before, a failed rebuild left every request
    # waiting until the charter was fixed
    import socket
    import time
    import urllib.request

    (tmp_path / "charters").mkdir()
    charter = tmp_path / "charters" / "hartwell-pumps.yaml"
    good = (CHARTERS / "hartwell-pumps.yaml").read_text(encoding="utf-8")
    charter.write_text(good, encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/hartwell-pumps/crisis.html"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    log = tmp_path / "serve.log"
    with log.open("wb") as stream:
        server = subprocess.Popen([sys.executable, "-m", "chartergen", "serve", "charters",
                                   "-a", f"127.0.0.1:{port}", "--today", TODAY], cwd=tmp_path,
                                  env=env, stdout=subprocess.DEVNULL, stderr=stream)

    def page_with(text: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert server.poll() is None, log.read_text()
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode("utf-8")
                if text in body:
                    return body
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"no page with {text!r} within {timeout} s")

    try:
        page_with("Catherine Doyle")
        charter.write_text(good.replace("format: 1", "format: 3"), encoding="utf-8")
        body = page_with("This charter has problems", timeout=30)
        assert "hartwell-pumps.yaml:10:9: error: format 3 is not supported" in body
        charter.write_text(good, encoding="utf-8")
        assert "This charter has problems" not in page_with("Catherine Doyle", timeout=30)
        assert "hartwell-pumps.yaml:10:9: error: format 3" in log.read_text()  # and in the terminal
    finally:
        server.terminate()
        server.wait(timeout=30)
