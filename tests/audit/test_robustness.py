"""The audit survives any charter the model can hold: missing parts, zeros, dangling ids."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from chartergen.audit import Status, run
from chartergen.model import build

from .charters import TODAY, complete

Path = tuple[str | int, ...]


def _paths(node: Any, prefix: Path = ()) -> Iterator[Path]:
    if isinstance(node, dict):
        items: Iterator[tuple[str | int, Any]] = iter(node.items())
    elif isinstance(node, list):
        items = iter(enumerate(node))
    else:
        return
    for key, value in items:
        path = (*prefix, key)
        if path in (("format",), ("company",), ("company", "name"), ("company", "language")):
            continue
        yield path
        yield from _paths(value, path)


# fields the schema requires in each list entry: validation never lets them go missing
REQUIRED = {"id", "name", "metric", "statement", "platform", "title", "step", "scenario",
            "text", "date", "reviewer", "plan", "day", "situation", "frequency", "content",
            "message"}
PATHS = sorted((p for p in _paths(complete())
                if not (len(p) > 1 and isinstance(p[-2], int) and p[-1] in REQUIRED)), key=str)


def _apply(data: dict[str, Any], path: Path, action: str) -> None:
    node: Any = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return
    last = path[-1]
    try:
        value = node[last]
    except (KeyError, IndexError, TypeError):
        return
    if action == "delete":
        del node[last]
    elif action == "empty" and isinstance(value, (list, dict)) and not isinstance(last, int):
        node[last] = type(value)()
    elif action == "zero" and isinstance(value, (int, float)) and not isinstance(value, bool):
        node[last] = 0


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PATHS), st.sampled_from(["delete", "empty", "zero"])),
                max_size=10))
def test_any_trimmed_charter_is_audited(changes: list[tuple[Path, str]]) -> None:
    data = copy.deepcopy(complete())
    for path, action in changes:
        _apply(data, path, action)
    report = run(build(data, "acme"), TODAY)
    assert 0 <= report.score <= 100
    assert len(report.mistakes) == 9
    for mistake in report.mistakes:
        assert mistake.checks and 0 <= mistake.score <= 100
        for check in mistake.checks:
            assert check.reason and "{" not in check.reason
            assert check.status in Status
