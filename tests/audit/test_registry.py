"""Rules are registered through one public registry, the built-ins as any plugin would be."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

from chartergen.audit import REGISTRY, Status, registry, rule, run

from .charters import TODAY, charter, complete

PLUGIN = '''
from chartergen.audit import Context, Verdict, manual_item, rule

manual_item("m5.acme-rota-posted", mistake=5, text="The weekend rota is on the wall.")


@rule("m5.acme-weekend-duty", mistake=5)
def weekend_duty(charter, ctx: Context) -> Verdict:
    """Someone is on duty on weekends.

    Acme's own policy: every active network is covered on weekends.
    """
    uncovered = [n.id for n in charter.active_networks if n.coverage.weekends is not True]
    if uncovered:
        return ctx.warn(text="Not covered on weekends: " + ", ".join(uncovered),
                        path=("networks",))
    return ctx.passed(text="Every network is covered on weekends.")
'''


@pytest.fixture
def isolated_registry() -> Iterator[registry.Registry]:
    """The real registry, restored after the test."""
    REGISTRY.load()
    saved = dict(REGISTRY._rules), dict(REGISTRY._items), REGISTRY._loaded
    yield REGISTRY
    REGISTRY._rules, REGISTRY._items, REGISTRY._loaded = saved


def test_builtin_rules_come_from_the_builtin_modules() -> None:
    modules = {r.check.__module__ for r in REGISTRY.rules()}
    assert modules == set(registry.BUILTIN_MODULES)
    assert len(REGISTRY.rules()) >= 45


def test_a_plugin_entry_point_adds_a_rule_and_an_item(
    isolated_registry: registry.Registry, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    (tmp_path / "acme_rules.py").write_text(PLUGIN, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(registry, "_entry_points", lambda: iter([
        EntryPoint(name="acme", value="acme_rules", group=registry.ENTRY_POINT_GROUP)]))
    isolated_registry._loaded = False
    try:
        report = run(charter(complete()), TODAY)
    finally:
        sys.modules.pop("acme_rules", None)
    m5 = report.mistake(5)
    added = next(c for c in m5.checks if c.id == "m5.acme-weekend-duty")
    assert (added.title, added.status, added.reason) == (
        "Someone is on duty on weekends.", Status.WARN, "Not covered on weekends: linkedin")
    assert added.help == "Acme's own policy: every active network is covered on weekends."
    assert [i.text for i in m5.manual if i.id == "m5.acme-rota-posted"] == [
        "The weekend rota is on the wall."]
    assert m5.status is Status.WARN
    assert m5.score < 100


@pytest.mark.parametrize(("rule_id", "mistake", "message"), [
    ("m5.Weekend", 5, "'m5.Weekend' is not a valid id for mistake 5"),
    ("m4.weekend", 5, "'m4.weekend' is not a valid id for mistake 5"),
    ("weekend", 5, "'weekend' is not a valid id for mistake 5"),
    ("m5.backup-not-owner", 5, "'m5.backup-not-owner' is already registered"),
    ("m1.leadership-approved", 1, "'m1.leadership-approved' is already registered"),
])
def test_bad_ids_are_refused(rule_id: str, mistake: int, message: str) -> None:
    REGISTRY.load()
    with pytest.raises(ValueError, match=message):
        rule(rule_id, mistake=mistake)


def test_a_rule_needs_a_docstring_and_a_positive_weight(
    isolated_registry: registry.Registry,
) -> None:
    with pytest.raises(ValueError, match="needs a docstring"):
        @rule("m9.undocumented", mistake=9)
        def undocumented(charter, ctx):  # type: ignore[no-untyped-def]
            return ctx.passed()
    with pytest.raises(ValueError, match="weight must be positive"):
        rule("m9.weightless", mistake=9, weight=0)
