"""Mutated charters always give a clean, located report: never an exception."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chartergen.errors import Severity
from chartergen.loader import load_bytes
from chartergen.model import build
from chartergen.schema import validate

BASE = """\
format: 1
company:
  name: Acme
  language: en
document:
  version: "1.0"
  status: approved
  owner: head
  approved_on: 2026-01-10
  next_review: 2027-01-10
team:
  roles:
    - id: head
      title: Head of communications
      hours_per_week: 6
    - id: cm
      title: Community manager
      backup: head
audiences:
  - id: buyers
    name: Buyers
objectives:
  - id: leads
    type: lead-generation
    statement: Generate qualified leads
    kpis:
      - metric: Demo requests
        target: "20 a month"
        deadline: 2027-06-30
networks:
  - id: linkedin
    platform: linkedin
    status: active
    audiences: [buyers]
    objectives: [leads]
    owner: cm
    backup: head
    cadence: {posts: 3, per: week}
    reply_targets: {comment: 1d, message: 4h}
content:
  pillars:
    - {id: expertise, name: Expertise, share: 70%}
    - {id: offers, name: Offers, share: 30%, promotional: true}
  promotional_ceiling: 30%
crisis:
  contacts:
    - id: ceo
      name: Jane Roe
      phone: "+33 1 99 00 01 01"
"""

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "charters").glob("*.yaml"))
SOURCES = [BASE] + [p.read_text(encoding="utf-8") for p in EXAMPLES]
LINE = re.compile(r"^\d+$")


def _mutate(text: str, data: st.DataObject) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(data.draw(st.integers(1, 4))):
        if not lines:
            break
        i = data.draw(st.integers(0, len(lines) - 1))
        op = data.draw(st.sampled_from(["delete", "duplicate", "swap", "garble", "indent",
                                        "insert"]))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = data.draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "garble":
            pos = data.draw(st.integers(0, max(0, len(lines[i]) - 1)))
            junk = data.draw(st.text(alphabet=":-[]{}&*!#'\"\t |>%@`,?\x00é 0aZ", max_size=4))
            lines[i] = lines[i][:pos] + junk + lines[i][pos + 1:]
        elif op == "indent":
            lines[i] = data.draw(st.sampled_from(["  ", "    ", ""])) + lines[i].lstrip()
        else:
            lines.insert(i, data.draw(st.text(max_size=30)) + "\n")
    return "".join(lines)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(SOURCES), data=st.data())
def test_mutated_charter_gives_a_clean_located_report(source: str, data: st.DataObject) -> None:
    text = _mutate(source, data)
    result = load_bytes(text.encode("utf-8", "surrogatepass"), "fuzz.yaml")
    diagnostics = list(result.diagnostics)
    if result.document is not None:
        diagnostics += validate(result.document)
    for d in diagnostics:
        assert d.path == "fuzz.yaml"
        assert d.line >= 1 and d.col >= 1
        assert d.message and "Traceback" not in d.message
        assert d.format().startswith(f"fuzz.yaml:{d.line}:{d.col}: {d.severity}: ")
    if result.document is None:
        assert any(d.severity is Severity.ERROR for d in diagnostics)
    elif not any(d.is_error for d in diagnostics):
        # whatever validates must build the typed model
        build(result.document.data, "fuzz")


@given(raw=st.binary(max_size=400))
def test_random_bytes_never_raise(raw: bytes) -> None:
    result = load_bytes(raw, "noise.yaml")
    if result.document is not None:
        validate(result.document)
    else:
        assert result.diagnostics
