"""The built-in rules, one module per mistake, and the computations several rules share.

Each module registers its rules and manual items through the public registry
(:func:`chartergen.audit.rule`), exactly as a plugin does.
"""

from __future__ import annotations

from dataclasses import dataclass

from chartergen.audit import thresholds
from chartergen.model import Charter, Network


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


def publishing_minutes(network: Network) -> float:
    """Weekly minutes spent preparing posts (defaults when the time per post is unknown);
    none for a network whose posts are published automatically."""
    if network.automated:
        return 0.0
    per_post = (network.time_per_post.minutes if network.time_per_post
                else thresholds.DEFAULT_TIME_PER_POST_MINUTES)
    return posts_per_week(network) * per_post


def engagement_minutes(network: Network) -> float:
    """Weekly minutes spent answering and animating (default when unknown)."""
    if network.engagement_time is not None:
        return network.engagement_time.minutes
    return thresholds.DEFAULT_ENGAGEMENT_MINUTES_PER_WEEK


def stated_minutes(charter: Charter) -> float:
    """The weekly minutes of the planned work the charter states itself, defaults left out."""
    total = 0.0
    for network in charter.active_networks:
        if network.automated or network.time_per_post is not None:
            total += publishing_minutes(network)
        if network.engagement_time is not None:
            total += network.engagement_time.minutes
    if charter.monitoring.time_per_week:
        total += charter.monitoring.time_per_week.minutes
    if charter.measurement.time_per_week:
        total += charter.measurement.time_per_week.minutes
    return total


def uses_defaults(network: Network) -> bool:
    return network.engagement_time is None or (
        network.time_per_post is None and posts_per_week(network) > 0
        and not network.automated)


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
        publishing=sum(publishing_minutes(n) for n in active),
        engagement=sum(engagement_minutes(n) for n in active),
        monitoring=(charter.monitoring.time_per_week.minutes
                    if charter.monitoring.time_per_week else 0.0),
        reporting=(charter.measurement.time_per_week.minutes
                   if charter.measurement.time_per_week else 0.0),
        defaulted=tuple(name_of(n) for n in active if uses_defaults(n)),
    )
