"""Run every registered rule on a charter, match its reviews to the checklist, score."""

from __future__ import annotations

import datetime as dt
import difflib

from chartergen.audit import score, thresholds
from chartergen.audit.context import Context
from chartergen.audit.registry import REGISTRY, ManualItemSpec, Registry, Rule
from chartergen.audit.results import (
    AuditReport,
    CheckResult,
    Finding,
    ManualItem,
    MistakeResult,
)
from chartergen.i18n import LANGUAGES, label
from chartergen.i18n.formatting import Formatter
from chartergen.model import Charter, Review

MISTAKES = tuple(range(1, 10))


def run(charter: Charter, today: dt.date | None = None, *,
        registry: Registry = REGISTRY) -> AuditReport:
    """Audit ``charter`` against the nine mistakes, as of ``today`` (default: the real today).

    Pure apart from the default date: the same charter and date give the same report.
    """
    today = today or dt.date.today()
    language = charter.language if charter.language in LANGUAGES else "en"
    items = registry.manual_items()
    rules = registry.rules()
    confirmations, warnings = _confirmations(charter, items, rules, today, language)
    warnings.extend(_crisis_warnings(charter, today, language))

    mistakes = []
    for number in MISTAKES:
        checks = [(_check(rule, charter, today, language), rule.weight)
                  for rule in rules if rule.mistake == number]
        manual = tuple(
            confirmations.get(item.id) or ManualItem(
                item.id, item.mistake, _item_text(item, language))
            for item in items if item.mistake == number
        )
        results = tuple(check for check, _weight in checks)
        mistakes.append(MistakeResult(
            number=number,
            title=label(language, f"audit.mistakes.m{number}.title"),
            summary=label(language, f"audit.mistakes.m{number}.summary"),
            status=score.mistake_status(results),
            score=score.mistake_score(*score.mistake_points(checks)),
            checks=results,
            manual=manual,
            completeness=score.mistake_score(*score.completeness_points(checks)),
        ))
    return AuditReport(
        slug=charter.slug,
        language=language,
        score=score.overall_score([m.score for m in mistakes]),
        completeness=score.overall_score([m.completeness for m in mistakes]),
        mistakes=tuple(mistakes),
        warnings=tuple(warnings),
        today=today,
    )


def _crisis_warnings(charter: Charter, today: dt.date, language: str) -> list[Finding]:
    """The after-action review of the last crisis, once it is overdue."""
    due = charter.crisis.after_action_due
    if due is None or due >= today:
        return []
    say = Formatter.of(language)
    current = charter.crisis.current
    return [Finding(label(language, "audit.crisis.after_action_overdue",
                          due=say.date(due), ended=say.date(current.ended),
                          within=str(charter.crisis.after_action.within)),
                    ("crisis", "current", "ended"))]


def _check(rule: Rule, charter: Charter, today: dt.date, language: str) -> CheckResult:
    verdict = rule.check(charter, Context(rule.id, today, language))
    return CheckResult(
        id=rule.id,
        mistake=rule.mistake,
        title=_rule_title(rule, language),
        status=verdict.status,
        reason=verdict.reason,
        field_path=verdict.field_path,
        findings=verdict.findings,
        help=rule.help,
        kind=rule.kind,
    )


def _rule_title(rule: Rule, language: str) -> str:
    mistake, _, name = rule.id.partition(".")
    try:
        return label(language, f"audit.rules.{mistake}.{name}.title")
    except KeyError:
        return rule.title


def _item_text(item: ManualItemSpec, language: str) -> str:
    mistake, _, name = item.id.partition(".")
    try:
        return label(language, f"audit.manual.{mistake}.{name}")
    except KeyError:
        return item.text


def _confirmations(
    charter: Charter, items: list[ManualItemSpec], rules: list[Rule], today: dt.date,
    language: str,
) -> tuple[dict[str, ManualItem], list[Finding]]:
    """The latest valid confirmation of each item, and warnings about the reviews."""
    known = {item.id: item for item in items}
    automatic = {rule.id for rule in rules}
    latest: dict[str, tuple[Review, int]] = {}
    warnings: list[Finding] = []

    def warn(key: str, path: tuple[str | int, ...], **values: object) -> None:
        warnings.append(Finding(label(language, f"audit.reviews.{key}", **values), path))

    for index, review in enumerate(charter.reviews):
        if review.date > today:
            warn("future", ("reviews", index, "date"),
                 date=Formatter.of(language).date(review.date))
            continue
        for position, item_id in enumerate(review.items):
            path = ("reviews", index, "items", position)
            if item_id in automatic:
                warn("automatic", path, id=item_id)
            elif item_id not in known:
                close = difflib.get_close_matches(item_id, list(known), n=1, cutoff=0.6)
                if close:
                    warn("unknown_close", path, id=item_id, close=close[0])
                else:
                    warn("unknown", path, id=item_id)
            elif item_id not in latest or review.date >= latest[item_id][0].date:
                latest[item_id] = (review, index)

    confirmed = {}
    for item_id, (review, _index) in latest.items():
        item = known[item_id]
        age = (today - review.date).days
        confirmed[item_id] = ManualItem(
            item.id, item.mistake, _item_text(item, language),
            confirmed_on=review.date, confirmed_by=review.reviewer,
            expired=age > thresholds.CONFIRMATION_VALID_DAYS,
        )
    return confirmed, warnings
