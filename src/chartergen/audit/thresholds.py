"""Every number the audit judges by, in one place, each with the reason for its value.

Rules never hard-code a limit: they read it here, so that changing a threshold is
one edit, reviewed with its explanation, and ``docs/audit.md`` can list them all.
A charter overrides a threshold only where the format gives it a field
(``content.promotional_ceiling``, ``independence.max_share_per_network``); the
defaults below apply when it does not.
"""

from __future__ import annotations

# -- Scoring -----------------------------------------------------------------

PASS_VALUE = 1.0
"""What a passing check earns, times the rule's weight."""

WARN_VALUE = 0.5
"""What a check that warns earns: a warning costs half a check."""

FAIL_VALUE = 0.0
"""What a failing check earns: nothing."""

CONFIRMATION_VALID_DAYS = 365
"""A confirmation in ``reviews`` counts for a year; after that the item is open again
(contacts change, staff turn over, plans drift)."""

# -- Mistake 1: being there just to be there --------------------------------

MIN_PURPOSE_WORDS = 12
"""A purpose shorter than this is usually a slogan ("to be visible"), not an ambition."""

# -- Mistake 3: underestimating the investment -------------------------------

WORKLOAD_MARGIN = 0.20
"""Share of the hours the roles give that the planned work should leave free, for
meetings, approvals, training and the unexpected. Planned work above
``(1 - margin) x hours`` warns; above the hours, fails."""

ESTIMATED_OVERLOAD_FACTOR = 2.0
"""When part of the workload is estimated with the defaults below, an estimate is not
evidence: the verdict (``m3.time-given``) warns only when the estimated work is more
than this many times the hours the roles give."""

DEFAULT_TIME_PER_POST_MINUTES = 45.0
"""Used for an active network that gives no ``time_per_post``: writing, a visual and
approval of an ordinary post rarely take less."""

DEFAULT_ENGAGEMENT_MINUTES_PER_WEEK = 60.0
"""Used for an active network that gives no ``engagement_time``: replying and moderating
take at least an hour a week once a page has any audience."""

# -- Mistake 4: a broadcast channel only -------------------------------------

MIN_ENGAGEMENT_PRINCIPLES = 3
"""Fewer principles than this rarely cover answering, thanking and joining conversations."""

MIN_CONVERSATIONAL_SHARE = 20.0
"""Percent of output in conversational pillars under which the presence stays push-only."""

MIN_ENGAGEMENT_RATIO = 0.25
"""Weekly time for replies and community, as a fraction of the time spent publishing,
under which conversation is an afterthought."""

# -- Mistake 5: lacking regularity -------------------------------------------

MAX_COMMENT_REPLY_HOURS = 48.0
"""A public comment left longer than two days without an answer reads as abandonment."""

WEEKEND_GAP_HOURS = 62.0
"""How long a message sent on Friday evening waits until Monday morning when nobody
watches on weekends (18:00 Friday to 08:00 Monday)."""

# -- Mistake 6: being too commercial -----------------------------------------

DEFAULT_PROMOTIONAL_CEILING = 20.0
"""Percent of output promotional content may take when the charter sets no ceiling:
the common "80/20" rule. French practitioners often advise less (5-10%)."""

MAX_SENSIBLE_CEILING = 33.0
"""A ceiling above this (one post in three) is past every common rule of thumb
(80/20, 4-1-1, a third at most)."""

SHARE_TOLERANCE = 1.0
"""Percentage points by which pillar shares may miss 100% (rounding) without failing."""

# -- Mistake 7: not managing the company's image ------------------------------

MONITORING_DELAY_HOURS = {
    "continuous": 0.25,
    "several-times-a-day": 4.0,
    "daily": 24.0,
    "weekly": 7 * 24.0,
    "monthly": 30 * 24.0,
}
"""Longest time before monitoring at each frequency notices a post about the company;
compared with the most lenient first response the crisis levels promise."""

DRILL_MAX_AGE_DAYS = 365
"""A crisis drill older than a year no longer reflects the team in place."""

MIN_ACCOUNT_ADMINS = 2
"""Fewer admins than this and one departure or lost phone locks the company out."""

# -- Mistake 9: depending on social networks --------------------------------

DEFAULT_MAX_SHARE_PER_NETWORK = 50.0
"""Percent of the posting effort one network may carry when the charter sets no limit:
beyond half, the presence rises and falls with that platform."""
