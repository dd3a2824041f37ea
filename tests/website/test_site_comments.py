"""A network's ``comments`` (whether people can comment there), a field the network page
lists from the schema: shown in the charter's language, an unset value read as not stated
(never as a no), and the audit's mistake 4 when every network in use is closed to talk."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sitetools import as_read

from chartergen.audit import Status, run
from chartergen.loader import load_file
from chartergen.model import build
from chartergen.render.site import render_charter
from chartergen.render.view import CharterSource

TODAY = dt.date(2026, 12, 4)
ROOT = Path(__file__).resolve().parents[2]
DUMAS = ROOT / "tests" / "diagnosis" / "companies" / "cabinet-dumas" / "charter.yaml"


def network_page(data: dict[str, Any], network: str = "instagram") -> str:
    charter = build(data, "acme", "acme.yaml")
    source = CharterSource(charter, "charters/acme.yaml", audit=run(charter, TODAY))
    rendered = render_charter(source, "acme", today=TODAY)
    return as_read(next(p.markdown for p in rendered.pages
                        if p.src == f"acme/networks/{network}.md"))


def charter_with(language: str, **network: Any) -> dict[str, Any]:
    return {"format": 1, "company": {"name": "Acme", "language": language},
            "networks": [{"id": "instagram", "platform": "instagram", "status": "active",
                          **network}]}


@pytest.mark.parametrize(("language", "label", "yes", "no", "unset"), [
    ("en", "Comments open", "Yes", "No", "Not stated"),
    ("fr", "Commentaires ouverts", "Oui", "Non", "Non précisé"),
])
def test_the_network_page_says_whether_comments_are_open(language: str, label: str, yes: str,
                                                         no: str, unset: str):
    row = f"<dt>{label}</dt><dd>{{}}</dd>"
    assert row.format(no) in network_page(charter_with(language, comments=False))
    assert row.format(yes) in network_page(charter_with(language, comments=True))
    left_out = network_page(charter_with(language))
    assert row.format(unset) in left_out
    assert row.format(no) not in left_out


def test_the_dentists_whose_notes_say_comments_are_off_show_it_and_fail_mistake_4():
    document = load_file(DUMAS).document
    assert document is not None
    data = document.data
    assert data["networks"][0]["comments"] is False
    assert "<dt>Commentaires ouverts</dt><dd>Non</dd>" in network_page(data)
    check = next(c for m in run(build(data, "cabinet-dumas", str(DUMAS)), TODAY).mistakes
                 for c in m.checks if c.id == "m4.some-conversation")
    assert check.status is Status.FAIL
    assert check.reason.startswith("Les commentaires sont désactivés sur Instagram")


def test_comments_off_on_one_network_of_two_is_not_evidence_alone():
    data = charter_with("en", comments=False)
    data["networks"].append({"id": "facebook", "platform": "facebook", "status": "active",
                             "reply_targets": {"comment": "1d"}})
    check = next(c for m in run(build(data, "acme", "acme.yaml"), TODAY).mistakes
                 for c in m.checks if c.id == "m4.some-conversation")
    assert check.status is Status.PASS
    data["networks"][1]["comments"] = False
    check = next(c for m in run(build(data, "acme", "acme.yaml"), TODAY).mistakes
                 for c in m.checks if c.id == "m4.some-conversation")
    assert check.status is Status.FAIL
