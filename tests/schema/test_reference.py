"""The format reference page is generated from the schema and must match it."""

from __future__ import annotations

from pathlib import Path

from chartergen.schema.reference import render_markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "charter-format.md"


def test_committed_reference_matches_the_schema() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_markdown(), (
        "docs/charter-format.md is stale: run "
        "`python -m chartergen.schema.reference > docs/charter-format.md`"
    )


def test_reference_documents_every_section_and_typed_value() -> None:
    page = render_markdown()
    for section in ("format", "company", "networks", "crisis", "independence", "reviews"):
        assert f"## `{section}`" in page
    assert ("| `networks[].reply_targets.comment` | duration (`30min`, `4h`, `4wh`, `2d`, `1wd`, "
            "`1w`) |"
            in page)
    assert "| `team.roles[].id` | id, **required** |" in page
    assert "id of one of the roles" in page
