"""chartergen pdf: a charter printed by headless Chromium, read back with pypdf.

The command runs in a subprocess: it drives its own Playwright, which cannot share a
thread with the tests' browser.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from e2etools import ROOT, SCREENSHOTS, TODAY

from chartergen.cli import cli


def chartergen(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "chartergen", *args], cwd=cwd,
                          capture_output=True, text=True, check=False,
                          env={**os.environ, **env}, timeout=300)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def hartwell(tmp_path_factory: pytest.TempPathFactory,
             request: pytest.FixtureRequest) -> tuple[Path, str]:
    """The example charter printed through each site engine's print page."""
    out = tmp_path_factory.mktemp(f"pdf-{request.param}") / "hartwell.pdf"
    result = chartergen("pdf", "hartwell-pumps", "--out", str(out), "--today", TODAY,
                        "--engine", request.param)
    assert result.returncode == 0, result.stderr
    if request.param == "mkdocs":
        SCREENSHOTS.mkdir(exist_ok=True)
        (SCREENSHOTS / "hartwell-pumps.pdf").write_bytes(out.read_bytes())
    return out, result.stderr


def test_the_charter_is_printed_with_a_cover_contents_and_page_numbers(hartwell):
    from pypdf import PdfReader

    path, message = hartwell
    reader = PdfReader(path)
    pages = [flat(page.extract_text()) for page in reader.pages]
    assert message.strip().endswith(f"Hartwell Pumps Ltd, {len(pages)} pages")
    assert 20 <= len(pages) <= 60
    assert reader.metadata.title == "Hartwell Pumps Ltd: social-media charter"

    cover = pages[0]
    for expected in ("SOCIAL-MEDIA CHARTER", "Hartwell Pumps Ltd",
                     "Industrial pump design and manufacturing", "Version 3.1",
                     "Printed on 23 November 2026", "Internal (staff only)"):
        assert expected in cover, expected
    for number, text in enumerate(pages, start=1):
        assert text.endswith(f"Page {number} of {len(pages)}"), number
        assert "Hartwell Pumps Ltd · Social-media charter · Version 3.1" in text

    contents = pages[1].split(" Hartwell Pumps Ltd · ")[0]  # the footer left out
    assert contents.startswith("Contents")
    entries = dict((name.strip(" ."), int(page)) for name, page in
                   re.findall(r"([A-Z][A-Za-z ()]+?)[ .]*(\d+)", contents.removeprefix("Contents")))
    assert list(entries)[:4] == ["Overview", "Scope", "Strategy", "Networks"]
    assert "How to propose a change" not in entries
    assert {"LinkedIn", "YouTube", "Crisis playbook", "Checklist"} <= set(entries)
    # each part starts on the page the contents give, on a page of its own
    for name, page in entries.items():
        assert pages[page - 1].startswith(name), (name, page, pages[page - 1][:60])
    crisis = pages[entries["Crisis playbook"] - 1]
    assert "CALL FIRST" in crisis and "+44 1632 960102" in crisis
    assert "Before a crisis" not in crisis  # the card has its sheet
    assert "Score: 100 / 100" in pages[entries["Checklist"] - 1]


def test_the_pdf_has_bookmarks_and_no_link_to_the_temporary_site(hartwell):
    from pypdf import PdfReader

    reader = PdfReader(hartwell[0])
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles[:3] == ["Overview", "Scope", "Strategy"]
    uris = [annotation.get_object().get("/A", {}).get("/URI", "")
            for page in reader.pages for annotation in page.get("/Annots") or []]
    assert uris and not [uri for uri in uris if str(uri).startswith("file:")]
    assert "tel:+441632960102" in uris
    assert len(reader.named_destinations) >= 15  # contents and cross-references


def test_a_french_charter_is_printed_in_french(tmp_path: Path):
    from pypdf import PdfReader

    out = tmp_path / "cidrerie.pdf"
    result = chartergen("pdf", "charters/cidrerie-du-bocage.yaml", "-o", str(out),
                        "--today", TODAY)
    assert result.returncode == 0, result.stderr
    reader = PdfReader(out)
    first, second = (flat(reader.pages[n].extract_text()) for n in (0, 1))
    assert "CHARTE DES RÉSEAUX SOCIAUX" in first and "Imprimée le 23 novembre 2026" in first
    assert second.startswith("Sommaire") and "Gestion de crise" in second
    assert first.endswith(f"Page 1 sur {len(reader.pages)}")


def test_without_chromium_pdf_exits_2_saying_how_to_install_it(tmp_path: Path):
    result = CliRunner().invoke(cli, ["pdf", str(ROOT / "charters" / "hartwell-pumps.yaml"),
                                      "-o", str(tmp_path / "x.pdf")],
                                env={"CHARTERGEN_CHROMIUM": str(tmp_path / "no-chromium")})
    assert result.exit_code == 2
    assert result.output == (
        f"chartergen: chartergen pdf prints with Chromium, and there is none at "
        f"{tmp_path / 'no-chromium'}. Install it (Debian or Ubuntu: 'sudo apt-get install "
        "chromium'; the project's 'make browser' does it), or set CHARTERGEN_CHROMIUM to a "
        "Chromium or Chrome program.\n")
    assert not (tmp_path / "x.pdf").exists()


def test_pdf_names_the_charters_to_choose_from(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["pdf"])
    assert result.exit_code == 2
    assert result.output == ("chartergen: charters/ holds 3 charters: name the one to print "
                             "(cidrerie-du-bocage, hartwell-pumps, northwind-studio)\n")
    result = CliRunner().invoke(cli, ["pdf", "acme"])
    assert result.exit_code == 2
    assert "no charter 'acme' in charters/: give a charter file, or one of: " in result.output


def test_an_invalid_charter_is_not_printed(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\ncompany:\n  name: Bad\n  language: xx\n", encoding="utf-8")
    result = chartergen("pdf", str(bad), "-o", str(tmp_path / "bad.pdf"), cwd=tmp_path)
    assert result.returncode == 1
    assert "bad.yaml:4:" in result.stderr
    assert "chartergen: the charter was not printed" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "bad.pdf").exists()


def test_an_existing_pdf_is_left_alone_without_force(tmp_path: Path):
    existing = tmp_path / "hartwell.pdf"
    existing.write_bytes(b"a PDF the user keeps")
    result = CliRunner().invoke(cli, ["pdf", str(ROOT / "charters" / "hartwell-pumps.yaml"),
                                      "-o", str(existing)])
    assert result.exit_code == 2
    assert "hartwell.pdf' already exists: add --force to replace it, or choose another " \
        "file with --out" in result.output
    assert existing.read_bytes() == b"a PDF the user keeps"


def test_public_pdf_replaces_with_force_and_leaves_out_people(tmp_path: Path, hartwell):
    from pypdf import PdfReader

    internal = " ".join(flat(page.extract_text()) for page in PdfReader(hartwell[0]).pages)
    out = tmp_path / "hartwell.pdf"
    out.write_bytes(b"an older print")
    result = chartergen("pdf", "hartwell-pumps", "--public", "--force", "--out", str(out),
                        "--today", TODAY)
    assert result.returncode == 0, result.stderr
    public = " ".join(flat(page.extract_text()) for page in PdfReader(out).pages)
    assert "Catherine Doyle" in internal and "Catherine Doyle" not in public
    assert "Level 3 – Serious" in public  # the policy itself is printed
    assert not list(tmp_path.glob(".hartwell.pdf.*"))  # no temporary file left behind
