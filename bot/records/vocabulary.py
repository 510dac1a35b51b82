"""The fixed values records use (shared contracts: see the working agreement)."""

from __future__ import annotations

RISK_LEVELS = ("emergency", "high", "standard", "unknown")
# Lower rank = more urgent; used to sort and to make sure risk is never lowered.
RISK_RANK = {level: rank for rank, level in enumerate(RISK_LEVELS)}

STATUSES = ("new", "in_review", "actioned", "closed")
CHANNELS = ("webchat", "sms", "voice", "rest")
REPORTERS = ("self", "someone-else")
RELATIONSHIPS = (
    "ex-partner",
    "partner",
    "family",
    "colleague",
    "neighbour",
    "acquaintance",
    "online-only",
    "stranger",
    "unknown",
)
DANGER_KINDS = (
    "suspect_present",
    "followed_now",
    "entry_attempt",
    "threat_imminent",
    "weapon",
    "assault",
    "child_in_danger",
    "breach_in_progress",
    "hiding",
    "cannot_speak",
    "suicidal",
    "call_for_help",
    # The ML intent classifier judged it an emergency where the rules found no signal.
    "classifier",
)
FIELD_SOURCES = ("said", "inferred")
HANDLER_ROLES = ("handler", "supervisor")
SPEAKERS = ("user", "bot")


def more_urgent(current: str, proposed: str) -> str:
    """The more urgent of two risk levels: a record's risk is never lowered."""
    return proposed if RISK_RANK[proposed] < RISK_RANK[current] else current
