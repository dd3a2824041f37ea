"""The register of official accounts: an account whose admins are counted but not named."""

from __future__ import annotations

from pathlib import Path

from sitetools import build, parse, write_project

CHARTER = """\
format: 1
company:
  name: Acme
  language: {language}
accounts:
  register:
    - name: Newsletter tool
      admin_count: 2
    - name: Business listing
"""


def admins_cells(folder: Path, language: str) -> list[str]:
    site = build(write_project(folder, {"acme": CHARTER.format(language=language)}))
    page = next(p for p in (site / "acme").rglob("*.html") if p.stem in ("accounts", "index")
                and "accounts" in p.as_posix())
    rows = parse(page).select("table tbody tr")
    return [row.find_all("td")[2].get_text(strip=True) for row in rows]


def test_a_count_of_admins_is_shown_when_their_roles_are_not_named(tmp_path: Path):
    assert admins_cells(tmp_path / "en", "en") == ["2 (roles not named)", ""]
    assert admins_cells(tmp_path / "fr", "fr") == ["2 (rôles non précisés)", ""]
