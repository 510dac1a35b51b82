"""What an answer means: yes/no/skip, and which other questions a story already answers."""

from __future__ import annotations

import re

from bot.intake.questions import SKIPPED
from bot.triage.facts import NarrativeFacts

_YES = re.compile(
    r"^\s*(yes|yeah|yea|yep|yup|ya|y|ok|okay|sure|aye|correct|it is|i am|i'?m ok|i'?m safe|safe|"
    r"please do|go ahead|save it|definitely|of course)\b"
)
_NO = re.compile(r"^\s*(no|nope|nah|n|not|never|don'?t|do not|i'?m not|it'?s not|it isn'?t|none)\b")
_SKIP = re.compile(
    r"\b(rather not|prefer not|skip|pass|don'?t know|dont know|not sure|no idea|dunno|unsure)\b"
)


def yes_no(intent: str | None, text: str) -> str | None:
    """ "yes", "no", "skipped", or None when the answer is neither (keep the words instead)."""
    if intent == "skip":
        return SKIPPED
    lowered = text.strip().lower()
    if _SKIP.search(lowered):
        return SKIPPED
    if intent == "affirm" or _YES.match(lowered):
        return "yes"
    if intent == "deny" or _NO.match(lowered):
        return "no"
    return None


# The channels replace a typed leading "/" with this mark (bot/channels/inbound.py).
FORCED_INTENT_MARK = "\uff0f"


def is_forced_intent(text: str) -> bool:
    """A typed `/intent` (or the channels' mark for one): never an answer, never consent."""
    return text.lstrip().startswith(("/", FORCED_INTENT_MARK))


def answers_in(facts: NarrativeFacts) -> dict[str, str]:
    """The report questions that a piece of the person's text already answers.

    Only clear cues count (see bot/triage/facts.py); the caller keeps whatever was
    already answered and marks these values as inferred.
    """
    found: dict[str, str] = {}
    if facts.behaviours:
        found["behaviours"] = ", ".join(sorted(b.replace("_", " ") for b in facts.behaviours))
    if facts.suspect_relationship and facts.suspect_relationship != "unknown":
        found["suspect_relationship"] = facts.suspect_relationship
    if facts.latest_when:
        found["latest_when"] = facts.latest_when
    if facts.where:
        found["location"] = facts.where
    pattern = "; ".join(part for part in (facts.started_when, facts.frequency) if part)
    if pattern:
        found["pattern"] = pattern
    if facts.evidence:
        found["evidence"] = ", ".join(sorted(e.replace("_", " ") for e in facts.evidence))
    if facts.witnesses:
        found["witnesses"] = facts.witnesses
    markers = facts.markers
    if markers.threats_made:
        found["threats"] = "yes"
    if markers.violence or markers.strangulation:
        found["violence"] = "yes"
    if markers.escalation:
        found["escalation"] = "yes"
    if markers.very_frightened:
        found["fear"] = "very frightened"
    if markers.order_in_place or markers.order_breached:
        found["history"] = "an order is in place" + (" and has been broken" if markers.order_breached else "")
    return found


def risk_markers(facts: NarrativeFacts) -> set[str]:
    """The high-risk signals a piece of text mentions, by name (for the risk assessment)."""
    return set(facts.markers.names())
