"""Fuzzing: drawn and mutated charters through load, validate, the audit and the renderer.

Whatever the file holds, no exception escapes: an invalid charter gets a clean report
whose every line is located (``file:line:col``), a valid one is audited and every one
of its pages renders, for the internal site and the public one, with no charter text
turned into markup or into a path outside the charter's folder. Through the command
line, exit codes are 0 or 1 and no traceback is printed.

The default run draws a few hundred cases in a few seconds; a longer run:
``HYPOTHESIS_PROFILE=long pytest tests/hardening/test_fuzz.py`` (profiles in
tests/conftest.py; see the README, "Fuzzing").
"""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from chartergen.audit import run as audit
from chartergen.cli import cli
from chartergen.errors import Diagnostic
from chartergen.loader import load_bytes
from chartergen.model import build
from chartergen.public import publish
from chartergen.render.site import render_charter, render_home, site_slugs
from chartergen.render.view import CharterSource
from chartergen.schema import validate
from chartergen.schema.text import link_scheme

from .strategies import CONTROL, charter_data, dump, mutated

TODAY = dt.date(2026, 11, 23)
SAFE_SRC = re.compile(r"^[a-z0-9][a-z0-9._-]*(/[a-z0-9][a-z0-9._-]*)*\.md$")
# Markup the templates themselves never write: if it shows up, charter text made it.
FORBIDDEN_TAGS = {"script", "iframe", "img", "object", "embed", "style", "form", "link",
                  "meta", "base", "frame", "math"}


class _Markup(HTMLParser):
    """The tags and attributes in a page's Markdown (escaped text is text, not tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            scheme = link_scheme(value or "") if name in ("href", "src", "action") else None
            if scheme not in (None, "http", "https", "mailto", "tel"):
                self.problems.append(f"{tag} {name}={value}")


def _markup_problems(markdown: str) -> list[str]:
    parser = _Markup()
    parser.feed(markdown)
    parser.close()
    return parser.problems


def _scaled(share: int) -> settings:
    """This test's share of the profile's examples (cheap tests get more, renders fewer)."""
    return settings(max_examples=max(10, settings.default.max_examples * share // 100),
                    deadline=None, suppress_health_check=[
                        HealthCheck.too_slow, HealthCheck.data_too_large,
                        HealthCheck.function_scoped_fixture])


def _located(diagnostics: list[Diagnostic], name: str) -> None:
    for d in diagnostics:
        assert d.path == name and d.line >= 1 and d.col >= 1, d
        assert d.message and "Traceback" not in d.message
        assert d.format().startswith(f"{name}:{d.line}:{d.col}: {d.severity}: ")


def _check(text: str) -> tuple[object | None, list[Diagnostic]]:
    """Load and validate ``text`` as charter ``fuzz.yaml``; the model when it is valid."""
    result = load_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")
    diagnostics = list(result.diagnostics)
    if result.document is not None:
        diagnostics += validate(result.document)
    _located(diagnostics, "fuzz.yaml")
    if result.document is None:
        assert any(d.is_error for d in diagnostics)
        return None, diagnostics
    if any(d.is_error for d in diagnostics):
        return None, diagnostics
    return build(result.document.data, "fuzz", "charters/fuzz.yaml"), diagnostics


def _render_everything(charter: object) -> int:
    """Audit ``charter`` and render all its pages, internal and public; the page count."""
    report = audit(charter, TODAY)  # type: ignore[arg-type]
    assert 0 <= report.score <= 100
    count = 0
    for public in (False, True):
        shown = publish(charter) if public else charter  # type: ignore[arg-type]
        source = CharterSource(shown, "charters/fuzz.yaml", TODAY,
                               "" if public else "https://git.example/edit/{path}",
                               None if public else report, public)
        slug = site_slugs(["fuzz"])["fuzz"]
        rendered = render_charter(source, slug, today=TODAY)
        home = render_home([source], {"fuzz": slug}, today=TODAY)
        for page in (home, *rendered.pages):
            assert SAFE_SRC.match(page.src), page.src
            assert page.src == "index.md" or page.src.startswith(f"{slug}/")
            assert _markup_problems(page.markdown) == [], page.src
            assert _markup_problems(page.title) == [], page.title
        count += len(rendered.pages)
    return count


@_scaled(75)
@given(text=mutated(), render=st.integers(0, 3))
def test_mutated_charters_give_a_located_report_or_render(text: str, render: int) -> None:
    charter, _ = _check(text)
    event("valid" if charter is not None else "invalid")
    # a still valid example renders in a quarter of the cases: rendering is the drawn
    # charters' test, and a whole example takes a tenth of a second
    if charter is not None and render == 0:
        _render_everything(charter)


@_scaled(30)
@given(data=charter_data())
def test_drawn_charters_validate_audit_and_render(data: dict) -> None:
    charter, diagnostics = _check(dump(data))
    event("valid" if charter is not None else "invalid")
    if charter is None:
        assert any(d.is_error for d in diagnostics)
        return
    assert _render_everything(charter) >= 2


@_scaled(50)
@given(raw=st.binary(max_size=600))
def test_random_bytes_never_raise(raw: bytes) -> None:
    result = load_bytes(raw, "noise.yaml")
    diagnostics = list(result.diagnostics)
    if result.document is not None:
        diagnostics += validate(result.document)
    else:
        assert diagnostics
    _located(diagnostics, "noise.yaml")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "charters").mkdir()
    return tmp_path


@_scaled(5)
@given(text=st.one_of(mutated(), charter_data().map(dump)))
def test_the_command_line_exits_with_0_or_1_and_no_traceback(text: str, folder: Path) -> None:
    charter = folder / "charters" / "fuzz.yaml"
    charter.write_text(text, encoding="utf-8", errors="surrogatepass")
    runner = CliRunner()
    codes = {}
    for name, args in (("validate", ["validate", "--format", "json"]),
                       ("check", ["check", "--today", "2026-11-23"]),
                       ("render", ["render", "--out", "out", "--public", "--today",
                                   "2026-11-23"])):
        result = runner.invoke(cli, args)
        assert result.exit_code in (0, 1), (name, result.output, result.exception)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            name, result.exception)
        assert "Traceback" not in result.output
        codes[name] = result.exit_code
    # an invalid charter is invalid for every command; a valid one renders
    if codes["validate"] == 1:
        assert codes["render"] == 1
    else:
        assert codes["render"] == 0
        written = [p for p in (folder / "out").rglob("*") if p.is_file()]
        assert all(p.resolve().is_relative_to(folder / "out") for p in written)


@_scaled(50)
@given(char=st.one_of(st.sampled_from(CONTROL), st.characters(categories=("Cc", "Cs"))),
       in_key=st.booleans(), prefix=st.text(st.characters(codec="ascii", categories=("L",)),
                                             max_size=5))
def test_control_characters_and_surrogates_are_located_errors(char: str, in_key: bool,
                                                              prefix: str) -> None:
    allowed = char in "\t\n\u2028"  # tab, line feed and line separator are text
    escape = "".join(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"
                     for c in char)
    line = f'  "{prefix}{escape}": x\n' if in_key else f'  sector: "{prefix}{escape}"\n'
    text = "format: 1\ncompany:\n  name: Acme\n  language: en\n" + line
    charter, diagnostics = _check(text)
    if allowed:
        return
    assert charter is None
    first = diagnostics[0]
    assert (first.line, first.col) == (5, 4 + len(prefix) + (0 if in_key else 8)), first
    assert first.format().isprintable()
