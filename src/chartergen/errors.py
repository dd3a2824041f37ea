"""Located problems found in charters, and the exceptions that carry them.

Every layer (loading, schema validation, cross-references, the audit) reports
what it finds as :class:`Diagnostic` objects. Nothing is raised for a bad
charter: problems are collected so that a user sees all of them at once. The
edges (the CLI, the MkDocs plugin) decide how to print them and which exit
code to use.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

FieldPath = tuple[str | int, ...]


class Severity(enum.Enum):
    ERROR = "error"
    WARNING = "warning"

    def __str__(self) -> str:
        return self.value


def format_field_path(path: Sequence[str | int]) -> str:
    """Write ``("networks", 2, "owner")`` as ``networks[2].owner``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ud800-\udfff\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with every control character, lone surrogate and direction override
    written as an escape (``\\r``, ``\\x00``, ``\\ud800``).

    A raw carriage return in a file name or a quoted value would move the cursor back
    and hide the file and line printed before it; a lone surrogate cannot be printed
    at all.
    """
    return _UNPRINTABLE.sub(_escape_one, text)


def _escape_one(match: re.Match[str]) -> str:
    char = match.group(0)
    named = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}.get(char)
    if named:
        return named
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, located in a file: ``path:line:col: severity: message (field)``.

    ``line`` and ``col`` count from 1, as editors do; 0 means "the whole file".
    """

    path: str
    line: int
    col: int
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    field_path: FieldPath = field(default=(), compare=False)
    hint: str | None = field(default=None, compare=False)
    code: str = field(default="", compare=False)
    language: str = field(default="en", compare=False)
    """The language the message is said in (see :meth:`said`)."""

    @property
    def field(self) -> str:
        return format_field_path(self.field_path)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def said(self, language: str) -> Diagnostic:
        """This diagnostic with its message and hint in ``language``."""
        from dataclasses import replace

        from chartergen.messages import say

        return replace(self, message=say(self.message, language), hint=say(self.hint, language),
                       language=language)

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"
        if self.field_path:
            text += f" ({self.field})"
        return printable(text)

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.col,
            "severity": self.severity.value,
            "message": self.message,
            "field": self.field,
            "hint": self.hint,
            "code": self.code,
        }


MAX_PER_KIND = 200
"""Problems of one kind (one code) listed per file; past that, one line says how many more."""


def cap_per_kind(diagnostics: Sequence[Diagnostic],
                 limit: int = MAX_PER_KIND) -> list[Diagnostic]:
    """At most ``limit`` problems of each kind, in order, then one line per kind cut short.

    100,000 numeric keys are one mistake repeated; listing them all buries the report
    and takes longer to print than to find.
    """
    kept: list[Diagnostic] = []
    seen: dict[str, int] = {}
    first_left_out: dict[str, Diagnostic] = {}
    for diagnostic in sorted(diagnostics):
        count = seen[diagnostic.code] = seen.get(diagnostic.code, 0) + 1
        if count <= limit or diagnostic.code == "more":
            kept.append(diagnostic)
        elif count == limit + 1:
            first_left_out[diagnostic.code] = diagnostic
    from chartergen.messages import Msg

    for code, first in first_left_out.items():
        kept.append(Diagnostic(
            first.path, first.line, first.col, first.severity,
            Msg("{count} more problems like the ones above are not listed; fix those and "
                "validate again", count=f"{seen[code] - limit:,}"),
            first.field_path, code="more", language=first.language,
        ))
    return sorted(kept)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


class ChartergenError(Exception):
    """Base for errors the edges turn into a clean message and an exit code."""

    exit_code = 1


class UsageError(ChartergenError):
    """The command was called wrongly: a missing path, a folder with no charters."""

    exit_code = 2


class InvalidCharters(ChartergenError):
    """One or more charters did not validate; carries every diagnostic."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        errors = sum(d.is_error for d in self.diagnostics)
        super().__init__(f"{errors} error(s) in the charters")

    def report(self) -> str:
        return "\n".join(d.format() for d in self.diagnostics)


def abort_reason(exc: Exception) -> str:
    """Why MkDocs stopped, in the user's words ("Aborted with a BuildError!" is not), as a
    message that can be said in the language of the problems listed above it."""
    from chartergen.messages import Msg, plural

    strict = re.search(r"(\d+) warnings?\b", str(exc)) if "strict mode" in str(exc) else None
    if strict:
        return plural(int(strict.group(1)), "{count} warning above, and --strict",
                      "{count} warnings above, and --strict")
    return Msg("the errors above say why")
