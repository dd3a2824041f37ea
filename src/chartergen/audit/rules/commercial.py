"""Mistake 6, being too commercial: give before receiving, serve what audiences expect."""

from __future__ import annotations

from typing import Any

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import name_of, promotional_share
from chartergen.model import Charter

manual_item("m6.expectations-asked", mistake=6)


def _ceiling(charter: Charter) -> float:
    ceiling = charter.content.promotional_ceiling
    return thresholds.DEFAULT_PROMOTIONAL_CEILING if ceiling is None else ceiling


@rule("m6.selling-share", mistake=6)
def selling_share(charter: Charter, ctx: Context) -> Verdict:
    """Selling stays under a ceiling.

    Evidence of the mistake: no content pillars at all (fail); every pillar promotional
    (fail); the promotional pillars' share above ``content.promotional_ceiling``, or
    above ``DEFAULT_PROMOTIONAL_CEILING`` when the charter sets none (fail). Without
    shares, the share is estimated from the pillars' cadences (once a month) against
    the networks'. When neither gives it, the selling share is not stated
    (``m6.promo-under-ceiling``): that is a detail, not evidence.
    """
    pillars = charter.content.pillars
    if not pillars:
        return ctx.fail("no_pillars", ("content", "pillars"))
    promo = [p for p in pillars if p.promotional]
    if len(promo) == len(pillars):
        return ctx.fail("all_promotional", ("content", "pillars"),
                        names=[p.name for p in promo])
    share, estimated = promotional_share(charter)
    if share is None:
        if not promo:
            return ctx.passed("none_promotional", ("content", "pillars"))
        return ctx.passed("unknown_share", ("content", "pillars"),
                          names=[p.name for p in promo])
    ceiling = _ceiling(charter)
    values: dict[str, Any] = {"share": ctx.percent(share), "ceiling": ctx.percent(ceiling)}
    field = "cadence" if estimated else "share"
    path = (*promo[0].path, field) if promo else ("content", "pillars")
    suffix = "_estimated" if estimated else ""
    if share > ceiling + 1e-9:
        return ctx.fail("over" + suffix, path, **values)
    return ctx.passed("pass" + suffix, path, **values)


@rule("m6.promo-under-ceiling", mistake=6, kind="detail")
def promo_under_ceiling(charter: Charter, ctx: Context) -> Verdict:
    """The promotional pillars' real share of output stays under the ceiling.

    The share is the sum of the ``share`` of pillars marked ``promotional``,
    divided by the sum of all shares, or estimated from the pillars' cadences when no
    pillar has a share (see ``m6.selling-share``). The ceiling is
    ``content.promotional_ceiling``, or ``DEFAULT_PROMOTIONAL_CEILING`` when the charter
    sets none. Fails above the ceiling or when there are no pillars; warns when neither
    shares nor cadences give the promotional share.
    """
    pillars = charter.content.pillars
    if not pillars:
        return ctx.fail("no_pillars", ("content", "pillars"))
    share, _estimated = promotional_share(charter)
    if share is None:
        return ctx.warn("no_shares", ("content", "pillars"))
    ceiling = _ceiling(charter)
    key = "" if charter.content.promotional_ceiling is not None else "_default"
    promo = [p for p in pillars if p.promotional]
    path = (*promo[0].path, "share") if promo else ("content", "pillars")
    values: dict[str, Any] = {"share": ctx.percent(share), "ceiling": ctx.percent(ceiling)}
    if share > ceiling + 1e-9:
        return ctx.fail("fail" + key, path, **values)
    return ctx.passed("pass" + key, path, **values)


@rule("m6.ceiling-set", mistake=6, kind="detail")
def ceiling_set(charter: Charter, ctx: Context) -> Verdict:
    """The company sets itself a ceiling on promotional content, within common practice.

    Warns when ``content.promotional_ceiling`` is missing (the default then applies)
    or above ``MAX_SENSIBLE_CEILING`` percent.
    """
    path = ("content", "promotional_ceiling")
    ceiling = charter.content.promotional_ceiling
    if ceiling is None:
        return ctx.warn("missing", path,
                        default=ctx.percent(thresholds.DEFAULT_PROMOTIONAL_CEILING))
    if ceiling > thresholds.MAX_SENSIBLE_CEILING:
        return ctx.warn("high", path, ceiling=ctx.percent(ceiling),
                        max=ctx.percent(thresholds.MAX_SENSIBLE_CEILING))
    return ctx.passed("pass", path, ceiling=ctx.percent(ceiling))


@rule("m6.shares-add-up", mistake=6, kind="detail")
def shares_add_up(charter: Charter, ctx: Context) -> Verdict:
    """Every pillar states its share of output, and the shares add up to 100%.

    Fails when there are no pillars or the shares miss 100% by more than
    ``SHARE_TOLERANCE`` points; warns when some pillar has no ``share``.
    """
    pillars = charter.content.pillars
    if not pillars:
        return ctx.fail("no_pillars", ("content", "pillars"))
    unshared = [p for p in pillars if p.share is None]
    if len(unshared) == len(pillars):
        return ctx.warn("no_shares", ("content", "pillars"))
    total = sum(p.share or 0 for p in pillars)
    if unshared:
        return ctx.warn("missing", names=[p.name for p in unshared], findings=[
            ctx.finding("finding", p.path, name=p.name) for p in unshared
        ])
    if abs(total - 100) > thresholds.SHARE_TOLERANCE:
        return ctx.fail("fail", ("content", "pillars"), total=ctx.percent(total))
    return ctx.passed("pass", ("content", "pillars"))


@rule("m6.expectations-served", mistake=6, kind="detail")
def expectations_served(charter: Charter, ctx: Context) -> Verdict:
    """Each audience's expectations are stated and served by a pillar that is not promotion.

    Fails when there is no audience. Warns when an audience has no
    ``expectations``, or when no non-promotional pillar lists it among its
    ``audiences``.
    """
    if not charter.audiences:
        return ctx.fail("no_audiences", ("audiences",))
    served = {a for p in charter.content.pillars if not p.promotional for a in p.audiences}
    findings, names = [], []
    for audience in charter.audiences:
        if not audience.expectations:
            findings.append(ctx.finding("no_expectations", audience.path, name=audience.name))
        elif audience.id not in served:
            findings.append(ctx.finding("unserved", audience.path, name=audience.name))
        else:
            continue
        names.append(audience.name)
    if findings:
        return ctx.warn("warn", names=names, findings=findings)
    return ctx.passed("pass", ("audiences",))


@rule("m6.promo-per-network", mistake=6, kind="detail")
def promo_per_network(charter: Charter, ctx: Context) -> Verdict:
    """No single network turns into a shop window.

    For each active network, the promotional share among the pillars published
    there (a pillar with no ``networks`` counts everywhere), weighted by their
    shares. Warns when it is above the ceiling on some network; fails when there
    are no pillars; warns when no pillar states a share.
    """
    pillars = charter.content.pillars
    if not pillars:
        return ctx.fail("no_pillars", ("content", "pillars"))
    if all(p.share is None for p in pillars):
        return ctx.warn("no_shares", ("content", "pillars"))
    ceiling = _ceiling(charter)
    findings, names = [], []
    for network in charter.active_networks:
        here = [p for p in pillars if not p.networks or network.id in p.networks]
        total = sum(p.share or 0 for p in here)
        if total <= 0:
            continue
        share = 100 * sum(p.share or 0 for p in here if p.promotional) / total
        if share > ceiling + 1e-9:
            names.append(name_of(network))
            findings.append(ctx.finding("finding", network.path, name=name_of(network),
                                        share=ctx.percent(share), ceiling=ctx.percent(ceiling)))
    if findings:
        return ctx.warn("warn", names=names, ceiling=ctx.percent(ceiling), findings=findings)
    return ctx.passed("pass", ("content", "pillars"), ceiling=ctx.percent(ceiling))
