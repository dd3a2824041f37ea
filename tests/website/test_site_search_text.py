"""The text search results show: a label stays apart from its value, a cell from the next,
a chip from the next ("Who watches: Tom · How often: Several times a day"), on both site
engines, while a reader of the page sees none of the separators."""

from __future__ import annotations

import json
import shutil

import pytest
from sitetools import CHARTERS, chartergen_build

INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def index(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, str]:
    """The examples' search index on each engine: each entry's text by its location."""
    engine = request.param
    if engine == "zensical":
        pytest.importorskip("zensical")
    folder = tmp_path_factory.mktemp(engine)
    shutil.copytree(CHARTERS, folder / "charters")
    site = folder / "site"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("CHARTERGEN_CACHE", "off")
        result = chartergen_build("charters", "--engine", engine, "--site-dir", str(site))
    assert result.exit_code == 0, result.output
    data = json.loads((site / INDEX[engine]).read_text(encoding="utf-8"))
    return {entry["location"]: entry["text"] for entry in data.get("docs") or data["items"]}


def test_no_two_cells_or_items_run_together(index: dict[str, str]):
    text = " ".join(index.values())
    for run_together in ("HoursMonday", "Hours Monday", "WeekendsNo", "RoleKeeps",
                         "PiloteChargée", "groupsLow-cost"):
        assert run_together not in text
    assert "Hours: Monday to Friday" in text


def test_a_label_and_its_value_read_as_a_pair(index: dict[str, str]):
    text = index["hartwell-pumps/monitoring.html#competitors-watched"]
    assert ("Who watches: Digital and Social Media Manager – Tom Aldridge · How often: "
            "Several times a day · Weekends watched: Yes") in text


def test_chips_stay_apart(index: dict[str, str]):
    text = index["hartwell-pumps/monitoring.html#competitors-watched"]
    assert "The three largest European pump groups · Low-cost importers" in text


def test_a_table_reads_cell_by_cell_and_row_by_row_in_the_page_language(
        index: dict[str, str]):
    text = index["cidrerie-du-bocage/content.html#circuit-de-validation"]
    assert ("Contenu · Valide · En son absence · Réponse sous\u202f; Publication courante · "
            "Responsable communication et boutique en ligne – Claire Hamelin · Gérant – "
            "Julien Lecanu · 1\u00a0jour\u202f;") in text


def test_the_tiles_of_a_crisis_level_read_one_after_another(index: dict[str, str]):
    text = index["cidrerie-du-bocage/crisis.html#niveaux-de-gravite"]
    assert "Julien Lecanu · Prévenus aussitôt\u202f: " in text
