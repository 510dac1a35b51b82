"""The SMS channel, driven with requests signed as Twilio signs them."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from bot.channels.sms import TwilioSmsInput
from bot.channels.sms_text import is_gsm7
from tests.channels.harness import BASE_URL, TOKEN, ChannelServer, StubAssistant, safety, settings

PATH = "/webhooks/sms/webhook"
NUMBER = "+447700900123"


def sms(body: str | None = "hello", sid: str = "SM1", sender: str = NUMBER, **extra: str) -> dict[str, str]:
    params = {"MessageSid": sid, "From": sender, "To": "+441234567890", "NumMedia": "0", **extra}
    if body is not None:
        params["Body"] = body
    return params


def messages(reply_text: str) -> list[str]:
    root = ET.fromstring(reply_text)
    assert root.tag == "Response"
    return [m.text or "" for m in root.iter("Message")]


def make_server(assistant: StubAssistant, **overrides: str) -> ChannelServer:
    channel = TwilioSmsInput.from_credentials({"settings": settings(**overrides), "safety": safety()})
    return ChannelServer(channel, assistant)


@pytest.fixture
def server(assistant: StubAssistant) -> Iterator[ChannelServer]:
    with make_server(assistant) as running:
        yield running


def test_signed_text_is_answered_in_twiml(server: ChannelServer) -> None:
    reply = server.post_twilio(PATH, sms("my ex keeps texting me"))
    assert reply.status == 200
    assert reply.headers["content-type"].startswith("text/xml")
    assert messages(reply.text) == ["You said: my ex keeps texting me"]


def test_conversation_id_is_a_keyed_hash_not_the_number(server: ChannelServer) -> None:
    server.post_twilio(PATH, sms(sid="SM1"))
    server.post_twilio(PATH, sms(sid="SM2"))
    server.post_twilio(PATH, sms(sid="SM3", sender="+447700900999"))
    ids = [m.sender_id for m in server.assistant.received]
    assert ids[0] == ids[1] != ids[2]
    assert all(i.startswith("sms-") and len(i) == 36 for i in ids)
    assert not any("7700900" in i for i in ids)


def test_message_carries_only_the_channel_as_metadata(server: ChannelServer) -> None:
    server.post_twilio(PATH, sms())
    received = server.assistant.received[0]
    assert received.metadata == {"channel": "sms"}
    assert received.input_channel == "sms"
    assert received.output_channel.name() == "sms"


@pytest.mark.parametrize(
    "signature",
    [
        None,
        "",
        "bm90IGEgc2lnbmF0dXJl",
        RequestValidator("wrong-token").compute_signature(BASE_URL + PATH, sms()),
    ],
)
def test_unsigned_or_wrongly_signed_request_is_refused_and_not_processed(
    server: ChannelServer, signature: str | None
) -> None:
    if signature is None:
        reply = server.request(
            "POST", PATH, b"Body=hello&From=%2B44", {"Content-Type": "application/x-www-form-urlencoded"}
        )
    else:
        reply = server.post_twilio(PATH, sms(), signature=signature)
    assert reply.status == 403
    assert server.assistant.received == []


def test_tampered_body_is_refused(server: ChannelServer) -> None:
    signature = RequestValidator(TOKEN).compute_signature(BASE_URL + PATH, sms("I am fine"))
    reply = server.post_twilio(PATH, sms("/affirm"), signature=signature)
    assert reply.status == 403
    assert server.assistant.received == []


def test_request_signed_for_another_url_is_refused(server: ChannelServer) -> None:
    signature = RequestValidator(TOKEN).compute_signature("https://evil.example" + PATH, sms())
    assert server.post_twilio(PATH, sms(), signature=signature).status == 403


def test_replayed_message_sid_is_answered_once(server: ChannelServer) -> None:
    first = server.post_twilio(PATH, sms("hello", sid="SMdup"))
    again = server.post_twilio(PATH, sms("hello", sid="SMdup"))
    assert messages(first.text) and messages(again.text) == []
    assert again.status == 200
    assert len(server.assistant.received) == 1


@pytest.mark.parametrize(
    "params, expected",
    [
        (sms(None), "didn't receive any words"),
        (sms(""), "didn't receive any words"),
        (sms("", NumMedia="1", MediaUrl0="https://api.twilio.com/x"), "can't open pictures"),
        (sms("😀😀😀"), "didn't receive any words"),
        (sms("help"), "National Stalking Helpline"),
        (sms(" HELP "), "999"),
    ],
)
def test_wordless_media_and_help_get_a_helpful_reply_without_a_turn(
    server: ChannelServer, params: dict[str, str], expected: str
) -> None:
    reply = server.post_twilio(PATH, params)
    assert reply.status == 200
    assert expected in " ".join(messages(reply.text))
    assert server.assistant.received == []


def test_help_reply_includes_999_and_the_helpline(server: ChannelServer) -> None:
    text = " ".join(messages(server.post_twilio(PATH, sms("HELP")).text))
    assert "999" in text and "0808 802 0300" in text


def test_stop_is_left_to_twilio_opt_out_and_yes_reaches_the_assistant(server: ChannelServer) -> None:
    assert messages(server.post_twilio(PATH, sms("STOP", sid="a")).text) == []
    assert messages(server.post_twilio(PATH, sms("yes", sid="b")).text) == ["You said: yes"]
    assert [m.text for m in server.assistant.received] == ["yes"]


def test_leading_slash_reaches_the_assistant_neutralised(server: ChannelServer) -> None:
    server.post_twilio(PATH, sms("/affirm"))
    assert server.assistant.received[0].text == "\uff0faffirm"


@pytest.mark.parametrize(
    "assistant_behaviour",
    [
        StubAssistant(reply=lambda m: 1 / 0),
        StubAssistant(reply=lambda m: []),
        StubAssistant(delay_seconds=5),
    ],
    ids=["error", "no-reply", "timeout"],
)
def test_failed_turn_answers_with_the_safety_message(assistant_behaviour: StubAssistant) -> None:
    with make_server(assistant_behaviour, CHANNEL_TURN_TIMEOUT_SECONDS="0.3") as server:
        reply = server.post_twilio(PATH, sms("hello"))
    text = " ".join(messages(reply.text))
    assert reply.status == 200
    for needed in ("999", "55", "0808 802 0300", "101"):
        assert needed in text


def test_replies_are_gsm7_with_buttons_written_out() -> None:
    assistant = StubAssistant(
        reply=lambda m: [
            {
                "text": "Is it safe to talk? 🙂 “yes”",
                "buttons": [{"title": "Yes", "payload": "yes"}, {"title": "No", "payload": "no"}],
            }
        ]
    )
    with make_server(assistant) as server:
        text = " ".join(messages(server.post_twilio(PATH, sms("hi")).text))
    assert text == 'Is it safe to talk? "yes"\nReply: Yes or No'
    assert is_gsm7(text)


def test_long_reply_is_split_into_parts_at_sentence_ends() -> None:
    sentence = "This is one sentence of advice about keeping evidence safe. "
    assistant = StubAssistant(reply=lambda m: [sentence * 30])
    with make_server(assistant) as server:
        parts = messages(server.post_twilio(PATH, sms("hi")).text)
    assert len(parts) > 1
    assert all(len(p) <= 612 and p.endswith(".") for p in parts)


def test_empty_body_param_still_verifies_because_blank_values_are_signed(server: ChannelServer) -> None:
    params = sms("", NumMedia="1")
    assert server.post_twilio(PATH, params).status == 200


def test_proxy_headers_are_used_for_the_signature_only_when_trusted(assistant: StubAssistant) -> None:
    params = sms()
    signature = RequestValidator(TOKEN).compute_signature("https://proxy.example" + PATH, params)
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Twilio-Signature": signature,
        "X-Forwarded-Proto": "https",
        "X-Forwarded-Host": "proxy.example",
    }
    from urllib.parse import urlencode

    for trusted, expected in (("true", 200), ("false", 403)):
        with make_server(assistant, PUBLIC_BASE_URL="", TRUST_PROXY=trusted) as server:
            assert server.request("POST", PATH, urlencode(params).encode(), headers).status == expected


def test_no_auth_token_refuses_everything(assistant: StubAssistant) -> None:
    with make_server(assistant, TWILIO_AUTH_TOKEN="") as server:
        signature = RequestValidator("").compute_signature(BASE_URL + PATH, sms())
        assert server.post_twilio(PATH, sms(), signature=signature).status == 403


_sids = itertools.count()
_form_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@hyp_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.one_of(st.none(), _form_text),
    media=st.sampled_from(["0", "1", "", "x"]),
    extra=st.dictionaries(st.text("abcXYZ", min_size=1, max_size=8), _form_text, max_size=3),
)
def test_any_signed_body_gets_a_non_empty_reply_and_never_a_5xx(
    server: ChannelServer, body: str | None, media: str, extra: dict[str, str]
) -> None:
    # A fresh MessageSid each time: hypothesis re-runs examples, and a repeated sid is (rightly) a duplicate.
    params = {**extra, **sms(body, sid=f"SM{next(_sids)}", NumMedia=media)}
    reply = server.post_twilio(PATH, params)
    assert reply.status == 200
    if body is None or body.strip().lower() not in {
        "stop",
        "stopall",
        "unsubscribe",
        "cancel",
        "end",
        "quit",
        "revoke",
        "optout",
    }:
        assert any(m.strip() for m in messages(reply.text))
