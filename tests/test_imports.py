"""The validate path stays light: no MkDocs, Material or Jinja2 (house style, issue 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
