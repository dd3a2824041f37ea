"""The typed model, generated from the schema and built by walking it: the same objects as the
field-by-field ``build()`` it replaced, on every valid charter of the repository and its tests.

The golden files were written by that ``build()``; a field added since is in them once
``CHARTERGEN_UPDATE_GOLDEN=1 python -m pytest tests/schema/test_model.py`` rewrote them (check
the diff adds only that field). Since the classes are generated, their attributes are in the
schema's order (required fields of an entry first).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest

from chartergen import model
from chartergen.errors import has_errors
from chartergen.model import generate
from chartergen.pipeline import validate_files

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden" / "model"
UPDATE = os.environ.get("CHARTERGEN_UPDATE_GOLDEN") == "1"
CHARTERS = sorted(p for folder in ("charters", "tests") for p in (ROOT / folder).rglob("*.y*ml")
                  if "node_modules" not in p.parts and GOLDEN not in p.parents)


def _valid() -> list[tuple[str, Any]]:
    found = []
    for path, document, diagnostics in validate_files(CHARTERS):
        if document is not None and not has_errors(diagnostics):
            found.append((path.relative_to(ROOT).as_posix(), document))
    return found


VALID = _valid()


def canonical(value: Any, indent: str = "") -> str:
    """The object one attribute a line, sets in order: stable across runs, readable in a diff."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        inner = indent + "  "
        lines = [f"{inner}{f.name}={canonical(getattr(value, f.name), inner)}"
                 for f in dataclasses.fields(value)]
        return f"{type(value).__name__}(\n" + "\n".join(lines) + f"\n{indent})"
    if isinstance(value, tuple) and value:
        inner = indent + "  "
        return "(\n" + "\n".join(f"{inner}{canonical(v, inner)}," for v in value) + f"\n{indent})"
    if isinstance(value, frozenset):
        return repr(sorted(value))
    return repr(value)


def test_the_repository_holds_valid_charters_to_compare():
    names = [name for name, _ in VALID]
    assert "charters/hartwell-pumps.yaml" in names
    assert len(names) >= 10


@pytest.mark.parametrize(("name", "document"), VALID, ids=[name for name, _ in VALID])
def test_the_model_is_what_the_field_by_field_build_made(name: str, document: Any):
    built = canonical(model.build(document.data, document.slug, document.path))
    golden = GOLDEN / (name.replace("/", "__") + ".txt")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(built + "\n", encoding="utf-8")
    assert built + "\n" == golden.read_text(encoding="utf-8")


def test_a_class_that_no_longer_mirrors_the_schema_is_refused(monkeypatch: pytest.MonkeyPatch):
    @dataclasses.dataclass(frozen=True)
    class Drills:
        last: Any = None

    model._plan.cache_clear()
    try:
        with pytest.raises(TypeError, match=r"Drills and the schema at crisis.drills differ: "
                                            r"fields without an attribute \['cadence'\]"):
            model._plan(Drills, "crisis.drills")
    finally:
        model._plan.cache_clear()


def test_the_committed_classes_are_generated_from_the_schema():
    assert generate.OUTPUT.read_text(encoding="utf-8") == generate.render(), (
        "src/chartergen/model/classes.py is stale: run 'python -m chartergen.model.generate' "
        "and commit it"
    )


def test_a_field_added_to_the_schema_is_an_attribute_of_its_class(
        monkeypatch: pytest.MonkeyPatch):
    from chartergen.schema.fields import flag

    drills = generate.SCHEMA["crisis"]["schema"]["drills"]
    grown = {**drills, "schema": {**drills["schema"], "online": flag("Whether it is online.")}}
    crisis = generate.SCHEMA["crisis"]
    monkeypatch.setitem(generate.SCHEMA, "crisis", {
        **crisis, "schema": {**crisis["schema"], "drills": grown}})
    text = generate.render()
    assert text != generate.OUTPUT.read_text(encoding="utf-8")
    drills_class = text[text.index("class Drills"):text.index("@dataclass", text.index(
        "class Drills"))]
    assert 'online: bool | None = None\n    """Whether it is online."""' in drills_class
