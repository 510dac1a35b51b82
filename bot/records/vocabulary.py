"""The fixed values records use (shared contracts: see the working agreement)."""

from __future__ import annotations

from bot.triage.danger import DANGER_KINDS as RULE_DANGER_KINDS
from bot.triage.danger_model import LEARNED_KIND
from bot.triage.facts import RELATIONSHIPS as TRIAGE_RELATIONSHIPS

RISK_LEVELS = ("emergency", "high", "standard", "unknown")  # most urgent first
# Lower rank = more urgent; used to sort and to make sure risk is never lowered.
RISK_RANK = {level: rank for rank, level in enumerate(RISK_LEVELS)}

STATUSES = ("new", "in_review", "actioned", "closed")
CHANNELS = ("webchat", "sms", "voice", "rest")
REPORTERS = ("self", "someone-else")
# The relationship values and danger kinds are the triage core's (one place for each);
# records add two kinds of their own, for an emergency no rule saw: the learned danger model
# (bot/triage/danger_model.py) or the ML intent classifier alone judged it one.
RELATIONSHIPS = TRIAGE_RELATIONSHIPS
DANGER_KINDS = (*RULE_DANGER_KINDS, LEARNED_KIND, "classifier")
FIELD_SOURCES = ("said", "inferred")
HANDLER_ROLES = ("handler", "supervisor")
SPEAKERS = ("user", "bot")


def more_urgent(current: str, proposed: str) -> str:
    """The more urgent of two risk levels: a record's risk is never lowered."""
    return proposed if RISK_RANK[proposed] < RISK_RANK[current] else current
