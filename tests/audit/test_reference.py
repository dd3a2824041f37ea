"""docs/audit.md is generated from the rules and thresholds and must match them."""

from __future__ import annotations

from pathlib import Path

from chartergen.audit import REGISTRY, score, thresholds
from chartergen.audit.reference import render_markdown

PAGE = Path(__file__).resolve().parents[2] / "docs" / "audit.md"


def test_committed_page_matches_the_code() -> None:
    assert PAGE.read_text(encoding="utf-8") == render_markdown(), (
        "docs/audit.md is stale: run `python -m chartergen.audit.reference > docs/audit.md`"
    )


def test_page_documents_every_check_item_and_threshold() -> None:
    page = render_markdown()
    for rule in REGISTRY.rules():
        assert f"**`{rule.id}`** ({rule.kind}): {rule.title} " in page
        assert rule.help, rule.id
    for item in REGISTRY.manual_items():
        assert f"- `{item.id}`: " in page
    for name in dir(thresholds):
        if name.isupper():
            assert f"- `{name}` = `{getattr(thresholds, name)!r}`: " in page, name


def test_score_docstring_states_the_current_figures() -> None:
    doc = score.__doc__ or ""
    assert f"**{thresholds.PASS_VALUE:g} for pass, {thresholds.WARN_VALUE:g} for warn," in doc
    assert f"{thresholds.FAIL_VALUE:g} for fail**" in doc
    assert "they count in\nneither figure" in doc
    assert f"within the last **{thresholds.CONFIRMATION_VALID_DAYS} days**" in doc
