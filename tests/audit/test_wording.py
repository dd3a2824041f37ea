"""Reasons read the way the charter's language writes: dates, durations, amounts, lists.

The French example charter (Cidrerie du Bocage) is audited as of the team's fixed date;
`chartergen check` prints its reasons for people, while `--format json` keeps ISO dates
for programs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner

from chartergen.audit import run
from chartergen.cli import cli
from chartergen.loader import load_file
from chartergen.model import build

from .charters import TODAY

CIDRERIE = Path(__file__).resolve().parents[2] / "charters" / "cidrerie-du-bocage.yaml"
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _reasons(slug_path: Path) -> dict[str, list[str]]:
    loaded = load_file(slug_path)
    assert loaded.document is not None
    report = run(build(loaded.document.data, loaded.document.slug), TODAY)
    return {check.id: [check.reason, *(f.reason for f in check.findings)]
            for mistake in report.mistakes for check in mistake.checks}


def test_french_reasons_write_dates_out_in_french() -> None:
    reasons = _reasons(CIDRERIE)
    assert reasons["m1.charter-approved"] == [
        "Validée le 24\u00a0août\u00a02026 par Julien Lecanu, gérant."]
    assert reasons["m8.next-review"] == ["Prochaine revue\u00a0: 30\u00a0septembre\u00a02027."]
    assert ("Le dernier exercice date du 12\u00a0mars\u00a02025, il y a 621\u00a0jours."
            in reasons["m7.crisis-learning"])
    assert not [r for rs in reasons.values() for r in rs if ISO_DATE.search(r)]


def test_french_reasons_write_durations_amounts_and_lists_in_french() -> None:
    reasons = _reasons(CIDRERIE)
    assert reasons["m3.budget-stated"] == ["Budget\u00a0: 18\u202f000\u202fEUR par an."]
    assert reasons["m7.monitoring-fast-enough"][0].endswith(
        "tient la promesse de première réponse sous 4\u202fh («\u00a0Vigilance\u00a0»).")
    # the role titles hold commas and "et": a semicolon tells them apart
    assert reasons["m7.spokespeople"] == [
        "Parlent au nom de l'entreprise\u00a0: Responsable communication et boutique en ligne"
        "\u202f; Gérant\u202f; Co-gérante, responsable production et qualité."]


def test_check_prints_dates_for_people_and_json_keeps_them_iso() -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["check", str(CIDRERIE), "--today", "2026-11-23"]).stdout
    assert re.match(r"Cidrerie du Bocage \(\S+cidrerie-du-bocage\.yaml\)\u202f: 88/100 · "
                    r"complétude 95\u00a0%\n", text)
    assert "          confirmé le 24\u00a0août\u00a02026 par Julien Lecanu, gérant\n" in text
    assert "          confirmé le 5\u00a0octobre\u00a02026 par Claire Hamelin\n" in text
    assert not ISO_DATE.search(text)

    data = json.loads(runner.invoke(cli, ["check", "--format", "json", str(CIDRERIE),
                                          "--today", "2026-11-23"]).stdout)
    (charter,) = data["charters"]
    assert (data["today"], charter["today"]) == ("2026-11-23", "2026-11-23")
    dates = {item["confirmed_on"] for mistake in charter["mistakes"]
             for item in mistake["manual"] if item["confirmed_on"]}
    assert dates == {"2026-08-24", "2026-10-05"}
