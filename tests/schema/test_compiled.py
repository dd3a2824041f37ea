"""The quick check (schema/compiled.py) and cerberus agree on every document.

``chartergen validate`` trusts the quick check's "valid" and skips cerberus, so a
document it passes that cerberus would refuse would be a charter wrongly declared
valid. Both are asked about every charter that loads in the repository (the
examples, the validation corpus in both languages, every YAML file of the tests)
and about documents generated from the schema, most of them nearly valid, each
with a few wrong values, unknown keys or missing required fields.
"""

from __future__ import annotations

import math
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chartergen.loader import load_file
from chartergen.schema.charter import SCHEMA
from chartergen.schema.compiled import compile_mapping, compile_rule, is_valid
from chartergen.schema.fields import ID_PATTERN, Rule
from chartergen.schema.structure import _validator

ROOT = Path(__file__).resolve().parents[2]


def cerberus_says_valid(data: Any) -> bool:
    return bool(_validator().validate(data, normalize=False))


def _repository_charters() -> list[Path]:
    found = sorted((ROOT / "charters").glob("*.yaml"))
    found += sorted(p for p in (ROOT / "tests").rglob("*.yaml") if "node_modules" not in p.parts)
    return found


def test_every_charter_of_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # charters given as links are read from inside the project
    verdicts = {True: 0, False: 0}
    for path in _repository_charters():
        loaded = load_file(path)
        if loaded.document is None:
            continue
        data = loaded.document.data
        expected = cerberus_says_valid(data)
        assert is_valid(data) == expected, path
        verdicts[expected] += 1
    # the corpus has both kinds in numbers: the comparison above means something
    assert verdicts[True] >= 20 and verdicts[False] >= 20, verdicts


# --- documents generated from the schema ------------------------------------------------------

GOOD = {
    "duration": ["2h", "30min", "1wd", "4 h", "1.5d 2h"],
    "date": ["2026-01-10", "2027-12-31"],
    "month": ["2026-05", "2026-05-14"],
    "percent": ["20%", "20,5 %", 20, 0.5],
    "money": ["12000 EUR", "4 500.50 USD"],
    "url": ["https://example.com/a", "mailto:a@example.com"],
    "email": ["name@example.com"],
    "phone": ["+33 1 99 00 01 01", "0472000000"],
    "time": ["09:30", "9:30"],
    "id": ["head", "cm-2", "a", "x" * 64],
    "string": ["text", "#tag", "Ünïcode", ""],
}
BAD = {
    "duration": ["2 jours", "h", 2],
    "date": ["2026-02-30", "10/01/2026", "2026-1-1"],
    "month": ["2026-13", "May 2026"],
    "percent": ["120%", -1, "x%"],
    "money": ["12000", "12 000 €"],
    "url": ["http://x", "javascript:alert(1)", "example.com", "https://a b.com"],
    "email": ["name@", "a b@example.com"],
    "phone": ["12", 33199000101],
    "time": ["24:00", "09h30"],
    "id": ["Head", "-a", "a-", "", "x" * 65],
}
"""Values of the custom types and ids, right and wrong."""

ODD = [None, True, False, 0, 1, -1, 10**400, 2.5, math.nan, math.inf, -math.inf, "", " ",
       "text", "yes", "1,5", [], {}, ["a"], {"a": 1}, [None], [1, "a"], "-item"]
"""Values of every kind YAML can give, for any field."""


def _value(rule: Rule, rng: random.Random, wrong: float, depth: int = 0) -> Any:
    """A value for ``rule``: right most of the time, something else with chance ``wrong``."""
    if rng.random() < wrong:
        return rng.choice(ODD + [v for values in BAD.values() for v in values])
    if rule.get("nullable") and rng.random() < 0.08:
        return None
    kinds = rule.get("type")
    kind = rng.choice(kinds) if isinstance(kinds, list) else kinds
    if kind == "dict":
        return _mapping(rule["schema"], rng, wrong, depth + 1)
    if kind == "list":
        return [_value(rule.get("schema", {}), rng, wrong, depth + 1)
                for _ in range(rng.randrange(0, 4 if depth < 3 else 1))]
    if "regex" in rule:
        kind = "id"
    right = rng.random() >= wrong * 3
    if "allowed" in rule:
        return rng.choice(list(rule["allowed"]) if right else ["", "other-value"])
    if kind in ("integer", "number"):
        low, high = rule.get("min", -5), min(rule.get("max", 2000), 10**6)
        number = rng.randint(int(low), int(high)) if right else rng.choice(
            [int(low) - 1, int(high) + 1])
        return number + 0.5 if kind == "number" and number < high else number
    if kind == "boolean":
        return rng.random() < 0.5
    return rng.choice(GOOD[kind] if right or kind not in BAD else BAD[kind])


def _mapping(rules: dict[str, Rule], rng: random.Random, wrong: float,
             depth: int = 0) -> dict[Any, Any]:
    names = [name for name in rules if rules[name].get("required") or rng.random() < 0.6]
    mapping = {name: _value(rules[name], rng, wrong, depth) for name in names}
    if rng.random() < wrong and mapping:
        del mapping[rng.choice(list(mapping))]  # maybe a required one
    if rng.random() < wrong / 2:
        mapping[rng.choice(["unknown", "Name", "plateform", 1])] = "x"
    return mapping


def _documents(seed: int, count: int) -> list[dict[Any, Any]]:
    rng = random.Random(seed)
    return [_mapping(SCHEMA, rng, wrong=rng.choice([0.0, 0.005, 0.02, 0.1]))
            for _ in range(count)]


def test_generated_documents_agree() -> None:
    verdicts = {True: 0, False: 0}
    for number, document in enumerate(_documents(seed=14, count=250)):
        expected = cerberus_says_valid(document)
        assert is_valid(document) == expected, (number, document)
        verdicts[expected] += 1
    assert verdicts[True] >= 25 and verdicts[False] >= 25, verdicts


@given(seed=st.integers(0, 2**32))
def test_generated_documents_agree_whatever_the_seed(seed: int) -> None:
    for document in _documents(seed, count=3):
        assert is_valid(document) == cerberus_says_valid(document), document


# --- each rule, word for word against cerberus --------------------------------------------------

RULES = [
    {"type": "integer", "allowed": [1]},
    {"type": "integer", "min": 0, "max": 10, "nullable": True},
    {"type": "number", "min": 0},
    {"type": ["string", "number"], "nullable": True},
    {"type": "string", "regex": ID_PATTERN, "empty": False},
    {"type": "string", "regex": "^a", "empty": True},
    {"type": "string", "allowed": ["a", "b"], "empty": True},
    {"type": "list", "schema": {"type": "string", "allowed": ["a", "b"]}},
    {"type": "list", "schema": {"type": "dict", "schema": {"id": {"type": "string",
                                                                  "required": True}}}},
    {"type": "dict", "schema": {"n": {"type": "integer", "required": True, "nullable": True}}},
    {"type": "duration"},
    {"type": "percent", "nullable": True},
    {"type": "boolean"},
]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: str(rule)[:60])
@pytest.mark.parametrize("value", [*ODD, "a", "b", "ab", "2h", "20%", 5, 11, [{"id": "x"}],
                                   [{}], {"n": None}, {"n": 1, "m": 2}], ids=repr)
def test_one_rule_one_value(rule: Rule, value: Any) -> None:
    from chartergen.schema.structure import validator_class

    expected = bool(validator_class()({"field": rule}).validate({"field": value},
                                                              normalize=False))
    try:
        quick = compile_mapping({"field": rule})({"field": value})
    except Exception:  # is_valid counts it as "not sure"
        quick = False
    assert quick == expected


def test_an_unknown_rule_is_left_to_cerberus() -> None:
    from chartergen.schema.compiled import UnknownRule

    with pytest.raises(UnknownRule):
        compile_rule({"type": "string", "minlength": 2})
