"""The two ways in: the fast path for clean files, the strict path for located problems."""

from __future__ import annotations

from pathlib import Path

import pytest

from chartergen.loader import _strict_load, load_text

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "charters").glob("*.yaml"))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_fast_and_strict_paths_read_the_same_data(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = load_text(text, path.name)
    strict = _strict_load(text, path.name)
    assert fast.document is not None and strict.document is not None
    assert fast.document.data == strict.document.data


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_clean_examples_take_the_fast_path(path: Path) -> None:
    # the strict (round-trip) loader is several times slower: a clean charter,
    # Markdown emphasis and lists included, must not need it
    document = load_text(path.read_text(encoding="utf-8"), path.name).document
    assert document is not None
    assert document._tree is None


def test_markdown_in_block_text_stays_on_the_fast_path() -> None:
    text = ("format: 1\ncompany:\n  name: Acme\n  language: en\n  description: |\n"
            "    **Bold** start\n    * a list item\n    & more ! text\n")
    document = load_text(text, "acme.yaml").document
    assert document is not None and document._tree is None
    assert document.data["company"]["description"].startswith("**Bold** start\n* a list")


def test_scalar_alias_is_refused_like_a_collection_alias() -> None:
    result = load_text("format: 1\na: &x hello\nb: *x\n", "acme.yaml")
    assert result.document is None
    assert [d.code for d in result.diagnostics] == ["anchor", "alias"]


def test_an_empty_value_is_located_at_its_key_not_the_next_one() -> None:
    text = ("format: 1\ncompany:\n  name: A\n  language: en\nstrategy:\n  purpose:\n"
            "  coordination:\naudiences:\nobjectives:\n")
    document = load_text(text, "acme.yaml").document
    assert document is not None
    assert document.locate(("strategy", "purpose")) == (6, 3)
    assert document.locate(("strategy", "coordination")) == (7, 3)
    assert document.locate(("audiences",)) == (8, 1)
    assert document.locate(("objectives",)) == (9, 1)


def test_a_tab_after_a_colon_is_refused_with_its_own_advice() -> None:
    result = load_text("format: 1\ncompany:\n  name:\tAcme\n  language: en\n", "acme.yaml")
    assert result.document is None
    (problem,) = result.diagnostics
    assert (problem.line, problem.col) == (3, 8)
    assert problem.message.endswith("replace the tab with a space")
