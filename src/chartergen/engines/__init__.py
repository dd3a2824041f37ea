"""The site engines: each turns chartergen's rendered pages into a built site.

One package per engine: ``engines/mkdocs`` (MkDocs with Material, through the
``chartergen`` plugin) and ``engines/zensical`` (Zensical, from the pages that
``render/`` writes out). Nothing outside an engine's package imports that engine
(``tests/test_imports.py`` keeps it so); a command picks one with :func:`load`,
which first checks that the engine is installed in the range chartergen was
tested with.
"""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from types import ModuleType
from typing import Any

from chartergen.errors import UsageError
from chartergen.messages import Msg

DEFAULT = "mkdocs"


@dataclass(frozen=True)
class Requirement:
    distribution: str
    lowest: tuple[int, ...]
    """The lowest version tested."""
    below: tuple[int, ...]
    """The first version not tested (refused)."""
    shown: str
    """The range as ``pyproject.toml`` pins it."""


@dataclass(frozen=True)
class Engine:
    name: str
    requirements: tuple[Requirement, ...]
    install: str
    """How to install it in range."""


ENGINES: dict[str, Engine] = {
    "mkdocs": Engine("mkdocs", (
        Requirement("mkdocs", (1, 6, 1), (1, 6, 2), "==1.6.1"),
        Requirement("mkdocs-material", (9, 7), (10,), ">=9.7,<10"),
    ), Msg("pip install chartergen (MkDocs comes with it)")),
    "zensical": Engine("zensical", (
        Requirement("zensical", (0, 0, 73), (0, 0, 74), "==0.0.73"),
    ), Msg("pip install 'chartergen[zensical]' (in chartergen's folder: pip install -e "
           "'.[zensical]')")),
}
"""The engines, and the versions of each that chartergen is tested with (as pinned in
``pyproject.toml``)."""


def choose(option: str | None, setting: str | None = None) -> str:
    """The engine to use: the command's ``--engine``, else the configuration's ``engine``
    setting, else the CHARTERGEN_ENGINE environment variable, else MkDocs."""
    name = option or setting or os.environ.get("CHARTERGEN_ENGINE") or DEFAULT
    if name not in ENGINES:
        raise UsageError(Msg("unknown site engine '{name}': choose one of {engines}",
                             name=name, engines=", ".join(sorted(ENGINES))))
    return name


def problem(name: str) -> str | None:
    """Why the engine ``name`` cannot be used here (missing, or out of range), or None."""
    engine = ENGINES[name]
    for requirement in engine.requirements:
        try:
            installed = metadata.version(requirement.distribution)
        except metadata.PackageNotFoundError:
            return Msg("the {name} engine needs {requirement}, which is not installed: "
                       "{install}", name=name, install=engine.install,
                       requirement=requirement.distribution + requirement.shown)
        version = _numbers(installed)
        if not requirement.lowest <= version < requirement.below:
            return Msg("the {name} engine is tested with {requirement}, and {installed} is "
                       "installed: {install}", name=name, installed=installed,
                       install=engine.install,
                       requirement=requirement.distribution + requirement.shown)
    return None


def load(name: str) -> ModuleType:
    """The adapter module of the engine ``name`` (``engines/<name>/engine.py``), once its
    installed versions are checked; a usage error says what to install otherwise."""
    why = problem(name)
    if why:
        raise UsageError(why)
    return importlib.import_module(f"chartergen.engines.{name}.engine")


def _numbers(version: str) -> tuple[int, ...]:
    numbers = []
    for part in version.split("."):
        digits = "".join(c for c in part if c.isdigit()) if part[:1].isdigit() else ""
        if not digits:
            break
        numbers.append(int(digits))
        if not part.isdigit():  # 1.0rc1: what follows the digits ends the release number
            break
    return tuple(numbers)


@dataclass(frozen=True)
class BuildRequest:
    """What ``chartergen build`` or ``serve`` was asked, for any engine."""

    config_path: Path
    """The ``mkdocs.yml`` (given, or written for the charters given): both engines read it."""
    site_dir: str | None = None
    strict: bool = False
    today: str | None = None
    quiet: bool = False
    public: bool = False
    progress: bool = False


def read_config(path: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """A ``mkdocs.yml`` as data, and the options of its ``chartergen`` plugin (``{}`` when
    it has none), read without MkDocs. ``!ENV`` values are read from the environment."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError
    from ruamel.yaml.nodes import ScalarNode

    yaml = YAML(typ="safe", pure=True)

    def environment(loader: Any, node: Any) -> Any:
        """``!ENV NAME``, or ``!ENV [NAME, OTHER, default]``, as MkDocs reads them."""
        if isinstance(node, ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            items = [loader.construct_object(item, deep=True) for item in node.value]
            names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
        return next((os.environ[name] for name in names if name in os.environ), default)

    yaml.constructor.add_constructor("!ENV", environment)
    try:
        data = yaml.load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise UsageError(Msg("{path}: cannot be read ({reason})", path=path,
                             reason=str(exc).splitlines()[0])) from None
    if not isinstance(data, dict):
        raise UsageError(Msg("{path}: not a mkdocs.yml (a mapping of settings)", path=path))
    options: dict[str, Any] = {}
    for entry in data.get("plugins") or []:
        if entry == "chartergen":
            options = {}
        elif isinstance(entry, dict) and "chartergen" in entry:
            options = dict(entry["chartergen"] or {})
    if isinstance(data.get("plugins"), dict):  # MkDocs also takes plugins as a mapping
        options = dict(data["plugins"].get("chartergen") or {})
    return data, options
