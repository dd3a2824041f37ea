"""The JSON Schema for editors: valid draft-07, accepts the examples, agrees with validate."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from jsonschema import Draft7Validator

from chartergen.cli import cli
from chartergen.loader import load_text
from chartergen.schema import validate
from chartergen.schema.jsonschema import PATTERNS, SCHEMA_FILE_NAME, json_schema, render
from chartergen.schema.types import PARSERS

ROOT = Path(__file__).resolve().parents[2]
CHARTERS = ROOT / "charters"
EXAMPLES = sorted(CHARTERS.glob("*.yaml"))

MINIMAL = {"format": 1, "company": {"name": "Acme", "language": "en"}}


@pytest.fixture(scope="module")
def validator() -> Draft7Validator:
    return Draft7Validator(json_schema())


def _errors(validator: Draft7Validator, data: Any) -> list[str]:
    return [
        "/".join(str(p) for p in error.absolute_path) + ": " + error.validator
        for error in validator.iter_errors(data)
    ]


def test_schema_is_valid_draft_07() -> None:
    schema = json_schema()
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)


def test_committed_schema_is_up_to_date() -> None:
    committed = (CHARTERS / SCHEMA_FILE_NAME).read_text(encoding="utf-8")
    assert committed == render(), (
        "charters/charter.schema.json is stale: run "
        "'chartergen schema --out charters/charter.schema.json' and commit it"
    )


def test_schema_command_prints_the_schema_and_writes_it(tmp_path: Path) -> None:
    printed = CliRunner().invoke(cli, ["schema"])
    assert printed.exit_code == 0
    assert printed.stdout == render()
    out = tmp_path / "charter.schema.json"
    written = CliRunner().invoke(cli, ["schema", "--out", str(out)])
    assert written.exit_code == 0
    assert out.read_text(encoding="utf-8") == render()


def test_there_are_examples() -> None:
    assert EXAMPLES, "no example charter in charters/"


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_pass_the_schema(path: Path, validator: Draft7Validator) -> None:
    loaded = load_text(path.read_text(encoding="utf-8"), str(path))
    assert loaded.document is not None
    assert _errors(validator, loaded.document.data) == []


def test_help_texts_become_descriptions() -> None:
    schema = json_schema()
    network = schema["properties"]["networks"]["items"]["properties"]
    assert network["why"]["description"] == (
        "Why the company is on this network rather than another."
    )
    assert "- reserved: name held to protect the brand; no publishing" in (
        network["status"]["description"]
    )
    assert "Give the id of a role declared in 'team.roles'." in network["owner"]["description"]
    assert network["status"]["enum"][-1] is None  # a choice may be left empty
    assert schema["properties"]["company"]["required"] == ["name", "language"]
    assert schema["properties"]["networks"]["items"]["defaultSnippets"][0]["body"] == {
        "id": "$1", "platform": "$2",
    }
    assert schema["additionalProperties"] is False


WRONG: list[tuple[str, dict[str, Any], str]] = [
    ("format 2", {"format": 2}, "format: enum"),
    ("format as text", {"format": "1"}, "format: type"),
    ("unknown section", {"netwroks": []}, ": additionalProperties"),
    ("language not offered", {"company": {"name": "A", "language": "de"}},
     "company/language: enum"),
    ("name missing", {"company": {"language": "en"}}, "company: required"),
    ("status not offered", {"networks": [{"id": "li", "platform": "linkedin",
                                          "status": "open"}]}, "networks/0/status: enum"),
    ("posts as words", {"networks": [{"id": "li", "platform": "linkedin",
                                      "cadence": {"posts": "four", "per": "week"}}]},
     "networks/0/cadence/posts: type"),
    ("duration without unit", {"networks": [{"id": "li", "platform": "linkedin",
                                             "reply_targets": {"comment": "2"}}]},
     "networks/0/reply_targets/comment: pattern"),
    ("bad id", {"team": {"roles": [{"id": "Head Of Comms", "title": "Head"}]}},
     "team/roles/0/id: pattern"),
    ("javascript link", {"company": {"name": "A", "language": "en",
                                     "website": "javascript:alert(1)"}},
     "company/website: pattern"),
    ("section as text", {"scope": "everyone"}, "scope: type"),
    ("list as text", {"scope": {"applies_to": "everyone"}}, "scope/applies_to: type"),
    ("flag as text", {"engagement": {"log_deletions": "sometimes"}},
     "engagement/log_deletions: type"),
    ("share over 100", {"content": {"promotional_ceiling": 120}},
     "content/promotional_ceiling: maximum"),
    ("unknown field in an entry", {"crisis": {"contacts": [{"id": "a", "name": "A",
                                                           "mobile": "+33 1 00 00 00"}]}},
     "crisis/contacts/0: additionalProperties"),
]


@pytest.mark.parametrize(("case", "change", "expected"), WRONG, ids=[w[0] for w in WRONG])
def test_wrong_values_fail_the_schema_and_validate(
    case: str, change: dict[str, Any], expected: str, validator: Draft7Validator
) -> None:
    data = {**MINIMAL, **change}
    assert expected in _errors(validator, data)
    # and chartergen validate agrees that the charter is wrong
    text = json.dumps(data)  # JSON is YAML
    loaded = load_text(text, "acme.yaml")
    assert loaded.document is not None
    assert validate(loaded.document)


VALUES: dict[str, list[Any]] = {
    "duration": ["30min", "4h", "2d", "1w", "1h30min", "1.5h", " 2 H ", "2", "h", "2 hours",
                 "-1h", ""],
    "date": ["2027-03-31", "2026-01-01", "2027-3-31", "31/03/2027", "2027-13-01", "2027-00-10",
             "20270331", ""],
    "month": ["2026-05", " 2026-05 ", "2026-05-14", "2026-13", "2026-00", "2026-5", "May 2026",
              "202605", "2026-05-32", ""],
    "percent": ["20%", "20 %", "0%", "100%", "100.0%", "12,5%", "007%", "150%", "100.5%",
                "20", "twenty", "%"],
    "money": ["12000 EUR", "12 000 EUR", "4500.50 USD", "4500,5 EUR", "12000", "EUR 12000",
              "12000 eur", "12000 EURO", "1.234 EUR"],
    "url": ["https://www.example.com", "http://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM",
            "mailto:someone@example.com", "https://", "ftp://example.com",
            "javascript:alert(1)", "www.example.com", "https://exa mple.com",
            "mailto:nobody", "data:text/html,hi"],
    "email": ["name@example.com", "first.last+tag@sub.example.fr", "name@example",
              "name example.com", "@example.com", "name@@example.com", "<a@b.fr>"],
    "phone": ["+33 4 72 00 00 00", "04 72 00 00 00", "+1 (555) 010-0199", "0472000000",
              "12345", "call me", "+33", "++33 4 72 00 00 00", "04.72.00.00.00"],
    "time": ["09:30", "9:30", "23:59", "00:00", "24:00", "12:60", "9h30", "0930"],
}


@pytest.mark.parametrize("kind", sorted(PATTERNS))
def test_patterns_accept_what_the_parsers_accept(kind: str) -> None:
    assert set(PATTERNS) == set(PARSERS)
    validator = Draft7Validator({"type": "string", "pattern": PATTERNS[kind]})
    for value in VALUES[kind]:
        try:
            PARSERS[kind](value)
            parsed = True
        except ValueError:
            parsed = False
        assert validator.is_valid(value) == parsed, (kind, value, parsed)
