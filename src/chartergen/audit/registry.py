"""The public registry of audit rules and manual checklist items.

A rule is a plain function decorated with :func:`rule`; a manual item is declared
with :func:`manual_item`. The built-in rules (``chartergen.audit.rules``) register
themselves exactly as an outside package would: a plugin declares an entry point
in the ``chartergen.audit`` group naming a module, and importing that module runs
its decorators::

    # pyproject.toml of the plugin
    [project.entry-points."chartergen.audit"]
    acme = "acme_rules"

    # acme_rules.py
    from chartergen.audit import Context, Verdict, rule

    @rule("m5.acme-weekend-duty", mistake=5)
    def weekend_duty(charter, ctx: Context) -> Verdict:
        \"\"\"Someone is on duty on weekends.

        Acme's own policy: every active network is covered on weekends.
        \"\"\"
        ...

Rules must stay pure: they read the charter and ``ctx`` (which carries
``today``), never files, the clock or the network.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from chartergen.audit.context import Context, Verdict
    from chartergen.model import Charter

    Check = Callable[[Charter, Context], Verdict]

ENTRY_POINT_GROUP = "chartergen.audit"
"""Entry-point group through which outside packages add rules."""

BUILTIN_MODULES = tuple(
    f"chartergen.audit.rules.{name}"
    for name in ("presence", "preparation", "investment", "relationship", "regularity",
                 "commercial", "image", "results", "independence")
)
"""The built-in rules, one module per mistake, loaded like any plugin."""

KINDS = ("evidence", "detail")
"""What a rule looks for: evidence of the mistake, or a detail the charter may not state."""

ID_PATTERN = re.compile(r"^m([1-9])\.[a-z0-9]+(?:-[a-z0-9]+)*$")
"""``m<mistake>.<name>``: the mistake number, a dot, lowercase words joined by hyphens."""


@dataclass(frozen=True)
class Rule:
    """One automatic check, as registered."""

    id: str
    mistake: int
    check: Check
    weight: float = 1.0
    kind: str = "evidence"
    """``evidence``: looks for signs that the company makes the mistake (it sets the
    mistake's verdict); ``detail``: looks for information the charter does not give
    (it counts towards completeness and never changes the verdict)."""

    @property
    def title(self) -> str:
        """First line of the docstring: the English title, used when no label exists."""
        return _doc(self.check)[0]

    @property
    def help(self) -> str:
        """The rest of the docstring: what the rule computes and why."""
        return _doc(self.check)[1]


@dataclass(frozen=True)
class ManualItemSpec:
    """One checklist item only a person can confirm, as registered."""

    id: str
    mistake: int
    text: str = ""
    """Wording used when the label catalogue has none for this id (plugins)."""


class Registry:
    """Rules and manual items by id, in registration order."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self._items: dict[str, ManualItemSpec] = {}
        self._loaded = False

    def rule(self, rule_id: str, *, mistake: int, weight: float = 1.0,
             kind: str = "evidence") -> Callable[[Check], Check]:
        """Decorator registering ``check`` as the rule ``rule_id`` of mistake ``mistake``.

        ``kind`` says what the check looks for: ``evidence`` that the company makes the
        mistake (a fact that shows it, a stated absence, or the mistake's core missing
        altogether), which sets the verdict; or a ``detail`` the charter leaves unsaid,
        which lowers completeness only.
        """
        self._check_id(rule_id, mistake)
        if weight <= 0:
            raise ValueError(f"rule {rule_id!r}: weight must be positive")
        if kind not in KINDS:
            raise ValueError(f"rule {rule_id!r}: kind must be one of {', '.join(KINDS)}")

        def register(check: Check) -> Check:
            if not (check.__doc__ or "").strip():
                raise ValueError(f"rule {rule_id!r} needs a docstring: a title, then help")
            self._rules[rule_id] = Rule(rule_id, mistake, check, weight, kind)
            return check

        return register

    def manual_item(self, item_id: str, *, mistake: int, text: str = "") -> ManualItemSpec:
        """Declare a checklist item that charters confirm under ``reviews``.

        Its wording comes from the label ``audit.manual.<mistake>.<name>`` of the
        charter's language; ``text`` is the fallback for plugins that ship no labels.
        """
        self._check_id(item_id, mistake)
        spec = ManualItemSpec(item_id, mistake, text)
        self._items[item_id] = spec
        return spec

    def rules(self, mistake: int | None = None) -> list[Rule]:
        self.load()
        return [r for r in self._rules.values() if mistake in (None, r.mistake)]

    def manual_items(self, mistake: int | None = None) -> list[ManualItemSpec]:
        self.load()
        return [i for i in self._items.values() if mistake in (None, i.mistake)]

    def load(self) -> None:
        """Import the built-in rule modules, then every plugin's (once)."""
        if self._loaded:
            return
        self._loaded = True
        import importlib

        for module in BUILTIN_MODULES:
            importlib.import_module(module)
        for entry_point in _entry_points():
            entry_point.load()

    def _check_id(self, item_id: str, mistake: int) -> None:
        match = ID_PATTERN.match(item_id)
        if not match or int(match.group(1)) != mistake:
            raise ValueError(
                f"{item_id!r} is not a valid id for mistake {mistake}: write "
                f"'m{mistake}.' then lowercase words joined by hyphens"
            )
        if item_id in self._rules or item_id in self._items:
            raise ValueError(f"{item_id!r} is already registered")


def _entry_points() -> Iterator[EntryPoint]:
    from importlib.metadata import entry_points

    yield from entry_points(group=ENTRY_POINT_GROUP)


def _doc(check: Callable[..., object]) -> tuple[str, str]:
    import inspect

    text = inspect.cleandoc(check.__doc__ or "")
    title, _, rest = text.partition("\n")
    return title.strip(), rest.strip()


REGISTRY = Registry()
"""The registry :func:`chartergen.audit.run` uses."""

rule = REGISTRY.rule
manual_item = REGISTRY.manual_item
