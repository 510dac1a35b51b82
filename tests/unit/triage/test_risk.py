"""Risk rules (GUIDE §2): any danger now is an emergency; an ex-partner is never routine."""

import pytest

from bot.triage.danger import DangerSignal
from bot.triage.markers import MARKER_NAMES, RiskMarkers
from bot.triage.risk import CaseFacts, RiskLevel, assess, raise_only

NOW = DangerSignal("suspect_present", "he is outside", "now")


def test_levels_are_ordered_emergency_high_standard_unknown() -> None:
    assert RiskLevel.EMERGENCY > RiskLevel.HIGH > RiskLevel.STANDARD > RiskLevel.UNKNOWN
    assert sorted([RiskLevel.HIGH, RiskLevel.UNKNOWN, RiskLevel.EMERGENCY, RiskLevel.STANDARD]) == [
        RiskLevel.UNKNOWN,
        RiskLevel.STANDARD,
        RiskLevel.HIGH,
        RiskLevel.EMERGENCY,
    ]


def test_levels_are_the_shared_strings() -> None:
    assert [level.value for level in RiskLevel] == ["unknown", "standard", "high", "emergency"]
    assert RiskLevel("high") is RiskLevel.HIGH


@pytest.mark.parametrize(
    ("previous", "new", "expected"),
    [
        (RiskLevel.EMERGENCY, RiskLevel.STANDARD, RiskLevel.EMERGENCY),
        (RiskLevel.HIGH, RiskLevel.UNKNOWN, RiskLevel.HIGH),
        (RiskLevel.STANDARD, RiskLevel.HIGH, RiskLevel.HIGH),
        (RiskLevel.UNKNOWN, RiskLevel.EMERGENCY, RiskLevel.EMERGENCY),
        ("standard", "high", RiskLevel.HIGH),
        ("high", "high", RiskLevel.HIGH),
    ],
)
def test_raise_only_never_drops(previous: RiskLevel, new: RiskLevel, expected: RiskLevel) -> None:
    assert raise_only(previous, new) is expected


def test_any_current_danger_signal_is_an_emergency() -> None:
    result = assess(CaseFacts(danger_signals=(NOW,), relationship="stranger"))
    assert result.level is RiskLevel.EMERGENCY
    assert "suspect there now" in result.reasons


def test_ex_partner_alone_is_high() -> None:
    result = assess(CaseFacts(relationship="ex-partner", behaviours=frozenset({"contacting"})))
    assert result.level is RiskLevel.HIGH
    assert "ex-partner" in result.reasons


@pytest.mark.parametrize(
    "marker", [m for m in MARKER_NAMES if m not in ("children_affected", "order_in_place")]
)
def test_each_high_risk_marker_makes_a_case_high(marker: str) -> None:
    facts = CaseFacts(
        relationship="colleague",
        markers=RiskMarkers.from_names([marker]),
        behaviours=frozenset({"contacting"}),
    )
    assert assess(facts).level is RiskLevel.HIGH


@pytest.mark.parametrize("marker", ["children_affected", "order_in_place"])
def test_context_markers_are_reasons_but_not_high_on_their_own(marker: str) -> None:
    facts = CaseFacts(
        relationship="colleague",
        markers=RiskMarkers.from_names([marker]),
        behaviours=frozenset({"contacting"}),
    )
    result = assess(facts)
    assert result.level is RiskLevel.STANDARD
    assert len(result.reasons) >= 2


def test_past_threat_makes_high_with_a_plain_reason() -> None:
    past = DangerSignal("threat_imminent", "he'd kill me", "past")
    result = assess(CaseFacts(past_signals=(past,), relationship="neighbour"))
    assert result.level is RiskLevel.HIGH
    assert "threats (past)" in result.reasons


def test_negated_past_mention_does_not_raise() -> None:
    negated = DangerSignal("assault", "he never hit me", "negated")
    assert assess(CaseFacts(past_signals=(negated,), behaviours=frozenset({"contacting"}))).level is (
        RiskLevel.STANDARD
    )


@pytest.mark.parametrize(
    ("per_week", "level"),
    [(7.0, RiskLevel.HIGH), (3.5, RiskLevel.HIGH), (3.0, RiskLevel.STANDARD), (1.0, RiskLevel.STANDARD)],
)
def test_more_than_three_times_a_week_is_high(per_week: float, level: RiskLevel) -> None:
    facts = CaseFacts(
        relationship="colleague", frequency_per_week=per_week, behaviours=frozenset({"contacting"})
    )
    assert assess(facts).level is level


@pytest.mark.parametrize(
    ("fear", "level"),
    [("very", RiskLevel.HIGH), ("somewhat", RiskLevel.STANDARD), ("not", RiskLevel.STANDARD)],
)
def test_very_frightened_is_high(fear: str, level: RiskLevel) -> None:
    facts = CaseFacts(relationship="acquaintance", fear=fear, behaviours=frozenset({"following"}))
    assert assess(facts).level is level


def test_loitering_is_high() -> None:
    result = assess(CaseFacts(behaviours=frozenset({"loitering"})))
    assert result.level is RiskLevel.HIGH
    assert "loitering near home or work" in result.reasons


def test_stalking_behaviour_without_high_signals_is_standard() -> None:
    result = assess(CaseFacts(relationship="online-only", behaviours=frozenset({"contacting", "publishing"})))
    assert result.level is RiskLevel.STANDARD
    assert result.reasons == ("unwanted contact", "publishing about them")


def test_nothing_known_is_unknown() -> None:
    result = assess(CaseFacts())
    assert result.level is RiskLevel.UNKNOWN
    assert result.reasons == ()


def test_reasons_are_not_repeated() -> None:
    facts = CaseFacts(fear="very", markers=RiskMarkers(very_frightened=True))
    assert assess(facts).reasons.count("very frightened") == 1


def test_unknown_marker_name_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown risk markers"):
        RiskMarkers.from_names(["threats_made", "scary"])


def test_markers_round_trip_through_names() -> None:
    markers = RiskMarkers(violence=True, escalation=True)
    assert RiskMarkers.from_names(markers.names()) == markers
    assert markers.merged(RiskMarkers(violence=True, strangulation=True)).names() == (
        "violence",
        "strangulation",
        "escalation",
    )
