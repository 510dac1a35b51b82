"""The local REST channel: loopback only, same inbound rules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.channels.rest import LocalRestInput, is_loopback
from tests.channels.harness import ChannelServer, StubAssistant, safety, settings

PATH = "/webhooks/rest/webhook"


@pytest.fixture
def server(assistant: StubAssistant) -> Iterator[ChannelServer]:
    channel = LocalRestInput.from_credentials({"settings": settings(), "safety": safety()})
    with ChannelServer(channel, assistant) as running:
        yield running


@pytest.mark.parametrize(
    "address, local",
    [
        ("127.0.0.1", True),
        ("127.8.9.1", True),
        ("::1", True),
        ("::ffff:127.0.0.1", True),
        ("10.0.0.1", False),
        ("192.168.1.5", False),
        ("::ffff:10.0.0.1", False),
        ("", False),
        ("unix", False),
    ],
)
def test_only_loopback_addresses_count_as_local(address: str, local: bool) -> None:
    assert is_loopback(address) is local


def test_local_request_is_answered_like_rasa_rest(server: ChannelServer) -> None:
    reply = server.post_json(PATH, {"sender": "test-1", "message": "hello"})
    assert reply.status == 200
    assert reply.json() == [{"recipient_id": "test-1", "text": "You said: hello"}]
    assert server.assistant.received[0].metadata == {"channel": "rest"}


@pytest.mark.parametrize("header", ["X-Forwarded-For", "Forwarded", "X-Real-IP"])
def test_request_relayed_by_a_proxy_is_refused(server: ChannelServer, header: str) -> None:
    reply = server.post_json(PATH, {"sender": "a", "message": "hi"}, {header: "203.0.113.9"})
    assert reply.status == 403
    assert server.assistant.received == []


@pytest.mark.parametrize(
    "payload", [[], "text", {"message": "hi"}, {"sender": "", "message": "hi"}, {"sender": "x" * 500}]
)
def test_malformed_request_is_a_400_not_a_500(server: ChannelServer, payload: object) -> None:
    assert server.post_json(PATH, payload).status == 400


def test_slash_message_reaches_rasa_neutralised(server: ChannelServer) -> None:
    server.post_json(PATH, {"sender": "a", "message": "/affirm"})
    assert server.assistant.received[0].text == "\uff0faffirm"


def test_failed_turn_answers_with_the_safety_message(server: ChannelServer) -> None:
    server.assistant.reply = lambda m: 1 / 0
    text = server.post_json(PATH, {"sender": "a", "message": "hi"}).json()[0]["text"]
    assert "999" in text and "55" in text and "101" in text
