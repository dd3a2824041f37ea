"""Message catalogues: every message written in the code is said in every language."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

import chartergen
from chartergen.messages import ENGLISH, Msg, catalogue, languages, plural, trimmed

SOURCE = Path(chartergen.__file__).parent


def templates_in_code() -> dict[str, str]:
    """Every English template given to Msg() or plural() in the package, with its file."""
    found: dict[str, str] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id == "Msg":
                strings = node.args[:1]
            elif node.func.id == "plural":
                strings = node.args[1:3]
            else:
                continue
            for arg in strings:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.setdefault(arg.value, path.name)
    return found


def _fields(template: str) -> set[str]:
    return {name for _text, name, _spec, _conv in string.Formatter().parse(template) if name}


OTHER_LANGUAGES = [language for language in languages() if language != ENGLISH]


def test_there_is_a_language_besides_english() -> None:
    assert "fr" in OTHER_LANGUAGES


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    missing = sorted(set(templates_in_code()) - set(catalogue(language)))
    assert not missing, f"{len(missing)} messages have no {language} text: {missing[:5]}"


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_translation_of_a_message_the_code_no_longer_says(language: str) -> None:
    stale = sorted(set(catalogue(language)) - set(templates_in_code()))
    assert not stale


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_translations_fill_the_same_values(language: str) -> None:
    wrong = [english for english, said in catalogue(language).items()
             if _fields(english) != _fields(said)]
    assert not wrong


def test_a_message_is_its_english_text_and_says_itself_in_french() -> None:
    message = Msg("'{field}' is missing from {where}; it is required", field="name",
                  where=Msg("the charter"))
    assert message == "'name' is missing from the charter; it is required"
    assert message.say("fr") == "« name » manque dans la charte ; il est obligatoire"
    assert message.say("en") == message


def test_a_hint_said_alone_loses_its_separator_in_every_language() -> None:
    hint = trimmed(Msg("; did you mean '{name}'?", name="owner"))
    assert hint == "did you mean 'owner'?"
    assert hint.say("fr") == "vouliez-vous dire « owner » ?"


def test_plural_picks_the_form_by_count() -> None:
    assert plural(1, "{count} error", "{count} errors") == "1 error"
    assert plural(3, "{count} error", "{count} errors").say("fr") == "3 erreurs"
    # French says none and one in the singular
    assert plural(0, "{count} warning", "{count} warnings") == "0 warnings"
    assert plural(0, "{count} warning", "{count} warnings").say("fr") == "0 avertissement"
    assert plural(1, "{count} error", "{count} errors").say("fr") == "1 erreur"
    assert plural(2, "{count} error", "{count} errors").say("fr") == "2 erreurs"


@pytest.mark.parametrize(("language", "options", "loaded"), [
    ("en", [], 0),
    ("fr", ["--format", "json"], 0),  # a valid charter, nothing said
    ("fr", [], 1),  # the summary line, in French
])
def test_a_catalogue_is_read_only_when_there_is_something_to_say(
        tmp_path: Path, language: str, options: list[str], loaded: int) -> None:
    import subprocess
    import sys

    charter = tmp_path / "acme.yaml"
    charter.write_text(f"format: 1\ncompany:\n  name: Acme\n  language: {language}\n",
                       encoding="utf-8")
    probe = (
        "import sys, chartergen.messages as m\n"
        "from chartergen.cli import main\n"
        "try:\n    main(['validate', *sys.argv[1:]])\n"
        "except SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
        "print(m.catalogue.cache_info().currsize)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *options, str(charter)],
                            capture_output=True, text=True, check=True,
                            env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
    assert result.stdout.strip().splitlines()[-1] == str(loaded)


def test_no_message_in_the_code_is_a_formatted_english_string_left_behind() -> None:
    # a message built with an f-string cannot be translated: the checks below name the
    # modules whose every message a person reads
    modules = ["loader.py", "schema/structure.py", "schema/crossref.py", "schema/types.py"]
    for name in modules:
        text = (SOURCE / name).read_text("utf-8")
        assert not re.search(r"raise ValueError\(\s*f\"", text), name
