"""Where a page of the docs states a behaviour, the tool behaves so."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from chartergen.cli import cli
from chartergen.edit.fmt import format_text
from chartergen.schema.types import _MINUTES

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def _run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_init_on_an_existing_charter_exits_as_the_workflow_page_says(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stated = re.search(r"An existing charter is never replaced \(exit code (\d)",
                       (DOCS / "workflow.md").read_text(encoding="utf-8"))
    assert stated
    monkeypatch.chdir(tmp_path)
    assert _run("init", "acme").exit_code == 0
    before = (tmp_path / "charters" / "acme.yaml").read_bytes()
    result = _run("init", "acme")
    assert result.exit_code == int(stated.group(1)) == 2
    assert (tmp_path / "charters" / "acme.yaml").read_bytes() == before


@pytest.mark.parametrize("unit", sorted(_MINUTES))
def test_every_duration_unit_is_documented_where_people_write_durations(unit: str) -> None:
    from chartergen.i18n import catalogue

    written = re.compile(rf"\b\d+{unit}\b")
    assert written.search((DOCS / "charter-format.md").read_text(encoding="utf-8"))
    assert written.search((ROOT / "README.md").read_text(encoding="utf-8")) or unit != "wd"
    for language in ("en", "fr"):
        assert written.search(catalogue(language)["init"]["hints"]["duration"]), language


def test_fmt_keeps_phone_numbers_in_quotes_as_the_format_page_asks() -> None:
    assert "in quotes so that YAML keeps it as text" in (
        DOCS / "charter-format.md").read_text(encoding="utf-8")
    text = ("format: 1\ncompany:\n  name: Acme\n  language: en\ncrisis:\n  contacts:\n"
            "    - id: jane\n      name: Jane\n      phone: '+33 1 99 00 01 01'\n"
            "      out_of_hours: +33 6 00 00 00 00\n")
    formatted = format_text(text).formatted
    assert formatted is not None
    assert 'phone: "+33 1 99 00 01 01"' in formatted
    assert 'out_of_hours: "+33 6 00 00 00 00"' in formatted
    assert format_text(formatted).formatted == formatted


def test_schema_out_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "charter.schema.json"
    out.write_text("mine", encoding="utf-8")
    result = _run("schema", "--out", str(out))
    assert result.exit_code == 2
    assert "already exists; add --force to replace it" in result.output
    assert out.read_text(encoding="utf-8") == "mine"
    assert _run("schema", "--out", str(out), "--force").exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("{")


def test_a_mistyped_command_gets_the_closest_one() -> None:
    result = _run("valdate", "charters")
    assert result.exit_code == 2
    assert "no command 'valdate'; did you mean 'validate'?" in result.output
    result = _run("--lang", "fr", "valdate")
    assert "pas de commande « valdate » ; vouliez-vous dire « validate » ?" in result.output
