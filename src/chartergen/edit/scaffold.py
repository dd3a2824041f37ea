"""The files of a company's new charters repository, written by ``chartergen new``.

One starter charter (the one ``chartergen init`` writes) with its JSON Schema, the
pre-commit hooks of chartergen's repository run as local hooks, a CI workflow made from
the templates in ``chartergen/integrations/`` (GitHub Actions or GitLab CI), a
``.gitignore`` for what chartergen builds, and a README for the communications team in
the charter's language. :func:`repository_files` only computes the texts; the command
writes them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from typing import Any

CI_FILES = {
    "github": (".github/workflows/charters.yml", "github/charters.yml"),
    "gitlab": (".gitlab-ci.yml", "gitlab/chartergen.gitlab-ci.yml"),
}
"""CI flavour -> (where the repository keeps it, its template in chartergen/integrations)."""

HOOKS = (
    {"id": "chartergen-fmt", "name": "chartergen fmt", "entry": "chartergen fmt"},
    {"id": "chartergen-validate", "name": "chartergen validate", "entry": "chartergen validate"},
)
"""The hooks of chartergen's .pre-commit-hooks.yaml (a test keeps them the same), fmt first."""

HOOK_FILES = r"^charters/.*\.ya?ml$"

IGNORED = ("/site/", "/site-public/", "/public/", "/*.pdf", ".cache/", ".venv/",
           "__pycache__/")
"""What chartergen and its CI build or install in a charters repository."""

_CHARTERGEN_LINE = re.compile(r'(?m)^(\s*CHARTERGEN: )"[^"\n]*"')
_HELP_LINE = re.compile(r'(?m)^(\s*CHARTERGEN_HELP: )"[^"\n]*"')


def charter_name(company: str) -> str:
    """The file name (without .yaml) of ``company``'s charter: Café Durand -> cafe-durand."""
    plain = unicodedata.normalize("NFKD", company).encode("ascii", "ignore").decode()
    name = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:64].strip("-")
    return name or "charter"


def repository_files(*, language: str, company: str, ci: str,
                     chartergen: str | None = None) -> dict[str, str]:
    """Path in the new repository (POSIX, relative) -> text, in the order to write them.

    ``chartergen`` is what the CI installs (a pip requirement); by default the
    template's example stays, for the company to replace.
    """
    from chartergen.edit.template import starter_charter
    from chartergen.i18n import catalogue
    from chartergen.schema.jsonschema import SCHEMA_FILE_NAME, render

    labels = catalogue(language)["new"]
    company = " ".join(company.split())
    charter = f"charters/{charter_name(company)}.yaml"
    ci_file, template = CI_FILES[ci]
    workflow = ci_workflow(template, header=labels["ci_header"].format(company=company),
                           chartergen=chartergen,
                           help=" ".join(labels["ci_help"].format(ci_file=ci_file).split()))
    installed = _CHARTERGEN_LINE.search(workflow)
    assert installed is not None  # the templates set CHARTERGEN (a test checks both)
    readme = labels["readme"].format(
        company=company, charter=charter, ci_file=ci_file, ci_text=labels[f"ci_{ci}"],
        chartergen=json.loads(workflow[installed.end(1):installed.end()]),
    )
    return {
        charter: starter_charter(language=language, company=company),
        f"charters/{SCHEMA_FILE_NAME}": render(),
        ".pre-commit-config.yaml": pre_commit_config(labels["pre_commit"]),
        ci_file: workflow,
        ".gitignore": f"# {labels['gitignore']}\n" + "\n".join(IGNORED) + "\n",
        "README.md": readme.rstrip("\n") + "\n",
    }


def ci_workflow(template: str, *, header: str, chartergen: str | None,
                help: str | None = None) -> str:
    """A CI template of chartergen/integrations with ``header`` in place of its own notes
    (they tell how to copy it) and, when given, ``chartergen`` as what pip installs and
    ``help`` as what the job says when pip cannot install it."""
    text = resources.files("chartergen").joinpath("integrations", template).read_text("utf-8")
    lines = text.splitlines(keepends=True)
    while lines and lines[0].startswith("#"):
        lines.pop(0)
    text = f"# {header}\n" + "".join(lines)
    if chartergen is not None:
        text = _CHARTERGEN_LINE.sub(lambda m: m.group(1) + json.dumps(chartergen), text)
    if help is not None:
        text = _HELP_LINE.sub(lambda m: m.group(1) + json.dumps(help, ensure_ascii=False), text)
    return text


def pre_commit_config(comment: str) -> str:
    """chartergen's hooks as local hooks: they run the chartergen installed here, so the file
    needs no address of chartergen's repository."""
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    lines += ["repos:", "  - repo: local", "    hooks:"]
    for hook in HOOKS:
        lines += [f"      - id: {hook['id']}", f"        name: {hook['name']}",
                  f"        entry: {hook['entry']}", "        language: system",
                  f"        files: {HOOK_FILES}"]
    return "\n".join(lines) + "\n"


def installed_from() -> str | None:
    """What pip would install to get this chartergen again, when it says (PEP 610): the
    git address and revision it came from, or the version on a package index; None for a
    local folder or wheel, which another machine cannot reach."""
    from importlib import metadata

    try:
        distribution = metadata.distribution("chartergen")
    except metadata.PackageNotFoundError:
        return None
    text = distribution.read_text("direct_url.json")
    if text is None:
        return f"chartergen=={distribution.version}"
    try:
        direct: Any = json.loads(text)
        url, vcs = direct["url"], direct.get("vcs_info")
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(vcs, dict) or vcs.get("vcs") != "git":
        return None
    revision = vcs.get("requested_revision") or vcs.get("commit_id")
    subdirectory = direct.get("subdirectory")
    spec = f"chartergen @ git+{url}" + (f"@{revision}" if revision else "")
    return spec + (f"#subdirectory={subdirectory}" if subdirectory else "")

