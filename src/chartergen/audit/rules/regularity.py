"""Mistake 5, lacking regularity: keep publishing and answering, absences included."""

from __future__ import annotations

import math

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import has_rhythm, name_of
from chartergen.model import Break, Charter, Network

manual_item("m5.absences-planned", mistake=5)


@rule("m5.keeps-up", mistake=5)
def keeps_up(charter: Charter, ctx: Context) -> Verdict:
    """Each active network has a rhythm, someone who answers, and someone for absences.

    Evidence of the mistake: no active network (fail); an active network where the
    charter says plainly that nobody replies (``replies: false``) or that nobody
    takes over during absences (``has_backup: false``), or whose backup is its owner
    (fail); no active network with a rhythm (a cadence above zero, calendar slots or
    a pillar with a cadence published there: fail) or some without one (warn); a
    seasonal stop (``content.calendar.breaks``) on an active network (warn). A backup
    that is simply not named is a detail (``m5.backup-not-owner``), not evidence.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    findings, names = [], []
    for network in active:
        name = name_of(network)
        if network.replies is False:
            findings.append(ctx.finding("nobody_replies", (*network.path, "replies"),
                                        name=name))
        elif network.has_backup is False:
            findings.append(ctx.finding("nobody_stands_in", (*network.path, "has_backup"),
                                        name=name))
        elif network.backup and network.backup == network.owner:
            findings.append(ctx.finding("backup_is_owner", (*network.path, "backup"),
                                        name=name))
        else:
            continue
        names.append(name)
    if findings:
        return ctx.fail("fail", names=names, findings=findings)
    unplanned = [n for n in active if not has_rhythm(charter, n)]
    rhythm = [ctx.finding("no_rhythm", n.path, name=name_of(n)) for n in unplanned]
    if unplanned and len(unplanned) == len(active):
        return ctx.fail("no_rhythm_at_all", ("networks",), findings=rhythm)
    if unplanned:
        return ctx.warn("some_without_rhythm", names=[name_of(n) for n in unplanned],
                        findings=rhythm)
    stops = _seasonal_stops(charter)
    if stops:
        return ctx.warn("seasonal_stop", names=[name_of(n) for n, _b in stops], findings=[
            ctx.finding("stops", b.path, name=name_of(n),
                        months=[ctx.formats.enum("month", m) for m in b.months])
            for n, b in stops
        ])
    return ctx.passed("pass", ("networks",))


def _seasonal_stops(charter: Charter) -> list[tuple[Network, Break]]:
    """Each active network with the first break that stops it."""
    found = []
    for network in charter.active_networks:
        stop = next((b for b in charter.content.calendar.breaks if b.stops(network.id)), None)
        if stop is not None:
            found.append((network, stop))
    return found


@rule("m5.cadence-set", mistake=5, kind="detail")
def cadence_set(charter: Charter, ctx: Context) -> Verdict:
    """Every active network has a publishing cadence above zero.

    Fails when there is no active network, or when an active network has no
    ``cadence`` or zero posts.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    findings, names = [], []
    for network in active:
        if network.cadence is None:
            findings.append(ctx.finding("finding", network.path, name=name_of(network)))
        elif network.cadence.posts == 0:
            findings.append(ctx.finding("zero", (*network.path, "cadence", "posts"),
                                        name=name_of(network)))
        else:
            continue
        names.append(name_of(network))
    if findings:
        return ctx.fail("fail", names=names, findings=findings)
    return ctx.passed("pass", ("networks",))


@rule("m5.reply-targets-set", mistake=5, kind="detail")
def reply_targets_set(charter: Charter, ctx: Context) -> Verdict:
    """Every active network promises a reply time, and the promises make sense.

    Fails when an active network has no ``reply_targets`` (or there is no active
    network). Warns when a comment may wait longer than ``MAX_COMMENT_REPLY_HOURS``,
    or when a complaint may wait longer than an ordinary comment.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    silent = [n for n in active if not n.reply_targets.any]
    if silent:
        return ctx.fail("fail", names=[name_of(n) for n in silent], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in silent
        ])
    findings = []
    for network in active:
        targets = network.reply_targets
        path = (*network.path, "reply_targets")
        if targets.comment and targets.comment.hours > thresholds.MAX_COMMENT_REPLY_HOURS:
            findings.append(ctx.finding("slow", (*path, "comment"), name=name_of(network),
                                        target=targets.comment,
                                        max=ctx.hours(thresholds.MAX_COMMENT_REPLY_HOURS * 60)))
        if (targets.comment and targets.complaint
                and targets.complaint.minutes > targets.comment.minutes):
            findings.append(ctx.finding("inverted", (*path, "complaint"), name=name_of(network),
                                        complaint=targets.complaint,
                                        comment=targets.comment))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("networks",))


@rule("m5.backup-not-owner", mistake=5, kind="detail")
def backup_not_owner(charter: Charter, ctx: Context) -> Verdict:
    """Every active network has a backup role that is not its owner.

    Fails when there is no active network, or when an active network has no
    ``backup`` or names its ``owner`` as backup: holidays and sick leave then stop
    the account.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    findings, names = [], []
    for network in active:
        if not network.backup:
            findings.append(ctx.finding("missing", network.path, name=name_of(network)))
        elif network.backup == network.owner:
            findings.append(ctx.finding("same", (*network.path, "backup"),
                                        name=name_of(network), role=network.owner))
        else:
            continue
        names.append(name_of(network))
    if findings:
        return ctx.fail("fail", names=names, findings=findings)
    return ctx.passed("pass", ("networks",))


@rule("m5.backup-has-time", mistake=5, kind="detail")
def backup_has_time(charter: Charter, ctx: Context) -> Verdict:
    """Backup roles are held by someone who has time for social media.

    Fails when no active network has a backup. Warns when a backup role gives no
    ``hours_per_week`` or has no ``holder``.
    """
    backups = list(dict.fromkeys(n.backup for n in charter.active_networks if n.backup))
    if not backups:
        return ctx.fail("no_backups", ("networks",))
    findings, names = [], []
    for role_id in backups:
        role = charter.role(role_id)
        if role is None:
            continue  # validation already reports a dangling reference
        if not role.hours_per_week:
            findings.append(ctx.finding("no_hours", role.path, name=charter.role_label(role)))
        elif not role.holder:
            findings.append(ctx.finding("no_holder", role.path, name=charter.role_label(role)))
        else:
            continue
        names.append(charter.role_label(role))
    if findings:
        return ctx.warn("warn", names=names, findings=findings)
    return ctx.passed("pass", ("team", "roles"))


@rule("m5.weekend-gap", mistake=5, kind="detail")
def weekend_gap(charter: Charter, ctx: Context) -> Verdict:
    """Reply promises hold over the weekend, and each network says when it is watched.

    For each active network, warns when ``coverage.hours`` is not stated, and when
    weekends are not covered (and nothing is said about out-of-hours) although a
    reply target is shorter than the ``WEEKEND_GAP_HOURS`` a Friday-evening message
    waits until Monday; a target in working time (``4wh``, ``1wd``) stops over the
    weekend and is not compared. Fails when there is no active network.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    findings = []
    for network in active:
        coverage = network.coverage
        if not coverage.hours:
            findings.append(ctx.finding("no_hours", network.path, name=name_of(network)))
        # a target in working time (4wh, 1wd) stops its clock over the weekend
        targets = [t for t in (network.reply_targets.comment, network.reply_targets.message,
                               network.reply_targets.complaint)
                   if t is not None and not t.working]
        fastest = min(targets, default=None)
        if (fastest is not None and fastest.hours < thresholds.WEEKEND_GAP_HOURS
                and coverage.weekends is not True and not coverage.out_of_hours):
            findings.append(ctx.finding(
                "gap", (*network.path, "coverage"), name=name_of(network),
                target=fastest, gap=ctx.hours(thresholds.WEEKEND_GAP_HOURS * 60)))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("networks",))


@rule("m5.calendar-matches-cadence", mistake=5, kind="detail")
def calendar_matches_cadence(charter: Charter, ctx: Context) -> Verdict:
    """The editorial calendar plans as many weekly slots as each cadence promises.

    For each active network that has calendar slots and a cadence of at least one
    post a week, warns when the weekly slots are fewer than the posts the cadence
    promises. Passes when the charter keeps no recurring slots (the cadences alone
    set the rhythm).
    """
    slots = charter.content.calendar.slots
    if not slots:
        return ctx.passed("no_slots", ("content", "calendar"))
    findings, names = [], []
    for network in charter.active_networks:
        planned = sum(1 for s in slots if s.network == network.id)
        if not planned or network.cadence is None:
            continue
        promised = math.floor(network.cadence.per_week + 1e-9)
        if planned < promised:
            names.append(name_of(network))
            findings.append(ctx.finding("finding", (*network.path, "cadence"),
                                        name=name_of(network), slots=planned,
                                        posts=promised))
    if findings:
        return ctx.warn("warn", ("content", "calendar", "slots"), names=names,
                        findings=findings)
    return ctx.passed("pass", ("content", "calendar", "slots"))
