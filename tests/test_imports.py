"""The validate path stays light: no MkDocs, Material or Jinja2 (house style, issue 2)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

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


ENGINES = {"mkdocs": "mkdocs", "material": "mkdocs", "zensical": "zensical"}
"""Each site engine's top-level modules, and the package of chartergen that adapts it."""

def imported_modules(path: Path) -> set[str]:
    """Every absolute module name that ``path`` imports, at any depth of its code."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def test_only_an_engines_own_package_imports_it() -> None:
    package = Path(chartergen.__file__).parent
    wrong = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package).as_posix()
        for name in imported_modules(path):
            engine = ENGINES.get(name.split(".")[0])
            if engine and not where.startswith(f"engines/{engine}/"):
                wrong.append(f"{where} imports {name}")
    assert not wrong


def test_the_import_check_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from mkdocs.config import load_config\n"
                      "    import material.plugins\n    from . import x\n")
    assert imported_modules(module) == {"mkdocs.config", "material.plugins"}
