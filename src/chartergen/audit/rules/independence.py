"""Mistake 9, depending on social networks: an owned hub, exports, exit plans, spread."""

from __future__ import annotations

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import name_of, posts_per_week
from chartergen.model import Charter

manual_item("m9.export-tested", mistake=9)
manual_item("m9.hub-links", mistake=9)


@rule("m9.owned-channel", mistake=9)
def owned_channel(charter: Charter, ctx: Context) -> Verdict:
    """The company has a channel of its own, and keeps its content and audience.

    Evidence of the mistake: no owned channel at all (neither ``content.hub`` nor a
    website, ``company.website`` or ``company.has_website``: fail); the charter says
    plainly that the company has no channel of its own (``content.hub.exists: false``:
    fail, or warn when it has a website all the same); the charter says plainly that
    the company keeps no
    copy of its content or audience (``independence.keeps_copy: false``: warn), or
    that content does not go to its own channel first (``publish_first: false``:
    warn).
    """
    hub = charter.content.hub
    website = bool(charter.company.website or charter.company.has_website)
    if hub.exists is False:
        if not website:
            return ctx.fail("none_said", ("content", "hub", "exists"))
        return ctx.warn("no_hub_said", ("content", "hub", "exists"))
    if not (hub.exists or hub.name or hub.url or website):
        return ctx.fail("none", ("content", "hub"))
    if charter.independence.keeps_copy is False:
        return ctx.warn("no_copy", ("independence", "keeps_copy"))
    if hub.publish_first is False:
        return ctx.warn("not_first", ("content", "hub", "publish_first"))
    return ctx.passed("pass", ("content", "hub"))


@rule("m9.owned-hub", mistake=9, kind="detail")
def owned_hub(charter: Charter, ctx: Context) -> Verdict:
    """The company has a channel of its own (site, blog, newsletter) at the centre.

    Fails when ``content.hub`` names nothing; warns when it gives no ``url``.
    """
    hub = charter.content.hub
    if not hub.name and not hub.url:
        return ctx.fail("missing", ("content", "hub"))
    if not hub.url:
        return ctx.warn("no_url", ("content", "hub"), name=hub.name)
    return ctx.passed("pass", ("content", "hub", "url"), name=hub.name or hub.url, url=hub.url)


@rule("m9.publish-first", mistake=9, kind="detail")
def publish_first(charter: Charter, ctx: Context) -> Verdict:
    """Content appears on the company's own hub before it goes to the networks.

    Fails when there is no hub, or when ``content.hub.publish_first`` is false;
    warns when it is not said.
    """
    hub = charter.content.hub
    path = ("content", "hub", "publish_first")
    if not hub.name and not hub.url:
        return ctx.fail("no_hub", ("content", "hub"))
    if hub.publish_first is False:
        return ctx.fail("fail", path)
    if hub.publish_first is None:
        return ctx.warn("unset", path)
    return ctx.passed("pass", path)


@rule("m9.exports", mistake=9, kind="detail")
def exports(charter: Charter, ctx: Context) -> Verdict:
    """Content and audience data are exported regularly by a named role.

    Fails when ``independence.exports`` says nothing; warns when it lacks a
    frequency, a list of what is exported, or an owner.
    """
    exported = charter.independence.exports
    path = ("independence", "exports")
    parts = {"frequency": exported.frequency, "what": exported.what, "owner": exported.owner}
    missing = [key for key, value in parts.items() if not value]
    if len(missing) == len(parts):
        return ctx.fail("missing", path)
    if missing:
        return ctx.warn("partial", path, parts=[ctx.say(f"part_{k}") for k in missing])
    return ctx.passed("pass", path, frequency=ctx.word(f"frequency.{exported.frequency}"))


@rule("m9.exit-plans", mistake=9, kind="detail")
def exit_plans(charter: Charter, ctx: Context) -> Verdict:
    """There is a plan for the day a network closes, changes its rules or fades.

    Fails when there is no exit plan; warns when an active network has no plan of
    its own and there is no general plan (one naming no network).
    """
    plans = charter.independence.exit_plans
    path = ("independence", "exit_plans")
    if not plans:
        return ctx.fail("missing", path)
    if any(not p.network for p in plans):
        return ctx.passed("general", path)
    covered = {p.network for p in plans}
    bare = [n for n in charter.active_networks if n.id not in covered]
    if bare:
        return ctx.warn("warn", names=[name_of(n) for n in bare], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in bare
        ])
    return ctx.passed("pass", path)


@rule("m9.spread", mistake=9, kind="detail")
def spread(charter: Charter, ctx: Context) -> Verdict:
    """No single network carries more of the publishing effort than the charter allows.

    Each active network's share of the posts per week is compared with
    ``independence.max_share_per_network`` (``DEFAULT_MAX_SHARE_PER_NETWORK`` when
    not given). Warns above it, or when no active network has a cadence; fails
    when there is no active network.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    total = sum(posts_per_week(n) for n in active)
    if total <= 0:
        return ctx.warn("no_cadence", ("networks",))
    limit = charter.independence.max_share_per_network
    key = ""
    if limit is None:
        limit, key = thresholds.DEFAULT_MAX_SHARE_PER_NETWORK, "_default"
    heavy = [(n, 100 * posts_per_week(n) / total) for n in active]
    heavy = [(n, share) for n, share in heavy if share > limit + 1e-9]
    if heavy:
        return ctx.warn("warn" + key, names=[name_of(n) for n, _s in heavy],
                        limit=ctx.percent(limit), findings=[
            ctx.finding("finding", (*n.path, "cadence"), name=name_of(n),
                        share=ctx.percent(share), limit=ctx.percent(limit))
            for n, share in heavy
        ])
    return ctx.passed("pass" + key, ("networks",), limit=ctx.percent(limit))
