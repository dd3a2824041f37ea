"""Hypothesis strategies: charters drawn from the schema, and charter files mutated as text.

:func:`charter_data` draws charters that are valid most of the time, with hostile
text anywhere text may go (markup, template syntax, bidirectional and zero-width
characters, any Unicode), so that the audit and the renderer see them; references
point at declared ids, with an occasional dangling one. :func:`mutated` garbles a
charter's text the way hand edits do (a deleted or doubled line, a stray character,
broken indentation), mostly giving invalid files that must get a clean report.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from chartergen.schema.charter import SCHEMA
from chartergen.schema.crossref import declared_ids
from chartergen.schema.fields import Rule

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = {p.stem: p.read_text(encoding="utf-8") for p in sorted((ROOT / "charters").glob(
    "*.yaml"))}

HOSTILE = [
    '<script>alert("x")</script>', "<img src=x onerror=alert(1)>", "{{ 7*7 }}", "{% raw %}",
    "[link](https://example.org/a_(b))", "[bad](javascript:alert(1))", "<javascript:x>",
    "**bold** _it_ `code`", "| a | b |", "# title", "- item\n- item", "1. one\n2. two",
    "\u202egnp.exe", "zero\u200bwidth", "Ηеllо", "a\u0000b", "tab\there", "line\nbreak",
    "&amp; &lt; &#106;", "%(x)s {0} {name}", "../../etc/passwd", "/etc/passwd",
    "C:\\Windows\\win.ini", "\\\\server\\share", "~/x", "$HOME", "'; DROP TABLE x; --",
    "[" * 50, "- " * 30 + "x", "*" * 40, "\u2028\u2029\u0085", "\ufeffbom", "😀" * 5,
    "+44 1632 960150", "someone@example.org", "mailto:someone@example.org",
]
# control characters and surrogates: refused where they are written (they broke the
# encoders of every output before); written raw, or as the escapes a quoted value allows
CONTROL = ["\x00", "\x07", "\x08", "\x0b", "\x0c", "\r", "\x1b", "\x7f", "\x85", "\x9b",
           "\ud800", "\udfff", "\ud83d\ude00", "\u2028"]
CONTROL_ESCAPES = ["\\0", "\\a", "\\b", "\\e", "\\r", "\\x00", "\\x1b", "\\u0007", "\\ud800",
                   "\\udc00", "\\ud83d\\ude00", "\\U0000d800", "\\x85"]
_EMPHASIS = st.one_of(
    # runs of emphasis markers, which Python-Markdown takes quadratic time over
    # (past the limit of markers in a paragraph, kept short: a drawn charter stays small)
    st.text(st.sampled_from("*_ a\n&"), max_size=60),
    st.sampled_from(["*_" * 110, "*a" * 110, "**_" * 75, "*a*_b_" * 55, "*a*\n\n" * 40,
                     "- *a*\n" * 40]),
)

_TEXT = st.one_of(
    _EMPHASIS,
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.text(st.characters(categories=("Cc", "Cs")), min_size=1, max_size=3),
    st.sampled_from(CONTROL).map(lambda c: f"a{c}b"),
    st.sampled_from(HOSTILE),
    st.lists(st.sampled_from(HOSTILE), max_size=3).map(" ".join),
)
_IDS = ["a", "b", "c-1", "x9"]
_TYPED: dict[str, st.SearchStrategy[Any]] = {
    "duration": st.sampled_from(["30min", "1h30min", "2d", "1w", "4h", "0.5h"]),
    "date": st.dates(min_value=__import__("datetime").date(2000, 1, 1),
                     max_value=__import__("datetime").date(2040, 12, 31)).map(str),
    "percent": st.one_of(st.integers(0, 100).map(lambda n: f"{n}%"), st.integers(0, 100)),
    "money": st.integers(0, 10**9).map(lambda n: f"{n} EUR"),
    "url": st.sampled_from(["https://example.org", "http://example.org/a?b=c#d",
                            "mailto:team@example.org", "https://example.org/%3Cscript%3E"]),
    "email": st.sampled_from(["team@example.org", "a.b+c@sub.example.co.uk"]),
    "phone": st.sampled_from(["+33 1 99 00 01 01", "0123456789", "+1 (713) 555-0100"]),
    "time": st.sampled_from(["00:00", "9:30", "23:59"]),
    "month": st.one_of(
        st.dates(min_value=__import__("datetime").date(2000, 1, 1),
                 max_value=__import__("datetime").date(2040, 12, 31)).map(str),
        st.tuples(st.integers(2000, 2040), st.integers(1, 12)).map(
            lambda ym: f"{ym[0]}-{ym[1]:02d}")),
}


@st.composite
def charter_data(draw: st.DrawFn) -> dict[str, Any]:
    """A charter as plain data, drawn from the schema (see the module's description)."""
    data: dict[str, Any] = {"format": 1, "company": {
        "name": draw(_TEXT.filter(lambda t: t.strip() != "")),
        "language": draw(st.sampled_from(["en", "fr"])),
    }}
    for name, rule in SCHEMA.items():
        if name in ("format", "company", "internal") or not draw(st.booleans()):
            continue
        data[name] = _draw(draw, rule)
    _point_references(draw, data)
    if draw(st.booleans()):
        entries = [f"networks.{i}" for i in declared_ids(data)["network"]] + [
            f"team.roles.{i}.title" for i in declared_ids(data)["role"]]
        data["internal"] = draw(st.lists(st.sampled_from(
            ["team.budget", "strategy", "networks.coverage", "voice.vocabulary",
             "crisis.definitions.issue", "content.pillars.name", *entries]), max_size=3))
    return data


def _draw(draw: st.DrawFn, rule: Rule) -> Any:
    meta = rule.get("meta", {})
    kind = rule.get("type")
    if meta.get("ref"):
        return [0] * draw(st.integers(0, 2)) if kind == "list" else 0  # pointed later
    if "allowed" in rule:
        return draw(st.sampled_from(rule["allowed"]))
    if kind == "dict":
        fields = rule["schema"]
        return {name: _draw(draw, sub) for name, sub in fields.items()
                if sub.get("required") or draw(st.integers(0, 2)) == 0}
    if kind == "list":
        item = rule.get("schema", {})
        if item.get("type") == "dict":
            count = draw(st.integers(0, 3))
            entries = [_draw(draw, item) for _ in range(count)]
            if meta.get("declares"):
                ids = draw(st.permutations(_IDS))
                for entry, ident in zip(entries, ids, strict=False):
                    entry["id"] = ident
            return entries
        if "allowed" in item:
            return draw(st.lists(st.sampled_from(item["allowed"]), max_size=3))
        return draw(st.lists(_TEXT, max_size=3))
    if kind == "boolean":
        return draw(st.booleans())
    if kind in ("integer", "number"):
        low, high = rule.get("min", 0), rule.get("max", 10**6)
        if kind == "number" and draw(st.booleans()):
            return draw(st.floats(low, high, allow_nan=False))
        return draw(st.integers(int(low), int(high)))
    if isinstance(kind, str) and kind in _TYPED:
        return draw(_TYPED[kind])
    if meta.get("id"):
        return draw(st.sampled_from(_IDS))
    return draw(_TEXT)


def _point_references(draw: st.DrawFn, data: dict[str, Any]) -> None:
    """Each reference becomes a declared id of its kind, now and then a dangling one."""
    ids = {kind: list(found) for kind, found in declared_ids(data).items()}

    def target(kind: str) -> str:
        known = ids.get(kind)
        if not known or not draw(st.integers(0, 19)):
            return "dangling"
        return draw(st.sampled_from(known))

    def visit(node: Any, rules: dict[str, Rule]) -> None:
        if not isinstance(node, dict):
            return
        for name, rule in rules.items():
            if name not in node:
                continue
            kind = rule.get("meta", {}).get("ref")
            value = node[name]
            if kind and not ids.get(kind) and draw(st.integers(0, 9)):
                del node[name]  # nothing of that kind declared: mostly, no reference
            elif kind:
                node[name] = [target(kind) for _ in value] if isinstance(value, list) else (
                    target(kind))
            elif rule.get("type") == "dict":
                visit(value, rule["schema"])
            elif rule.get("type") == "list" and rule.get("schema", {}).get("type") == "dict":
                for entry in value:
                    visit(entry, rule["schema"]["schema"])

    visit(data, SCHEMA)


def dump(data: dict[str, Any]) -> str:
    """YAML text for ``data``, as a person would save it."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.allow_unicode = True
    yaml.default_flow_style = False
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


_JUNK = ":-[]{}&*!#'\"\t |>%@`,?\x00é 0aZ<\u202e\u200b"


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """An example charter with one to four hand-edit slips."""
    source = draw(st.sampled_from(sorted(EXAMPLES.values())))
    lines = source.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "garble", "indent",
                                   "insert", "truncate", "control"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            pos = draw(st.integers(0, max(0, len(lines[i]) - 1)))
            junk = draw(st.text(alphabet=_JUNK, max_size=4))
            lines[i] = lines[i][:pos] + junk + lines[i][pos + 1:]
        elif op == "indent":
            lines[i] = draw(st.sampled_from(["  ", "    ", "", "\t"])) + lines[i].lstrip()
        elif op == "insert":
            lines.insert(i, draw(_TEXT) + "\n")
        elif op == "control":
            # a control character or surrogate, raw or as an escape inside double quotes
            key, _, value = lines[i].partition(": ")
            char = draw(st.sampled_from(CONTROL))
            escape = draw(st.sampled_from(CONTROL_ESCAPES))
            lines[i] = draw(st.sampled_from([
                f'{key}: "{value.strip()}{escape}"\n' if value else lines[i] + char,
                lines[i][:1] + char + lines[i][1:],
            ]))
        else:
            lines = lines[:i]
    return "".join(lines)
