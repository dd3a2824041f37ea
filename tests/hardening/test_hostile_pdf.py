"""``chartergen pdf`` on a hostile charter: markup printed as text, no script, no file read.

Chromium prints the charter's print page from disk; if charter text could become
markup there, a script could read local files into the PDF. The command runs in a
subprocess (it drives its own Playwright), then the PDF is read back with pypdf.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from chartergen.pdf import chromium_path

from .test_hostile_site import hostile_yaml

pytestmark = pytest.mark.skipif(not chromium_path().is_file(), reason="needs Chromium")


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    (folder / "charters").mkdir()
    (folder / "charters" / "evil.yaml").write_text(hostile_yaml(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "chartergen", "pdf", "evil", "--out", "evil.pdf", "--today",
         "2026-11-23"], cwd=folder, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    return folder / "evil.pdf"


def test_markup_is_printed_as_text(printed: Path) -> None:
    from pypdf import PdfReader

    text = re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(
        printed).pages))
    assert '<script>alert("cg")</script>' in text
    assert "{{ 7*7 }}" in text and "49" not in text.replace("2049", "")
    assert "root:x:0:0" not in text  # <iframe src=file:///etc/passwd> stayed text


def test_the_pdf_holds_no_script_and_no_dangerous_link(printed: Path) -> None:
    from pypdf import PdfReader

    raw = printed.read_bytes()
    for name in (b"/JavaScript", b"/JS ", b"/JS(", b"/Launch", b"/SubmitForm", b"/ImportData",
                 b"/EmbeddedFile"):
        assert name not in raw, name
    for page in PdfReader(printed).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None:
                uri = str(action.get_object().get("/URI", ""))
                assert not uri.lower().startswith(("javascript:", "data:", "file:")), uri
