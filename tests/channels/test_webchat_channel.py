"""The web chat page and API."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.channels.webchat import WebChatInput
from tests.channels.harness import ChannelServer, StubAssistant, safety, settings

ROOT = "/webhooks/webchat"


def make_server(assistant: StubAssistant, **overrides: str) -> ChannelServer:
    channel = WebChatInput.from_credentials({"settings": settings(**overrides), "safety": safety()})
    return ChannelServer(channel, assistant)


@pytest.fixture
def server(assistant: StubAssistant) -> Iterator[ChannelServer]:
    with make_server(assistant) as running:
        yield running


def start(server: ChannelServer) -> str:
    reply = server.post_json(f"{ROOT}/session", {})
    assert reply.status == 200
    return reply.json()["token"]


def say(server: ChannelServer, token: str, text: str, **extra: object) -> dict:
    reply = server.post_json(
        f"{ROOT}/message", {"message": text, **extra}, {"Authorization": f"Bearer {token}"}
    )
    assert reply.status == 200
    return reply.json()


def test_page_is_served_with_a_strict_content_security_policy(server: ChannelServer) -> None:
    reply = server.request("GET", f"{ROOT}/")
    assert reply.status == 200
    csp = reply.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert reply.headers["cache-control"] == "no-store"
    assert reply.headers["referrer-policy"] == "no-referrer"


def test_page_loads_nothing_from_other_sites_and_has_no_inline_script(server: ChannelServer) -> None:
    page = server.request("GET", f"{ROOT}/").text
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert not re.search(r"\son[a-z]+=", page)  # no inline event handlers


def test_page_shows_999_and_silent_solution_and_the_quick_exit(server: ChannelServer) -> None:
    page = server.request("GET", f"{ROOT}/").text
    assert "call 999" in page and "press 55" in page
    assert 'id="quick-exit"' in page and "Shift" in page
    assert "cannot" in page and "browser history" in page


@pytest.mark.parametrize("asset, kind", [("chat.js", "text/javascript"), ("chat.css", "text/css")])
def test_assets_are_served_from_the_channel(server: ChannelServer, asset: str, kind: str) -> None:
    reply = server.request("GET", f"{ROOT}/static/{asset}")
    assert reply.status == 200 and reply.headers["content-type"].startswith(kind)


@pytest.mark.parametrize("asset", ["index.html", "..%2Fwebchat.py", "%2e%2e%2fsafety.py", "other.js"])
def test_only_known_assets_are_served(server: ChannelServer, asset: str) -> None:
    assert server.request("GET", f"{ROOT}/static/{asset}").status == 404


def test_script_keeps_nothing_in_browser_storage() -> None:
    from bot.channels.webchat import STATIC_DIR

    script = (STATIC_DIR / "chat.js").read_text()
    code = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("//"))
    assert "localStorage" not in code and "indexedDB" not in code and "cookie" not in code
    assert "sessionStorage.setItem" not in code
    assert 'rel = "noopener noreferrer"' in script
    assert "location.replace" in script


def test_session_starts_with_the_assistant_greeting_under_a_server_issued_id(server: ChannelServer) -> None:
    reply = server.post_json(f"{ROOT}/session", {"sender": "web-chosen-by-me"})
    body = reply.json()
    assert body["messages"] == [{"text": "You said: hello"}]
    sender = server.assistant.received[0].sender_id
    assert sender.startswith("web-") and sender != "web-chosen-by-me" and len(sender) >= 20
    assert server.assistant.received[0].metadata == {"channel": "webchat"}


def test_each_session_gets_its_own_conversation(server: ChannelServer) -> None:
    say(server, start(server), "one")
    say(server, start(server), "two")
    senders = {m.sender_id for m in server.assistant.received}
    assert len(senders) == 2


def test_messages_continue_the_conversation_of_the_token(server: ChannelServer) -> None:
    token = start(server)
    body = say(server, token, "my ex keeps turning up", sender="web-someone-else")
    assert body["messages"] == [{"text": "You said: my ex keeps turning up"}]
    assert body["token"]
    assert server.assistant.received[0].sender_id == server.assistant.received[1].sender_id


@pytest.mark.parametrize(
    "header", [{}, {"Authorization": "Bearer nonsense"}, {"Authorization": "Bearer a.1.b"}]
)
def test_message_without_a_valid_token_is_refused(server: ChannelServer, header: dict[str, str]) -> None:
    reply = server.post_json(f"{ROOT}/message", {"message": "hi"}, header)
    assert reply.status == 401
    assert server.assistant.received == []


def test_token_signed_with_another_secret_is_refused(assistant: StubAssistant) -> None:
    with make_server(assistant, WEBCHAT_SECRET="other-secret") as other:
        foreign = start(other)
    with make_server(StubAssistant()) as server:
        reply = server.post_json(f"{ROOT}/message", {"message": "hi"}, {"Authorization": f"Bearer {foreign}"})
        assert reply.status == 401


def test_ending_the_session_revokes_its_tokens(server: ChannelServer) -> None:
    token = start(server)
    renewed = say(server, token, "hi")["token"]
    assert server.request("POST", f"{ROOT}/end", b"", {"Authorization": f"Bearer {token}"}).status == 204
    for old in (token, renewed):
        reply = server.post_json(f"{ROOT}/message", {"message": "hi"}, {"Authorization": f"Bearer {old}"})
        assert reply.status == 401


def test_request_from_another_site_is_refused(server: ChannelServer) -> None:
    reply = server.post_json(f"{ROOT}/session", {}, {"Origin": "https://evil.example"})
    assert reply.status == 403


def test_buttons_are_passed_with_plain_text_payloads(server: ChannelServer) -> None:
    server.assistant.reply = lambda m: [
        {"text": "Is it safe to talk?", "buttons": [{"title": "Yes", "payload": "yes"}]}
    ]
    body = server.post_json(f"{ROOT}/session", {}).json()
    assert body["messages"] == [
        {"text": "Is it safe to talk?", "buttons": [{"title": "Yes", "payload": "yes"}]}
    ]


def test_fifty_thousand_characters_without_danger_get_a_kind_reply_and_no_turn(server: ChannelServer) -> None:
    token = start(server)
    body = say(server, token, "He keeps messaging me. " * 2200)
    assert "too long for me to read in one go" in body["messages"][0]["text"]
    assert len(server.assistant.received) == 1  # only the greeting


def test_fifty_thousand_characters_with_danger_forward_the_evidence(
    server: ChannelServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "bot.channels.inbound._default_detector", lambda: lambda t: ["x"] if "outside now" in t else []
    )
    token = start(server)
    say(server, token, "It began in May. " * 1500 + "He is outside now. " + "I hid. " * 1500)
    assert server.assistant.received[-1].text == "He is outside now."


def test_wordless_message_is_answered_without_a_turn(server: ChannelServer) -> None:
    token = start(server)
    assert "didn't receive any words" in say(server, token, "   ")["messages"][0]["text"]
    assert len(server.assistant.received) == 1


@pytest.mark.parametrize(
    "assistant_behaviour",
    [StubAssistant(reply=lambda m: 1 / 0), StubAssistant(reply=lambda m: []), StubAssistant(delay_seconds=5)],
    ids=["error", "no-reply", "timeout"],
)
def test_failed_turn_answers_with_the_safety_message(assistant_behaviour: StubAssistant) -> None:
    with make_server(assistant_behaviour, CHANNEL_TURN_TIMEOUT_SECONDS="0.3") as server:
        text = server.post_json(f"{ROOT}/session", {}).json()["messages"][0]["text"]
    for needed in ("999", "55", "0808 802 0300", "101"):
        assert needed in text


def test_page_without_trailing_slash_redirects_so_relative_paths_work(server: ChannelServer) -> None:
    reply = server.request("GET", ROOT)
    assert reply.status in (301, 302)
    assert reply.headers["location"].endswith("/webhooks/webchat/")
