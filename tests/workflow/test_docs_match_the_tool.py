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


_NAMED_PATH = re.compile(r"`((?:src/chartergen|tests|theme|benchmarks)/[^`\s<*]*)`")
_NAME_IN_FILE = re.compile(
    r"`([A-Za-z_][A-Za-z0-9_]*)` (?:in|mark in) `(src/chartergen/[^`]+\.py)`")
_GENERATED = ("tests/e2e/screenshots/",)  # written by the browser tests


@pytest.mark.parametrize("page", ["README.md", *sorted(p.name for p in DOCS.glob("*.md"))])
def test_every_file_and_name_the_docs_point_at_exists(page: str) -> None:
    # a contributor following the README looked for src/chartergen/model.py (now a
    # package) and for MISTAKES_OF in edit/template.py (now a mark in the schema)
    text = (ROOT / page if page == "README.md" else DOCS / page).read_text(encoding="utf-8")
    missing = [path for path in _NAMED_PATH.findall(text)
               if path not in _GENERATED and not (ROOT / path).exists()]
    assert not missing, f"{page} points at files that do not exist: {missing}"
    for name, path in _NAME_IN_FILE.findall(text):
        source = (ROOT / path).read_text(encoding="utf-8")
        assert re.search(rf"\b{name}\b", source), f"{page}: no {name} in {path}"


def test_the_readme_steps_for_a_new_field_name_the_generators_the_tests_use() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    steps = readme[readme.index("**Adding a field to the charter format.**"):]
    steps = steps[:steps.index("\n\n", steps.index("Then `make test`"))]
    for command in ("python -m chartergen.model.generate",
                    "python -m chartergen.schema.reference > docs/charter-format.md",
                    "chartergen schema --out charters/charter.schema.json --force",
                    "CHARTERGEN_UPDATE_GOLDEN=1"):
        assert command in " ".join(steps.split()), command
    # the messages of the staleness tests name the same commands
    model_test = (ROOT / "tests" / "schema" / "test_model.py").read_text(encoding="utf-8")
    reference_test = (ROOT / "tests" / "schema" / "test_reference.py").read_text(encoding="utf-8")
    assert "python -m chartergen.model.generate" in model_test
    assert "CHARTERGEN_UPDATE_GOLDEN" in model_test
    assert "python -m chartergen.schema.reference > docs/charter-format.md" in reference_test
