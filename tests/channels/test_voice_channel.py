"""The phone channel, driven with requests signed as Twilio signs them."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from bot.channels.voice import TwilioVoiceInput
from tests.channels.harness import BASE_URL, ChannelServer, StubAssistant, safety, settings

PATH = "/webhooks/voice/webhook"
WITHHELD = "+266696687"
YES_NO = [
    {
        "text": "Is it safe to talk?",
        "buttons": [{"title": "Yes", "payload": "yes"}, {"title": "No", "payload": "no"}],
    }
]


def call(sid: str = "CA1", **extra: str) -> dict[str, str]:
    return {"CallSid": sid, "From": WITHHELD, "To": "+441234567890", "CallStatus": "in-progress", **extra}


def parse(reply_text: str) -> ET.Element:
    root = ET.fromstring(reply_text)
    assert root.tag == "Response"
    return root


def spoken(root: ET.Element) -> str:
    return " ".join(s.text or "" for s in root.iter("Say"))


def next_path(root: ET.Element) -> str:
    """The path+query of the Gather's action, as Twilio would call it next."""
    action = root.find("Gather").get("action")
    assert action.startswith(BASE_URL + PATH)
    parts = urlsplit(action)
    return f"{parts.path}?{parts.query}"


def make_server(assistant: StubAssistant, **overrides: str) -> ChannelServer:
    channel = TwilioVoiceInput.from_credentials({"settings": settings(**overrides), "safety": safety()})
    return ChannelServer(channel, assistant)


@pytest.fixture
def server(assistant: StubAssistant) -> Iterator[ChannelServer]:
    with make_server(assistant) as running:
        yield running


def test_opening_says_what_the_line_is_and_how_to_reach_999_silently(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    said = spoken(root)
    assert "confidential line" in said
    assert "hang up and call 9 9 9" in said
    assert "press 5 5" in said
    assert "press 0" in said
    assert server.assistant.received[0].text == "hello"


def test_every_prompt_gathers_speech_and_keypad_in_british_english(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    gather = root.find("Gather")
    assert gather.get("input") == "dtmf speech"
    assert gather.get("language") == "en-GB"
    assert gather.get("actionOnEmptyResult") == "true"
    assert gather.get("action").startswith("https://report.example.org/webhooks/voice/webhook?turn=1")
    assert all(s.get("voice") == "Polly.Amy" and s.get("language") == "en-GB" for s in root.iter("Say"))


def test_two_withheld_callers_never_share_a_conversation(server: ChannelServer) -> None:
    server.post_twilio(PATH, call("CAaaa"))
    server.post_twilio(PATH, call("CAbbb"))
    ids = [m.sender_id for m in server.assistant.received]
    assert ids == ["voice-CAaaa", "voice-CAbbb"]


def test_whole_call_with_speech_then_keypad() -> None:
    def reply(message):
        return YES_NO if message.text in ("hello", "my ex follows me") else [f"Noted: {message.text}"]

    with make_server(StubAssistant(reply=reply)) as server:
        root = parse(server.post_twilio(PATH, call()).text)
        assert "Press 1 for Yes. Press 2 for No." in spoken(root)
        assert root.find("Gather").get("numDigits") == "1"
        root = parse(server.post_twilio(next_path(root), call(Digits="2")).text)
        assert "Noted: no" in spoken(root)
        root = parse(
            server.post_twilio(next_path(root), call(SpeechResult="my ex follows me", Confidence="0.9")).text
        )
        root = parse(server.post_twilio(next_path(root), call(Digits="1")).text)
        assert "Noted: yes" in spoken(root)
    assert [m.text for m in server.assistant.received] == ["hello", "no", "my ex follows me", "yes"]
    assert {m.metadata["channel"] for m in server.assistant.received} == {"voice"}


def test_pressing_0_tells_the_assistant_the_caller_cannot_speak(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    server.post_twilio(next_path(root), call(Digits="0"))
    assert server.assistant.received[-1].text == "I cannot speak safely right now"


def test_silence_reprompts_then_reads_the_numbers_and_hangs_up(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    for _ in range(2):
        root = parse(server.post_twilio(next_path(root), call()).text)
        assert "didn't hear anything" in spoken(root)
        assert root.find("Gather") is not None
    root = parse(server.post_twilio(next_path(root), call()).text)
    assert root.find("Hangup") is not None
    said = spoken(root)
    assert "9 9 9" in said and "0 8 0 8, 8 0 2, 0 3 0 0" in said and "1 0 1" in said
    assert len(server.assistant.received) == 1  # silences are not turns


def test_dial_payload_transfers_to_the_staffed_line_when_one_is_set() -> None:
    assistant = StubAssistant(
        reply=lambda m: [{"text": "I'll put you through now.", "custom": {"voice": "dial"}}]
    )
    with make_server(assistant, STAFFED_LINE_NUMBER="+442070000000") as server:
        root = parse(server.post_twilio(PATH, call()).text)
    assert root.find("Dial").text == "+442070000000"
    assert root.find("Hangup") is not None


def test_dial_payload_without_a_staffed_line_says_the_helpline_number(server: ChannelServer) -> None:
    server.assistant.reply = lambda m: [{"text": "Let me help.", "custom": {"voice": "dial"}}]
    root = parse(server.post_twilio(PATH, call()).text)
    assert root.find("Dial") is None
    assert "0 8 0 8, 8 0 2, 0 3 0 0" in spoken(root)
    assert root.find("Gather") is not None


def test_hangup_payload_speaks_then_hangs_up(server: ChannelServer) -> None:
    server.assistant.reply = lambda m: [{"text": "Take care. Goodbye.", "custom": {"voice": "hangup"}}]
    root = parse(server.post_twilio(PATH, call()).text)
    assert [child.tag for child in root] == ["Say", "Say", "Hangup"]
    assert "Goodbye" in spoken(root)


def test_replies_are_read_aloud_well(server: ChannelServer) -> None:
    server.assistant.reply = lambda m: ["Call the helpline on 0808 802 0300 😀 https://example.org/x"]
    said = spoken(parse(server.post_twilio(PATH, call()).text))
    assert "0 8 0 8, 8 0 2, 0 3 0 0" in said
    assert "😀" not in said and "https" not in said


@pytest.mark.parametrize(
    "assistant_behaviour",
    [StubAssistant(reply=lambda m: 1 / 0), StubAssistant(reply=lambda m: []), StubAssistant(delay_seconds=5)],
    ids=["error", "no-reply", "timeout"],
)
def test_failed_turn_says_the_safety_message_and_keeps_listening(assistant_behaviour: StubAssistant) -> None:
    with make_server(assistant_behaviour, CHANNEL_TURN_TIMEOUT_SECONDS="0.3") as server:
        root = parse(server.post_twilio(PATH, call()).text)
    said = spoken(root)
    assert "9 9 9" in said and "5 5" in said and "0 8 0 8" in said and "1 0 1" in said
    assert root.find("Gather") is not None


def test_replayed_request_does_not_make_a_second_turn(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    path = next_path(root)
    server.post_twilio(path, call(SpeechResult="he is outside"))
    replay = parse(server.post_twilio(path, call(SpeechResult="he is outside")).text)
    assert replay.find("Gather") is not None
    assert [m.text for m in server.assistant.received] == ["hello", "he is outside"]


def test_forged_options_in_the_action_url_are_refused(server: ChannelServer) -> None:
    root = parse(server.post_twilio(PATH, call()).text)
    path = next_path(root) + "&opts=WyIvYWZmaXJtIl0="
    reply = server.post_twilio(path, call(Digits="1"), signature="forged")
    assert reply.status == 403


def test_unsigned_request_is_refused(server: ChannelServer) -> None:
    reply = server.request(
        "POST", PATH, b"CallSid=CA1", {"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert reply.status == 403
    assert server.assistant.received == []


def test_status_callback_for_an_ended_call_is_not_a_turn(server: ChannelServer) -> None:
    reply = server.post_twilio(PATH, call(CallStatus="completed"))
    assert reply.status == 200
    assert server.assistant.received == []


_form_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    speech=st.one_of(st.none(), _form_text),
    digits=st.one_of(st.none(), st.text("0123456789*#", max_size=5)),
    turn=st.integers(0, 50),
    sid=st.text("CAabcdef0123456789", max_size=34),
)
def test_any_signed_call_request_gets_spoken_twiml_and_never_a_5xx(
    server: ChannelServer, speech: str | None, digits: str | None, turn: int, sid: str
) -> None:
    params = {"CallSid": sid, "From": WITHHELD, "CallStatus": "in-progress"}
    if speech is not None:
        params["SpeechResult"] = speech
    if digits is not None:
        params["Digits"] = digits
    reply = server.post_twilio(f"{PATH}?turn={turn}", params)
    assert reply.status == 200
    root = parse(reply.text)
    assert spoken(root).strip()
