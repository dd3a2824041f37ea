"""Mistake 1, being there just to be there: a purpose, tied to the strategy and to each network."""

from __future__ import annotations

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import name_of
from chartergen.model import Charter, Network

manual_item("m1.leadership-approved", mistake=1)
manual_item("m1.marketing-aligned", mistake=1)


def has_reason(network: Network) -> bool:
    """A network's reason is its ``why``, or the audiences or objectives it serves."""
    return bool(network.why.strip() or network.audiences or network.objectives)


@rule("m1.purpose-and-reasons", mistake=1)
def purpose_and_reasons(charter: Charter, ctx: Context) -> Verdict:
    """There is a purpose.

    Evidence of the mistake: no ``strategy.purpose`` at all (fail): nothing says why the
    company is on social media. How each network is tied to the purpose (its ``why``, or
    equally the audiences or objectives it serves) is a detail: a network that does not
    say it is not stated (``m1.networks-have-reason``), not evidence.
    """
    if not charter.strategy.purpose.strip():
        return ctx.fail("no_purpose", ("strategy", "purpose"))
    active = charter.active_networks
    unreasoned = [n for n in active if not has_reason(n)]
    if unreasoned:
        return ctx.passed("pass_untied", ("strategy", "purpose"),
                          names=[name_of(n) for n in unreasoned])
    return ctx.passed("pass", ("strategy", "purpose"))


@rule("m1.purpose-stated", mistake=1, kind="detail")
def purpose_stated(charter: Charter, ctx: Context) -> Verdict:
    """The charter says why the company is on social media.

    Fails when ``strategy.purpose`` is empty; warns when it is shorter than
    ``MIN_PURPOSE_WORDS`` words, which is usually a slogan rather than an ambition.
    """
    path = ("strategy", "purpose")
    words = len(charter.strategy.purpose.split())
    if not words:
        return ctx.fail("missing", path)
    if words < thresholds.MIN_PURPOSE_WORDS:
        return ctx.warn("short", path, words=words, min=thresholds.MIN_PURPOSE_WORDS)
    return ctx.passed("pass", path, words=words)


@rule("m1.strategy-linked", mistake=1, kind="detail")
def strategy_linked(charter: Charter, ctx: Context) -> Verdict:
    """The presence serves named strategic orientations and is coordinated with marketing.

    Fails when neither ``strategy.orientations`` nor ``strategy.coordination`` is
    given; warns when one of them is missing.
    """
    strategy = charter.strategy
    if not strategy.orientations and not strategy.coordination:
        return ctx.fail("missing", ("strategy",))
    if not strategy.orientations:
        return ctx.warn("no_orientations", ("strategy", "orientations"))
    if not strategy.coordination:
        return ctx.warn("no_coordination", ("strategy", "coordination"))
    return ctx.passed("pass", ("strategy", "orientations"), count=len(strategy.orientations))


@rule("m1.networks-have-reason", mistake=1, kind="detail")
def networks_have_reason(charter: Charter, ctx: Context) -> Verdict:
    """Every active network says why the company is there rather than elsewhere.

    Fails when there is no active network, or when an active network has no ``why``.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    missing = [n for n in active if not n.why.strip()]
    if missing:
        return ctx.fail(
            "fail", names=[name_of(n) for n in missing],
            findings=[ctx.finding("finding", (*n.path, "why"), name=name_of(n))
                      for n in missing],
        )
    return ctx.passed("pass", ("networks",), count=len(active))


@rule("m1.networks-serve-objectives", mistake=1, kind="detail")
def networks_serve_objectives(charter: Charter, ctx: Context) -> Verdict:
    """Every active network serves at least one objective: none is open with nothing to do.

    Fails when there is no active network, or when an active network lists no
    ``objectives``.
    """
    active = charter.active_networks
    if not active:
        return ctx.fail("no_networks", ("networks",))
    idle = [n for n in active if not n.objectives]
    if idle:
        return ctx.fail(
            "fail", names=[name_of(n) for n in idle],
            findings=[ctx.finding("finding", n.path, name=name_of(n)) for n in idle],
        )
    return ctx.passed("pass", ("networks",))


@rule("m1.objectives-reached", mistake=1, kind="detail")
def objectives_reached(charter: Charter, ctx: Context) -> Verdict:
    """Every objective is pursued on at least one active network.

    Fails when there is no objective, or when no active network lists an
    objective among its ``objectives``: an aim nobody works on is decoration.
    """
    if not charter.objectives:
        return ctx.fail("no_objectives", ("objectives",))
    served = {o for n in charter.active_networks for o in n.objectives}
    orphans = [o for o in charter.objectives if o.id not in served]
    if orphans:
        return ctx.fail(
            "fail", ids=[o.id for o in orphans],
            findings=[ctx.finding("finding", o.path, id=o.id) for o in orphans],
        )
    return ctx.passed("pass", ("objectives",), count=len(charter.objectives))


@rule("m1.charter-approved", mistake=1, kind="detail")
def charter_approved(charter: Charter, ctx: Context) -> Verdict:
    """Someone with authority has approved the charter.

    Fails when the ``document`` section says nothing or the charter is retired;
    warns while it is a draft or names no approver.
    """
    document = charter.document
    if document.status == "retired":
        return ctx.fail("retired", ("document", "status"))
    if not (document.status or document.approved_by or document.version or document.owner):
        return ctx.fail("missing", ("document",))
    if not document.approved_by:
        return ctx.warn("no_approver", ("document",))
    if document.status == "draft":
        return ctx.warn("draft", ("document", "status"), by=document.approved_by)
    if not document.approved_on:
        return ctx.passed("pass_undated", ("document", "approved_by"), by=document.approved_by)
    return ctx.passed("pass", ("document", "approved_by"), by=document.approved_by,
                      on=document.approved_on)
