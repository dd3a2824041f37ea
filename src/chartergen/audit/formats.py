"""The audit report as people and programs read it: text, JSON-ready data, Markdown.

Used by ``chartergen check``; the site and ``diff`` may reuse :func:`as_dict`.
Every function takes the report with the loaded document it came from, so
that each finding can be located (``file:line:col``) in the charter file.
Labels around the findings come from the charter's language.
"""

from __future__ import annotations

from typing import Any, Protocol

import click

from chartergen.audit.results import AuditReport, CheckResult, Finding, ManualItem, Status
from chartergen.errors import FieldPath, format_field_path
from chartergen.i18n import label
from chartergen.i18n.formatting import Formatter


class Locatable(Protocol):
    path: str

    def locate(self, field_path: FieldPath, *, key: bool = False) -> tuple[int, int]: ...


SYMBOLS = {Status.PASS: "✓", Status.WARN: "!", Status.FAIL: "✗"}
COLOURS = {Status.PASS: "green", Status.WARN: "yellow", Status.FAIL: "red"}
EMOJI = {Status.PASS: "✅", Status.WARN: "⚠️", Status.FAIL: "❌"}
NOT_STATED = "○"
"""Marks a detail the charter does not state: not evidence, only incompleteness."""


# -- JSON ---------------------------------------------------------------------


def as_dict(report: AuditReport, document: Locatable, company: str = "") -> dict[str, Any]:
    """The report as plain data: for ``--format json`` and any program reading it."""
    say = _labels(report.language)

    def where(path: FieldPath) -> dict[str, Any]:
        line, column = document.locate(path)
        return {"field": format_field_path(path), "line": line, "column": column}

    def check(result: CheckResult) -> dict[str, Any]:
        return {
            "id": result.id,
            "title": result.title,
            "status": result.status.value,
            "kind": result.kind,
            "reason": result.reason,
            **where(result.field_path),
            "findings": [{"reason": f.reason, **where(f.field_path)} for f in result.findings],
        }

    def item(manual: ManualItem) -> dict[str, Any]:
        return {
            "id": manual.id,
            "text": manual.text,
            "confirmed": manual.confirmed,
            "confirmed_on": manual.confirmed_on.isoformat() if manual.confirmed_on else None,
            "confirmed_by": manual.confirmed_by or None,
            "expired": manual.expired,
        }

    return {
        "path": document.path,
        "slug": report.slug,
        "company": company,
        "language": report.language,
        "today": report.today.isoformat() if report.today else None,
        "score": report.score,
        "completeness": report.completeness,
        "status": report.status.value,
        "figures": {"score": say("score_explained"),
                    "completeness": say("completeness_explained")},
        "mistakes": [
            {
                "number": mistake.number,
                "id": mistake.id,
                "title": mistake.title,
                "summary": mistake.summary,
                "status": mistake.status.value,
                "score": mistake.score,
                "completeness": mistake.completeness,
                "checks": [check(c) for c in mistake.checks],
                "not_stated": [c.id for c in mistake.not_stated],
                "manual": [item(m) for m in mistake.manual],
            }
            for mistake in report.mistakes
        ],
        "warnings": [{"message": w.reason, **where(w.field_path)} for w in report.warnings],
    }


# -- text ---------------------------------------------------------------------


def as_text(report: AuditReport, document: Locatable, company: str = "", *,
            verbose: bool = False) -> str:
    """A readable report grouped by mistake; ANSI styles are stripped off a terminal."""
    say = _labels(report.language)
    status_word = {s: label(report.language, f"audit.status.{s.value}") for s in Status}
    colon = label(report.language, "site.common.colon")
    lines = [
        click.style(f"{company or report.slug} ({document.path})", bold=True)
        + f"{colon} {_coloured_score(report.score, report.status)}/100"
        + f" · {say('completeness')} {_percent(report)}",
    ]
    for warning in report.warnings:
        lines.append(f"  {_location(document, warning.field_path)}: "
                     f"{click.style(say('warning') + colon, fg='yellow', bold=True)} "
                     f"{warning.reason}")
    for mistake in report.mistakes:
        lines.append("")
        lines.append(
            f"{_symbol(mistake.status)} {mistake.number}. "
            f"{click.style(mistake.title, bold=True)} · {status_word[mistake.status]} · "
            f"{say('score')} {mistake.score}/100"
            f" · {say('completeness')} {_percent(report, mistake.completeness)}"
        )
        passing = [c for c in mistake.checks if c.status is Status.PASS]
        for check in mistake.checks:
            if check.status is Status.PASS and not verbose:
                continue
            if not check.is_evidence and check.status is not Status.PASS:
                continue
            lines.append(f"    {_symbol(check.status)} {click.style(check.id, dim=True)}  "
                         f"{check.reason}")
            if check.status is Status.PASS:
                continue
            if not check.findings:
                lines.append(f"        {_location(document, check.field_path)}")
            for finding in check.findings:
                lines.append(f"        {_location(document, finding.field_path)}: "
                             f"{finding.reason}")
        for check in mistake.not_stated:
            lines.append(f"    {NOT_STATED} {click.style(check.id, dim=True)}  "
                         f"{say('not_stated')}{colon} {check.reason}")
            for finding in check.findings or (Finding(check.reason, check.field_path),):
                lines.append(f"        {_location(document, finding.field_path)}"
                             + (f": {finding.reason}" if check.findings else ""))
        if passing and not verbose:
            lines.append(f"    {_symbol(Status.PASS)} {say('passing', n=len(passing))}")
        for item in mistake.manual:
            lines.append(f"    {_box(item)} {click.style(item.id, dim=True)}  {item.text}")
            if item.confirmed_on:
                key = "expired" if item.expired else "confirmed"
                when = say(key, date=Formatter.of(report.language).date(item.confirmed_on),
                           who=item.confirmed_by)
                lines.append(f"          {when}")
    lines += ["", say("score_explained"), say("completeness_explained")]
    return "\n".join(lines)


def _percent(report: AuditReport, value: int | None = None) -> str:
    """A completeness figure as the charter's language writes a percentage."""
    shown = report.completeness if value is None else value
    return label(report.language, "audit.words.percent", n=shown)


def _coloured_score(score: int, status: Status) -> str:
    return click.style(str(score), fg=COLOURS[status], bold=True)


def _symbol(status: Status) -> str:
    return click.style(SYMBOLS[status], fg=COLOURS[status], bold=True)


def _box(item: ManualItem) -> str:
    return click.style("[x]", fg="green") if item.confirmed else "[ ]"


def _location(document: Locatable, path: FieldPath) -> str:
    line, column = document.locate(path)
    return f"{document.path}:{line}:{column}"


# -- Markdown -------------------------------------------------------------------


def as_markdown(report: AuditReport, document: Locatable, company: str = "") -> str:
    """A section for a pull-request comment: a table of the nine mistakes, then details."""
    say = _labels(report.language)
    status_word = {s: label(report.language, f"audit.status.{s.value}") for s in Status}
    colon = label(report.language, "site.common.colon")
    out = [
        f"### {md_escape(company or report.slug)}{colon} {report.score}/100 · "
        f"{say('completeness')} {_percent(report)}",
        "",
        f"`{md_code(document.path)}`",
        "",
        f"| # | {say('mistake')} | {say('status')} | {say('score').capitalize()} | "
        f"{say('completeness').capitalize()} |",
        "|--:|---|---|--:|--:|",
    ]
    for mistake in report.mistakes:
        out.append(f"| {mistake.number} | {md_escape(mistake.title)} | "
                   f"{EMOJI[mistake.status]} {status_word[mistake.status]} | {mistake.score} | "
                   f"{_percent(report, mistake.completeness)} |")
    out += ["", f"{say('score_explained')} {say('completeness_explained')}"]

    details: list[str] = []
    for warning in report.warnings:
        details.append(f"- ⚠️ {md_escape(warning.reason)} "
                       f"(`{md_code(_location(document, warning.field_path))}`)")
    for mistake in report.mistakes:
        open_checks = [c for c in mistake.evidence if c.status is not Status.PASS]
        if (not open_checks and not mistake.not_stated
                and all(i.confirmed for i in mistake.manual)):
            continue
        if details:
            details.append("")
        details += [f"**{mistake.number}. {md_escape(mistake.title)}**", ""]
        for check in open_checks:
            where = ("" if check.findings else
                     f" (`{md_code(_location(document, check.field_path))}`)")
            details.append(f"- {EMOJI[check.status]} `{check.id}` {md_escape(check.reason)}"
                           + where)
            for finding in check.findings:
                details.append(f"  - {md_escape(finding.reason)} "
                               f"(`{md_code(_location(document, finding.field_path))}`)")
        for check in mistake.not_stated:
            where = ("" if check.findings else
                     f" (`{md_code(_location(document, check.field_path))}`)")
            details.append(f"- {NOT_STATED} {say('not_stated')}{colon} `{check.id}` "
                           f"{md_escape(check.reason)}" + where)
            for finding in check.findings:
                details.append(f"  - {md_escape(finding.reason)} "
                               f"(`{md_code(_location(document, finding.field_path))}`)")
        for item in mistake.manual:
            mark = "x" if item.confirmed else " "
            details.append(f"- [{mark}] `{item.id}` {md_escape(item.text)}")
    if details:
        out += ["", f"<details><summary>{say('details')}</summary>", "", *details, "",
                "</details>"]
    else:
        out += ["", say("all_pass")]
    return "\n".join(out)


_MARKDOWN_SPECIAL = set("\\`*_[]<>|#~&!")


def md_escape(text: str) -> str:
    """Charter text made inert in Markdown and HTML: no markup, links or tags survive."""
    return "".join(f"\\{c}" if c in _MARKDOWN_SPECIAL else c for c in
                   " ".join(text.split()))


def md_code(text: str) -> str:
    """Text for an inline code span (backticks would close it)."""
    return text.replace("`", "'")


def _labels(language: str) -> Any:
    def say(key: str, **values: Any) -> str:
        return label(language, f"audit.report.{key}", **values)

    return say
