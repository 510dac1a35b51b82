"""SMS and voice on the REAL running stack, with requests signed as Twilio signs them.

Uses the lead's session fixture `stack` (tests/integration/conftest.py): `rasa_url`,
`public_base_url` (what signatures are computed against), `twilio_auth_token`, `export()`.
"""

from __future__ import annotations

import itertools
import urllib.error
import urllib.request
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

pytestmark = pytest.mark.stack

SMS = "/webhooks/sms/webhook"
VOICE = "/webhooks/voice/webhook"
WITHHELD = "+266696687"
_sids = itertools.count()


def post(stack, path: str, params: dict[str, str], signature: str | None = None) -> tuple[int, str]:
    """POST a form to the stack as Twilio would; signature computed unless given."""
    if signature is None:
        signature = RequestValidator(stack.twilio_auth_token).compute_signature(
            stack.public_base_url + path, params
        )
    request = urllib.request.Request(
        stack.rasa_url + path,
        data=urlencode(params).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def sms_params(body: str, sender: str) -> dict[str, str]:
    return {
        "MessageSid": f"SM{uuid.uuid4().hex}",
        "From": sender,
        "To": "+441234567890",
        "Body": body,
        "NumMedia": "0",
    }


def text_of(twiml: str) -> str:
    root = ET.fromstring(twiml)
    assert root.tag == "Response"
    return " ".join("".join(el.itertext()) for el in root if el.tag in ("Message", "Say", "Gather"))


def new_incidents(stack, before: set[str], channel: str) -> list[dict]:
    return [i for i in stack.export() if i["reference"] not in before and i["channel"] == channel]


def references(stack) -> set[str]:
    return {i["reference"] for i in stack.export()}


def texter() -> str:
    return f"+4477009{next(_sids) % 100000:05d}"


# --- SMS ---------------------------------------------------------------------------------


def test_whole_report_by_sms_is_saved_without_the_phone_number(stack) -> None:
    before = references(stack)
    sender = texter()
    said = text_of(post(stack, SMS, sms_params("hi", sender))[1])
    answers = iter(
        ["yes", "My ex keeps turning up at my work and texting me every day since we split in March.", "yes"]
        + ["I'd rather not say"] * 25
    )
    for _ in range(28):
        if "reference" in said.lower():
            break
        body = "yes save it" if "save this report" in said.lower() else next(answers)
        status, reply = post(stack, SMS, sms_params(body, sender))
        assert status == 200
        said = text_of(reply)
    new = new_incidents(stack, before, "sms")
    assert len(new) == 1
    assert new[0]["conversation_id"].startswith("sms-")
    assert sender not in str(new[0]) and sender[1:] not in str(new[0])


def test_emergency_by_sms_gets_999_and_an_incident_at_once(stack) -> None:
    before = references(stack)
    sender = texter()
    said = text_of(post(stack, SMS, sms_params("hes outside my door right now banging wont stop", sender))[1])
    assert "999" in said
    assert [i["risk_level"] for i in new_incidents(stack, before, "sms")] == ["emergency"]


def test_unsigned_tampered_and_replayed_sms_are_not_processed(stack) -> None:
    params = sms_params("hello", texter())
    assert post(stack, SMS, params, signature="")[0] == 403
    good = RequestValidator(stack.twilio_auth_token).compute_signature(stack.public_base_url + SMS, params)
    assert post(stack, SMS, {**params, "Body": "/affirm"}, signature=good)[0] == 403
    first = post(stack, SMS, params, signature=good)
    replay = post(stack, SMS, params, signature=good)
    assert first[0] == replay[0] == 200
    assert text_of(first[1]).strip() and not text_of(replay[1]).strip()


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=500)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.one_of(st.none(), _text), media=st.sampled_from(["0", "1", "3", ""]))
def test_fuzzed_sms_bodies_never_5xx_and_always_answer(stack, body: str | None, media: str) -> None:
    params = sms_params(body or "", texter())
    params["NumMedia"] = media
    if body is None:
        del params["Body"]
    status, reply = post(stack, SMS, params)
    assert status == 200
    stop_words = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"}
    if (body or "").strip().lower() not in stop_words:
        assert text_of(reply).strip()


# --- voice -------------------------------------------------------------------------------


def call_params(call_sid: str, **extra: str) -> dict[str, str]:
    return {
        "CallSid": call_sid,
        "From": WITHHELD,
        "To": "+441234567890",
        "CallStatus": "in-progress",
        **extra,
    }


def next_path(twiml: str) -> str:
    root = ET.fromstring(twiml)
    gather = root.find("Gather")
    assert gather is not None, twiml
    parts = urlsplit(gather.get("action"))
    return f"{parts.path}?{parts.query}"


def test_whole_report_by_voice_with_speech_and_keypad(stack) -> None:
    before = references(stack)
    call_sid = f"CA{uuid.uuid4().hex}"
    status, twiml = post(stack, VOICE, call_params(call_sid))
    assert status == 200 and "9 9 9" in text_of(twiml)
    steps = [
        {"Digits": "1"},  # safe to talk: yes, by keypad
        {
            "SpeechResult": "my ex partner keeps following me to work and calling me every night",
            "Confidence": "0.9",
        },
    ] + [{"Digits": "2"}, {"SpeechResult": "I'd rather not say", "Confidence": "0.9"}] * 12
    for step in steps:
        if "reference" in text_of(twiml).lower() or ET.fromstring(twiml).find("Gather") is None:
            break
        if "save this report" in text_of(twiml).lower():
            step = {"Digits": "1"}  # consent, by keypad
        status, twiml = post(stack, next_path(twiml), call_params(call_sid, **step))
        assert status == 200
    new = new_incidents(stack, before, "voice")
    assert len(new) == 1 and new[0]["conversation_id"] == f"voice-{call_sid}"


def test_emergency_by_voice_says_999_and_records_it(stack) -> None:
    before = references(stack)
    call_sid = f"CA{uuid.uuid4().hex}"
    _, twiml = post(stack, VOICE, call_params(call_sid))
    _, twiml = post(
        stack, next_path(twiml), call_params(call_sid, SpeechResult="he's outside my house right now")
    )
    assert "9 9 9" in text_of(twiml)
    assert [i["risk_level"] for i in new_incidents(stack, before, "voice")] == ["emergency"]


def test_two_withheld_callers_never_share_a_conversation(stack) -> None:
    before = references(stack)
    calls = [f"CA{uuid.uuid4().hex}" for _ in range(2)]
    for call_sid in calls:
        _, twiml = post(stack, VOICE, call_params(call_sid))
        post(stack, next_path(twiml), call_params(call_sid, SpeechResult="he is outside my door now"))
    ids = sorted(i["conversation_id"] for i in new_incidents(stack, before, "voice"))
    assert ids == sorted(f"voice-{c}" for c in calls)


def test_unsigned_and_replayed_voice_requests_are_not_processed(stack) -> None:
    call_sid = f"CA{uuid.uuid4().hex}"
    assert post(stack, VOICE, call_params(call_sid), signature="nope")[0] == 403
    _, twiml = post(stack, VOICE, call_params(call_sid))
    path = next_path(twiml)
    params = call_params(call_sid, SpeechResult="he is outside my door now")
    before = references(stack)
    post(stack, path, params)
    after_first = references(stack)
    status, replay = post(stack, path, params)
    assert status == 200 and "Gather" in replay
    assert references(stack) == after_first and after_first >= before


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(speech=st.one_of(st.none(), _text), digits=st.one_of(st.none(), st.text("0123456789*#", max_size=4)))
def test_fuzzed_voice_bodies_never_5xx_and_always_speak(
    stack, speech: str | None, digits: str | None
) -> None:
    params = call_params(f"CA{uuid.uuid4().hex}")
    if speech is not None:
        params["SpeechResult"] = speech
    if digits is not None:
        params["Digits"] = digits
    status, twiml = post(stack, VOICE + "?turn=1", params)
    assert status == 200
    assert text_of(twiml).strip()
