"""chartergen as a company installs it: a wheel in a fresh virtualenv, and the README's
"Start your own charters" commands run as written in a fresh folder.

These tests build the wheel of this checkout and install it with pip in new virtualenvs
(no system site-packages), so chartergen's dependencies come from the package index pip
is configured with: they need it reachable, as `make test` on a fresh machine has it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SECTION = "## Start your own charters"


def readme_commands() -> list[str]:
    """The shell lines of the README's "Start your own charters" section."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split(SECTION, 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block is not None, "the section has no ```sh block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def _run(args: list[str] | str, cwd: Path, env: dict[str, str] | None = None,
         shell: bool = False) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["bash", "-euo", "pipefail", "-c", args] if shell else args,
                            cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, built from a copy so the checkout gets no build/ folder."""
    source = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc")
    for folder in ("src", "theme"):
        shutil.copytree(ROOT / folder, source / folder, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("dist")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out),
          str(source)], cwd=source)
    (built,) = out.glob("chartergen-*.whl")
    return built


def _environment(home: Path) -> dict[str, str]:
    """A person's shell: their own home, no virtualenv active, git knowing who they are."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME", "CHARTERGEN_ENGINE")}
    path = [p for p in env.get("PATH", "").split(os.pathsep)
            if not p.startswith(str(Path(sys.executable).parent))]
    env.update(HOME=str(home), PATH=os.pathsep.join(path), CI="1", LANG="C.UTF-8",
               GIT_AUTHOR_NAME="Camille Martin", GIT_AUTHOR_EMAIL="camille@example.com",
               GIT_COMMITTER_NAME="Camille Martin", GIT_COMMITTER_EMAIL="camille@example.com")
    env.pop("LC_ALL", None)
    return env


def test_the_wheel_holds_the_theme_the_catalogues_and_the_ci_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    package = ROOT / "src" / "chartergen"
    expected = {f"chartergen/{p.relative_to(package).as_posix()}" for p in package.rglob("*")
                if p.is_file() and "__pycache__" not in p.parts and not p.name.startswith(".")}
    expected |= {f"chartergen/theme/{p.relative_to(ROOT / 'theme').as_posix()}"
                 for p in (ROOT / "theme").rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    assert expected - names == set()
    assert {"chartergen/i18n/messages/fr.yaml", "chartergen/i18n/fr/site.yaml",
            "chartergen/theme/main.html", "chartergen/integrations/github/charters.yml",
            "chartergen/render/templates/overview.md.j2"} <= names


def test_a_wheel_in_a_fresh_virtualenv_validates_checks_and_builds(
        wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv)], cwd=tmp_path)
    _run([str(venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)],
         cwd=tmp_path)
    chartergen = str(venv / "bin" / "chartergen")
    env = _environment(tmp_path)
    where = _run([str(venv / "bin" / "python"), "-c",
                  "import chartergen; print(chartergen.__file__)"], cwd=tmp_path, env=env)
    assert where.stdout.startswith(str(venv))  # the wheel's copy, not this checkout

    made = _run([chartergen, "new", "fromagerie", "--lang", "fr", "--ci", "gitlab"],
                cwd=tmp_path, env=env)
    assert "fichier créé : fromagerie/charters/fromagerie.yaml" in made.stdout
    repo = tmp_path / "fromagerie"
    assert (repo / ".gitlab-ci.yml").is_file()
    assert "1 charte valide" in _run([chartergen, "validate"], cwd=repo, env=env).stderr
    _run([chartergen, "check"], cwd=repo, env=env)
    _run([chartergen, "build", "--strict", "-q"], cwd=repo, env=env)
    home = (repo / "site" / "index.html").read_text(encoding="utf-8")
    assert 'lang="fr"' in home
    assert (repo / "site" / "assets" / "chartergen").is_dir()  # the theme's own files

    broken = repo / "charters" / "fromagerie.yaml"
    text = re.sub(r"(?m)^(  language: fr\b.*\n)", r"\1  langage: fr\n",
                  broken.read_text(encoding="utf-8"), count=1)
    assert "langage" in text
    broken.write_text(text, encoding="utf-8")
    failed = subprocess.run([chartergen, "validate"], cwd=repo, env=env, capture_output=True,
                            text=True)
    assert failed.returncode == 1
    assert "n'est pas un champ de" in failed.stdout  # the French catalogue is in the wheel


def test_the_readmes_start_your_own_charters_commands_work(wheel: Path,
                                                            tmp_path: Path) -> None:
    """The section's commands, run as written in a fresh folder, installing this checkout's
    wheel where the README installs from a tag."""
    commands = readme_commands()
    assert len(commands) <= 5
    install = [line for line in commands if line.startswith("pip install ")]
    assert len(install) == 1
    script = "\n".join(commands).replace(install[0], f"pip install -q {wheel}")
    home = tmp_path / "home"
    home.mkdir()
    _run(script, cwd=home, env=_environment(home), shell=True)
    repo = home / "acme-charters"
    assert (repo / "site" / "index.html").is_file()
    assert (repo / "charters" / "acme-france.yaml").is_file()
    tracked = _run(["git", "ls-files"], cwd=repo).stdout.split()
    assert {"README.md", ".gitignore", ".pre-commit-config.yaml",
            ".github/workflows/charters.yml", "charters/acme-france.yaml"} <= set(tracked)
    assert not [name for name in tracked if name.startswith("site/")]  # .gitignore works
