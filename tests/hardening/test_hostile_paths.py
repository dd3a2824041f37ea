"""Ids, slugs and names a pull request could use to steer a path out of the site folder."""

from __future__ import annotations

import datetime as dt

import pytest

from chartergen.loader import load_text
from chartergen.model import build
from chartergen.render.site import check_page_path, render_site, site_slugs
from chartergen.render.view import CharterSource
from chartergen.schema import validate

HEAD = "format: 1\ncompany:\n  name: Acme\n  language: en\n"


@pytest.mark.parametrize("ident", [
    "../../x", "/etc/passwd", "..", "a/b", "a\\b", "C:", "x\u202e", "x\u200b", "\u0430cme",
    "ACME", "a b", "-a", "a-", "%2e%2e", "~root", "a" * 65,
])
def test_ids_that_could_become_paths_are_refused_where_written(ident: str) -> None:
    text = HEAD + f"networks:\n  - id: {ident!r}\n    platform: linkedin\n"
    result = load_text(text, "pr.yaml")
    assert result.document is not None
    report = [d.format() for d in validate(result.document)]
    assert report and report[0].startswith("pr.yaml:6:9: error: ")
    assert "is not a valid id: use lowercase letters, digits and hyphens" in report[0]


def test_a_model_built_without_validation_cannot_write_outside_the_site() -> None:
    data = {"format": 1, "company": {"name": "Acme", "language": "en"},
            "networks": [{"id": "../../../etc/cron.d/x", "platform": "linkedin"}]}
    charter = build(data, "acme")
    with pytest.raises(ValueError, match="unsafe page path"):
        render_site([CharterSource(charter, "charters/acme.yaml")], today=dt.date(2026, 1, 1))


@pytest.mark.parametrize(("slug", "folder"), [
    ("../../x", "x"), ("/etc", "etc"), ("..", "charter"), ("a\u202eb", "a-b"),
    ("\u0430cme", "cme"), ("Ac Me", "ac-me"), ("", "charter"),
])
def test_site_folders_are_made_safe_whatever_the_slug(slug: str, folder: str) -> None:
    assert site_slugs([slug])[slug] == folder
    check_page_path(f"{folder}/index.md")


@pytest.mark.parametrize("src", ["../x.md", "/x.md", "a/../../x.md", "a\\..\\x.md", "a/./x.md",
                                 "C:/x.md", "a/b", "a\x00.md", "a/\u202e.md"])
def test_page_paths_out_of_the_site_are_refused(src: str) -> None:
    with pytest.raises(ValueError, match="unsafe page path"):
        check_page_path(src)
