"""Mistake 3, underestimating the investment: time, people, skills and money."""

from __future__ import annotations

from collections import defaultdict

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import (
    engagement_minutes,
    name_of,
    posts_per_week,
    publishing_minutes,
    stated_minutes,
    workload,
)
from chartergen.model import Charter

manual_item("m3.time-agreed", mistake=3)
manual_item("m3.training-planned", mistake=3)


@rule("m3.time-given", mistake=3)
def time_given(charter: Charter, ctx: Context) -> Verdict:
    """Named people give time, and enough of it for what the charter plans.

    Evidence of the mistake: no role gives any ``hours_per_week`` (fail); the work
    whose time the charter states itself (posts x ``time_per_post``,
    ``engagement_time``, monitoring and reporting time) is above the hours given
    (fail); the weekly workload of ``m3.workload-fits``, partly estimated with the
    defaults, above ``ESTIMATED_OVERLOAD_FACTOR`` times the hours given (warn: an
    estimate alone is not evidence). Posts published automatically (an ``automated``
    network or pillar) cost no writing time; their replies do.
    """
    path = ("team", "roles")
    capacity = charter.team.hours_per_week * 60
    if capacity <= 0:
        return ctx.fail("no_time", path)
    if not charter.active_networks:
        return ctx.passed("nothing_planned", path, have=ctx.hours(capacity))
    load = workload(charter)
    need, have = ctx.hours(load.total), ctx.hours(capacity)
    stated = stated_minutes(charter)
    if stated > capacity:
        return ctx.fail("over", path, need=ctx.hours(stated), have=have)
    if load.defaulted and load.total > capacity * thresholds.ESTIMATED_OVERLOAD_FACTOR:
        return ctx.warn("over_estimated", path, need=need, have=have,
                        names=list(load.defaulted))
    return ctx.passed("pass", path, need=need, have=have)


@rule("m3.workload-fits", mistake=3, kind="detail")
def workload_fits(charter: Charter, ctx: Context) -> Verdict:
    """The work the charter plans fits in the hours its roles give, with a margin.

    Weekly workload = for each active network, posts per week x ``time_per_post``
    plus ``engagement_time``; plus ``monitoring.time_per_week`` and
    ``measurement.time_per_week``. Missing times are estimated with the defaults
    in :mod:`~chartergen.audit.thresholds`. The capacity is the sum of the roles'
    ``hours_per_week``. Fails when the workload exceeds the capacity (or no role
    gives any time, or there is no role or no active network); warns when it leaves
    less than ``WORKLOAD_MARGIN`` free.
    """
    if not charter.team.roles:
        return ctx.fail("no_roles", ("team", "roles"))
    if not charter.active_networks:
        return ctx.fail("no_networks", ("networks",))
    load = workload(charter)
    capacity = charter.team.hours_per_week * 60
    note = ctx.say("defaults", names=list(load.defaulted)) if load.defaulted else ""
    need, have = ctx.hours(load.total), ctx.hours(capacity)
    path = ("team", "roles")
    if capacity <= 0:
        return ctx.fail("no_hours", path, text=ctx.say("no_hours", need=need) + note)
    if load.total > capacity:
        return ctx.fail("fail", path, text=ctx.say("fail", need=need, have=have) + note)
    if load.total > capacity * (1 - thresholds.WORKLOAD_MARGIN):
        margin = round(100 * thresholds.WORKLOAD_MARGIN)
        return ctx.warn("warn", path,
                        text=ctx.say("warn", need=need, have=have, margin=margin) + note)
    return ctx.passed("pass", path, text=ctx.say("pass", need=need, have=have) + note)


@rule("m3.role-load", mistake=3, kind="detail")
def role_load(charter: Charter, ctx: Context) -> Verdict:
    """No role is given more work than the hours it has.

    Each role is charged the networks it owns (posts x time per post + engagement
    time), monitoring if it owns monitoring, and reporting time shared among the
    roles that write reports; compared with its ``hours_per_week`` using the same
    margin as ``m3.workload-fits``. Fails when a role is over its hours, warns when
    one is within the margin; fails when there is no role.
    """
    roles = charter.team.roles
    if not roles:
        return ctx.fail("no_roles", ("team",))
    charged: dict[str, float] = defaultdict(float)
    for network in charter.active_networks:
        if network.owner:
            charged[network.owner] += (publishing_minutes(charter, network)
                                       + engagement_minutes(network))
    if charter.monitoring.owner and charter.monitoring.time_per_week:
        charged[charter.monitoring.owner] += charter.monitoring.time_per_week.minutes
    writers = sorted({r.owner for r in charter.measurement.reporting if r.owner})
    if writers and charter.measurement.time_per_week:
        for writer in writers:
            charged[writer] += charter.measurement.time_per_week.minutes / len(writers)

    over, tight = [], []
    for role in roles:
        need, have = charged.get(role.id, 0.0), (role.hours_per_week or 0) * 60
        if need > have:
            over.append((role, need, have))
        elif need > have * (1 - thresholds.WORKLOAD_MARGIN):
            tight.append((role, need, have))
    # the findings name the roles the verdict is about: the overloaded ones when
    # there are any, else the ones close to their limit
    findings = [
        ctx.finding("finding", (*role.path, "hours_per_week"), name=charter.role_label(role),
                    need=ctx.hours(need), have=ctx.hours(have))
        for role, need, have in (over or tight)
    ]
    if over:
        return ctx.fail("fail", names=[charter.role_label(r) for r, _n, _h in over],
                        findings=findings)
    if tight:
        return ctx.warn("warn", names=[charter.role_label(r) for r, _n, _h in tight],
                        findings=findings)
    return ctx.passed("pass", ("team", "roles"))


@rule("m3.time-estimated", mistake=3, kind="detail")
def time_estimated(charter: Charter, ctx: Context) -> Verdict:
    """The charter estimates the time its plans take instead of leaving it to defaults.

    Warns when an active network that publishes has no ``time_per_post`` or no
    ``engagement_time``, or when monitoring or reporting is planned without its
    ``time_per_week``. Fails when there is no active network.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    findings = []
    for network in active:
        if network.time_per_post is None and posts_per_week(network) > 0:
            findings.append(ctx.finding("no_post_time", network.path, name=name_of(network)))
        if network.engagement_time is None:
            findings.append(ctx.finding("no_engagement_time", network.path,
                                        name=name_of(network)))
    if not charter.monitoring.is_empty and charter.monitoring.time_per_week is None:
        findings.append(ctx.finding("no_monitoring_time", ("monitoring",)))
    if charter.measurement.reporting and charter.measurement.time_per_week is None:
        findings.append(ctx.finding("no_reporting_time", ("measurement",)))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("networks",))


@rule("m3.owners-assigned", mistake=3, kind="detail")
def owners_assigned(charter: Charter, ctx: Context) -> Verdict:
    """Every active network has an owner role, held by a named person.

    Fails when there is no active network or an active network has no ``owner``;
    warns when an owner role has no ``holder``.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    orphans = [n for n in active if not n.owner]
    if orphans:
        return ctx.fail("fail", names=[name_of(n) for n in orphans], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in orphans
        ])
    vacant = []
    for owner in dict.fromkeys(n.owner for n in active):
        role = charter.role(owner)
        if role is not None and not role.holder:
            vacant.append(role)
    if vacant:
        return ctx.warn("vacant", names=[charter.role_label(r) for r in vacant], findings=[
            ctx.finding("vacant_finding", r.path, name=charter.role_label(r)) for r in vacant
        ])
    return ctx.passed("pass", ("networks",))


@rule("m3.budget-stated", mistake=3, kind="detail")
def budget_stated(charter: Charter, ctx: Context) -> Verdict:
    """A budget is set aside, with the period it covers.

    Fails when ``team.budget.amount`` is missing; warns when it is zero or has no
    ``period``.
    """
    budget = charter.team.budget
    path = ("team", "budget", "amount")
    if budget.amount is None:
        return ctx.fail("missing", path)
    if budget.amount.amount <= 0:
        return ctx.warn("zero", path)
    if not budget.period:
        return ctx.warn("no_period", ("team", "budget"), amount=budget.amount)
    return ctx.passed("pass", path, amount=budget.amount,
                      period=ctx.word(f"period.{budget.period}"))


@rule("m3.skills-stated", mistake=3, kind="detail")
def skills_stated(charter: Charter, ctx: Context) -> Verdict:
    """The roles that run networks name the skills they need.

    Content and community work need subject expertise and writing. Warns when a
    role owning or backing up a network lists no ``skills`` and no training it has
    followed (``trained``, which says the same); fails when there is no role.
    """
    roles = charter.team.roles
    if not roles:
        return ctx.fail("no_roles", ("team",))
    involved = {n.owner for n in charter.networks} | {n.backup for n in charter.networks}
    working = [r for r in roles if r.id in involved] or list(roles)
    unskilled = [r for r in working if not r.skills and not r.trained]
    if unskilled:
        return ctx.warn("warn", names=[charter.role_label(r) for r in unskilled], findings=[
            ctx.finding("finding", r.path, name=charter.role_label(r)) for r in unskilled
        ])
    return ctx.passed("pass", ("team", "roles"))
