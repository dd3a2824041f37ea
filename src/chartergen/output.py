"""How diagnostics are shown: plain text with colour on a terminal, GitHub annotations,
GitLab Code Quality reports.

Shared by every command that reports located problems (validate, check, fmt).
"""

from __future__ import annotations

from collections.abc import Sequence

import click

from chartergen.errors import Diagnostic, printable


def github_annotation(diagnostic: Diagnostic) -> str:
    """A GitHub Actions workflow command, escaped as the runner expects."""
    level = "error" if diagnostic.is_error else "warning"
    message = diagnostic.message + (f" ({diagnostic.field})" if diagnostic.field_path else "")
    return (
        f"::{level} file={_escape_property(diagnostic.path)},line={diagnostic.line},"
        f"col={diagnostic.col},title={_escape_property('chartergen ' + level)}::"
        f"{_escape_data(message)}"
    )


def code_quality(diagnostics: Sequence[Diagnostic]) -> str:
    """A GitLab Code Quality report: a JSON array of Code Climate issues.

    GitLab shows them in the merge request. The fingerprint identifies a finding
    across pipelines, so it leaves out every number (a finding does not become
    "new" because lines were added above it, even if its message mentions a
    line) and counts repeats, since GitLab keeps one finding per fingerprint.
    """
    import hashlib
    import json
    import re
    from collections import Counter

    repeats: Counter[str] = Counter()
    issues = []
    for diagnostic in diagnostics:
        path = diagnostic.path.replace("\\", "/").removeprefix("./")
        words = re.sub(r"\d+", "", diagnostic.message)
        basis = "\0".join((path, diagnostic.code, diagnostic.field, words))
        repeats[basis] += 1
        fingerprint = hashlib.sha256(f"{basis}\0{repeats[basis]}".encode()).hexdigest()[:32]
        issues.append({
            "description": diagnostic.message + (
                f" ({diagnostic.field})" if diagnostic.field_path else ""
            ),
            "check_name": f"chartergen.{diagnostic.code or 'validate'}",
            "fingerprint": fingerprint,
            "severity": "major" if diagnostic.is_error else "minor",
            "location": {"path": path, "lines": {"begin": max(1, diagnostic.line)}},
        })
    return json.dumps(issues, indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def styled(diagnostic: Diagnostic) -> str:
    colour = "red" if diagnostic.is_error else "yellow"
    location = printable(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}:")
    text = printable(
        diagnostic.message + (f" ({diagnostic.field})" if diagnostic.field_path else ""))
    return (f"{click.style(location, bold=True)} "
            f"{click.style(str(diagnostic.severity) + ':', fg=colour, bold=True)} {text}")


def summary(files: int, diagnostics: Sequence[Diagnostic], language: str = "en") -> str:
    """One line: how many charters are valid, or how many problems in how many charters."""
    from chartergen.messages import Msg, plural

    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    bad = len({d.path for d in diagnostics if d.is_error})
    if not errors:
        line = plural(files, "{count} charter valid", "{count} charters valid")
        if warnings:
            line = Msg("{line} ({warnings})", line=line,
                       warnings=plural(warnings, "{count} warning", "{count} warnings"))
        return click.style(line.say(language), fg="green")
    counts = {"errors": plural(errors, "{count} error", "{count} errors"),
              "warnings": plural(warnings, "{count} warning", "{count} warnings"),
              "files": plural(files, "{count} charter", "{count} charters")}
    # "in 2 charters" when every one has errors, else "in 1 of 3 charters" ("dans 1 des 3
    # chartes": French cannot say "1 sur 3 chartes")
    line = Msg("{errors}, {warnings} in {files}", **counts) if bad == files else Msg(
        "{errors}, {warnings} in {bad} of {files}", bad=bad, **counts)
    return click.style(line.say(language), fg="red")
