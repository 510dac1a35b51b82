"""How risky is this case? `assess(CaseFacts) -> RiskAssessment` (GUIDE.md §2).

Rules, in order:
- any current danger signal -> EMERGENCY;
- an ex-partner as the suspect (stalking by an ex-partner is never routine), or any high-risk
  marker (threats, violence, strangulation ever, property damage, loitering, more than three
  times a week, others targeted, escalation, very frightened, drink or drugs, an order
  breached, ...) -> HIGH;
- stalking behaviour without those -> STANDARD;
- nothing known -> UNKNOWN.
Reasons are short plain-English phrases a call handler reads. Triage supports people's
decisions; call handlers decide. A level never drops during a conversation (`raise_only`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bot.triage.danger import DangerSignal
from bot.triage.markers import RiskMarkers


class RiskLevel(str, Enum):
    """Risk level, ordered: EMERGENCY > HIGH > STANDARD > UNKNOWN."""

    UNKNOWN = "unknown"
    STANDARD = "standard"
    HIGH = "high"
    EMERGENCY = "emergency"

    @property
    def rank(self) -> int:
        """0 for UNKNOWN up to 3 for EMERGENCY."""
        return _RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, RiskLevel):
            return NotImplemented
        return self.rank >= other.rank


_RANK = {RiskLevel.UNKNOWN: 0, RiskLevel.STANDARD: 1, RiskLevel.HIGH: 2, RiskLevel.EMERGENCY: 3}


def raise_only(previous: RiskLevel | str, new: RiskLevel | str) -> RiskLevel:
    """The higher of two levels: risk found earlier in a conversation is never dropped."""
    previous, new = RiskLevel(previous), RiskLevel(new)
    return new if new > previous else previous


@dataclass(frozen=True)
class CaseFacts:
    """What the conversation has gathered so far (None / empty / False: not known)."""

    danger_signals: tuple[DangerSignal, ...] = ()  # current signals only (see danger.detect)
    past_signals: tuple[DangerSignal, ...] = ()  # past or routine mentions, for reasons
    relationship: str | None = None
    markers: RiskMarkers = field(default_factory=RiskMarkers)
    frequency_per_week: float | None = None
    fear: str | None = None  # "very", "somewhat", "not"
    behaviours: frozenset[str] = frozenset()


@dataclass(frozen=True)
class RiskAssessment:
    """The level and the plain-English reasons for it."""

    level: RiskLevel
    reasons: tuple[str, ...] = ()


_SIGNAL_REASONS = {
    "suspect_present": "suspect there now",
    "followed_now": "being followed now",
    "entry_attempt": "trying to get in",
    "threat_imminent": "threat with a time, plan or weapon",
    "weapon": "weapon seen",
    "assault": "assault now or just happened",
    "child_in_danger": "child in danger",
    "breach_in_progress": "order or bail breached now",
    "hiding": "hiding",
    "cannot_speak": "cannot speak safely",
    "suicidal": "suicidal intent",
    "call_for_help": "asked for help urgently",
}
_PAST_SIGNAL_REASONS = {
    "threat_imminent": "threats (past)",
    "assault": "violence (past)",
    "weapon": "weapon mentioned (past)",
    "entry_attempt": "tried to get in (past)",
    "child_in_danger": "child involved (past)",
}
_MARKER_REASONS = {
    "threats_made": "threats made",
    "violence": "violence",
    "strangulation": "strangulation (ever)",
    "property_damage": "property damaged",
    "escalation": "getting worse",
    "others_targeted": "others targeted too",
    "recent_separation": "recent separation",
    "substance_misuse": "drink or drugs",
    "very_frightened": "very frightened",
    "children_affected": "children affected",
    "order_breached": "order breached",
    "weapons_access": "access to weapons",
    "suicidal_thoughts": "suicidal thoughts",
}
# Markers that on their own make a case high risk (GUIDE §2). "order in place" and
# "children affected" are recorded as reasons but do not raise the level by themselves.
_HIGH_MARKERS = frozenset(_MARKER_REASONS) - {"children_affected"}
_HIGH_BEHAVIOURS = {"loitering": "loitering near home or work"}
_BEHAVIOUR_REASONS = {
    "following": "following",
    "contacting": "unwanted contact",
    "publishing": "publishing about them",
    "monitoring": "monitoring",
    "loitering": "loitering",
    "property_interference": "interfering with property",
    "watching": "watching",
    "gifts": "unwanted gifts",
    "third_parties": "using others",
    "tracking": "tracking",
    "hacking": "account hacking",
    "turning_up": "turning up",
}
_RELATIONSHIP_REASONS = {"ex-partner": "ex-partner", "partner": "partner", "family": "family member"}


def assess(facts: CaseFacts) -> RiskAssessment:
    """The risk level for what is known, with the reasons a call handler reads."""
    reasons: list[str] = []

    def say(reason: str) -> None:
        if reason not in reasons:
            reasons.append(reason)

    for signal in facts.danger_signals:
        say(_SIGNAL_REASONS.get(signal.kind, signal.kind.replace("_", " ")))
    emergency = bool(facts.danger_signals)

    high = False
    if facts.relationship in _RELATIONSHIP_REASONS:
        say(_RELATIONSHIP_REASONS[facts.relationship])
        high = high or facts.relationship == "ex-partner"
    for signal in facts.past_signals:
        if signal.frame != "negated" and signal.kind in _PAST_SIGNAL_REASONS:
            say(_PAST_SIGNAL_REASONS[signal.kind])
            high = True
    for name in facts.markers.names():
        if name in _MARKER_REASONS:
            say(_MARKER_REASONS[name])
            high = high or name in _HIGH_MARKERS
    if facts.markers.order_in_place and not facts.markers.order_breached:
        say("order in place")
    if facts.fear == "very":
        say("very frightened")
        high = True
    if facts.frequency_per_week is not None and facts.frequency_per_week > 3:
        say("more than 3 times a week")
        high = True
    for behaviour, reason in _HIGH_BEHAVIOURS.items():
        if behaviour in facts.behaviours:
            say(reason)
            high = True
    for behaviour in sorted(facts.behaviours):
        if behaviour not in _HIGH_BEHAVIOURS:
            say(_BEHAVIOUR_REASONS.get(behaviour, behaviour))

    if emergency:
        level = RiskLevel.EMERGENCY
    elif high:
        level = RiskLevel.HIGH
    elif facts.behaviours or facts.relationship or facts.markers.names() or facts.fear in ("somewhat", "not"):
        level = RiskLevel.STANDARD
    else:
        level = RiskLevel.UNKNOWN
    return RiskAssessment(level=level, reasons=tuple(reasons))
