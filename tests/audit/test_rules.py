"""Every automatic check: the complete charter passes it, and a one-fact change trips it.

Each case changes the complete charter (``charters.complete()``) in one way and
states the status and the exact reason the check must then give; the same case
also runs in French, which must give the same status.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from chartergen.audit import REGISTRY, AuditReport, CheckResult, Status, run
from chartergen.model import Charter

from .charters import TODAY, charter, complete

Data = dict[str, Any]


def _walk(data: Data, dotted: str) -> tuple[Any, str | int]:
    parts: list[str | int] = [int(p) if p.isdigit() else p for p in dotted.split(".")]
    node: Any = data
    for part in parts[:-1]:
        node = node[part]
    return node, parts[-1]


def without(*paths: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        for dotted in paths:
            node, last = _walk(data, dotted)
            del node[last]
    return change


def setting(**values: Any) -> Callable[[Data], None]:
    """``setting(**{"networks.0.why": "x"})``: set each dotted path to its value."""
    def change(data: Data) -> None:
        for dotted, value in values.items():
            node, last = _walk(data, dotted)
            node[last] = value
    return change


def both(*changes: Callable[[Data], None]) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        for each in changes:
            each(data)
    return change


def appending(dotted: str, value: Any) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        node, last = _walk(data, dotted)
        node[last].append(value)
    return change


def _no_audiences(data: Data) -> None:
    """Remove the audiences and every reference to them."""
    del data["audiences"]
    for entry in data["networks"] + data["objectives"] + data["content"]["pillars"]:
        entry.pop("audiences", None)


def _no_goals(data: Data) -> None:
    """Remove audiences and objectives, and every reference to them."""
    _no_audiences(data)
    del data["objectives"]
    for network in data["networks"]:
        network.pop("objectives", None)


def _no_conversation(data: Data) -> None:
    """Remove every way of conversing: engagement, reply targets, conversational content."""
    del data["engagement"]
    for network in data["networks"]:
        network.pop("reply_targets")
        network.pop("engagement_time")
    data["content"]["pillars"][0].pop("conversational")


def _no_rhythm(*indexes: int) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        del data["content"]["calendar"]["slots"]
        for index in indexes:
            del data["networks"][index]["cadence"]
    return change


def _kpis_without(*fields: str) -> Callable[[Data], None]:
    def change(data: Data) -> None:
        for objective in data["objectives"]:
            for kpi in objective["kpis"]:
                for name in fields:
                    kpi.pop(name)
    return change


def _reasonless(*indexes: int) -> Callable[[Data], None]:
    return without(*[f"networks.{i}.{key}" for i in indexes
                     for key in ("why", "audiences", "objectives")])


_UNTIMED = without(*[f"networks.{i}.{key}" for i in (0, 1)
                     for key in ("time_per_post", "engagement_time")], "monitoring.time_per_week")


def _minimal(**sections: Any) -> Data:
    return {"format": 1, "company": {"name": "Acme", "language": "en"}, **sections}


@dataclass
class Case:
    rule: str
    status: str
    change: Callable[[Data], Data | None]
    """Changes the complete charter in place, or returns a whole new one."""
    reason: str
    findings: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.rule}-{self.status}-{self.reason[:30]}"


CASES = [
    # -- evidence of each mistake ----------------------------------------------------
    Case("m1.purpose-and-reasons", "fail", without("strategy.purpose"),
         "The charter gives no purpose: nothing says why the company is on social media."),
    Case("m1.purpose-and-reasons", "pass", _reasonless(0, 1),
         "A purpose is stated; the charter does not say how these networks serve it: "
         "Instagram and LinkedIn."),
    Case("m2.chosen-for-audiences", "fail", _no_goals,
         "Neither audiences nor objectives are stated: nothing was chosen before opening "
         "accounts."),
    Case("m2.chosen-for-audiences", "warn", _no_audiences,
         "Objectives are set, but no audience is named."),
    Case("m2.chosen-for-audiences", "warn",
         without("objectives", "networks.0.objectives", "networks.1.objectives"),
         "Audiences are named, but no objective is set."),
    Case("m2.chosen-for-audiences", "pass",
         without(*[f"networks.{i}.{k}" for i in (0, 1) for k in ("audiences", "objectives")]),
         "2 audience(s) and 2 objective(s) are chosen."),
    Case("m3.time-given", "fail",
         setting(**{"team.roles.0.hours_per_week": 0, "team.roles.1.hours_per_week": 0}),
         "No role gives any hours a week to social media."),
    Case("m3.time-given", "fail",
         setting(**{"team.roles.0.hours_per_week": 2, "team.roles.1.hours_per_week": 2}),
         "The plans take about 10 h a week; the roles give 4 h."),
    Case("m3.time-given", "warn",
         both(_UNTIMED, setting(**{"team.roles.0.hours_per_week": 1,
                                   "team.roles.1.hours_per_week": 1})),
         "The plans take about 6.8 h a week (partly estimated: Instagram and LinkedIn); "
         "the roles give 2 h."),
    Case("m4.some-conversation", "fail", _no_conversation,
         "Nothing shows a conversation: no reply target, engagement principle, conversational "
         "content, community action or time to answer."),
    Case("m4.some-conversation", "fail",
         setting(**{"networks.0.replies": False, "networks.1.replies": False}),
         "The charter says nobody replies on any active network."),
    Case("m4.some-conversation", "fail",
         setting(**{"networks.0.comments": False, "networks.1.comments": False}),
         "Comments are turned off on Instagram and LinkedIn, and no other active network is "
         "open to conversation."),
    Case("m4.some-conversation", "fail",
         setting(**{"networks.0.comments": False, "networks.1.replies": False}),
         "Comments are turned off on Instagram, and no other active network is open to "
         "conversation."),
    Case("m4.some-conversation", "pass", setting(**{"networks.0.comments": False}),
         "The charter shows 5 way(s) of conversing."),
    Case("m5.keeps-up", "fail",
         setting(**{"networks.0.status": "planned", "networks.1.status": "planned"}),
         "No network is active."),
    Case("m5.keeps-up", "fail", setting(**{"networks.1.replies": False}),
         "Presence stops or goes unanswered on: LinkedIn.",
         ("LinkedIn: the charter says nobody replies there.",)),
    Case("m5.keeps-up", "fail", setting(**{"networks.0.has_backup": False}),
         "Presence stops or goes unanswered on: Instagram.",
         ("Instagram: the charter says nobody takes over during absences.",)),
    Case("m5.keeps-up", "fail", setting(**{"networks.1.backup": "lead"}),
         "Presence stops or goes unanswered on: LinkedIn.",
         ("LinkedIn: the backup is the owner.",)),
    Case("m5.keeps-up", "fail", _no_rhythm(0, 1),
         "No active network has a rhythm (a cadence or calendar slots).",
         ("Instagram: no cadence, no calendar slot and no pillar with a cadence.",
          "LinkedIn: no cadence, no calendar slot and no pillar with a cadence.")),
    Case("m5.keeps-up", "warn", _no_rhythm(1), "Networks with no rhythm: LinkedIn.",
         ("LinkedIn: no cadence, no calendar slot and no pillar with a cadence.",)),
    Case("m5.keeps-up", "pass",
         both(_no_rhythm(0, 1), setting(**{"content.pillars.0.cadence": {"posts": 1,
                                                                         "per": "week"}})),
         "Every active network has a rhythm, and nothing says it goes silent."),
    Case("m5.keeps-up", "warn",
         setting(**{"content.calendar.breaks": [{"months": ["july", "august"],
                                                 "networks": ["linkedin"]}]}),
         "Presence stops part of the year on: LinkedIn.",
         ("LinkedIn: nothing is published in July and August.",)),
    Case("m6.selling-share", "fail", without("content.pillars"),
         "No content pillars: nothing says what is published, selling or not."),
    Case("m6.selling-share", "fail",
         setting(**{"content.pillars.2.share": "40%", "content.pillars.0.share": "30%"}),
         "Promotional content is 40% of output, above the ceiling of 20%."),
    Case("m6.selling-share", "fail",
         setting(**{f"content.pillars.{i}.promotional": True for i in range(3)}),
         "Every content pillar is promotional: Tips, Workshop stories and Offers."),
    Case("m6.selling-share", "fail",
         both(without("content.pillars.0.share", "content.pillars.1.share",
                      "content.pillars.2.share"),
              setting(**{"content.pillars.2.cadence": {"posts": 2, "per": "week"}})),
         "Promotional posts are about 40% of output (from the pillars' and networks' "
         "cadences), above the ceiling of 20%."),
    Case("m6.selling-share", "pass",
         both(without("content.pillars.0.share", "content.pillars.1.share",
                      "content.pillars.2.share"),
              setting(**{"content.pillars.2.cadence": {"posts": 1, "per": "month"}})),
         "Promotional posts are about 4.6% of output (from the pillars' and networks' "
         "cadences), within the ceiling of 20%."),
    Case("m6.selling-share", "pass",
         without("content.pillars.0.share", "content.pillars.1.share", "content.pillars.2.share"),
         "Promotional pillars (Offers) have no share, so how much of the output sells is not "
         "stated."),
    Case("m7.watched-and-prepared", "fail", without("monitoring", "crisis"),
         "Neither monitoring nor a crisis procedure is stated."),
    Case("m7.watched-and-prepared", "fail", setting(**{"crisis.plan": {"exists": False}}),
         "The charter says there is no crisis plan."),
    Case("m7.watched-and-prepared", "warn", without("crisis"),
         "Monitoring is stated, but no crisis procedure (levels, contacts, statements or a plan "
         "kept elsewhere)."),
    Case("m7.watched-and-prepared", "pass",
         both(without("crisis"), setting(**{"crisis": {"plan": {"kept_in": "The binder"}}})),
         "Someone listens, and a crisis procedure exists."),
    Case("m7.watched-and-prepared", "warn", without("monitoring"),
         "A crisis procedure exists, but nobody is said to listen to what is said about the "
         "company."),
    Case("m8.targets-reviewed", "fail", _kpis_without("target"),
         "No KPI has a target: results cannot be judged."),
    Case("m8.targets-reviewed", "warn", _kpis_without("deadline"),
         "Targets are set, but none has a deadline or a recurring period."),
    Case("m8.targets-reviewed", "pass",
         both(_kpis_without("deadline"), setting(**{"objectives.0.kpis.0.per": "quarter"})),
         "2 target(s), measurable, with a source and someone who reviews them."),
    Case("m8.targets-reviewed", "warn", both(_kpis_without("source"), without("measurement")),
         "Targets are set, but none says where its figure comes from and nobody is said to "
         "review them."),
    Case("m9.owned-channel", "fail", without("content.hub"),
         "No channel the company owns (website, blog, newsletter) is stated."),
    Case("m9.owned-channel", "fail", setting(**{"content.hub": {"exists": False}}),
         "The charter says the company has no channel of its own: no website, blog or "
         "newsletter."),
    Case("m9.owned-channel", "warn",
         setting(**{"content.hub": {"exists": False}, "company.has_website": True}),
         "The company has a website, but the charter says its content lives on no channel "
         "of its own."),
    Case("m9.owned-channel", "pass",
         both(without("content.hub"), setting(**{"company.has_website": True})),
         "The company has a channel of its own."),
    Case("m9.owned-channel", "pass",
         both(without("content.hub"), setting(**{"company.website": "https://acme.example"})),
         "The company has a channel of its own."),
    Case("m9.owned-channel", "warn", setting(**{"independence.keeps_copy": False}),
         "The charter says the company keeps no copy of its content or audience."),
    Case("m9.owned-channel", "warn", setting(**{"content.hub.publish_first": False}),
         "Content does not go to the company's own channel first."),
    # -- mistake 1 -----------------------------------------------------------------
    Case("m1.purpose-stated", "fail", without("strategy.purpose"),
         "The charter does not say why the company is on social media."),
    Case("m1.purpose-stated", "warn", setting(**{"strategy.purpose": "To be visible online."}),
         "The purpose is 4 words long: under 12, it reads as a slogan, not an ambition."),
    Case("m1.strategy-linked", "fail", without("strategy.orientations", "strategy.coordination"),
         "Neither the strategic orientations served nor the coordination with marketing is "
         "stated."),
    Case("m1.strategy-linked", "warn", without("strategy.coordination"),
         "Nothing says how social media is coordinated with marketing and communication."),
    Case("m1.strategy-linked", "warn", without("strategy.orientations"),
         "No strategic orientation of the company is named."),
    Case("m1.networks-have-reason", "fail", without("networks.1.why"),
         "Networks with no reason given: LinkedIn.",
         ("LinkedIn: does not say why the company is there ('why').",)),
    Case("m1.networks-have-reason", "fail", setting(**{"networks.0.status": "planned",
                                                       "networks.1.status": "dormant"}),
         "No network is active."),
    Case("m1.networks-serve-objectives", "fail", without("networks.0.objectives"),
         "Active networks serving no objective: Instagram.", ("Instagram lists no objective.",)),
    Case("m1.objectives-reached", "fail",
         appending("objectives", {"id": "hiring", "statement": "Hire two makers."}),
         "Objectives no active network pursues: hiring.",
         ("No active network lists the objective 'hiring'.",)),
    Case("m1.objectives-reached", "fail", setting(**{"networks.1.status": "planned"}),
         "Objectives no active network pursues: leads.",
         ("No active network lists the objective 'leads'.",)),
    Case("m1.charter-approved", "warn", setting(**{"document.status": "draft"}),
         "The charter is still a draft, although Jo Smith, Managing Director is named as "
         "approver."),
    Case("m1.charter-approved", "warn", without("document.approved_by"),
         "Nobody is named as having approved the charter."),
    Case("m1.charter-approved", "fail", setting(**{"document.status": "retired"}),
         "The charter is marked as retired."),
    Case("m1.charter-approved", "fail", without("document"),
         "The document section is empty: no version, owner or approval."),
    # -- mistake 2 -----------------------------------------------------------------
    Case("m2.groundwork", "fail",
         both(without("content.pillars"), setting(**{"content.calendar.slots": []}),
              without("networks.0.cadence", "networks.1.cadence")),
         "Preparation missing: content pillars and calendar or cadence.",
         ("Missing: content pillars.", "Missing: calendar or cadence.")),
    Case("m2.groundwork", "pass",
         both(setting(**{"content.calendar.slots": [],
                         "content.calendar.themes": [{"name": "Spring", "months": ["march"]}]}),
              without("networks.0.cadence", "networks.1.cadence")),
         "Audiences, objectives, networks, content and rhythm are all set."),
    Case("m2.networks-reach-audiences", "fail", without("networks.0.audiences"),
         "Active networks reaching no declared audience: Instagram.",
         ("Instagram lists no audience.",)),
    Case("m2.audiences-reached", "fail",
         appending("audiences", {"id": "press", "name": "Trade press"}),
         "Audiences no active network reaches: Trade press.",
         ("No active network reaches 'Trade press'.",)),
    Case("m2.audiences-reached", "fail", lambda data: _no_audiences(data),
         "No audience is declared."),
    Case("m2.audiences-where", "warn", setting(**{"audiences.0.where": ["tiktok", "youtube"]}),
         "Audiences reached only on platforms where they are not: Makers.",
         ("'Makers' is found on TikTok and YouTube but reached on Instagram.",)),
    Case("m2.audiences-where", "warn", without("audiences.0.where", "audiences.1.where"),
         "No audience says on which platforms it is found, so the choice of networks cannot "
         "be checked."),
    Case("m2.rhythm-planned", "fail",
         both(without("networks.1.cadence"),
              setting(**{"content.calendar.slots": [{"day": "monday", "network": "instagram"}]})),
         "Active networks with no cadence and no calendar slot: LinkedIn.",
         ("LinkedIn has no cadence and no slot in the calendar.",)),
    Case("m2.networks-differentiated", "warn",
         without("networks.0.tone", "networks.0.formats"),
         "Networks with no tone or formats of their own: Instagram.",
         ("Instagram states neither a tone nor formats.",)),
    Case("m2.networks-differentiated", "warn",
         both(without("networks.0.tone", "networks.1.tone"),
              setting(**{"networks.0.formats": ["Photo"], "networks.1.formats": ["photo"]})),
         "Every network uses the same formats and none has its own tone: the same content is "
         "pushed everywhere."),
    # -- mistake 3 -----------------------------------------------------------------
    # 10 h planned in the complete charter: Instagram 3 x 1h + 2h, LinkedIn 2 x 1h + 1h,
    # monitoring 1h, reporting 1h; the roles give 6 h + 10 h.
    Case("m3.workload-fits", "fail", setting(**{"networks.0.cadence": {"posts": 2, "per": "day"}}),
         "The plans need about 21 h a week; the roles give 16 h."),
    # the Tips pillar (half the output, on every network) is published automatically
    Case("m3.workload-fits", "warn",
         setting(**{"networks.0.cadence": {"posts": 2, "per": "day"},
                    "content.pillars.0.automated": True}),
         "The plans need about 13 h a week out of 16 h: less than 20% left for the "
         "unexpected."),
    Case("m3.workload-fits", "warn", setting(**{"networks.0.cadence": {"posts": 6, "per": "week"}}),
         "The plans need about 13 h a week out of 16 h: less than 20% left for the unexpected."),
    Case("m3.workload-fits", "fail", setting(**{"team.roles.0.hours_per_week": 0,
                                                "team.roles.1.hours_per_week": 0}),
         "The plans need about 10 h a week, but no role gives any hours."),
    Case("m3.workload-fits", "warn",
         both(without("networks.0.time_per_post", "networks.0.engagement_time"),
              setting(**{"team.roles.1.hours_per_week": 4,
                         "networks.0.cadence": {"posts": 4, "per": "week"}})),
         "The plans need about 9 h a week out of 10 h: less than 20% left for the "
         "unexpected. Estimated with default times for: Instagram."),
    Case("m3.workload-fits", "fail", lambda data: _minimal(networks=[
         {"id": "blog", "platform": "mastodon", "name": "Fediverse"}]),
         "No role is defined."),
    Case("m3.role-load", "fail", setting(**{"team.roles.1.hours_per_week": 5}),
         "Roles given more work than their hours: Community manager.",
         ("Community manager: about 6 h of work a week for 5 h given.",)),
    Case("m3.role-load", "warn", setting(**{"team.roles.1.hours_per_week": 7}),
         "Roles with almost no time to spare: Community manager.",
         ("Community manager: about 6 h of work a week for 7 h given.",)),
    Case("m3.time-estimated", "warn",
         without("networks.0.time_per_post", "monitoring.time_per_week"),
         "Time estimates missing, replaced by defaults: 2.",
         ("Instagram: no time per post.", "Monitoring: no weekly time.")),
    Case("m3.time-estimated", "warn", without("networks.1.engagement_time",
                                              "measurement.time_per_week"),
         "Time estimates missing, replaced by defaults: 2.",
         ("LinkedIn: no weekly engagement time.", "Reporting: no weekly time.")),
    Case("m3.owners-assigned", "fail", without("networks.1.owner"),
         "Active networks with no owner: LinkedIn.", ("LinkedIn has no owner.",)),
    Case("m3.owners-assigned", "warn", without("team.roles.1.holder"),
         "Owner roles with nobody named: Community manager.",
         ("Nobody holds the role 'Community manager'.",)),
    Case("m3.budget-stated", "fail", without("team.budget"), "No budget is stated."),
    Case("m3.budget-stated", "warn", without("team.budget.period"),
         "A budget of 5,000\u00a0EUR is stated, but not the period it covers."),
    Case("m3.budget-stated", "warn", setting(**{"team.budget.amount": "0 EUR"}),
         "The budget is zero."),
    Case("m3.skills-stated", "warn", without("team.roles.0.skills"),
         "Roles that name no skills: Communications lead.",
         ("'Communications lead' lists no skills.",)),
    Case("m3.skills-stated", "pass",
         both(without("team.roles.0.skills"),
              setting(**{"team.roles.0.trained": [{"course": "Community management",
                                                   "when": "2026-03"}]})),
         "The roles running the networks name the skills they need."),
    # -- mistake 4 -----------------------------------------------------------------
    Case("m4.engagement-principles", "fail", without("engagement.principles"),
         "The charter gives no principles for answering and joining conversations."),
    Case("m4.engagement-principles", "warn",
         setting(**{"engagement.principles": ["We answer.", "We thank."]}),
         "Engagement principles: 2, where at least 3 are expected."),
    Case("m4.conversational-share", "fail", setting(**{"content.pillars.0.conversational": False}),
         "No content pillar invites conversation."),
    Case("m4.conversational-share", "warn",
         setting(**{"content.pillars.0.conversational": False,
                    "content.pillars.1.conversational": True,
                    "content.pillars.0.share": "65%", "content.pillars.1.share": "15%"}),
         "Conversational pillars take 15% of the output, under 20%."),
    Case("m4.community-actions", "warn", without("engagement.community_actions"),
         "No community action (live session, group, user content) is planned."),
    Case("m4.engagement-time", "warn", without("networks.0.engagement_time"),
         "Active networks with no time for engagement: Instagram.",
         ("Instagram: no engagement time.",)),
    Case("m4.engagement-time", "fail",
         without("networks.0.engagement_time", "networks.1.engagement_time"),
         "No active network sets aside time to answer and animate."),
    Case("m4.engagement-time", "warn",
         setting(**{"networks.0.engagement_time": "15min", "networks.1.engagement_time": "15min"}),
         "About 0.5 h a week for conversation against 5 h for publishing: conversation comes "
         "last."),
    Case("m4.reply-examples", "warn", without("voice"),
         "The voice gives no example of a good reply."),
    # -- mistake 5 -----------------------------------------------------------------
    Case("m5.cadence-set", "fail", without("networks.0.cadence"),
         "Active networks with no publishing cadence: Instagram.", ("Instagram has no cadence.",)),
    Case("m5.cadence-set", "fail", setting(**{"networks.1.cadence": {"posts": 0, "per": "week"}}),
         "Active networks with no publishing cadence: LinkedIn.",
         ("LinkedIn: the cadence is zero posts.",)),
    Case("m5.reply-targets-set", "fail", without("networks.1.reply_targets"),
         "Active networks with no reply target: LinkedIn.", ("LinkedIn sets no reply target.",)),
    Case("m5.reply-targets-set", "warn",
         setting(**{"networks.0.reply_targets": {"comment": "3d", "complaint": "4d"}}),
         "Reply targets to reconsider: 2.",
         ("Instagram: a comment may wait 3\u00a0days, more than 48 h.",
          "Instagram: a complaint may wait 4\u00a0days, longer than a comment (3\u00a0days).")),
    Case("m5.backup-not-owner", "fail", setting(**{"networks.0.backup": "cm"}),
         "Active networks with no backup other than their owner: Instagram.",
         ("Instagram: the backup is the owner (cm).",)),
    Case("m5.backup-not-owner", "fail", without("networks.1.backup"),
         "Active networks with no backup other than their owner: LinkedIn.",
         ("LinkedIn has no backup.",)),
    Case("m5.backup-has-time", "warn", without("team.roles.0.holder"),
         "Backup roles that cannot really stand in: Communications lead.",
         ("Nobody holds the backup role 'Communications lead'.",)),
    Case("m5.backup-has-time", "warn",
         both(setting(**{"team.roles.0.hours_per_week": 0}),
              appending("team.roles", {"id": "extra", "title": "Extra", "hours_per_week": 20})),
         "Backup roles that cannot really stand in: Communications lead.",
         ("The backup role 'Communications lead' gives no hours to social media.",)),
    Case("m5.backup-has-time", "fail", without("networks.0.backup", "networks.1.backup"),
         "No active network has a backup."),
    Case("m5.weekend-gap", "warn", setting(**{"networks.0.coverage": {"weekends": False}}),
         "Coverage gaps: 2.",
         ("Instagram: the hours covered are not stated.",
          "Instagram: the reply target is 2\u00a0h, but a message sent on Friday evening waits "
          "about 62 h if weekends are not covered.")),
    Case("m5.weekend-gap", "warn",
         setting(**{"networks.0.coverage": {"hours": "Weekdays", "weekends": False},
                    "networks.0.reply_targets": {"comment": "1wd", "message": "4wh",
                                                 "complaint": "2h"}}),
         "Coverage gaps: 1.",
         ("Instagram: the reply target is 2\u00a0h, but a message sent on Friday evening waits "
          "about 62 h if weekends are not covered.",)),
    Case("m5.weekend-gap", "pass",
         setting(**{"networks.0.coverage": {"hours": "Weekdays", "weekends": False},
                    "networks.0.reply_targets": {"message": "4wh", "complaint": "2wh"}}),
         "Every network states its hours and its reply targets hold on weekends."),
    Case("m5.calendar-matches-cadence", "warn",
         setting(**{"content.calendar.slots": [{"day": "monday", "network": "instagram"},
                                               {"day": "tuesday", "network": "linkedin"},
                                               {"day": "thursday", "network": "linkedin"}]}),
         "Networks with fewer calendar slots than their cadence: Instagram.",
         ("Instagram: the calendar plans 1 a week, the cadence promises 3.",)),
    # -- mistake 6 -----------------------------------------------------------------
    Case("m6.promo-under-ceiling", "fail",
         setting(**{"content.pillars.0.share": "40%", "content.pillars.2.share": "30%"}),
         "Promotional pillars take 30% of the output, above the ceiling of 20%."),
    Case("m6.promo-under-ceiling", "fail",
         both(without("content.promotional_ceiling"),
              setting(**{"content.pillars.0.share": "45%", "content.pillars.2.share": "25%"})),
         "Promotional pillars take 25% of the output, above the usual ceiling of 20% (the "
         "charter sets none)."),
    Case("m6.promo-under-ceiling", "warn",
         without("content.pillars.0.share", "content.pillars.1.share", "content.pillars.2.share"),
         "No pillar states its share, so the promotional share cannot be computed."),
    Case("m6.ceiling-set", "warn", without("content.promotional_ceiling"),
         "No ceiling on promotional content; the usual 20% is assumed."),
    Case("m6.ceiling-set", "warn", setting(**{"content.promotional_ceiling": "40%"}),
         "The promotional ceiling of 40% is above the usual maximum of 33%."),
    Case("m6.shares-add-up", "fail", setting(**{"content.pillars.0.share": "40%"}),
         "The pillar shares add up to 90%, not 100%."),
    Case("m6.shares-add-up", "warn", without("content.pillars.1.share"),
         "Pillars with no share: Workshop stories.", ("'Workshop stories' has no share.",)),
    Case("m6.expectations-served", "warn", without("audiences.1.expectations"),
         "Audiences whose expectations are unknown or unserved: Buyers.",
         ("'Buyers': no expectations stated.",)),
    Case("m6.expectations-served", "warn", setting(**{"content.pillars.0.audiences": ["makers"]}),
         "Audiences whose expectations are unknown or unserved: Buyers.",
         ("'Buyers': no pillar other than promotion serves this audience.",)),
    Case("m6.promo-per-network", "warn",
         setting(**{"content.pillars.0.networks": ["instagram"],
                    "content.pillars.2.networks": ["linkedin"]}),
         "Networks where promotion exceeds the ceiling of 20%: LinkedIn.",
         ("LinkedIn: promotion takes 40% of what is published there (ceiling 20%).",)),
    # -- mistake 7 -----------------------------------------------------------------
    Case("m7.staff-guidelines", "fail", without("staff"),
         "Nothing tells employees how to speak about the company on their own accounts."),
    Case("m7.staff-guidelines", "warn", without("staff.legal_basis"),
         "The staff guidelines lack: the legal basis that makes them binding.",
         ("Missing: the legal basis that makes them binding.",)),
    Case("m7.spokespeople", "warn", setting(**{"team.roles.0.speaks_for_company": False}),
         "No role is named as allowed to speak for the company."),
    Case("m7.spokespeople", "fail", without("scope"),
         "The charter does not say whom it applies to."),
    Case("m7.spokespeople", "fail",
         both(without("scope"), setting(**{"team.roles.0.speaks_for_company": False})),
         "The charter says neither whom it applies to nor who may speak for the company."),
    Case("m7.monitoring-set", "fail", without("monitoring"),
         "Nobody listens to what is said about the company."),
    Case("m7.monitoring-set", "warn", without("monitoring.keywords", "monitoring.owner"),
         "Monitoring lacks: keywords and an owner.", ("Missing: keywords.", "Missing: an owner.")),
    Case("m7.monitoring-fast-enough", "warn", setting(**{"monitoring.frequency": "weekly"}),
         "Monitoring (weekly) may notice a post up to 168 h late, yet even the level 'Minor' "
         "promises a first response within 1\u00a0day."),
    Case("m7.monitoring-fast-enough", "fail", without("monitoring.frequency"),
         "Monitoring has no frequency, so nobody knows how soon a problem is noticed."),
    Case("m7.monitoring-fast-enough", "warn",
         without("crisis.levels.0.first_response", "crisis.levels.1.first_response"),
         "No crisis level sets a time for the first response."),
    Case("m7.crisis-levels", "fail", without("crisis.levels.1.lead",
                                             "crisis.levels.1.first_response"),
         "Incomplete crisis levels: Major.",
         ("Level 'Major' lacks a lead and a first-response time.",)),
    Case("m7.crisis-levels", "warn", without("crisis.levels.0.approver"),
         "Crisis levels with no approver: Minor.",
         ("Level 'Minor' names nobody to approve statements.",)),
    Case("m7.crisis-levels", "pass",
         both(without("crisis.levels.1.lead", "crisis.levels.1.approver"),
              setting(**{"crisis.levels.1.co_leads": ["lead", "cm"],
                         "crisis.levels.1.co_approvers": ["lead", "cm"]})),
         "Every crisis level has a lead, an approver and a response time (2)."),
    Case("m7.accounts-secured", "pass",
         setting(**{"accounts.register.0.admins": [], "accounts.register.0.admin_count": 2}),
         "Every account is registered and secured (2)."),
    Case("m7.crisis-levels", "fail", without("crisis.levels"),
         "No crisis severity level is defined."),
    Case("m7.escalation-contacts", "fail", without("crisis.escalation.0.contact"),
         "Escalation steps with no contact: 1.",
         ("Step 'Call the managing director' names no contact.",)),
    Case("m7.escalation-contacts", "warn", without("crisis.contacts.0.phone"),
         "Escalation contacts with no phone number: Jo Smith.",
         ("The contact 'Jo Smith' has no phone number.",)),
    Case("m7.escalation-contacts", "fail", without("crisis.escalation"),
         "No escalation path is defined."),
    Case("m7.holding-statement", "fail",
         without("crisis.holding_statements", "crisis.scenarios.0.statement"),
         "No holding statement is prepared."),
    Case("m7.holding-statement", "warn", without("crisis.scenarios.0.statement"),
         "Scenarios with no holding statement: Hacked account.",
         ("The scenario 'Hacked account' names no statement.",)),
    Case("m7.crisis-learning", "fail", without("crisis.after_action", "crisis.drills"),
         "No drill and no after-action review is planned."),
    Case("m7.crisis-learning", "warn", setting(**{"crisis.drills.last": "2025-10-01"}),
         "Gaps in rehearsing and reviewing crises: 1.",
         ("The last drill was on 1\u00a0October\u00a02025, 418 days ago.",)),
    Case("m7.crisis-learning", "warn", without("crisis.drills", "crisis.after_action.owner"),
         "Gaps in rehearsing and reviewing crises: 2.",
         ("The after-action review has no owner or no deadline.",
          "No crisis drill has been held.")),
    Case("m7.accounts-secured", "fail", without("accounts"),
         "No register of the official accounts."),
    Case("m7.accounts-secured", "warn",
         both(setting(**{"accounts.register.0.two_factor": False,
                         "accounts.register.0.admins": ["cm"]}),
              without("accounts.register.1")),
         "Account security gaps: 3.",
         ("LinkedIn is not in the accounts register.",
          "Instagram: two-factor authentication is not on.",
          "Instagram: fewer than 2 admins (1).")),
    Case("m7.accounts-secured", "warn", without("accounts.register.1.mailbox"),
         "Account security gaps: 1.", ("LinkedIn: not tied to a company mailbox.",)),
    # -- mistake 8 -----------------------------------------------------------------
    Case("m8.objectives-have-kpis", "fail", without("objectives.1.kpis"),
         "Objectives with no KPI: leads.", ("The objective 'leads' has no KPI.",)),
    Case("m8.objectives-have-kpis", "fail", without("objectives", "networks.0.objectives",
                                                   "networks.1.objectives"),
         "No objective is set."),
    Case("m8.kpis-measurable", "fail", without("objectives.0.kpis.0.target",
                                               "objectives.0.kpis.0.deadline"),
         "KPIs that cannot be checked: 1 of 2.",
         ("awareness / Followers: lacks a target and a deadline.",)),
    Case("m8.kpis-measurable", "fail", without("objectives.0.kpis", "objectives.1.kpis"),
         "No KPI is defined."),
    Case("m8.kpi-deadlines-current", "fail",
         setting(**{"objectives.1.kpis.0.deadline": "2026-11-01"}),
         "KPI deadlines passed with no review since: 1.",
         ("leads / Catalogue requests: the deadline 1\u00a0November\u00a02026 has passed.",)),
    Case("m8.kpi-deadlines-current", "warn",
         setting(**{"objectives.1.kpis.0.deadline": "2026-08-31"}),
         "KPI deadlines passed; the charter was reviewed since, but new targets are due: 1.",
         ("leads / Catalogue requests: the deadline 31\u00a0August\u00a02026 has passed.",)),
    Case("m8.kpi-deadlines-current", "fail",
         without("objectives.0.kpis.0.deadline", "objectives.1.kpis.0.deadline"),
         "No KPI has a deadline."),
    Case("m8.kpi-sources", "warn", without("objectives.1.kpis.0.source"),
         "KPIs without a source or a baseline: 1.",
         ("leads / Catalogue requests: lacks a source.",)),
    Case("m8.reporting-set", "fail", without("measurement.reporting"),
         "No reporting is planned."),
    Case("m8.reporting-set", "warn", without("measurement.reporting.0.owner",
                                             "measurement.reporting.0.audience"),
         "Gaps in reporting: 2.",
         ("The monthly report has no owner.", "The monthly report has no readers named.")),
    Case("m8.next-review", "fail", setting(**{"document.next_review": "2026-11-01"}),
         "The review planned for 1\u00a0November\u00a02026 is 22 days overdue."),
    Case("m8.next-review", "warn", without("document.next_review"),
         "No date is set for the next review of the charter."),
    # -- mistake 9 -----------------------------------------------------------------
    Case("m9.owned-hub", "fail", without("content.hub"),
         "The hub where content is published first (site, blog, newsletter) is not named."),
    Case("m9.owned-hub", "warn", without("content.hub.url"),
         "The hub 'Acme blog' has no address."),
    Case("m9.publish-first", "fail", setting(**{"content.hub.publish_first": False}),
         "Content does not appear on the company's own hub first."),
    Case("m9.publish-first", "warn", without("content.hub.publish_first"),
         "The charter does not say whether content appears on the hub first."),
    Case("m9.publish-first", "fail", without("content.hub"),
         "No hub of the company's own is named."),
    Case("m9.exports", "fail", without("independence.exports"),
         "Nothing is exported from the platforms."),
    Case("m9.exports", "warn", without("independence.exports.owner"),
         "The exports lack: an owner."),
    Case("m9.exit-plans", "fail", without("independence.exit_plans"),
         "No plan for a network that closes or changes its rules."),
    Case("m9.exit-plans", "warn",
         setting(**{"independence.exit_plans": [{"network": "instagram", "plan": "Newsletter."}]}),
         "Active networks with no exit plan: LinkedIn.", ("LinkedIn has no exit plan.",)),
    Case("m9.spread", "warn", setting(**{"independence.max_share_per_network": "50%"}),
         "Networks carrying more than 50% of the posts: Instagram.",
         ("Instagram carries 60% of the posts (limit 50%).",)),
    Case("m9.spread", "warn", without("independence.max_share_per_network"),
         "Networks carrying more than 50% of the posts: Instagram (usual limit; the charter sets "
         "none).",
         ("Instagram carries 60% of the posts (limit 50%).",)),
    Case("m9.spread", "warn", without("networks.0.cadence", "networks.1.cadence"),
         "No active network has a cadence, so the spread cannot be computed."),
]


def test_every_rule_has_a_tripping_case() -> None:
    tripped = {case.rule for case in CASES}
    assert sorted(r.id for r in REGISTRY.rules() if r.id not in tripped) == []


@pytest.fixture(scope="module")
def complete_report() -> AuditReport:
    return run(charter(complete()), TODAY)


@pytest.mark.parametrize("rule_id", [r.id for r in REGISTRY.rules()])
def test_the_complete_charter_passes(rule_id: str, complete_report: AuditReport) -> None:
    check = next(c for c in complete_report.checks if c.id == rule_id)
    assert check.status is Status.PASS, check.reason
    assert check.findings == ()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_one_change_trips_the_check(case: Case) -> None:
    data = complete()
    built = charter(case.change(data) or data)
    check = _check(built, case.rule)
    assert (check.status.value, check.reason) == (case.status, case.reason)
    assert tuple(f.reason for f in check.findings) == case.findings
    assert all(f.field_path for f in check.findings)

    french = dataclasses.replace(built, company=dataclasses.replace(built.company, language="fr"))
    assert _check(french, case.rule).status.value == case.status


def _check(built: Charter, rule_id: str) -> CheckResult:
    return next(c for c in run(built, TODAY).checks if c.id == rule_id)


def test_roles_with_the_same_title_are_told_apart_in_reasons() -> None:
    """Two co-founders read as two people, by holder or, without one, by id."""
    data = complete()
    data["team"]["roles"][0]["title"] = "Co-founder"
    data["team"]["roles"][1]["title"] = "Co-founder"
    for role in data["team"]["roles"]:
        role.pop("skills", None)
    data["team"]["roles"][1].pop("holder", None)
    check = _check(charter(data), "m3.skills-stated")
    holder = data["team"]["roles"][0]["holder"]
    other = data["team"]["roles"][1]["id"]
    assert check.reason == (f"Roles that name no skills: Co-founder – {holder} and "
                            f"Co-founder – {other}.")
