"""Mistake 8, not analysing results: measurable KPIs, reports, reviews on time."""

from __future__ import annotations

import datetime as dt

from chartergen.audit import Context, Finding, Verdict, manual_item, rule
from chartergen.model import Charter, Kpi

manual_item("m8.report-discussed", mistake=8)
manual_item("m8.statistics-access", mistake=8)


def measurable(kpi: Kpi) -> bool:
    """A target, and a deadline or a period the target recurs over (40 a quarter)."""
    return bool(kpi.target and (kpi.deadline or kpi.per))


@rule("m8.targets-reviewed", mistake=8)
def targets_reviewed(charter: Charter, ctx: Context) -> Verdict:
    """Measurable targets, with a source, that someone reviews.

    Evidence of the mistake: no KPI with a target at all (fail). Partial evidence
    (warn): no target is measurable (a deadline or a recurring period), no target
    says where its figure comes from, or nobody reviews the results (no report,
    no KPI owner).
    """
    kpis = [k for o in charter.objectives for k in o.kpis]
    targeted = [k for k in kpis if k.target]
    if not targeted:
        return ctx.fail("no_targets", ("objectives",))
    gaps = []
    if not any(measurable(k) for k in targeted):
        gaps.append(ctx.say("gap_measurable"))
    if not any(k.source for k in targeted):
        gaps.append(ctx.say("gap_source"))
    if not charter.measurement.reporting and not any(k.owner for k in kpis):
        gaps.append(ctx.say("gap_review"))
    if gaps:
        return ctx.warn("partial", ("objectives",), gaps=gaps)
    return ctx.passed("pass", ("objectives",), count=len(targeted))


@rule("m8.objectives-have-kpis", mistake=8, kind="detail")
def objectives_have_kpis(charter: Charter, ctx: Context) -> Verdict:
    """Every objective is measured by at least one KPI.

    Fails when there is no objective, or when an objective has no ``kpis``.
    """
    if not charter.objectives:
        return ctx.fail("no_objectives", ("objectives",))
    bare = [o for o in charter.objectives if not o.kpis]
    if bare:
        return ctx.fail("fail", ids=[o.id for o in bare], findings=[
            ctx.finding("finding", o.path, id=o.id) for o in bare
        ])
    return ctx.passed("pass", ("objectives",))


@rule("m8.kpis-measurable", mistake=8, kind="detail")
def kpis_measurable(charter: Charter, ctx: Context) -> Verdict:
    """Every KPI has a target and a deadline.

    Fails when there is no KPI at all, or when a KPI lacks its ``target`` or its
    ``deadline``: without both, nobody can say whether it was reached.
    """
    kpis = [(o, k) for o in charter.objectives for k in o.kpis]
    if not kpis:
        return ctx.fail("no_kpis", ("objectives",))
    findings = []
    for objective, kpi in kpis:
        gaps = [ctx.say(f"part_{name}") for name, value in
                (("target", kpi.target), ("deadline", kpi.deadline)) if not value]
        if gaps:
            findings.append(ctx.finding("finding", kpi.path, objective=objective.id,
                                        metric=kpi.metric, parts=gaps))
    if findings:
        return ctx.fail("fail", count=len(findings), total=len(kpis), findings=findings)
    return ctx.passed("pass", ("objectives",), count=len(kpis))


def _last_review(charter: Charter, today: dt.date) -> dt.date | None:
    """The latest date someone looked at the charter: a review, a revision or an approval."""
    dates = [r.date for r in charter.reviews]
    dates += [h.date for h in charter.document.history if h.date]
    if charter.document.approved_on:
        dates.append(charter.document.approved_on)
    return max((d for d in dates if d <= today), default=None)


@rule("m8.kpi-deadlines-current", mistake=8, kind="detail")
def kpi_deadlines_current(charter: Charter, ctx: Context) -> Verdict:
    """No KPI deadline has passed without the charter being looked at since.

    Fails when no KPI has a deadline, or when a deadline is past and no review,
    revision or approval is dated on or after it. Warns when a deadline is past
    but the charter was reviewed since (a new target is due).
    """
    dated = [(o, k) for o in charter.objectives for k in o.kpis if k.deadline]
    if not dated:
        return ctx.fail("no_deadlines", ("objectives",))
    reviewed = _last_review(charter, ctx.today)
    stale: list[Finding] = []
    overdue: list[Finding] = []
    for objective, kpi in dated:
        assert kpi.deadline is not None
        if kpi.deadline >= ctx.today:
            continue
        finding = ctx.finding("finding", (*kpi.path, "deadline"), objective=objective.id,
                              metric=kpi.metric, date=kpi.deadline)
        (stale if reviewed and reviewed >= kpi.deadline else overdue).append(finding)
    if overdue:
        return ctx.fail("fail", count=len(overdue), findings=overdue + stale)
    if stale:
        return ctx.warn("warn", count=len(stale), findings=stale)
    upcoming = min(k.deadline for _o, k in dated if k.deadline)
    return ctx.passed("pass", ("objectives",), date=upcoming)


@rule("m8.kpi-sources", mistake=8, kind="detail")
def kpi_sources(charter: Charter, ctx: Context) -> Verdict:
    """Every KPI says where its figure comes from and where it started.

    Fails when there is no KPI; warns when a KPI has no ``source`` or no
    ``baseline`` (progress cannot be shown without a starting point).
    """
    kpis = [(o, k) for o in charter.objectives for k in o.kpis]
    if not kpis:
        return ctx.fail("no_kpis", ("objectives",))
    findings = []
    for objective, kpi in kpis:
        gaps = [ctx.say(f"part_{name}") for name, value in
                (("source", kpi.source), ("baseline", kpi.baseline)) if not value]
        if gaps:
            findings.append(ctx.finding("finding", kpi.path, objective=objective.id,
                                        metric=kpi.metric, parts=gaps))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("objectives",))


@rule("m8.reporting-set", mistake=8, kind="detail")
def reporting_set(charter: Charter, ctx: Context) -> Verdict:
    """Results are reported at a set pace, by a named role, to named readers.

    Fails when ``measurement.reporting`` is empty; warns when a report has no
    ``owner`` or no ``audience``.
    """
    reports = charter.measurement.reporting
    if not reports:
        return ctx.fail("missing", ("measurement", "reporting"))
    findings = []
    for index, report in enumerate(reports):
        path = ("measurement", "reporting", index)
        frequency = ctx.word(f"frequency.{report.frequency}")
        if not report.owner:
            findings.append(ctx.finding("no_owner", path, frequency=frequency))
        if not report.audience:
            findings.append(ctx.finding("no_audience", path, frequency=frequency))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("measurement", "reporting"),
                      frequencies=[ctx.word(f"frequency.{r.frequency}") for r in reports])


@rule("m8.next-review", mistake=8, kind="detail")
def next_review(charter: Charter, ctx: Context) -> Verdict:
    """The charter has a next review date, and it has not passed.

    Fails when ``document.next_review`` is past; warns when it is not set.
    """
    path = ("document", "next_review")
    date = charter.document.next_review
    if date is None:
        return ctx.warn("missing", path)
    if date < ctx.today:
        return ctx.fail("fail", path, date=date, days=ctx.days((ctx.today - date).days))
    return ctx.passed("pass", path, date=date)
