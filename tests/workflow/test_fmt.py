"""chartergen fmt: canonical layout, every comment kept, idempotent, atomic, safe on bad input."""

from __future__ import annotations

import os
import random
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from ruamel.yaml.comments import CommentedMap

from chartergen.cli import cli
from chartergen.edit import atomic
from chartergen.edit.fmt import canonical_yaml, comment_lines, format_text
from chartergen.loader import load_text
from chartergen.schema.charter import SCHEMA

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "charters").glob("*.yaml"))

MESSY = """\
# yaml-language-server: $schema=charter.schema.json
# Acme's charter.

company:   # who we are
  # the language of the site
  language: en
  # the legal name
  name: Acme
networks:
- platform: linkedin  # B2B first
  # the id other sections use
  id: li
  audiences: [buyers, press]  # both read LinkedIn
  status: 'active'
# Document control comes last in this file
format: 1
"""

CANONICAL = """\
# yaml-language-server: $schema=charter.schema.json
# Acme's charter.

# Document control comes last in this file
format: 1

company: # who we are
  # the legal name
  name: Acme
  # the language of the site
  language: en

networks:
  # the id other sections use
  - id: li
    platform: linkedin # B2B first
    status: active
    audiences: # both read LinkedIn
      - buyers
      - press
"""


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


def test_keys_move_to_schema_order_with_their_comments() -> None:
    result = format_text(MESSY, "acme.yaml")
    assert result.diagnostics == []
    assert result.formatted == CANONICAL


def test_every_comment_is_kept() -> None:
    result = format_text(MESSY, "acme.yaml")
    assert result.formatted is not None
    assert sorted(comment_lines(result.formatted)) == sorted(comment_lines(MESSY))
    assert len(comment_lines(MESSY)) == 9


def test_formatting_twice_changes_nothing() -> None:
    result = format_text(CANONICAL, "acme.yaml")
    assert result.diagnostics == []
    assert not result.changed


def test_content_is_unchanged() -> None:
    result = format_text(MESSY, "acme.yaml")
    assert result.formatted is not None
    before, after = load_text(MESSY, "a.yaml"), load_text(result.formatted, "a.yaml")
    assert before.document is not None and after.document is not None
    assert after.document.data == before.document.data


def test_quotes_only_where_needed_and_double() -> None:
    text = (
        "format: 1\ncompany:\n  name: 'Acme'\n  language: \"en\"\n"
        "networks:\n  - id: x\n    platform: x\n    handle: '@acme'\n"
        "    why: 'l''équipe: ici'\n"
        "document:\n  version: '2.0'\n  next_review: '2027-01-31'\n"
    )
    result = format_text(text, "acme.yaml")
    assert result.formatted == (
        "format: 1\n\ncompany:\n  name: Acme\n  language: en\n\n"
        "document:\n  version: \"2.0\"\n  next_review: \"2027-01-31\"\n\n"
        "networks:\n  - id: x\n    platform: x\n    handle: \"@acme\"\n"
        "    why: \"l'équipe: ici\"\n"
    )


def test_long_values_are_not_wrapped_and_blocks_are_kept() -> None:
    long = "word " * 60
    text = (
        f"format: 1\n\ncompany:\n  name: Acme\n  language: en\n  sector: {long.strip()}\n"
        "  description: |\n    First line.\n      Indented line.\n"
    )
    result = format_text(text, "acme.yaml")
    assert not result.changed, result.formatted


def test_unknown_keys_stay_after_known_ones_in_their_order() -> None:
    text = "zeta: 1\ncompany:\n  name: A\n  language: en\nalpha: 2\nformat: 1\n"
    result = format_text(text, "acme.yaml")
    assert result.formatted == (
        "format: 1\n\ncompany:\n  name: A\n  language: en\n\nzeta: 1\n\nalpha: 2\n"
    )


def test_comment_closing_a_block_stays_at_its_end() -> None:
    text = (
        "format: 1\ncompany:\n  language: en\n  name: A\n  # end of company\n\n"
        "# about scope\nscope:\n  applies_to:\n  - staff\n  # more to come\n"
    )
    result = format_text(text, "acme.yaml")
    assert result.formatted == (
        "format: 1\n\ncompany:\n  name: A\n  language: en\n  # end of company\n\n"
        "# about scope\nscope:\n  applies_to:\n    - staff\n  # more to come\n"
    )


NESTED = """\
format: 1 # v
company:
  name: A
  language: en
team:
  roles:
  # first role
  - title: Head  # eol title
    id: head
    duties:
    # duty comment
    - plan
    - write  # eol write
    # after duties, inside role
  # between roles
  - id: cm
    title: CM
  # end of roles
  budget:  # eol budget
    period: year
    # before amount
    amount:
crisis:
  levels: []  # none yet

# last words
"""

NESTED_CANONICAL = """\
format: 1 # v

company:
  name: A
  language: en

team:
  roles:
    # first role
    - id: head
      title: Head # eol title
      duties:
        # duty comment
        - plan
        - write # eol write
      # after duties, inside role
    # between roles
    - id: cm
      title: CM
  # end of roles
  budget: # eol budget
    # before amount
    amount:
    period: year

crisis:
  levels: []  # none yet

# last words
"""


def test_comments_in_lists_follow_their_item_and_key() -> None:
    result = format_text(NESTED, "acme.yaml")
    assert result.diagnostics == []
    assert result.formatted == NESTED_CANONICAL
    assert not format_text(NESTED_CANONICAL, "acme.yaml").changed


def test_impossible_date_is_kept_for_validate_to_report() -> None:
    text = "format: 1\ncompany:\n  name: A\n  language: en\ndocument:\n  next_review: 2027-02-30\n"
    result = format_text(text, "acme.yaml")
    assert result.diagnostics == []
    assert result.formatted is not None
    assert "next_review: \"2027-02-30\"" in result.formatted


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_idempotent(path: Path) -> None:
    once = format_text(path.read_text(encoding="utf-8"), str(path))
    assert once.diagnostics == []
    assert once.formatted is not None
    twice = format_text(once.formatted, str(path))
    assert twice.diagnostics == []
    assert twice.formatted == once.formatted


def _shuffled(path: Path, seed: int) -> str:
    """The example with the keys of every section in a random order."""
    import io

    rng = random.Random(seed)
    yaml = canonical_yaml()
    tree = yaml.load(path.read_text(encoding="utf-8"))

    def shuffle(node: object) -> None:
        if isinstance(node, CommentedMap):
            keys = list(node)
            rng.shuffle(keys)
            items = [(k, node[k]) for k in keys]
            for k in keys:
                del node[k]
            for k, v in items:
                node[k] = v
            for v in node.values():
                shuffle(v)
        elif isinstance(node, list):
            for v in node:
                shuffle(v)

    shuffle(tree)
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_shuffled_example_comes_back_in_canonical_order(path: Path) -> None:
    original = load_text(path.read_text(encoding="utf-8"), str(path)).document
    shuffled = _shuffled(path, seed=len(path.name))
    result = format_text(shuffled, str(path))
    assert result.diagnostics == []
    assert result.formatted is not None
    formatted = load_text(result.formatted, "x.yaml").document
    assert original is not None and formatted is not None
    assert formatted.data == original.data
    assert list(formatted.data) == [key for key in SCHEMA if key in original.data]
    assert sorted(comment_lines(result.formatted)) == sorted(comment_lines(shuffled))
    assert format_text(result.formatted, str(path)).formatted == result.formatted


# -- the command ---------------------------------------------------------------------------


def test_fmt_rewrites_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")
    result = run("fmt", str(path))
    assert result.exit_code == 0
    assert result.stdout == f"reformatted {path}\n"
    assert result.stderr == "1 charter reformatted\n"
    assert path.read_text(encoding="utf-8") == CANONICAL
    again = run("fmt", str(path))
    assert again.exit_code == 0
    assert again.stdout == ""
    assert again.stderr == "1 charter already formatted\n"


def test_check_writes_nothing_and_exits_one(tmp_path: Path) -> None:
    messy, clean = tmp_path / "messy.yaml", tmp_path / "clean.yaml"
    messy.write_text(MESSY, encoding="utf-8")
    clean.write_text(CANONICAL, encoding="utf-8")
    result = run("fmt", "--check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout == f"would reformat {messy}\n"
    assert result.stderr == "1 charter would be reformatted, 1 charter already formatted\n"
    assert messy.read_text(encoding="utf-8") == MESSY
    assert run("fmt", "--check", str(clean)).exit_code == 0


def test_diff_shows_the_change(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text("company:\n  name: A\n  language: en\nformat: 1\n", encoding="utf-8")
    result = run("fmt", "--diff", str(path))
    assert result.exit_code == 1
    assert "+format: 1\n" in result.stdout
    assert f"would reformat {path}" in result.stdout
    assert path.read_text(encoding="utf-8").startswith("company:")


def test_invalid_yaml_is_reported_and_left_untouched(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = "format: 1\ncompany:\n  name: Acme\n    language: en\n"
    bad.write_text(text, encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text(MESSY, encoding="utf-8")
    result = run("fmt", str(tmp_path))
    assert result.exit_code == 1
    assert bad.read_text(encoding="utf-8") == text
    assert f"{bad}:4:3: error: 'language' is indented 2 spaces more" in result.stderr
    assert good.read_text(encoding="utf-8") == CANONICAL
    assert "1 charter reformatted, 1 charter left untouched because of errors" in result.stderr


def test_aliases_are_refused_not_formatted(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    text = "format: 1\ncompany: &c\n  name: A\n  language: en\nscope: *c\n"
    path.write_text(text, encoding="utf-8")
    result = run("fmt", str(path))
    assert result.exit_code == 1
    assert "anchor" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_file_mode_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")
    path.chmod(0o640)
    assert run("fmt", str(path)).exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# -- atomic writes ---------------------------------------------------------------------------


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_failure_during_the_write_leaves_the_original(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", broken_fsync)
    result = run("fmt", str(path))
    assert result.exit_code != 0
    assert path.read_text(encoding="utf-8") == MESSY
    assert _leftovers(tmp_path) == []


def test_failure_at_the_rename_leaves_the_original(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic.write_atomic(path, CANONICAL)
    assert path.read_text(encoding="utf-8") == MESSY
    assert _leftovers(tmp_path) == []


def test_interrupted_write_leaves_the_original(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")
    real_fdopen = os.fdopen

    class Interrupted:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.stream = real_fdopen(*args, **kwargs)  # type: ignore[call-overload]

        def __enter__(self) -> Interrupted:
            return self

        def __exit__(self, *exc: object) -> None:
            self.stream.close()

        def write(self, text: str) -> None:
            self.stream.write(text[: len(text) // 2])
            raise KeyboardInterrupt

    monkeypatch.setattr(atomic.os, "fdopen", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic.write_atomic(path, CANONICAL)
    assert path.read_text(encoding="utf-8") == MESSY
    assert _leftovers(tmp_path) == []


def test_create_only_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "acme.yaml"
    path.write_text("mine\n", encoding="utf-8")
    with pytest.raises(atomic.FileExists):
        atomic.write_atomic(path, "theirs\n", overwrite=False)
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("seed", [3, 11, 29])
def test_comments_anywhere_survive_and_settle(seed: int) -> None:
    """Comment lines dropped at random places and depths: none lost, one pass settles."""
    path = min(EXAMPLES, key=lambda p: p.stat().st_size)
    lines = path.read_text(encoding="utf-8").splitlines()
    rng = random.Random(seed)
    for number in range(8):
        at = rng.randrange(1, len(lines) + 1)
        if lines[at - 1].rstrip().endswith(("|", ">", "|-", ">-")):
            continue  # the next line would be text, not a comment
        lines.insert(at, " " * rng.choice([0, 2, 4, 6, 8]) + f"# note {number}")
    text = "\n".join(lines) + "\n"
    if load_text(text, "x.yaml").document is None:
        pytest.skip("the comment landed inside a block of text")
    result = format_text(text, "x.yaml")
    assert result.diagnostics == []
    assert result.formatted is not None
    assert sorted(comment_lines(result.formatted)) == sorted(comment_lines(text))
    assert format_text(result.formatted, "x.yaml").formatted == result.formatted


# -- links, special files and read-only folders ---------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / "charters").mkdir(parents=True)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(MESSY.replace("Acme", "TOP-SECRET"), encoding="utf-8")
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize("options", [[], ["--check"], ["--diff"]])
def test_fmt_never_reads_or_writes_through_a_link_out(project: Path, options: list[str]) -> None:
    secret = project.parent / "outside" / "secret.yaml"
    before = secret.read_text(encoding="utf-8")
    (project / "charters" / "evil.yaml").symlink_to(Path("../../outside/secret.yaml"))
    result = run("fmt", *options)
    assert result.exit_code == 1
    assert "TOP-SECRET" not in result.output
    assert ("charters/evil.yaml:1:1: error: this charter is a link to a file outside the "
            "project; it was not read") in result.stderr
    assert secret.read_text(encoding="utf-8") == before


def test_fmt_does_not_write_through_a_link_inside_the_project(project: Path) -> None:
    (project / "charters" / "acme.yaml").write_text(MESSY, encoding="utf-8")
    (project / "charters" / "alias.yaml").symlink_to("acme.yaml")
    result = run("fmt", "charters/alias.yaml")
    assert result.exit_code == 1
    assert result.stderr == (
        "charters/alias.yaml:1:1: error: this charter is a link; fmt does not write through "
        "links, so it was left untouched (run fmt on the file the link points to)\n"
        "1 charter left untouched because of errors\n")
    assert (project / "charters" / "alias.yaml").is_symlink()
    assert (project / "charters" / "acme.yaml").read_text(encoding="utf-8") == MESSY
    assert run("fmt", "--check", "charters/alias.yaml").exit_code == 1  # read, not written


def test_fmt_check_refuses_a_link_to_a_device(project: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    (project / "charters" / "zero.yaml").symlink_to("/dev/zero")
    result = run("fmt", "--check")
    assert result.exit_code == 1
    assert "charters/zero.yaml:1:1: error: this charter is a link to a file outside" in (
        result.stderr)


def test_a_read_only_charters_folder_is_plain_words(project: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from chartergen.edit import atomic

    path = project / "charters" / "acme.yaml"
    path.write_text(MESSY, encoding="utf-8")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    # a read-only folder, even for a user (root) whom permissions do not stop
    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    result = run("fmt")
    assert result.exit_code == 1
    assert result.stderr == (
        "charters/acme.yaml:1:1: error: the folder 'charters' or the file is read-only, so the "
        "file was left untouched (make it writable, or run with --check)\n"
        "1 charter left untouched because of errors\n")
    assert path.read_text(encoding="utf-8") == MESSY


@pytest.mark.parametrize("top", [
    "# a comment\n%YAML 1.2\n---\n",
    "%YAML 1.2\n# a comment\n---\n",
    "# a comment\n\n%YAML 1.1\n--- # on the dashes\n",
    "--- # on the dashes\n",
])
def test_comments_around_a_yaml_directive_or_the_dashes_are_kept(top: str) -> None:
    text = top + CANONICAL
    result = format_text(text)
    assert result.diagnostics == [] and result.formatted is not None
    assert sorted(comment_lines(result.formatted)) == sorted(comment_lines(text))
    assert format_text(result.formatted).formatted == result.formatted


def test_comments_after_the_end_of_the_document_are_kept() -> None:
    text = CANONICAL + "...\n# kept after the end marker\n\n# and this one\n"
    result = format_text(text)
    assert result.diagnostics == [] and result.formatted == text


def test_what_fmt_cannot_keep_is_said_at_its_line_in_plain_words() -> None:
    from chartergen.edit.fmt import _verify

    data = load_text(CANONICAL, "x.yaml").document.data
    lost = _verify(data, comment_lines(CANONICAL), CANONICAL.replace("  # the legal name\n", ""),
                   "x.yaml", CANONICAL)
    assert lost is not None and lost.line == 8
    assert lost.message == ("fmt cannot keep the comment '# the legal name' where it is, so the "
                            "file was left as it is; move the comment onto a line of its own "
                            "next to a key, or remove it")
    changed = _verify(data, comment_lines(CANONICAL), CANONICAL.replace("name: Acme", "name: 1"),
                      "x.yaml", CANONICAL)
    assert changed is not None and (changed.line, changed.field_path) == (9, ("company", "name"))
    assert "put the value in double quotes" in changed.message
    assert "report" not in lost.message + changed.message


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_the_example_charters_are_formatted(example: Path) -> None:
    # the CI templates run `fmt --check` on every pull request: a company that starts
    # from an example gets a warning it did not cause (two examples carried unquoted
    # phone numbers after an edit)
    result = format_text(example.read_text(encoding="utf-8"), str(example))
    assert result.formatted is not None and not result.changed, (
        f"run: chartergen fmt {example.relative_to(ROOT)}")


def test_fmt_diff_names_the_two_sides_in_the_charters_language(tmp_path: Path) -> None:
    # before: "--- charters/acme.yaml (now)" above a French charter's changes
    charter = tmp_path / "acme.yaml"
    charter.write_text("format: 1\ncompany:\n  language: fr\n  name: Acme\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fmt", "--diff", str(charter)])
    assert result.exit_code == 1
    assert f"--- {charter} (actuel)\n+++ {charter} (mis en forme)\n" in result.stdout
    charter.write_text("format: 1\ncompany:\n  language: en\n  name: Acme\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["fmt", "--diff", str(charter)])
    assert f"--- {charter} (now)\n+++ {charter} (formatted)\n" in result.stdout
