"""Mistake 2, not preparing enough: target, objectives, networks, content, calendar."""

from __future__ import annotations

from chartergen.audit import Context, Verdict, manual_item, rule
from chartergen.audit.rules import has_rhythm, name_of
from chartergen.model import Charter

manual_item("m2.audiences-researched", mistake=2)


@rule("m2.chosen-for-audiences", mistake=2)
def chosen_for_audiences(charter: Charter, ctx: Context) -> Verdict:
    """Audiences and objectives are chosen.

    Evidence of the mistake: neither audiences nor objectives (fail): nothing was chosen
    before opening accounts; one of the two missing (warn). Which audiences and
    objectives each network serves is a detail (``m2.networks-reach-audiences``,
    ``m1.networks-serve-objectives``): when the charter does not say, it is not stated,
    not evidence.
    """
    if not charter.audiences and not charter.objectives:
        return ctx.fail("none", ("audiences",))
    if not charter.audiences:
        return ctx.warn("no_audiences", ("audiences",))
    if not charter.objectives:
        return ctx.warn("no_objectives", ("objectives",))
    return ctx.passed("pass", ("audiences",), audiences=len(charter.audiences),
                      objectives=len(charter.objectives))


@rule("m2.groundwork", mistake=2, kind="detail")
def groundwork(charter: Charter, ctx: Context) -> Verdict:
    """The five preparatory tasks are done: audiences, objectives, networks, content, calendar.

    Fails, naming each missing one, when the charter lacks audiences, objectives,
    an active network, content pillars, or any calendar (calendar slots, themes of the
    month or season, or a cadence of a network or of a pillar).
    """
    tasks = {
        "audiences": (bool(charter.audiences), ("audiences",)),
        "objectives": (bool(charter.objectives), ("objectives",)),
        "networks": (bool(charter.active_networks), ("networks",)),
        "pillars": (bool(charter.content.pillars), ("content", "pillars")),
        "calendar": (
            bool(charter.content.calendar.slots or charter.content.calendar.themes)
            or any(n.cadence for n in charter.active_networks)
            or any(p.cadence for p in charter.content.pillars),
            ("content", "calendar"),
        ),
    }
    missing = [(task, path) for task, (done, path) in tasks.items() if not done]
    if missing:
        names = [ctx.say(f"task_{task}") for task, _path in missing]
        return ctx.fail("fail", tasks=names, findings=[
            ctx.finding("finding", path, task=ctx.say(f"task_{task}")) for task, path in missing
        ])
    return ctx.passed("pass", ("audiences",))


@rule("m2.networks-reach-audiences", mistake=2, kind="detail")
def networks_reach_audiences(charter: Charter, ctx: Context) -> Verdict:
    """Every active network reaches at least one declared audience.

    Fails when there is no active network, or when an active network lists no
    ``audiences``: the network was chosen without knowing for whom.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    blind = [n for n in active if not n.audiences]
    if blind:
        return ctx.fail("fail", names=[name_of(n) for n in blind], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in blind
        ])
    return ctx.passed("pass", ("networks",))


@rule("m2.audiences-reached", mistake=2, kind="detail")
def audiences_reached(charter: Charter, ctx: Context) -> Verdict:
    """Every declared audience is reached by at least one active network.

    Fails when there is no audience, or when no active network lists an audience.
    """
    if not charter.audiences:
        return ctx.fail("no_audiences", ("audiences",))
    reached = {a for n in charter.active_networks for a in n.audiences}
    lost = [a for a in charter.audiences if a.id not in reached]
    if lost:
        return ctx.fail("fail", names=[a.name for a in lost], findings=[
            ctx.finding("finding", a.path, name=a.name) for a in lost
        ])
    return ctx.passed("pass", ("audiences",), count=len(charter.audiences))


@rule("m2.audiences-where", mistake=2, kind="detail")
def audiences_where(charter: Charter, ctx: Context) -> Verdict:
    """Each audience is reached on a platform where it actually is.

    For each audience whose ``where`` lists platforms, at least one active network
    reaching it must be on one of them. Warns on a mismatch, and when no audience
    says where it is found (the choice of networks cannot then be checked).
    Fails when there is no audience.
    """
    if not charter.audiences:
        return ctx.fail("no_audiences", ("audiences",))
    located = [a for a in charter.audiences if a.where]
    if not located:
        return ctx.warn("unknown", ("audiences",))
    mismatched = []
    for audience in located:
        platforms = {n.platform for n in charter.active_networks if audience.id in n.audiences}
        if platforms and not platforms & set(audience.where):
            mismatched.append((audience, sorted(platforms)))
    if mismatched:
        return ctx.warn("warn", names=[a.name for a, _p in mismatched], findings=[
            ctx.finding("finding", (*a.path, "where"), name=a.name,
                        where=[ctx.platform(p) for p in a.where],
                        platforms=[ctx.platform(p) for p in platforms])
            for a, platforms in mismatched
        ])
    return ctx.passed("pass", ("audiences",))


@rule("m2.rhythm-planned", mistake=2, kind="detail")
def rhythm_planned(charter: Charter, ctx: Context) -> Verdict:
    """Every active network has a rhythm.

    A rhythm is a cadence, slots in the editorial calendar, or pillars with a cadence
    published there. Fails when there is no active network, or when an active network
    has none of these.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    unplanned = [n for n in active if not n.cadence and not has_rhythm(charter, n)]
    if unplanned:
        return ctx.fail("fail", names=[name_of(n) for n in unplanned], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in unplanned
        ])
    return ctx.passed("pass", ("networks",))


@rule("m2.networks-differentiated", mistake=2, kind="detail")
def networks_differentiated(charter: Charter, ctx: Context) -> Verdict:
    """Content is adapted to each network rather than pushed identically everywhere.

    With two or more active networks, warns when a network states neither a
    ``tone`` nor ``formats``, or when no network has a tone of its own and they
    all use the same formats. Passes with a single active network; fails with none.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    if len(active) == 1:
        return ctx.passed("single", active[0].path, name=name_of(active[0]))
    generic = [n for n in active if not n.tone.strip() and not n.formats]
    if generic:
        return ctx.warn("generic", names=[name_of(n) for n in generic], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in generic
        ])
    if not any(n.tone.strip() for n in active) and len(
            {frozenset(f.lower() for f in n.formats) for n in active}) == 1:
        return ctx.warn("identical", ("networks",))
    return ctx.passed("pass", ("networks",))
