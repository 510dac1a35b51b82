"""One-slip typos of danger words are read as the word; real words are left alone."""

import pytest

from bot.triage.danger import detect
from bot.triage.typos import DANGER_WORDS, corrected, slips


@pytest.mark.parametrize(
    "typo, word",
    [
        ("dorr", "door"),
        ("knfe", "knife"),
        ("ootside", "outside"),
        ("outsdie", "outside"),
        ("windoe", "window"),
        ("gaarden", "garden"),
        ("folowing", "following"),
        ("hidding", "hiding"),
        ("bahtroom", "bathroom"),
    ],
)
def test_a_slip_is_read_as_the_danger_word(typo, word):
    assert corrected(typo) == word


@pytest.mark.parametrize("word", ["widow", "were", "hose", "poor", "horse", "riding", "bill", "held"])
def test_real_words_one_slip_away_stay_themselves(word):
    assert corrected(word) == word


def test_danger_words_stay_themselves():
    assert all(corrected(word) == word for word in DANGER_WORDS)


def test_slips_are_one_edit_away():
    assert {"dor", "odor", "doorr", "dxor"} <= slips("door")
    assert "door" not in slips("door")


@pytest.mark.parametrize(
    "text", ["hes at my dorr", "he got a knfe", "im hidding in the bahtroom", "hes ootside"]
)
def test_typed_in_a_hurry_is_still_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize("text", ["she's a widow and lives next door", "the hose is by the back wall"])
def test_their_real_word_look_alikes_are_not(text):
    assert not detect(text).is_emergency


def test_a_knife_emoji_is_read_and_the_evidence_still_quotes_the_message():
    findings = detect("🆘 he is outside my house")
    assert findings.is_emergency
    # every quoted span is a piece of the original message, not shifted by the emoji
    assert all(signal.evidence in "🆘 he is outside my house" for signal in findings.signals)
    assert detect("🔪 he has one").is_emergency
