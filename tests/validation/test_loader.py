"""The two ways in: the fast path for clean files, the strict path for located problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartergen.loader import _strict_load, load_text
from tests.validation.test_fuzz import SOURCES, _mutate

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


CASES = sorted((Path(__file__).resolve().parent / "cases").glob("*.yaml"))

TRICKY = """\
format: 1
# a comment before a section
company:
  name: "Café « Bocage »"   # accents and guillemets before a later column
  description: >
    folded text
    on two lines
  tags: [one, "two", {three: 3}]
  empty:
  'quoted key': |
    literal
      block
networks:
  - id: x
    plain text: a plain scalar
      that goes on
  -   id: padded
  - - nested
    - list
  - ""
"""


def _all_paths(data: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Every path to a value, plus a missing child under each (it resolves to its parent)."""
    found = [path, (*path, "no-such-key"), (*path, 999)]
    if isinstance(data, dict):
        for name, value in data.items():
            found += _all_paths(value, (*path, name))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _all_paths(value, (*path, index))
    return found


def _fast_path_texts() -> dict[str, str]:
    """The examples and corpus files the fast path reads (the others never use it)."""
    texts = {p.stem: p.read_text(encoding="utf-8", errors="replace") for p in EXAMPLES + CASES}
    texts["tricky"] = TRICKY
    return {name: text for name, text in texts.items()
            if (document := load_text(text, "c.yaml").document) is not None
            and document._tree is None}


FAST_PATH_TEXTS = _fast_path_texts()


@pytest.mark.parametrize("text", FAST_PATH_TEXTS.values(), ids=FAST_PATH_TEXTS.keys())
def test_fast_path_locates_every_value_where_the_round_trip_does(text: str) -> None:
    # a clean file is located on composed nodes, not with a round-trip load:
    # every key and value must land on the same line and column either way
    fast = load_text(text, "c.yaml").document
    strict = _strict_load(text, "c.yaml").document
    assert fast is not None and strict is not None and fast._tree is None
    paths = _all_paths(fast.data)
    for key in (False, True):
        located = [fast.locate(p, key=key) for p in paths]
        expected = [strict.locate(p, key=key) for p in paths]
        assert located == expected
    assert fast._tree is not None and not isinstance(fast._tree, dict)


def test_the_location_check_covers_the_examples_and_most_of_the_corpus() -> None:
    assert {p.stem for p in EXAMPLES} | {"tricky"} <= FAST_PATH_TEXTS.keys()
    assert len(FAST_PATH_TEXTS) >= 40


def test_locating_a_clean_file_does_not_take_the_round_trip(monkeypatch) -> None:
    import chartergen.loader as loader

    document = load_text(EXAMPLES[0].read_text(encoding="utf-8"), "c.yaml").document
    assert document is not None

    def refuse() -> None:
        raise AssertionError("round-trip load used to locate a value")

    monkeypatch.setattr(loader, "_round_trip_yaml", refuse)
    line, column = document.locate(("company", "name"))
    assert document.source.splitlines()[line - 1][column - 1:].lstrip("'\"").startswith(
        document.data["company"]["name"][:5])


# --- one pass: the data built from the scan's events is the safe loader's ---------------------

def _same(built: object, loaded: object) -> bool:
    """Equal, type for type (1, 1.0 and True are three different readings), NaN included."""
    if type(built) is not type(loaded):
        return False
    if isinstance(built, dict):
        assert isinstance(loaded, dict)
        return list(built) == list(loaded) and all(_same(built[k], loaded[k]) for k in built)
    if isinstance(built, list):
        assert isinstance(loaded, list)
        return len(built) == len(loaded) and all(map(_same, built, loaded))
    if isinstance(built, float) and built != built:
        return loaded != loaded
    return built == loaded


def _built_and_loaded(text: str) -> tuple[object, object]:
    """What the scan built (or _UNBUILT) and what the safe loader reads (or _UNBUILT if it
    raises): when the scan builds, the loader must read the same."""
    from ruamel.yaml.error import YAMLError

    from chartergen.loader import _UNBUILT, _fast_yaml, _scan

    try:
        found, built = _scan(_fast_yaml(), text, "x.yaml", build=True)
    except (YAMLError, RecursionError, ValueError, TypeError):
        return _UNBUILT, _UNBUILT
    try:
        loaded = _fast_yaml().load(text)
    except (YAMLError, RecursionError, ValueError, TypeError):
        loaded = _UNBUILT
    assert built is _UNBUILT or not found
    return built, loaded


SCALARS = """\
a: 1
b: 1.50
c: 0x1F
d: 0o17
e: 1_000
f: .inf
g: -.INF
h: .nan
i: true
j: False
k: yes
l: ~
m: null
n:
o: 2026-01-10
p: 2026-01-10T10:00:00Z
q: '1'
r: "true"
s: !!str 12
t: 1e3
u: +12
v: -0
w: 012
x: 1:20
y: 10:00
z: [1, '2', 3.0, {a: b}, []]
"""


def test_the_scan_builds_what_the_safe_loader_reads() -> None:
    root = Path(__file__).resolve().parents[2]
    texts = [SCALARS, SCALARS.replace("s: !!str 12\n", "")]
    texts += [p.read_text("utf-8", "replace") for p in sorted(root.glob("charters/*.yaml"))]
    texts += [p.read_text("utf-8", "replace")
              for p in sorted((root / "tests").rglob("*.y*ml")) if "node_modules" not in p.parts]
    from chartergen.loader import _UNBUILT

    counts = {"built": 0, "not built": 0}
    for text in texts:
        built, loaded = _built_and_loaded(text)
        if built is _UNBUILT:
            counts["not built"] += 1
            continue
        counts["built"] += 1
        assert _same(built, loaded), text[:200]
    assert counts["built"] >= 60 and counts["not built"] >= 10, counts


@given(source=st.sampled_from([*SOURCES, SCALARS]), data=st.data())
def test_the_scan_builds_what_the_safe_loader_reads_from_mutated_files(
        source: str, data: st.DataObject) -> None:
    from chartergen.loader import _UNBUILT

    built, loaded = _built_and_loaded(_mutate(source, data))
    assert built is _UNBUILT or _same(built, loaded)


def test_a_plain_file_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from chartergen import loader

    def no_second_pass(*_args: object) -> None:
        raise AssertionError("the file was parsed a second time")

    monkeypatch.setattr(loader.YAML, "load", no_second_pass)
    document = load_text(EXAMPLES[0].read_text(encoding="utf-8"), EXAMPLES[0].name).document
    assert document is not None and document.data["format"] == 1
