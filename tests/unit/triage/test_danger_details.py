"""Evidence spans, minimisation, long messages and robustness of the danger detector."""

import pytest

from bot.triage.danger import DANGER_KINDS, detect

CALM_STORY = (
    "It started about a year ago when we split up. He kept messaging me and turning up at my work. "
    "Last summer he waited outside my flat most evenings and I changed my route home. "
)


def test_danger_sentence_at_the_end_of_a_very_long_message_is_found() -> None:
    text = CALM_STORY * 200 + "Anyway he is outside my door right now"
    findings = detect(text)
    assert findings.is_emergency
    assert "suspect_present" in findings.kinds


def test_long_calm_history_alone_is_not_an_emergency() -> None:
    assert not detect(CALM_STORY * 200).is_emergency


def test_fifty_thousand_characters_of_noise_then_danger_is_found() -> None:
    text = ("blah " * 10_000)[:49_950] + " hes at the door"
    assert detect(text).is_emergency


def test_evidence_is_the_users_own_words() -> None:
    text = "Honestly I don't know. HES OUTSYD my door again"
    for signal in detect(text).signals:
        assert signal.evidence in text


def test_evidence_is_short() -> None:
    text = "he is outside " + "my house and the car park and the garden " * 20
    assert all(len(s.evidence) <= 120 for s in detect(text).signals)


@pytest.mark.parametrize(
    "text",
    [
        "not an emergency but he's sat outside",
        "it's probably nothing but he's at my door again",
        "I'm not in danger, he's just outside my house",
    ],
)
def test_minimised_danger_is_still_an_emergency_and_flagged(text: str) -> None:
    findings = detect(text)
    assert findings.is_emergency
    assert findings.minimised


def test_minimised_flag_is_off_when_there_is_no_emergency() -> None:
    assert not detect("not an emergency, I just want advice").minimised


def test_every_signal_kind_is_from_the_shared_list() -> None:
    texts = [
        "he is outside",
        "help!!",
        "he has a knife",
        "i am hiding",
        "i want to end it",
        "he is choking me",
    ]
    for text in texts:
        assert {s.kind for s in detect(text).signals} <= set(DANGER_KINDS)


def test_no_signal_appears_both_current_and_past() -> None:
    findings = detect("he was outside yesterday. he is outside now")
    now = {(s.kind, s.evidence) for s in findings.signals}
    past = {(s.kind, s.evidence) for s in findings.past_or_negated}
    assert findings.is_emergency
    assert not now & past


def test_breach_is_added_when_someone_with_an_order_is_here() -> None:
    findings = detect("there's a restraining order. he is at my door")
    assert {"breach_in_progress", "suspect_present"} <= findings.kinds


def test_order_alone_is_not_a_breach_in_progress() -> None:
    assert not detect("I have a restraining order against him").is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "/affirm",
        "' OR 1=1 --",
        "\x00\x01",
        "💀💀💀",
        "a\u0301" * 500,
        "}{][" * 100,
    ],
)
def test_odd_input_does_not_crash(text: str) -> None:
    findings = detect(text)
    assert isinstance(findings.is_emergency, bool)
