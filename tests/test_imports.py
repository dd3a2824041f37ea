"""The validate path stays light (no MkDocs, Material or Jinja2), and the modules keep to their
layers: load -> validate -> model -> audit -> render -> site, with no import cycle."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import chartergen

HEAVY = ("mkdocs", "material", "jinja2", "markdown", "nh3", "chartergen.model",
         "chartergen.render", "chartergen.audit")


def test_validate_imports_nothing_heavy(tmp_path: Path) -> None:
    charter = tmp_path / "acme.yaml"
    charter.write_text("format: 1\ncompany:\n  name: Acme\n  language: en\n")
    code = (
        "import sys\n"
        "from chartergen.cli import main\n"
        "try:\n"
        f"    main(['validate', {str(charter)!r}])\n"
        "except SystemExit as exit:\n"
        "    assert exit.code == 0, exit.code\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r} "
        f"or m.startswith({HEAVY!r}))\n"
        "print(','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


@pytest.mark.parametrize(("text", "code", "loaded"), [
    ("format: 1\ncompany:\n  name: Acme\n  language: en\n", 0, False),
    ("format: 1\ncompany:\n  name: Acme\n  language: en\n  size: 3\n", 1, True),
])
def test_cerberus_is_imported_only_to_explain_a_problem(tmp_path: Path, text: str, code: int,
                                                        loaded: bool) -> None:
    # cerberus's import costs more than reading a 1,000-line charter: a valid charter is
    # passed by the quick check (schema/compiled.py), cerberus says what is wrong
    charter = tmp_path / "acme.yaml"
    charter.write_text(text)
    program = (
        "import sys\n"
        "from chartergen.cli import main\n"
        "try:\n"
        f"    main(['validate', {str(charter)!r}])\n"
        "except SystemExit as exit:\n"
        f"    assert exit.code == {code}, exit.code\n"
        "print('cerberus' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                            check=True)
    assert result.stdout.splitlines()[-1] == str(loaded)


ENGINES = {"mkdocs": "mkdocs", "material": "mkdocs", "zensical": "zensical"}
"""Each site engine's top-level modules, and the package of chartergen that adapts it
(``engines/<name>/``). Everything else of chartergen (``render/`` makes the site as data:
pages, navigation, settings) must work without any of them."""


def imported_modules(path: Path, module: str = "") -> set[str]:
    """Every module name that ``path`` imports, at any depth of its code: ``import a.b``,
    ``from a.b import c`` (``a.b``, and ``a.b.c`` in case ``c`` is a module) and
    ``importlib.import_module("a.b")``. Relative imports are resolved when the file's own
    ``module`` name is given (``chartergen.engines.zensical.engine``), else left out."""
    names: set[str] = set()
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module:
                base = node.module
            elif node.level and module:
                parts = package.split(".")
                base = ".".join([*parts[: len(parts) - node.level + 1],
                                 *([node.module] if node.module else [])])
            else:
                continue
            if node.module:
                names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")
        elif (isinstance(node, ast.Call) and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and ((isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
                   or (isinstance(node.func, ast.Name) and node.func.id in (
                       "import_module", "__import__")))):
            names.add(node.args[0].value)
    return names


def module_name(package: Path, path: Path) -> str:
    parts = path.relative_to(package).with_suffix("").parts
    return ".".join(("chartergen", *(parts[:-1] if parts[-1] == "__init__" else parts)))


def engine_package(where: str) -> str | None:
    """The engine package (``mkdocs``) that the file at ``where`` (below chartergen) is in."""
    parts = where.split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "engines" else None


def engine_imports_outside(package: Path) -> list[str]:
    """Imports of an engine by a module outside that engine's package."""
    wrong = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        for name in sorted(imported_modules(path, module_name(package, path))):
            engine = ENGINES.get(name.split(".")[0])
            if engine and engine_package(where) != engine:
                wrong.append(f"{where} imports {name}")
    return wrong


def engine_crossings(package: Path) -> list[str]:
    """Imports of one engine package by another (``engines/zensical`` reading
    ``engines/mkdocs``): what both need belongs outside both, in ``render/``."""
    engines = {p.parent.name for p in (package / "engines").glob("*/__init__.py")}
    wrong = []
    for path in sorted((package / "engines").rglob("*.py")):
        where = path.relative_to(package).as_posix()
        own = engine_package(where)
        if own is None:
            continue
        for name in sorted(imported_modules(path, module_name(package, path))):
            parts = name.split(".")
            if parts[:2] == ["chartergen", "engines"] and len(parts) > 2 and (
                    parts[2] in engines and parts[2] != own):
                wrong.append(f"{where} imports {name}")
    return wrong


def test_only_an_engines_own_package_imports_it() -> None:
    assert engine_imports_outside(Path(chartergen.__file__).parent) == []


def test_no_engine_package_imports_another() -> None:
    assert engine_crossings(Path(chartergen.__file__).parent) == []


def test_every_engine_has_its_package_and_is_checked() -> None:
    from chartergen.engines import ENGINES as OFFERED

    package = Path(chartergen.__file__).parent
    assert {p.parent.name for p in (package / "engines").glob("*/__init__.py")} == set(
        OFFERED) == set(ENGINES.values())


def test_the_import_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from mkdocs.config import load_config\n"
                      "    import material.plugins\n    from . import x\n"
                      "    importlib.import_module('zensical')\n")
    assert imported_modules(module) == {"mkdocs.config", "mkdocs.config.load_config",
                                        "material.plugins", "zensical"}


def test_the_engine_checks_see_an_engine_outside_and_one_engine_reading_another(
        tmp_path: Path) -> None:
    files = {
        "__init__.py": "",
        "render/__init__.py": "",
        "render/config.py": "def f():\n    import material.plugins.search\n",
        "engines/__init__.py": "",
        "engines/mkdocs/__init__.py": "",
        "engines/mkdocs/plugin.py": "from mkdocs.plugins import BasePlugin\n",
        "engines/zensical/__init__.py": "",
        "engines/zensical/engine.py": ("import zensical\nfrom ..mkdocs import plugin\n"
                                       "from chartergen.render import config\n"),
        "engines/zensical/incremental.py": ("from chartergen.engines import mkdocs\n"
                                            "from .engine import zensical\n"),
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    assert engine_imports_outside(tmp_path) == [
        "render/config.py imports material.plugins.search"]
    assert engine_crossings(tmp_path) == [
        "engines/zensical/engine.py imports chartergen.engines.mkdocs",
        "engines/zensical/engine.py imports chartergen.engines.mkdocs.plugin",
        "engines/zensical/incremental.py imports chartergen.engines.mkdocs",
    ]


# --- the layers: load -> validate -> model -> audit -> render -> site --------------------------

LAYERS = (
    ("load", ("errors", "messages", "loader", "output", "sitedir", "workers", "edit.atomic")),
    ("validate", ("schema", "i18n")),
    ("model", ("model", "public", "leaks", "pipeline", "edit")),
    ("audit", ("audit", "diff", "agenda")),
    ("render", ("render",)),
    ("site", ("engines", "commands", "pdf", "cli", "__main__")),
)
"""Each module of chartergen (by its place below the package, the longest prefix wins) in one
layer; a module imports from its own layer or those before it, never after."""


def package_imports() -> dict[str, set[str]]:
    """chartergen's modules ("render.site") and the modules of chartergen each imports.

    ``from chartergen.audit import score`` imports the module ``audit.score``; the package
    ``audit`` itself is not counted then, as Python's own import of a submodule is no cycle.
    """
    package = Path(chartergen.__file__).parent
    modules = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path

    def known(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                if node.module.split(".")[0] != "chartergen":
                    continue
                base = node.module.partition(".")[2]
                subs = {f"{base}.{a.name}".lstrip(".") for a in node.names}
                found |= {s for s in subs if s in modules} or {known(base)}
            elif isinstance(node, ast.Import):
                found |= {known(a.name.partition(".")[2]) for a in node.names
                          if a.name.split(".")[0] == "chartergen"}
        graph[name] = found - {name, ""}
    return graph


def layer_of(module: str) -> int:
    best, layer = -1, -1
    for index, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, layer = len(prefix), index
    return layer


def test_every_module_has_a_layer() -> None:
    assert [m for m in package_imports() if m and layer_of(m) < 0] == []


def test_no_module_imports_from_a_later_layer() -> None:
    wrong = [f"{module} ({LAYERS[layer_of(module)][0]}) imports {other} "
             f"({LAYERS[layer_of(other)][0]})"
             for module, imported in sorted(package_imports().items()) if module
             for other in sorted(imported) if layer_of(other) > layer_of(module)]
    assert wrong == []


def test_no_import_cycle() -> None:
    graph = package_imports()
    cycles = []

    def visit(module: str, trail: tuple[str, ...]) -> None:
        for other in sorted(graph.get(module, ())):
            if other in trail:
                cycles.append(" -> ".join((*trail[trail.index(other):], other)))
            elif other not in done:
                visit(other, (*trail, other))
        done.add(module)

    done: set[str] = set()
    for module in sorted(graph):
        if module not in done:
            visit(module, (module,))
    assert cycles == []


def test_the_layer_checks_see_a_cycle_and_a_layer_broken(monkeypatch: pytest.MonkeyPatch) -> None:
    real = package_imports()
    broken = {**real, "model": real["model"] | {"render.site"}}
    monkeypatch.setattr(sys.modules[__name__], "package_imports", lambda: broken)
    with pytest.raises(AssertionError, match=r"model \(model\) imports render\.site"):
        test_no_module_imports_from_a_later_layer()
    with pytest.raises(AssertionError, match=r"model -> render\.site"):
        test_no_import_cycle()


# --- no reaching into another module's private names -------------------------------------------


def private_reach_ins(path: Path) -> list[str]:
    """The private names (``_name``, not ``__dunder__``) of chartergen modules that ``path``
    imports or reads: ``from chartergen.x import _name`` or ``x._name`` on a module of
    chartergen imported as ``x``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    modules: set[str] = set()
    found: list[str] = []

    def private(name: str) -> bool:
        return name.startswith("_") and not name.endswith("__")

    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and (
                node.module.split(".")[0] == "chartergen"):
            for alias in node.names:
                if private(alias.name):
                    found.append(f"{node.module}.{alias.name}")
                else:
                    modules.add(alias.asname or alias.name)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "chartergen" and alias.asname:
                    modules.add(alias.asname)
    for node in ast.walk(tree):
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id in modules and private(node.attr)):
            found.append(f"{node.value.id}.{node.attr}")
    return found


def test_no_module_reaches_into_another_modules_private_names() -> None:
    package = Path(chartergen.__file__).parent
    wrong = [f"{path.relative_to(package).as_posix()} uses {name}"
             for path in sorted(package.rglob("*.py")) for name in private_reach_ins(path)]
    assert wrong == []


def test_the_private_name_check_sees_an_import_and_an_attribute(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from chartergen.pipeline import _load_and_validate, display_path\n"
                      "from chartergen.render import site\n"
                      "def f():\n    return site._environment(), site.environment()\n"
                      "x = object()._hidden, site.__name__\n")
    assert private_reach_ins(module) == ["chartergen.pipeline._load_and_validate",
                                         "site._environment"]
