"""Mistake 7, not managing the company's image: staff rules, listening, crisis, accounts."""

from __future__ import annotations

from typing import Any

from chartergen.audit import Context, Verdict, manual_item, rule, thresholds
from chartergen.audit.rules import name_of
from chartergen.model import Charter

manual_item("m7.contacts-current", mistake=7)
manual_item("m7.staff-informed", mistake=7)
manual_item("m7.statements-approved", mistake=7)


@rule("m7.watched-and-prepared", mistake=7)
def watched_and_prepared(charter: Charter, ctx: Context) -> Verdict:
    """Someone listens to what is said about the company, and a crisis procedure exists.

    A crisis procedure is any of severity levels, escalation steps, contacts, holding
    statements or scenarios, or a plan kept elsewhere (``crisis.plan.kept_in``).
    Evidence of the mistake: neither monitoring nor a procedure (fail); the charter
    says plainly there is no crisis plan (``crisis.plan.exists: false``: fail); one
    of the two missing (warn).
    """
    watched = not charter.monitoring.is_empty
    prepared = charter.crisis.has_procedure
    if charter.crisis.plan.exists is False:
        return ctx.fail("no_plan_said", ("crisis", "plan", "exists"))
    if not watched and not prepared:
        return ctx.fail("none", ("monitoring",))
    if not prepared:
        return ctx.warn("no_procedure", ("crisis",))
    if not watched:
        return ctx.warn("no_monitoring", ("monitoring",))
    return ctx.passed("pass", ("crisis",))


@rule("m7.staff-guidelines", mistake=7, kind="detail")
def staff_guidelines(charter: Charter, ctx: Context) -> Verdict:
    """Employees know how to speak about the company on their own accounts.

    Fails when the ``staff`` section is empty; warns when it lacks a disclosure
    rule, a list of what not to do, or its legal basis (without which it binds
    nobody).
    """
    staff = charter.staff
    if staff.is_empty:
        return ctx.fail("missing", ("staff",))
    parts = {"disclosure": staff.disclosure, "dont": staff.dont, "legal_basis": staff.legal_basis}
    missing = [key for key, value in parts.items() if not value]
    if missing:
        return ctx.warn("partial", ("staff",), parts=[ctx.say(f"part_{k}") for k in missing],
                        findings=[ctx.finding("part_finding", ("staff", k),
                                              part=ctx.say(f"part_{k}")) for k in missing])
    return ctx.passed("pass", ("staff",))


@rule("m7.spokespeople", mistake=7, kind="detail")
def spokespeople(charter: Charter, ctx: Context) -> Verdict:
    """The charter says whom it binds and who may speak for the company.

    Fails when ``scope.applies_to`` is empty: a usage charter that binds nobody in
    particular protects nothing. Warns when no role has ``speaks_for_company``.
    """
    speakers = [r for r in charter.team.roles if r.speaks_for_company]
    scope = charter.scope.applies_to
    if not scope:
        return ctx.fail("no_scope" if speakers else "missing", ("scope", "applies_to"))
    if not speakers:
        return ctx.warn("no_speaker", ("team", "roles"))
    return ctx.passed("pass", ("scope", "applies_to"),
                      names=[charter.role_label(r) for r in speakers])


@rule("m7.monitoring-set", mistake=7, kind="detail")
def monitoring_set(charter: Charter, ctx: Context) -> Verdict:
    """Someone listens to what is said about the company, for set keywords, at a set pace.

    Fails when the ``monitoring`` section is empty; warns when it lacks keywords,
    an owner or a frequency.
    """
    monitoring = charter.monitoring
    if monitoring.is_empty:
        return ctx.fail("missing", ("monitoring",))
    parts = {"keywords": monitoring.keywords, "owner": monitoring.owner,
             "frequency": monitoring.frequency}
    missing = [key for key, value in parts.items() if not value]
    if missing:
        return ctx.warn("partial", ("monitoring",), parts=[ctx.say(f"part_{k}") for k in missing],
                        findings=[ctx.finding("part_finding", ("monitoring", k),
                                              part=ctx.say(f"part_{k}")) for k in missing])
    return ctx.passed("pass", ("monitoring",), keywords=len(monitoring.keywords))


@rule("m7.monitoring-fast-enough", mistake=7, kind="detail")
def monitoring_fast_enough(charter: Charter, ctx: Context) -> Verdict:
    """Monitoring notices a problem in time to keep the crisis response promise.

    Compares the longest delay before monitoring at its ``frequency`` notices a post
    (``MONITORING_DELAY_HOURS``) with the most lenient ``first_response`` of the
    crisis levels: if monitoring cannot even keep that promise, no level's promise
    holds (severe cases may arrive by other alerts; ordinary ones do not). Fails
    when monitoring has no frequency; warns when no level promises a first
    response, or when the delay is longer than the promise.
    """
    frequency = charter.monitoring.frequency
    if not frequency:
        return ctx.fail("no_frequency", ("monitoring", "frequency"))
    promises = [(lv.first_response, lv) for lv in charter.crisis.levels if lv.first_response]
    if not promises:
        return ctx.warn("no_response", ("crisis", "levels"))
    response, level = max(promises, key=lambda pair: pair[0].minutes)
    delay = thresholds.MONITORING_DELAY_HOURS.get(frequency, 0.0)
    values: dict[str, Any] = {
        "frequency": ctx.word(f"frequency.{frequency}"), "delay": ctx.hours(delay * 60),
        "level": level.name, "response": response,
    }
    if delay > response.hours:
        return ctx.warn("slow", ("monitoring", "frequency"), **values)
    return ctx.passed("pass", ("monitoring", "frequency"), **values)


@rule("m7.crisis-levels", mistake=7, kind="detail")
def crisis_levels(charter: Charter, ctx: Context) -> Verdict:
    """Crisis severity levels each name who leads and how fast the first response comes.

    Fails when there is no level, or when a level has no ``lead`` (or ``co_leads``) or
    no ``first_response``; warns when a level names no ``approver`` (or
    ``co_approvers``) for statements.
    """
    levels = charter.crisis.levels
    if not levels:
        return ctx.fail("missing", ("crisis", "levels"))
    incomplete, unapproved = [], []
    for level in levels:
        lead = level.lead or (level.co_leads[0] if level.co_leads else "")
        gaps = [ctx.say(f"part_{k}") for k, v in (("lead", lead),
                                                 ("first_response", level.first_response))
                if not v]
        if gaps:
            incomplete.append((level, ctx.finding("finding", level.path, name=level.name,
                                                  parts=gaps)))
        elif not (level.approver or level.co_approvers):
            unapproved.append((level, ctx.finding("no_approver", level.path, name=level.name)))
    for key, found in (("fail", incomplete), ("warn", unapproved)):
        if found:
            verdict = ctx.fail if key == "fail" else ctx.warn
            return verdict(key, names=[lv.name for lv, _f in found],
                           findings=[f for _lv, f in found])
    return ctx.passed("pass", ("crisis", "levels"), count=len(levels))


@rule("m7.escalation-contacts", mistake=7, kind="detail")
def escalation_contacts(charter: Charter, ctx: Context) -> Verdict:
    """Each escalation step names a contact who can be reached by phone.

    Fails when there is no escalation step, or a step names no ``contact``; warns
    when a contact used in the escalation has no phone number (office or out of
    hours).
    """
    steps = charter.crisis.escalation
    if not steps:
        return ctx.fail("missing", ("crisis", "escalation"))
    nobody = [s for s in steps if not s.contact]
    if nobody:
        return ctx.fail("fail", count=len(nobody), findings=[
            ctx.finding("finding", s.path, step=s.step) for s in nobody
        ])
    contacts = [charter.contact(c) for c in dict.fromkeys(s.contact for s in steps)]
    unreachable = [c for c in contacts if c is not None and not (c.phone or c.out_of_hours)]
    if unreachable:
        return ctx.warn("warn", names=[c.name for c in unreachable], findings=[
            ctx.finding("no_phone", c.path, name=c.name) for c in unreachable
        ])
    return ctx.passed("pass", ("crisis", "escalation"), count=len(steps))


@rule("m7.holding-statement", mistake=7, kind="detail")
def holding_statement(charter: Charter, ctx: Context) -> Verdict:
    """At least one statement is approved in advance, and every scenario points to one.

    Fails when ``crisis.holding_statements`` is empty; warns when a scenario sheet
    names no ``statement``.
    """
    statements = charter.crisis.holding_statements
    if not statements:
        return ctx.fail("missing", ("crisis", "holding_statements"))
    bare = [(i, s) for i, s in enumerate(charter.crisis.scenarios) if not s.statement]
    if bare:
        return ctx.warn("warn", names=[s.name for _i, s in bare], findings=[
            ctx.finding("finding", ("crisis", "scenarios", i), name=s.name) for i, s in bare
        ])
    return ctx.passed("pass", ("crisis", "holding_statements"), count=len(statements))


@rule("m7.crisis-learning", mistake=7, kind="detail")
def crisis_learning(charter: Charter, ctx: Context) -> Verdict:
    """The company rehearses crises and reviews them afterwards.

    Fails when there is neither an after-action review (``crisis.after_action``)
    nor a drill. Warns when the review has no owner or deadline, when no drill was
    ever held, or when the last drill is older than ``DRILL_MAX_AGE_DAYS``.
    """
    after, drills = charter.crisis.after_action, charter.crisis.drills
    has_review = bool(after.owner or after.within or after.covers)
    if not has_review and drills.last is None and not drills.cadence:
        return ctx.fail("missing", ("crisis", "after_action"))
    findings = []
    if not (after.owner and after.within):
        findings.append(ctx.finding("no_review", ("crisis", "after_action")))
    if drills.last is None:
        findings.append(ctx.finding("no_drill", ("crisis", "drills")))
    elif (ctx.today - drills.last).days > thresholds.DRILL_MAX_AGE_DAYS:
        findings.append(ctx.finding("old_drill", ("crisis", "drills", "last"),
                                    date=drills.last,
                                    days=ctx.days((ctx.today - drills.last).days)))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("crisis", "drills", "last"), date=drills.last)


@rule("m7.accounts-secured", mistake=7, kind="detail")
def accounts_secured(charter: Charter, ctx: Context) -> Verdict:
    """Every active network's account is registered and protected against loss or hacking.

    Fails when the accounts register is empty. Warns when an active network has no
    register entry, or an entry lacks two-factor authentication, has fewer than
    ``MIN_ACCOUNT_ADMINS`` admins (named in ``admins`` or counted in ``admin_count``),
    or is not tied to a company mailbox.
    """
    register = charter.accounts.register
    if not register:
        return ctx.fail("missing", ("accounts", "register"))
    findings = []
    listed = {a.network for a in register}
    for network in charter.active_networks:
        if network.id not in listed:
            findings.append(ctx.finding("unregistered", network.path, name=name_of(network)))
    for account in register:
        known = charter.network(account.network)
        name = name_of(known) if known else (account.network or "?")
        if account.two_factor is not True:
            findings.append(ctx.finding("no_2fa", account.path, name=name))
        admins = max(len(account.admins), account.admin_count or 0)
        if admins < thresholds.MIN_ACCOUNT_ADMINS:
            findings.append(ctx.finding("few_admins", account.path, name=name,
                                        count=admins,
                                        min=thresholds.MIN_ACCOUNT_ADMINS))
        if not account.mailbox:
            findings.append(ctx.finding("no_mailbox", account.path, name=name))
    if findings:
        return ctx.warn("warn", count=len(findings), findings=findings)
    return ctx.passed("pass", ("accounts", "register"), count=len(register))
