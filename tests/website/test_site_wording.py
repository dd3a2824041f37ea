"""How the pages read: dates, numbers, lists, French typography and phrasing, in both languages.

The example charters are rendered to Markdown once (no MkDocs), with their audit, as of
the team's fixed date: the French Cidrerie du Bocage and the English Hartwell Pumps.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from sitetools import as_read, example

from chartergen.audit import run
from chartergen.pipeline import load_portfolio
from chartergen.render import escape
from chartergen.render.site import RenderedSite, french_spacing, render_site
from chartergen.render.view import CharterSource

TODAY = dt.date(2026, 11, 23)
NNBSP = "\u202f"


@pytest.fixture(scope="module")
def site() -> RenderedSite:
    portfolio = load_portfolio([str(example("cidrerie-du-bocage")), str(example("hartwell-pumps"))])
    assert portfolio.ok, portfolio.diagnostics
    sources = [CharterSource(loaded.charter, f"charters/{loaded.charter.slug}.yaml",
                             audit=run(loaded.charter, TODAY))
               for loaded in portfolio.charters]
    return render_site(sources, today=TODAY)


def page(site: RenderedSite, src: str) -> str:
    return as_read(site.page(src).markdown)


def fr(site: RenderedSite, name: str) -> str:
    return page(site, f"cidrerie-du-bocage/{name}")


def en(site: RenderedSite, name: str) -> str:
    return page(site, f"hartwell-pumps/{name}")


# --- escaping keeps the spaces typography needs -------------------------------------------------

def test_plain_text_keeps_no_break_spaces_and_still_folds_other_white_space():
    assert escape.text(f"Prochaine révision{NNBSP}:") == f"Prochaine révision{NNBSP}:"
    assert escape.text(f"{NNBSP}:") == f"{NNBSP}:"
    assert escape.text("18\u00a0000 EUR") == "18\u00a0000 EUR"
    assert escape.text("  two\n\tlines \u2028 here ") == "two lines here"


def test_css_modifier_classes_are_whole_class_names(site: RenderedSite):
    roles = fr(site, "roles.md")
    assert 'class="cg-matrix__cell cg-matrix__cell--on"' in roles
    assert "&#95;" not in "".join(re.findall(r'class="[^"]*"', roles))
    for markdown in (p.markdown for p in site.pages):
        for classes in re.findall(r'class="([^"]*)"', markdown):
            assert "&#" not in classes, classes


# --- dates, numbers, amounts, lists ------------------------------------------------------------

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def test_formatter_writes_each_language_its_own_way():
    from chartergen.i18n.formatting import Formatter
    from chartergen.schema.types import parse_duration, parse_money

    english, french = Formatter.of("en"), Formatter.of("fr")
    assert english.date(dt.date(2026, 10, 1)) == "1\u00a0October\u00a02026"
    assert french.date(dt.date(2026, 10, 1)) == "1er\u00a0octobre\u00a02026"
    assert french.date(dt.date(2026, 8, 24)) == "24\u00a0août\u00a02026"
    assert (english.number(15.5), french.number(15.5)) == ("15.5", "15,5")
    assert (english.number(12000), french.number(12000)) == ("12,000", f"12{NNBSP}000")
    assert english.money(parse_money("4500.50 GBP")) == "4,500.50\u00a0GBP"
    assert french.money(parse_money("18000 EUR")) == f"18{NNBSP}000{NNBSP}EUR"
    assert french.duration(parse_duration("90min")) == f"1{NNBSP}h{NNBSP}30"
    assert french.hours(0.5) == f"0,5{NNBSP}h"
    assert french.percent(12.5) == f"12,5{NNBSP}%"


def test_lists_join_naturally_unless_an_item_could_be_misread():
    from chartergen.i18n.formatting import Formatter

    english, french = Formatter.of("en"), Formatter.of("fr")
    assert french.join(["Instagram", "Facebook", "TikTok"]) == "Instagram, Facebook et TikTok"
    assert english.join(["LinkedIn", "YouTube"]) == "LinkedIn and YouTube"
    assert (french.join(["Amateurs de produits du terroir", "Visiteurs et touristes", "Cavistes"])
            == f"Amateurs de produits du terroir{NNBSP}; Visiteurs et touristes{NNBSP}; Cavistes")
    assert (english.join(["Distributors and partners abroad", "Future colleagues"])
            == "Distributors and partners abroad; Future colleagues")
    assert english.join(["Sizing, selection", "Spares"]) == "Sizing, selection; Spares"
    # "and" inside a word is no conjunction
    assert english.join(["Brand", "Andover office"]) == "Brand and Andover office"


def test_no_page_shows_an_iso_date(site: RenderedSite):
    for rendered in site.pages:
        assert not ISO_DATE.search(rendered.markdown), rendered.src


def test_french_pages_write_dates_and_numbers_in_french(site: RenderedSite):
    overview = fr(site, "index.md")
    assert "<dt>En vigueur depuis le</dt><dd>1er\u00a0octobre\u00a02026</dd>" in overview
    assert "<span>validée le 24\u00a0août\u00a02026 par Julien Lecanu, gérant</span>" in overview
    assert f"Total{NNBSP}: 15,5{NNBSP}h par semaine." in fr(site, "roles.md")
    assert f"| Formations | 2{NNBSP}400{NNBSP}EUR |" in fr(site, "resources.md")
    checklist = fr(site, "checklist.md")
    assert "Validée le 24\u00a0août\u00a02026 par Julien Lecanu, gérant." in checklist
    assert "Le dernier exercice date du 12\u00a0mars\u00a02025, il y a 621\u00a0jours." in checklist


def test_english_pages_write_amounts_the_english_way(site: RenderedSite):
    assert "| Training | 3,500\u00a0GBP |" in en(site, "resources.md")
    assert "<dt>In force since</dt><dd>1\u00a0November\u00a02026</dd>" in en(site, "index.md")


def test_lists_that_could_be_misread_are_separated_by_semicolons(site: RenderedSite):
    instagram = fr(site, "networks/instagram.md")
    assert (f"<dt>Publics</dt><dd>Amateurs de produits du terroir{NNBSP}; Visiteurs et "
            f"touristes{NNBSP}; Cavistes, épiceries fines et restaurateurs</dd>") in instagram
    assert "<dt>Où les trouver</dt><dd>Instagram et Facebook</dd>" in fr(site, "strategy.md")
    linkedin = en(site, "networks/linkedin.md")
    assert ("<dt>Audiences</dt><dd>Engineers and specifiers; Procurement and operations "
            "managers; Distributors and partners abroad; Future colleagues</dd>") in linkedin


# --- French typography ---------------------------------------------------------------------------

def test_french_labels_are_typeset_and_english_ones_are_not():
    from chartergen.i18n import catalogue

    def leaves(node):
        if isinstance(node, dict):
            for value in node.values():
                yield from leaves(value)
        elif isinstance(node, list):
            for value in node:
                yield from leaves(value)
        elif isinstance(node, str):
            yield node

    french = catalogue("fr")
    for area in ("site", "audit"):
        for text in leaves(french[area]):
            assert not re.search(r" [:;!?»]|« ", text), text
    assert catalogue("en")["site"]["common"]["colon"] == ":"


def test_labels_and_values_are_joined_with_french_spacing(site: RenderedSite):
    assert (f"<strong>Prochaine révision{NNBSP}:</strong> 30\u00a0septembre\u00a02027"
            in fr(site, "index.md"))
    crisis = fr(site, "crisis.md")
    assert (f"<li><strong>La personne de veille prévient la responsable communication</strong>"
            f"{NNBSP}: Claire Hamelin (Responsable communication), sous 30{NNBSP}min "
            f"(quand{NNBSP}: Dès qu'un seuil d'alerte est franchi)</li>\n") in crisis
    checklist = fr(site, "checklist.md")
    assert (f"<strong>Une raison d'être est énoncée</strong>{NNBSP}: La raison d'être est "
            "énoncée") in checklist
    assert "<strong>Next review:</strong> 12\u00a0October\u00a02027" in en(site, "index.md")


def test_french_spacing_after_bold_text_and_in_the_table_of_contents(site: RenderedSite):
    staff = fr(site, "staff.md")
    assert f"<strong>en son nom</strong>{NNBSP}: seuls" in staff
    # the toc extension joins a heading's words with plain spaces, but keeps a reference
    crisis = fr(site, "crisis.md")
    assert "\n### Incident ou crise&#8239;?\n" in crisis
    assert (french_spacing("# Qui valide ? « Alerte »\nQui valide ?")
            == f"# Qui valide&#8239;? «&#8239;Alerte&#8239;»\nQui valide{NNBSP}?")


# --- enumerations come from the catalogue of the charter's language ------------------------------

def test_platform_names_are_in_the_charters_language(site: RenderedSite):
    x = fr(site, "networks/x.md")
    assert x.startswith("---") and "\n# X (anciennement Twitter)<span" in x
    assert "formerly" not in "".join(p.markdown for p in site.pages
                                      if p.src.startswith("cidrerie-du-bocage/"))
    assert "<th>X (anciennement Twitter)</th>" in fr(site, "roles.md")
    assert "\n# X (formerly Twitter)<span" in en(site, "networks/x.md")
    (pages,) = next(entry for entry in site.nav if "Cidrerie du Bocage" in entry).values()
    (networks,) = next(page for page in pages if "Réseaux" in page).values()
    assert [next(iter(child)) for child in networks] == [
        "Tous les réseaux", "Instagram", "Facebook", "TikTok", "X (anciennement Twitter)"]


def test_platform_catalogues_name_every_platform_of_the_schema():
    from chartergen.i18n import catalogue
    from chartergen.schema.charter import PLATFORMS

    for language in ("en", "fr"):
        named = set(catalogue(language)["site"]["enums"]["platform"])
        assert named == set(PLATFORMS), language


# --- phrasing: facts are separated, sentences agree ---------------------------------------------

def test_crisis_page_reads_as_sentences_and_separated_facts(site: RenderedSite):
    crisis = fr(site, "crisis.md")
    assert (f"Dernier exercice{NNBSP}: 12\u00a0mars\u00a02025. Un exercice a lieu chaque année."
            in crisis)
    assert "Annuelle" not in crisis
    assert (f"<span>Niveau habituel{NNBSP}: Crise</span> · <a href=\"#statement-produit\">"
            f"Message d'attente{NNBSP}: Un défaut est signalé") in crisis
    assert (f"Responsable{NNBSP}: Responsable communication et boutique en ligne "
            "– Claire Hamelin.") in crisis
    assert "Animé par" not in crisis
    assert (f"Alerte</a>{NNBSP}: Plusieurs plaintes sur un même lot{NNBSP}; Question d'un "
            "journaliste") in crisis
    english = en(site, "crisis.md")
    assert "Drills are held every six months." in english
    assert "Owner: Head of Marketing and Communications – Fiona Marsh." in english


def test_a_role_and_its_holder_are_written_one_way_everywhere(site: RenderedSite):
    # "Title – Holder", whether the title ends in brackets or not, as the audit writes it
    networks = fr(site, "networks/index.md")
    assert (f"Responsable{NNBSP}: Chargée de communication digitale (alternance) – Inès Bouvier"
            in networks)
    assert ") (" not in networks
    assert "Responsable communication et boutique en ligne – Claire Hamelin" in networks
    assert "(Claire Hamelin)" not in networks and "(Inès Bouvier)" not in networks


def test_overview_lists_the_pages_with_a_french_colon_and_resources_link_the_roles(site):
    overview = fr(site, "index.md")
    assert (f"- [Stratégie](strategy.md){NNBSP}: Pourquoi l'entreprise est présente" in overview)
    assert "Voir [Rôles et responsabilités](roles.md)." in fr(site, "resources.md")


def test_times_and_dates_read_the_languages_way_and_never_break_across_lines(site):
    from chartergen.i18n.formatting import Formatter

    english, french = Formatter.of("en"), Formatter.of("fr")
    assert (french.time("18:30"), french.time("09:00")) == (f"18{NNBSP}h{NNBSP}30", f"9{NNBSP}h")
    assert (english.time("09:30"), english.time("around noon")) == ("09:30", "around noon")
    assert " " not in french.date(dt.date(2024, 3, 18))
    assert (f"- Mardi 12{NNBSP}h{NNBSP}15{NNBSP}: Du verger au pressoir (Photo ou carrousel du "
            "verger)") in fr(site, "networks/instagram.md")
    assert '<span class="cg-slot__time">9\u202fh\u202f30</span>' in fr(site, "content.md")
    assert "Délai entre deux mises à jour" in fr(site, "crisis.md")


# --- every value and fact has its words in every language --------------------------------------

def test_every_closed_list_value_has_a_label_in_every_language():
    from chartergen.i18n import LANGUAGES, catalogue
    from chartergen.schema.charter import SCHEMA
    from chartergen.schema.fields import places

    missing, unlabelled = [], []
    for place, rule in places(SCHEMA):
        meta = rule["meta"]
        if "options" not in meta or place == ("company", "language"):  # the site's own language
            continue
        if not meta.get("labels"):
            unlabelled.append(".".join(place))
        for group in meta.get("labels", ()):
            for language in LANGUAGES:
                named = catalogue(language)["site"]["enums"].get(group, {})
                missing += [f"{language}: enums.{group}.{value} ({'.'.join(place)})"
                            for value in meta["options"] if not named.get(value)]
    assert unlabelled == []
    assert missing == []


def test_every_fact_a_page_expects_has_a_label_in_every_language():
    from chartergen.i18n import LANGUAGES, catalogue
    from chartergen.render.pages import FACTS, PAGES

    facts = {fact.key for fact in FACTS}
    assert len(facts) > 50
    assert {page for fact in FACTS for page in fact.pages} <= {p.key for p in PAGES} | {"network"}
    missing = [f"{language}: facts.{fact}" for language in LANGUAGES for fact in sorted(facts)
               if not catalogue(language)["site"]["facts"].get(fact)]
    assert missing == []
