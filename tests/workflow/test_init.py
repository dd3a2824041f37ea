"""chartergen init: a starter charter that validates, guides in the user's language, never
overwrites."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from chartergen.cli import cli
from chartergen.edit.fmt import format_text
from chartergen.edit.template import MODELINE, starter_charter
from chartergen.i18n import catalogue
from chartergen.loader import load_text
from chartergen.schema import validate
from chartergen.schema.charter import SCHEMA
from chartergen.schema.jsonschema import json_schema, render


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


@pytest.mark.parametrize("language", ["en", "fr"])
def test_starter_charter_validates_as_it_is(language: str) -> None:
    text = starter_charter(language=language, company="Acme")
    loaded = load_text(text, "acme.yaml")
    assert loaded.diagnostics == []
    assert loaded.document is not None
    assert validate(loaded.document) == []
    assert list(Draft7Validator(json_schema()).iter_errors(loaded.document.data)) == []


@pytest.mark.parametrize("language", ["en", "fr"])
def test_starter_charter_has_every_section_and_no_invented_data(language: str) -> None:
    text = starter_charter(language=language, company="Acme")
    document = load_text(text, "acme.yaml").document
    assert document is not None
    assert list(document.data) == list(SCHEMA)
    assert document.data["format"] == 1
    # every field of the company section, in the schema's order, and only the two given
    assert list(document.data["company"]) == list(SCHEMA["company"]["schema"])
    assert {k: v for k, v in document.data["company"].items() if v is not None} == {
        "name": "Acme", "language": language,
    }
    assert document.data["document"]["status"] == "draft"

    def filled(value: object, path: tuple[str, ...]) -> list[tuple[str, ...]]:
        if isinstance(value, dict):
            return [p for k, v in value.items() for p in filled(v, (*path, k))]
        return [] if value is None else [path]

    assert filled(document.data, ()) == [
        ("format",), ("company", "name"), ("company", "language"), ("document", "status"),
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_starter_charter_is_already_canonical(language: str) -> None:
    text = starter_charter(language=language, company="Acme")
    assert not format_text(text, "acme.yaml").changed


def test_guidance_is_in_the_chosen_language() -> None:
    english = starter_charter(language="en", company="Acme")
    french = starter_charter(language="fr", company="Acme")
    assert english.splitlines()[0] == MODELINE
    assert french.splitlines()[0] == MODELINE
    assert "# Guards against mistake 7 (image left unmanaged).\nstaff:" in english
    assert "# Évite l'erreur 7 (une image mal protégée).\nstaff:" in french
    assert "# Social-media charter of Acme, started with \"chartergen init\"." in english
    assert "# Charte réseaux sociaux pour Acme, créée avec « chartergen init »." in french
    assert "  next_review:  # date: YYYY-MM-DD\n" in english
    assert "  next_review:  # date : AAAA-MM-JJ\n" in french


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_section_has_guidance_naming_its_mistakes(language: str) -> None:
    text = starter_charter(language=language, company="Acme")
    guarded = {section: rule["meta"].get("guards", ()) for section, rule in SCHEMA.items()}
    assert sum(map(bool, guarded.values())) == len(SCHEMA) - 4  # all but format, company,
    for section, mistakes in guarded.items():                  # internal and notes
        block = re.search(rf"((?:^#.*\n)+){section}:", text, re.MULTILINE)
        assert block, section
        for number in mistakes:
            assert re.search(rf"\b{number} \(", block.group(1)), (section, number)


def test_guidance_catalogues_have_the_same_keys() -> None:
    def keys(node: object, prefix: str = "") -> set[str]:
        if isinstance(node, dict):
            return {k for key, value in node.items() for k in keys(value, f"{prefix}{key}.")}
        return {prefix}

    assert keys(catalogue("en")["init"]) == keys(catalogue("fr")["init"])
    assert set(catalogue("en")["init"]["sections"]) == set(SCHEMA)


def test_a_template_entry_uncommented_and_filled_in_validates() -> None:
    text = starter_charter(language="en", company="Acme")
    start = text.index("networks:\n") + len("networks:\n")
    block = text[start:text.index("\n\n", start)]
    entry = "\n".join(line.replace("# ", "", 1) for line in block.splitlines())
    entry = entry.replace("- id:", "- id: linkedin", 1).replace(
        "  platform:  #", "  platform: linkedin  #", 1
    )
    loaded = load_text(text[:start] + entry + text[start + len(block):], "acme.yaml")
    assert loaded.document is not None
    assert loaded.document.data["networks"][0]["platform"] == "linkedin"
    assert validate(loaded.document) == []


# -- the command ---------------------------------------------------------------------------


def test_init_writes_the_charter_and_the_schema(tmp_path: Path) -> None:
    folder = tmp_path / "charters"
    result = run("init", "acme-france", "--lang", "fr", "--company", "Acme France",
                 "--dir", str(folder))
    assert result.exit_code == 0, result.output
    charter = folder / "acme-france.yaml"
    assert result.stdout == (  # a French charter: init speaks French
        f"fichier créé : {charter}\nfichier créé : {folder / 'charter.schema.json'}\n"
    )
    assert charter.read_text(encoding="utf-8") == starter_charter(
        language="fr", company="Acme France"
    )
    assert (folder / "charter.schema.json").read_text(encoding="utf-8") == render()
    assert run("validate", str(charter)).exit_code == 0
    assert run("fmt", "--check", str(charter)).exit_code == 0


def test_company_defaults_to_the_name(tmp_path: Path) -> None:
    assert run("init", "acme-france", "--dir", str(tmp_path)).exit_code == 0
    assert "  name: Acme France\n" in (tmp_path / "acme-france.yaml").read_text()


def test_init_never_overwrites(tmp_path: Path) -> None:
    charter = tmp_path / "acme.yaml"
    charter.write_text("format: 1\n# my work\n", encoding="utf-8")
    result = run("init", "acme", "--dir", str(tmp_path))
    assert result.exit_code == 2  # a usage error: the command, not a charter, is wrong
    assert result.stderr == (
        f"chartergen: {charter} already exists; init never replaces a charter "
        "(add --force to start it again from scratch)\n"
    )
    assert charter.read_text(encoding="utf-8") == "format: 1\n# my work\n"


def test_init_does_not_shadow_a_yml_charter(tmp_path: Path) -> None:
    (tmp_path / "acme.yml").write_text("format: 1\n", encoding="utf-8")
    result = run("init", "acme", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert "acme.yml already exists" in result.stderr
    assert not (tmp_path / "acme.yaml").exists()


def test_force_replaces_the_charter(tmp_path: Path) -> None:
    charter = tmp_path / "acme.yaml"
    charter.write_text("old\n", encoding="utf-8")
    result = run("init", "acme", "--force", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert charter.read_text(encoding="utf-8").startswith(MODELINE)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize(
    "name", ["Acme", "acme_france", "acme france", "acme.france", "acme-", "acmé", "../acme", ""]
)
def test_bad_names_are_refused(name: str, tmp_path: Path) -> None:
    result = run("init", name, "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        f"chartergen: '{name}' cannot name a charter: the name is also the charter's address "
        "on the site, so use lowercase letters, digits and hyphens, e.g. acme-france\n"
    )
    assert list(tmp_path.iterdir()) == []


def test_name_with_extension_gets_a_hint(tmp_path: Path) -> None:
    result = run("init", "acme.yaml", "--dir", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == (
        "chartergen: give the charter's name without '.yaml': chartergen init acme\n"
    )


def test_existing_schema_is_never_overwritten(tmp_path: Path) -> None:
    schema = tmp_path / "charter.schema.json"
    schema.write_text("{}\n", encoding="utf-8")
    result = run("init", "acme", "--dir", str(tmp_path))
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}\n"
    assert f"note: {schema} differs from this version of chartergen" in result.stderr


def test_the_closing_advice_is_in_the_chosen_language(tmp_path: Path) -> None:
    french = run("init", "acme-france", "--lang", "fr", "--dir", str(tmp_path))
    charter = tmp_path / "acme-france.yaml"
    assert french.stderr == (
        f"Ensuite\u202f: complétez {charter}, puis lancez «\u202fchartergen validate "
        f"{charter}\u202f» et «\u202fchartergen check {charter}\u202f».\n")
    english = run("init", "acme-uk", "--dir", str(tmp_path))
    charter = tmp_path / "acme-uk.yaml"
    assert english.stderr == (
        f"Next: fill in {charter}, then run 'chartergen validate {charter}' and "
        f"'chartergen check {charter}'.\n")


def test_a_read_only_folder_is_said_in_plain_words(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from chartergen.edit import atomic

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(30, "Read-only file system")

    # a read-only folder, even for a user (root) whom permissions do not stop
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["init", "acme", "--lang", "en"])
    assert result.exit_code == 1
    assert result.output == ("chartergen: cannot write in the folder 'charters': read-only file "
                             "system; make the folder writable, or choose another one with "
                             "--dir\n")
    assert list((tmp_path / "charters").iterdir()) == []
