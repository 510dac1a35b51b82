"""Writing for SMS and for voice, and the channel's own safety sentences."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.channels.directory import load_directory, speak_digits
from bot.channels.sms_text import is_gsm7, sms_parts, to_gsm7
from bot.channels.voice_text import speakable
from tests.channels.harness import safety


@pytest.mark.parametrize(
    "raw, gsm",
    [
        ("It’s fine", "It's fine"),
        ("“quoted”", '"quoted"'),
        ("now — later", "now - later"),
        ("wait…", "wait..."),
        ("café £5 €3", "café £5 €3"),
        ("hi 😀 there", "hi there"),
        ("Ŵales", "Wales"),
    ],
)
def test_sms_text_is_rewritten_into_gsm7(raw: str, gsm: str) -> None:
    assert to_gsm7(raw) == gsm
    assert is_gsm7(to_gsm7(raw))


def test_short_replies_share_one_sms_part() -> None:
    assert sms_parts(["Hello.", "Is it safe to talk?"]) == ["Hello.\n\nIs it safe to talk?"]


def test_unbroken_text_is_split_at_words_within_the_part_limit() -> None:
    parts = sms_parts(["word " * 400])
    assert all(len(p) <= 612 for p in parts)
    assert " ".join(parts).split() == ["word"] * 400


@pytest.mark.parametrize(
    "number, said",
    [
        ("999", "9 9 9"),
        ("0808 802 0300", "0 8 0 8, 8 0 2, 0 3 0 0"),
        ("116 123", "1 1 6, 1 2 3"),
        ("101", "1 0 1"),
    ],
)
def test_numbers_are_spoken_digit_by_digit(number: str, said: str) -> None:
    assert speak_digits(number) == said
    assert speakable(f"Call {number}.") == f"Call {said}."


@pytest.mark.parametrize(
    "text, said",
    [
        ("When a recorded message asks, press 55.", "When a recorded message asks, press 5 5."),
        ("Press\n55 when asked.", "Press 5 5 when asked."),
        ("call 999 and press 55 when asked", "call 9 9 9 and press 5 5 when asked"),
        (
            "Pressing 55 does not tell the police where you are.",
            "Pressing 5 5 does not tell the police where you are.",
        ),
    ],
)
def test_keys_to_press_are_spoken_one_by_one(text: str, said: str) -> None:
    assert speakable(text) == said


@pytest.mark.parametrize("text", ["It started in 2019.", "At 09:30 he came.", "He called 3 times."])
def test_years_times_and_small_numbers_are_read_normally(text: str) -> None:
    assert speakable(text) == text


@pytest.mark.parametrize(
    "field",
    ["failure_text", "failure_voice", "voice_goodbye", "sms_help_text", "numbers_voice"],
)
def test_safety_sentences_name_999_silent_solution_helpline_and_101(field: str) -> None:
    text = getattr(safety(), field)
    digits_only = text.replace(" ", "").replace(",", "")
    for needed in ("999", "55", "08088020300"):
        assert needed in digits_only
    if field != "voice_opening":
        assert "101" in digits_only


def test_safety_sentences_never_advise_contacting_the_stalker() -> None:
    everything = " ".join(str(v) for v in vars(safety()).values()).lower()
    for banned in ("confront", "reply to them", "meet them", "block them"):
        assert banned not in everything


@pytest.mark.parametrize(
    "layout",
    [
        lambda s: s,
        lambda s: list({"id": k, **v} for k, v in s.items()),
        lambda s: {"services": [{"id": k, **v} for k, v in s.items()]},
    ],
    ids=["mapping", "list", "wrapped-list"],
)
def test_directory_reads_the_services_file_in_any_plain_layout(tmp_path: Path, layout) -> None:
    services = {
        "police_emergency": {"name": "Police", "number": "999"},
        "silent_solution": {"name": "Silent Solution", "number": "999", "other_numbers": ["55"]},
        "stalking_helpline": {"name": "National Stalking Helpline", "number": "0808 802 0300"},
        "police_non_emergency": {"name": "Police non-emergency", "number": "101"},
    }
    path = tmp_path / "services.json"
    path.write_text(json.dumps(layout(services)))
    assert load_directory(path)["stalking_helpline"].number == "0808 802 0300"


def test_directory_without_a_required_number_fails_at_start_up(tmp_path: Path) -> None:
    path = tmp_path / "services.json"
    path.write_text(json.dumps({"police_emergency": {"name": "Police", "number": "999"}}))
    with pytest.raises(KeyError, match="silent_solution"):
        load_directory(path)


def test_safety_texts_from_the_real_services_file_press_55_not_999() -> None:
    from bot.channels.safety import load_safety_texts

    texts = load_safety_texts()
    assert "press 55 when asked" in texts.failure_text
    assert "press 5 5 when asked" in texts.failure_voice
    assert "0808 802 0300" in texts.failure_text
