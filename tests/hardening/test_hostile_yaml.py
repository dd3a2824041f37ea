"""YAML a pull request may hold: nothing in it runs code, and nothing blows up memory or time.

Each case must give a clean, located report (or load as plain data) within a second
or two. The bound is generous (a charter loads and validates in a few
milliseconds): it only catches a hang or an explosion, such as a quadratic regular
expression or parser on a 1 MiB value.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from chartergen.loader import MAX_BYTES, load_bytes
from chartergen.schema import validate

HEAD = "format: 1\ncompany:\n  name: Acme\n  language: en\n"
BOUND = 60.0
"""Seconds. The worst 1 MiB case (a long value the pure-Python round trip must scan to
locate a problem) takes a second or two on an idle machine and was seen at 11 s on a
2-core runner busy with other builds; the quadratic cases fixed here took minutes to days,
so a generous bound still catches them without making the suite depend on load."""
FILL = MAX_BYTES - 200
"""Characters of payload that keep a case just under the size limit."""


def _report(text: str | bytes) -> list[str]:
    """Load and validate, timed; the report as ``chartergen validate`` prints it."""
    start = time.perf_counter()
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    result = load_bytes(raw, "pr.yaml")
    diagnostics = list(result.diagnostics)
    if result.document is not None:
        diagnostics += validate(result.document)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"took {elapsed:.2f}s"
    for d in diagnostics:
        assert d.line >= 1 and d.col >= 1 and d.message
    return [d.format() for d in diagnostics]


def test_a_tab_the_fast_parser_accepts_is_still_located() -> None:
    # libyaml reads a tab inside a plain key, the round trip does not: the report must
    # come from the round trip, located, never an exception while locating
    report = _report("f\trmat: 1\ncompany:\n  name: Acme\n  language: en\n")
    assert len(report) == 1 and report[0].startswith("pr.yaml:1:2: error: a tab character")
    report = _report(HEAD.replace("name: Acme", "name: Ac\tme"))
    assert len(report) == 1 and report[0].startswith("pr.yaml:3:11: error: a tab character")


def test_tags_never_construct_objects_or_run_commands(tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    for tag in ("!!python/object/apply:os.system", "!!python/object/new:os.system",
                "!!python/name:os.system", "!!python/module:os", "!<tag:yaml.org,2002:python/"
                "object/apply:os.system>"):
        text = HEAD.replace("name: Acme", f'name: {tag} ["touch {marker}"]')
        report = _report(text)
        assert len(report) == 1 and "is a YAML tag; charters may not use tags" in report[0]
        assert report[0].startswith("pr.yaml:3:9: error: ")
    assert not marker.exists()


def test_an_alias_bomb_is_refused_before_it_expands() -> None:
    lines = [HEAD.rstrip("\n"), 'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 40):  # 7**40 strings if it ever expanded
        lines.append(f"a{level}: &a{level} [{', '.join([f'*a{level - 1}'] * 7)}]")
    report = _report("\n".join(lines) + "\n")
    assert report[0] == ("pr.yaml:5:5: error: '&a0' marks a YAML anchor; charters may not use "
                         "anchors or aliases: remove it")
    # one report per anchor and per alias name, not one per use
    assert len(report) == 40 + 39


def test_merge_keys_are_refused() -> None:
    text = HEAD + "team:\n  roles:\n    - <<: {id: cm, title: CM}\n"
    assert _report(text) == [
        "pr.yaml:7:7: error: '<<' merge keys are not allowed in a charter; write the keys out"
    ]


@pytest.mark.parametrize("opening", ["[", "{a: "])
def test_a_megabyte_of_flow_nesting_stops_at_the_depth_limit(opening: str) -> None:
    report = _report(HEAD + "x: " + opening * (FILL // len(opening)) + "\n")
    # the document is level 1: the 64th opening is level 65
    assert report == [f"pr.yaml:5:{4 + 63 * len(opening)}: error: the YAML nests deeper "
                      "than 64 levels"]


def test_deep_block_nesting_stops_at_the_depth_limit() -> None:
    text = HEAD + "".join(f"{' ' * level}k{level}:\n" for level in range(1000))
    report = _report(text)
    assert report == ["pr.yaml:69:65: error: the YAML nests deeper than 64 levels"]


def test_a_file_over_the_limit_is_refused_unread() -> None:
    report = _report(HEAD + "x: " + "a" * MAX_BYTES + "\n")
    assert report == ["pr.yaml:1:1: error: a charter may be at most 1024 KiB"]


@pytest.mark.parametrize(("field", "value"), [
    ("company.name", "a" * FILL),
    ("company.description", "[" * FILL),  # Markdown link scanning: was quadratic
    ("company.description", "[a](" * (FILL // 4)),
    ("company.description", "<a href=" * (FILL // 8)),
    ("company.website", "https://" + "a" * FILL),
    ("team.budget.amount", "1" + " " * FILL + "x"),  # money: was quadratic
    ("team.budget.amount", "1 " * (FILL // 2) + "EUR"),
    ("crisis.drills.last", "2" * FILL),
    ("networks.0.time_per_post", "1h" * (FILL // 2) + "x"),
    ("team.roles.0.email", "a@" + "a." * (FILL // 2)),
    ("team.roles.0.phone", "+" + "1 " * (FILL // 2)),
    ("content.pillars.0.share", "1" * FILL + "%"),
], ids=lambda value: value if len(value) < 40 else f"{value[:6]}...")
def test_a_megabyte_value_is_checked_in_time(field: str, value: str) -> None:
    report = _report(_charter(field, value))
    assert all(line.startswith("pr.yaml:") for line in report)


def test_a_huge_integer_is_a_located_error_not_a_crash() -> None:
    # Python refuses to convert more than 4300 digits (int_max_str_digits)
    report = _report(HEAD + "team:\n  roles:\n    - id: a\n      title: A\n"
                     "      hours_per_week: " + "9" * 100_000 + "\n")
    assert len(report) == 1
    assert report[0].startswith("pr.yaml:") and ": error: " in report[0]


def test_tens_of_thousands_of_values_are_refused_unchecked() -> None:
    assert _report(HEAD + "".join(f"k{i}: {i}\n" for i in range(60_000))) == [
        # counted while parsing: it stops at the entry past the cap, located
        "pr.yaml:10001:1: error: the file holds more than 10,000 keys and list entries; a "
        "charter may hold at most 10,000 (a complete one holds about 1,000), so it was not "
        "checked"
    ]
    items = ", ".join(f"w{i}" for i in range(FILL // 10))
    report = _report(HEAD + f"scope:\n  applies_to: [{items}]\n")
    assert len(report) == 1 and "so it was not checked" in report[0]


def test_thousands_of_problems_are_found_in_time_and_the_report_stays_short() -> None:
    report = _report(HEAD + "".join(f"k{i}: {i}\n" for i in range(9_000)))
    assert len(report) == 201
    assert report[0] == ("pr.yaml:5:1: error: 'k0' is not a field of the charter (fields: "
                         "format, company, document, scope, strategy, audiences, objectives, "
                         "networks, content, voice, team, engagement, staff, accounts, "
                         "monitoring, crisis, measurement, independence, reviews, internal, "
                         "notes) (k0)")
    assert report[-1] == ("pr.yaml:205:7: error: 8,800 more problems like the ones above are "
                          "not listed; fix those and validate again (k200)")
    roles = "team:\n  roles:\n" + "".join(
        f"    - {{id: r{i}, title: R, backup: x{i}}}\n" for i in range(2_000))
    report = _report(HEAD + roles)
    assert len(report) == 201
    assert report[0] == ("pr.yaml:7:34: error: 'x0' is not one of this charter's roles "
                         "(roles: " + ", ".join(f"r{i}" for i in range(30)) + ", ...) "
                         "(team.roles[0].backup)")
    assert report[-1].startswith("pr.yaml:207:36: error: 1,800 more references to ids the "
                                 "charter does not declare are not listed")


def _charter(field: str, value: str) -> str:
    """A charter setting ``field`` (dotted; a digit names a list entry) to ``value``."""
    import io

    from ruamel.yaml import YAML

    firsts = {"roles": {"id": "x", "title": "X"}, "networks": {"id": "x", "platform": "linkedin"},
              "pillars": {"id": "x", "name": "X"}}
    data: dict = {"format": 1, "company": {"name": "Acme", "language": "en"}}
    node: dict = data
    parts = field.split(".")
    for index, part in enumerate(parts[:-1]):
        if part.isdigit():
            continue
        if parts[index + 1].isdigit():
            entry = dict(firsts[part])
            node[part] = [entry]
            node = entry
        else:
            node = node.setdefault(part, {})
    node[parts[-1]] = value
    stream = io.StringIO()
    yaml = YAML(typ="safe", pure=True)
    yaml.width = 1 << 30
    yaml.dump(data, stream)
    return stream.getvalue()
