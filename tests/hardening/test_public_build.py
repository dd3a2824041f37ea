"""The public build leaks nothing: every file of the public site is searched for every
personal or internal value of the example charters.

One internal and one public build of the three examples (copies, to which the test
adds an ``internal`` list and ``notes``), with ``chartergen build``. The values are
read from the charters themselves, never typed here, so a new contact or budget line
in an example is covered at once. Each value is looked for in every file of the
output folder (HTML, search index, sitemap, scripts, compressed sitemap) as written,
HTML-unescaped, JSON-decoded and, for phone numbers, as bare digits. The internal
build must show each value (so the search could fail); the public build must show none.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from ruamel.yaml import YAML

from chartergen.cli import cli
from chartergen.public import EMAIL
from chartergen.render.formatting import Formatter
from chartergen.render.site import labels_for
from chartergen.schema.types import parse_money

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "charters").glob("*.yaml"))
TODAY = "2026-11-23"

# Added to the copy of hartwell-pumps: parts the charter itself marks internal.
MARKED = """
internal:
  - strategy.swot
  - networks.x
  - team.outside_help
  - crisis.holding_statements.hacked
  - monitoring.alert_thresholds
notes: |
  Budget for 2027 not agreed yet: ask finance before the board meeting.
  The *TikTok* question is parked until the Quorvex tender is decided.
"""
FRENCH_NOTES = """
notes: "Penser à renouveler le contrat du photographe Zébulon Trouvé avant mars."
"""
PHONE_IN_TEXT = re.compile(r"\+?\(?\d[\d ().\-]{6,}\d")


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = tmp_path_factory.mktemp("public")
    (project / "charters").mkdir()
    for example in EXAMPLES:
        shutil.copy(example, project / "charters" / example.name)
    with (project / "charters" / "hartwell-pumps.yaml").open("a", encoding="utf-8") as f:
        f.write(MARKED)
    with (project / "charters" / "cidrerie-du-bocage.yaml").open("a", encoding="utf-8") as f:
        f.write(FRENCH_NOTES)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project)
        for args in (["build", "-q", "--today", TODAY],
                     ["build", "-q", "--public", "--today", TODAY]):
            result = CliRunner().invoke(cli, args)
            assert result.exit_code == 0, result.output
    return {"internal": project / "site", "public": project / "site-public",
            "charters": project / "charters"}


def secrets(charters: Path) -> dict[str, list[str]]:
    """Every value a public site must not show, by kind, read from the charters."""
    found: dict[str, list[str]] = {"name": [], "email": [], "phone": [], "budget": [],
                                   "notes": [], "internal": []}
    for path in sorted(charters.glob("*.yaml")):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        crisis, team = data.get("crisis", {}), data.get("team", {})
        for contact in crisis.get("contacts", []):
            found["name"].append(contact["name"])
            found["phone"] += [contact.get("phone"), contact.get("out_of_hours")]
            found["email"].append(contact.get("email"))
        for role in team.get("roles", []):
            found["name"].append(role.get("holder"))
            found["email"].append(role.get("email"))
            found["phone"].append(role.get("phone"))
        document = data.get("document", {})
        found["name"].append(document.get("approved_by"))
        found["name"] += [h.get("author") for h in document.get("history", [])]
        found["name"] += [r.get("reviewer") for r in data.get("reviews", [])]
        budget = team.get("budget", {})
        found["budget"] += [budget.get("amount")] + [i.get("amount") for i in budget.get(
            "items", [])]
        # an item's name, unless it is one common word found elsewhere too ("Tools")
        found["budget"] += [i["name"] for i in budget.get("items", []) if " " in i["name"]]
        text = path.read_text(encoding="utf-8")
        found["email"] += EMAIL.findall(text)
        found["phone"] += [p for p in PHONE_IN_TEXT.findall(text)
                           if len(re.sub(r"\D", "", p)) >= 9 and not p.startswith("20")]
        for account in data.get("accounts", {}).get("register", []):
            found["internal"] += [account.get("recovery")]
        if data.get("notes"):
            found["notes"] += [line.replace("*", "") for line in data["notes"].splitlines()
                               if line.strip()]
        if "internal" in data:
            strategy = data.get("strategy", {})
            marked = [w for items in strategy.get("swot", {}).values() for w in items]
            x = next(n for n in data["networks"] if n["id"] == "x")
            marked += [x["url"], x["why"].split(".")[0]]
            marked += [h["name"] for h in team.get("outside_help", [])]
            hacked = next(s for s in crisis["holding_statements"] if s["id"] == "hacked")
            marked += [hacked["text"].split(".")[0]]
            marked += data.get("monitoring", {}).get("alert_thresholds", [])
            # a marked value written elsewhere too (a SWOT threat also watched as a
            # competitor) may rightly stay public where it is repeated
            found["internal"] += [v for v in marked if text.count(v) == 1]
    return {kind: sorted({str(v) for v in values if v}) for kind, values in found.items()}


def corpus(site: Path) -> list[tuple[str, str]]:
    """(file, text) for every file of the site, in every form a value could take there."""
    out = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8", errors="replace")
        forms = [text, html.unescape(text), html.unescape(re.sub(r"<[^>]*>", "", text))]
        if path.suffix == ".json":
            forms.append(html.unescape(" ".join(_strings(json.loads(text)))))
        out.append((str(path.relative_to(site)), "\n".join(forms)))
    return out


def _strings(node: Any) -> list[str]:
    if isinstance(node, str):
        return [node]
    if isinstance(node, dict):
        return [s for value in node.values() for s in _strings(value)]
    if isinstance(node, list):
        return [s for value in node for s in _strings(value)]
    return []


def _variants(kind: str, value: str) -> list[str]:
    squeezed = " ".join(value.split())
    variants = {squeezed, squeezed.replace(" ", "\u00a0"), squeezed.replace(" ", "\u202f")}
    if kind == "phone":
        digits = re.sub(r"\D", "", value)
        variants |= {digits, "+" + digits}
    if kind == "budget" and value[:1].isdigit():  # as the site writes it: "45,000 GBP"
        for language in ("en", "fr"):
            variants.add(Formatter(labels_for(language)).money(parse_money(value)))
    return sorted(variants)


def where(kind: str, value: str, files: list[tuple[str, str]]) -> list[str]:
    needles = _variants(kind, value)
    return [name for name, text in files if any(n in text for n in needles)]


def test_the_examples_give_the_search_something_to_find(sites: dict[str, Path]) -> None:
    found = secrets(sites["charters"])
    assert len(found["name"]) >= 20 and len(found["phone"]) >= 15
    assert len(found["email"]) >= 10 and len(found["budget"]) >= 20
    assert len(found["notes"]) == 3 and len(found["internal"]) >= 20


def test_the_internal_site_shows_every_value(sites: dict[str, Path]) -> None:
    files = corpus(sites["internal"])
    missing = [(kind, value) for kind, values in secrets(sites["charters"]).items()
               for value in values if not where(kind, value, files)]
    assert missing == []


def test_the_public_site_shows_none_of_them_in_any_file(sites: dict[str, Path]) -> None:
    files = corpus(sites["public"])
    assert any(name.endswith("search_index.json") for name, _ in files)
    assert any(name == "sitemap.xml" for name, _ in files)
    leaks = {(kind, value): where(kind, value, files)
             for kind, values in secrets(sites["charters"]).items() for value in values}
    assert {key: files for key, files in leaks.items() if files} == {}


def test_the_public_site_keeps_the_policy(sites: dict[str, Path]) -> None:
    public = sites["public"]
    for page in ("hartwell-pumps/strategy.html", "hartwell-pumps/crisis.html",
                 "hartwell-pumps/networks/linkedin.html", "cidrerie-du-bocage/staff.html"):
        assert (public / page).is_file(), page
    crisis = _text(public / "hartwell-pumps/crisis.html")
    assert "Level 3 – Serious" in crisis and "We are aware of an incident" in crisis
    roles = _text(public / "hartwell-pumps/roles.html")
    assert "Digital and Social Media Manager" in roles and "Nobody named" not in roles
    assert "Catherine Doyle" not in crisis and "General Counsel" not in crisis


def test_upkeep_pages_left_out_parts_and_gaps_are_not_published(sites: dict[str, Path]) -> None:
    internal, public = sites["internal"], sites["public"]
    assert (internal / "hartwell-pumps/checklist.html").is_file()
    assert (internal / "hartwell-pumps/networks/x.html").is_file()
    for page in ("hartwell-pumps/checklist.html", "hartwell-pumps/propose-a-change.html",
                 "hartwell-pumps/networks/x.html", "northwind-studio/crisis.html",
                 "northwind-studio/checklist.html"):
        assert not (public / page).exists(), page
    sitemap = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert "checklist" not in sitemap and "propose-a-change" not in sitemap
    assert "networks/x" not in sitemap
    for path in public.rglob("*.html"):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        assert soup.select(".cg-gaps, .cg-chart, .cg-notes") == [], path
        assert soup.select("a.md-content__button") == [], path  # no edit link
        links = [a.get("href", "") for a in soup.find_all("a")]
        assert not any("checklist" in link or "propose-a-change" in link for link in links)
    home = _text(public / "index.html")
    assert "Score" not in home and "Hartwell Pumps Ltd" in home


def test_notes_show_on_the_internal_site_only(sites: dict[str, Path]) -> None:
    overview = BeautifulSoup((sites["internal"] / "hartwell-pumps/index.html").read_text(
        encoding="utf-8"), "html.parser")
    notes = overview.select_one(".cg-notes")
    assert notes is not None and "TikTok" in notes.get_text()
    assert notes.select_one("em").get_text() == "TikTok"


def _text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    assert article is not None
    return article.get_text(" ", strip=True)


def name_variants(name: str, company: str) -> list[str]:
    """The forms a person's name takes in text and addresses, written out here on purpose
    (not by chartergen.leaks): first name, surname, initials, without accents, joined."""
    name = re.sub(r"^(?:Dr|Mr|Mrs|Ms|Maître|Mme|M\.)\s+", "", name.split(",")[0].strip())
    forms = set()
    for spelled in (name, _accent_free(name)):
        parts = spelled.split()
        forms.add(spelled)
        if len(parts) > 1:
            forms |= {joiner.join(parts) for joiner in ("_", "-", "+", "%20")}
            forms |= {".".join(parts).lower(), f"{parts[0][0]}. {parts[-1]}",
                      f"{parts[0][0]} {parts[-1]}"}
        for part in parts:
            if len(part) >= 3 and part.lower() not in company.lower():
                forms |= {f"\\b{part}\\b", f"{part}'s", f"~{part.lower()}"}
    return sorted(forms)


def _accent_free(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))


def test_the_public_site_shows_no_variant_of_a_personal_value(sites: dict[str, Path]) -> None:
    import urllib.parse

    files = [(name, text + "\n" + urllib.parse.unquote(text) + "\n" + _accent_free(text))
             for name, text in corpus(sites["public"])]
    yaml = YAML(typ="safe")
    checked = 0
    for path in sorted(sites["charters"].glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"))
        company = data["company"]["name"]
        people = [c["name"] for c in data.get("crisis", {}).get("contacts", [])] + [
            r["holder"] for r in data.get("team", {}).get("roles", []) if r.get("holder")]
        phones = [p for c in data.get("crisis", {}).get("contacts", [])
                  for p in (c.get("phone"), c.get("out_of_hours")) if p] + [
            r["phone"] for r in data.get("team", {}).get("roles", []) if r.get("phone")]
        emails = [e for entry in (*data.get("crisis", {}).get("contacts", []),
                                  *data.get("team", {}).get("roles", []))
                  if (e := entry.get("email"))]
        needles = [v for person in people for v in name_variants(person, company)]
        for phone in phones:
            digits = re.sub(r"\D", "", phone)
            # as written, as bare digits, and with any separators between the digits
            needles += [phone, digits, digits[-9:],
                        r"[\s.\-()/]?".join(digits[-9:])]
        for email in emails:
            local, domain = email.split("@")
            # "x at y dot org", "x [at] y [dot] org", "x (at) y (dot) org"
            at, dot = r"\s*[\[(]?\s*at\s*[\])]?\s*", r"\s*[\[(]?\s*dot\s*[\])]?\s*"
            needles.append(re.escape(local) + at + dot.join(
                re.escape(p) for p in domain.split(".")))
        for needle in needles:
            pattern = needle if needle.startswith("\\b") or "\\s" in needle else re.escape(
                needle)
            shown = [name for name, text in files if re.search(pattern, text)]
            assert shown == [], (path.name, needle, shown)
            checked += 1
    assert checked > 300


def test_free_text_naming_a_contact_by_first_name_fails_the_public_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "hartwell-pumps.yaml").read_text(encoding="utf-8")
    text = text.replace("Our talent team can tell you more.",
                        "Our talent team can tell you more, or call Fiona first.")
    (tmp_path / "charters" / "hartwell-pumps.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "call Fiona first" in row)
    monkeypatch.chdir(tmp_path)
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "chartergen", "build", "-q", "--public",
                             "--today", TODAY], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert re.search(
        rf"charters/hartwell-pumps.yaml:{line}:\d+: error: the public site would show the "
        r"name of a person \('Fiona', from team\.roles\[\d\]\.holder\): rewrite this text "
        r"without it \(name the role instead of the person\)",
        " ".join(result.stderr.split()))  # MkDocs' log wraps long lines
    assert not (tmp_path / "site-public").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charters"]
    # the internal site is not concerned
    assert CliRunner().invoke(cli, ["build", "-q", "--today", TODAY]).exit_code == 0


@pytest.mark.parametrize(("written", "shown"), [
    ("write to dave.okafor@example.co.uk", r"the email address of a person "
     r"\('dave\.okafor@example\.co\.uk', from crisis\.contacts\[4\]\.email\)"),
    ("call +44 (0)1632-960-101", r"the phone number of a person "
     r"\('44 \(0\)1632-960-101', from team\.roles\[0\]\.phone\)"),
    ("text 441632960101", r"the phone number of a person "
     r"\('441632960101', from team\.roles\[0\]\.phone\)"),
    ("write to dave.okafor [at] example [dot] co [dot] uk", r"the email address of a person "
     r"\('dave\.okafor \[at\] example \[dot\] co \[dot\] uk', from "
     r"crisis\.contacts\[4\]\.email\)"),
], ids=["email", "phone-with-separators", "phone-as-digits", "spelt-out-email"])
def test_free_text_giving_a_contacts_email_or_phone_fails_the_public_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, written: str, shown: str) -> None:
    # before, such a text was published with "(not published)" in place of the value
    import subprocess
    import sys

    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "hartwell-pumps.yaml").read_text(encoding="utf-8")
    text = text.replace("Our talent team can tell you more.",
                        f"Our talent team can tell you more, or {written}.")
    (tmp_path / "charters" / "hartwell-pumps.yaml").write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.splitlines(), 1) if written in row)
    monkeypatch.chdir(tmp_path)
    result = subprocess.run([sys.executable, "-m", "chartergen", "build", "-q", "--public",
                             "--today", TODAY], capture_output=True, text=True, check=False)
    assert result.returncode == 1
    fix = "rewrite this text without it (give a shared"
    assert re.search(rf"charters/hartwell-pumps.yaml:{line}:13: error: the public site "
                     rf"would show {shown}: {re.escape(fix)}.* list this field under "
                     r"'internal' to leave it out of the public site "
                     r"\(voice\.examples\[1\]\.good\)",
                     " ".join(result.stderr.split())), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charters"]
    # the same text in a field marked internal is left out, and the site is built
    (tmp_path / "charters" / "hartwell-pumps.yaml").write_text(
        text + "internal:\n  - voice.examples\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chartergen", "build", "-q", "--public",
                             "--today", TODAY], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert not [p for p in (tmp_path / "site-public").rglob("*.html")
                if "talent team can tell you more, or" in p.read_text(encoding="utf-8")]


def test_the_public_build_says_what_to_fix_in_the_charters_language(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "cidrerie-du-bocage.yaml").read_text(encoding="utf-8")
    text = text.replace("La chargée de communication répond sous",
                        "Ou appelez le 01 99 00 41 10. La chargée de communication répond sous")
    (tmp_path / "charters" / "cidrerie-du-bocage.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "--public", "--out", "out", "charters",
                                      "--today", TODAY])
    assert result.exit_code == 1
    assert ("error: le site public montrerait le numéro de téléphone d'une personne "
            "(« 01 99 00 41 10 », de team.roles[0].phone) : réécrivez ce texte sans lui "
            "(donnez plutôt un numéro partagé") in result.output
    assert not (tmp_path / "out").exists()


def test_what_an_internal_network_or_pillar_owns_is_on_no_public_page(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "cidrerie-du-bocage.yaml").read_text(encoding="utf-8")
    (tmp_path / "charters" / "cidrerie-du-bocage.yaml").write_text(
        text + "internal:\n  - networks.tiktok\n  - content.pillars.verger\n",
        encoding="utf-8")
    data = YAML(typ="safe").load(text)
    plans = {plan["network"]: plan["plan"] for plan in data["independence"]["exit_plans"]}
    slots = [slot["what"] for slot in data["content"]["calendar"]["slots"]
             if slot["pillar"] == "verger"]
    assert "tiktok" in plans and len(slots) >= 2  # something for the search to find
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "-q", "--public", "--today", TODAY])
    assert result.exit_code == 0, result.output
    files = corpus(tmp_path / "site-public")
    for hidden in [plans["tiktok"], *slots]:
        assert [name for name, text in files if hidden in text] == [], hidden
    # the exit plan of a public network is still published
    assert [name for name, text in files if plans["facebook"] in text] != []


def test_a_holder_named_like_a_themes_author_can_publish(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Material's licence and search worker name Martin Donath: before, any charter with a
    # Martin in it failed the public build on files no charter can change
    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "cidrerie-du-bocage.yaml").read_text(encoding="utf-8")
    assert "Claire Hamelin" in text
    (tmp_path / "charters" / "cidrerie-du-bocage.yaml").write_text(
        text.replace("Claire Hamelin", "Élise Martin"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "-q", "--public", "--today", TODAY])
    assert result.exit_code == 0, result.output
    pages = [p for p in (tmp_path / "site-public").rglob("*.html")
             if "Martin" in p.read_text(encoding="utf-8")]
    assert pages == []


def test_a_french_public_build_that_stops_says_so_in_french_to_the_last_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a valid charter whose holding statement gives a contact's email and phone: both are
    # named in one go, the charter is not called invalid, and no line is left in English
    import os
    import subprocess
    import sys

    (tmp_path / "charters").mkdir()
    text = (ROOT / "charters" / "cidrerie-du-bocage.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)
    role = data["team"]["roles"][0]
    written = f"Écrivez à {role['email']} ou appelez le {role['phone']}."
    old = "La chargée de communication répond sous"
    assert old in text
    (tmp_path / "charters" / "cidrerie-du-bocage.yaml").write_text(
        text.replace(old, f"{written} {old}"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    result = subprocess.run([sys.executable, "-m", "chartergen", "build", "-q", "--public",
                             "--today", TODAY], capture_output=True, text=True, check=False,
                            env={**env, "LANG": "C.UTF-8"})
    assert result.returncode == 1
    said = " ".join(result.stderr.split())
    assert "le site public n'a pas été construit : il montrerait des données personnelles" in said
    assert "chartes non valides" not in said
    assert f"l'adresse e-mail d'une personne (« {role['email']} »" in said
    assert "le numéro de téléphone d'une personne" in said
    assert "(donnez plutôt une adresse partagée, que la charte n'attribue à personne)" in said
    assert result.stderr.endswith("chartergen: le site n'a pas été construit (les erreurs "
                                  "ci-dessus disent pourquoi)\n"), result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["charters"]
