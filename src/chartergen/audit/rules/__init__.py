"""The built-in rules, one module per mistake, and the computations several rules share.

Each module registers its rules and manual items through the public registry
(:func:`chartergen.audit.rule`), exactly as a plugin does.
"""

from __future__ import annotations

from dataclasses import dataclass

from chartergen.audit import thresholds
from chartergen.model import Charter, Network, Pillar


def name_of(network: Network) -> str:
    """How a network is named in reasons: its display name, else the platform's brand."""
    from chartergen.schema.charter import PLATFORMS

    if network.name:
        return network.name
    if network.platform in PLATFORMS and network.platform != "other":
        return PLATFORMS[network.platform].split(" (")[0]
    return network.id


def posts_per_week(network: Network) -> float:
    return network.cadence.per_week if network.cadence else 0.0


def pillars_on(charter: Charter, network: Network) -> list[Pillar]:
    """The pillars published on ``network`` (a pillar that names no network is on all)."""
    return [p for p in charter.content.pillars if not p.networks or network.id in p.networks]


def has_rhythm(charter: Charter, network: Network) -> bool:
    """A cadence above zero, calendar slots, or a pillar with a cadence published there."""
    return bool(
        (network.cadence and network.cadence.posts > 0)
        or any(s.network == network.id for s in charter.content.calendar.slots)
        or any(p.cadence and p.cadence.posts > 0 for p in pillars_on(charter, network))
    )


def automated_part(charter: Charter, network: Network) -> float:
    """The part (0 to 1) of a network's posts published automatically: all of them for an
    ``automated`` network; else the automated pillars' part, by their shares or, failing
    that, by their cadences against the network's."""
    if network.automated:
        return 1.0
    here = pillars_on(charter, network)
    automated = [p for p in here if p.automated]
    if not automated:
        return 0.0
    if any(p.share is not None for p in here):
        total = sum(p.share or 0 for p in here)
        return sum(p.share or 0 for p in automated) / total if total else 0.0
    posts = posts_per_week(network)
    auto_posts = sum(p.cadence.per_week for p in automated if p.cadence)
    if posts > 0:
        return min(1.0, auto_posts / posts)
    return 1.0 if len(automated) == len(here) else 0.0


def publishing_minutes(charter: Charter, network: Network) -> float:
    """Weekly minutes spent preparing posts (defaults when the time per post is unknown);
    none for the posts published automatically (an automated network or pillar)."""
    per_post = (network.time_per_post.minutes if network.time_per_post
                else thresholds.DEFAULT_TIME_PER_POST_MINUTES)
    return posts_per_week(network) * per_post * (1 - automated_part(charter, network))


def promotional_share(charter: Charter) -> tuple[float | None, bool]:
    """The promotional share of output, and whether it is estimated.

    From the pillars' shares when they give any; otherwise estimated from the cadences:
    the promotional pillars' posts a week (each pillar's cadence counted once) against
    all posts a week (the active networks' cadences, or the pillars' if more). None when
    neither says it.
    """
    share = charter.content.promotional_share
    if share is not None:
        return share, False
    pillars = charter.content.pillars
    promo = [p for p in pillars if p.promotional]
    if not promo or any(p.cadence is None for p in promo):
        return None, False
    total = max(sum(posts_per_week(n) for n in charter.active_networks),
                sum(p.cadence.per_week for p in pillars if p.cadence))
    if total <= 0:
        return None, False
    promo_posts = sum(p.cadence.per_week for p in promo if p.cadence)
    return min(100.0, 100 * promo_posts / total), True


def engagement_minutes(network: Network) -> float:
    """Weekly minutes spent answering and animating (default when unknown)."""
    if network.engagement_time is not None:
        return network.engagement_time.minutes
    return thresholds.DEFAULT_ENGAGEMENT_MINUTES_PER_WEEK


def stated_minutes(charter: Charter) -> float:
    """The weekly minutes of the planned work the charter states itself, defaults left out."""
    total = 0.0
    for network in charter.active_networks:
        if network.time_per_post is not None or automated_part(charter, network) >= 1:
            total += publishing_minutes(charter, network)
        if network.engagement_time is not None:
            total += network.engagement_time.minutes
    if charter.monitoring.time_per_week:
        total += charter.monitoring.time_per_week.minutes
    if charter.measurement.time_per_week:
        total += charter.measurement.time_per_week.minutes
    return total


def uses_defaults(charter: Charter, network: Network) -> bool:
    return network.engagement_time is None or (
        network.time_per_post is None and posts_per_week(network) > 0
        and automated_part(charter, network) < 1)


@dataclass(frozen=True)
class Workload:
    """The weekly minutes a charter's plans imply, by kind of work."""

    publishing: float
    engagement: float
    monitoring: float
    reporting: float
    defaulted: tuple[str, ...]
    """Names of the networks whose time was estimated with default figures."""

    @property
    def total(self) -> float:
        return self.publishing + self.engagement + self.monitoring + self.reporting


def workload(charter: Charter) -> Workload:
    """Posts per week x time per post + engagement time, per active network, plus the
    weekly time of monitoring and of reporting."""
    active = charter.active_networks
    return Workload(
        publishing=sum(publishing_minutes(charter, n) for n in active),
        engagement=sum(engagement_minutes(n) for n in active),
        monitoring=(charter.monitoring.time_per_week.minutes
                    if charter.monitoring.time_per_week else 0.0),
        reporting=(charter.measurement.time_per_week.minutes
                   if charter.measurement.time_per_week else 0.0),
        defaulted=tuple(name_of(n) for n in active if uses_defaults(charter, n)),
    )
