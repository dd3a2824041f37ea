"""Mistake 4, seeing social networks only as a broadcast channel: answer, converse, gather."""

from __future__ import annotations

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import name_of, workload
from chartergen.model import Charter

manual_item("m4.conversations-joined", mistake=4)


@rule("m4.some-conversation", mistake=4)
def some_conversation(charter: Charter, ctx: Context) -> Verdict:
    """The company has some way of conversing, not only of publishing.

    Any one of these is enough: a reply target on an active network, engagement
    principles, a conversational pillar, community actions, answer routing, or time
    given to engagement. Evidence of the mistake: none of them (fail); every active
    network says plainly that nobody replies (fail); every active network has its
    comments turned off, or says nobody replies there (fail).
    """
    active = charter.active_networks
    ways = (
        any(n.reply_targets.any for n in active if n.replies is not False),
        bool(charter.engagement.principles),
        any(p.conversational for p in charter.content.pillars),
        bool(charter.engagement.community_actions),
        bool(charter.engagement.routing),
        any(n.engagement_time and n.engagement_time.minutes > 0 for n in active),
    )
    if active and all(n.replies is False for n in active):
        return ctx.fail("nobody_replies", ("networks",))
    closed = [n for n in active if n.comments is False]
    if closed and all(n.comments is False or n.replies is False for n in active):
        return ctx.fail("comments_off", (*closed[0].path, "comments"),
                        names=[name_of(n) for n in closed])
    if not any(ways):
        return ctx.fail("none", ("engagement",))
    return ctx.passed("pass", ("engagement",), count=sum(ways))


@rule("m4.engagement-principles", mistake=4, kind="detail")
def engagement_principles(charter: Charter, ctx: Context) -> Verdict:
    """The charter says how the company answers, thanks and joins conversations.

    Fails when ``engagement.principles`` is empty; warns when it has fewer than
    ``MIN_ENGAGEMENT_PRINCIPLES`` entries.
    """
    path = ("engagement", "principles")
    count = len(charter.engagement.principles)
    if not count:
        return ctx.fail("missing", path)
    if count < thresholds.MIN_ENGAGEMENT_PRINCIPLES:
        return ctx.warn("few", path, count=count, min=thresholds.MIN_ENGAGEMENT_PRINCIPLES)
    return ctx.passed("pass", path, count=count)


@rule("m4.conversational-share", mistake=4, kind="detail")
def conversational_share(charter: Charter, ctx: Context) -> Verdict:
    """Part of the content invites conversation, and enough of it.

    Fails when there are no pillars or none is ``conversational``; warns when the
    conversational pillars' shares add up to less than ``MIN_CONVERSATIONAL_SHARE``
    percent of the output.
    """
    pillars = charter.content.pillars
    if not pillars:
        return ctx.fail("no_pillars", ("content", "pillars"))
    talking = [p for p in pillars if p.conversational]
    if not talking:
        return ctx.fail("none", ("content", "pillars"))
    total = sum(p.share or 0 for p in pillars)
    if total <= 0:
        return ctx.passed("pass_unshared", talking[0].path, names=[p.name for p in talking])
    share = 100 * sum(p.share or 0 for p in talking) / total
    if share < thresholds.MIN_CONVERSATIONAL_SHARE:
        return ctx.warn("low", (*talking[0].path, "share"), share=ctx.percent(share),
                        min=ctx.percent(thresholds.MIN_CONVERSATIONAL_SHARE))
    return ctx.passed("pass", talking[0].path, share=ctx.percent(share))


@rule("m4.community-actions", mistake=4, kind="detail")
def community_actions(charter: Charter, ctx: Context) -> Verdict:
    """The company does something for its community beyond posting.

    Warns when ``engagement.community_actions`` (live sessions, groups, user
    content...) is empty.
    """
    path = ("engagement", "community_actions")
    actions = charter.engagement.community_actions
    if not actions:
        return ctx.warn("missing", path)
    return ctx.passed("pass", path, count=len(actions))


@rule("m4.engagement-time", mistake=4, kind="detail")
def engagement_time(charter: Charter, ctx: Context) -> Verdict:
    """Time is set aside for conversation, in proportion to the time spent publishing.

    Fails when there is no active network or none states an ``engagement_time``;
    warns when some active network states none, or when the weekly engagement time
    is under ``MIN_ENGAGEMENT_RATIO`` of the weekly publishing time.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    silent = [n for n in active if n.engagement_time is None or n.engagement_time.minutes <= 0]
    if len(silent) == len(active):
        return ctx.fail("none", ("networks",))
    if silent:
        return ctx.warn("missing", names=[name_of(n) for n in silent], findings=[
            ctx.finding("finding", n.path, name=name_of(n)) for n in silent
        ])
    load = workload(charter)
    talk, publish = ctx.hours(load.engagement), ctx.hours(load.publishing)
    if load.engagement < thresholds.MIN_ENGAGEMENT_RATIO * load.publishing:
        return ctx.warn("low", ("networks",), talk=talk, publish=publish)
    return ctx.passed("pass", ("networks",), talk=talk, publish=publish)


@rule("m4.reply-examples", mistake=4, kind="detail")
def reply_examples(charter: Charter, ctx: Context) -> Verdict:
    """The voice shows, by example, how a good reply sounds.

    Warns when ``voice.examples`` holds no example with a good reply: people who
    answer on the company's behalf learn from examples more than from rules.
    """
    path = ("voice", "examples")
    examples = [e for e in charter.voice.examples if e.good.strip()]
    if not examples:
        return ctx.warn("missing", path)
    return ctx.passed("pass", path, count=len(examples))
