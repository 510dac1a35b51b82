"""Runs one of our channel blueprints in a real Sanic server on loopback, with a stub assistant.

No Rasa model is needed: the stub plays `on_new_message`, records every `UserMessage` and
answers through the message's own output channel, exactly as Rasa's agent would.
"""

from __future__ import annotations

import asyncio
import http.client
import itertools
import json
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Sanic
from twilio.request_validator import RequestValidator

from bot.channels.directory import ServiceLine
from bot.channels.safety import SafetyTexts, build_safety_texts
from bot.settings import Settings, settings_from

TOKEN = "test-auth-token"
BASE_URL = "https://report.example.org"

# The contract's numbers (DESIGN/brief), so channel tests do not depend on the data file.
# The layout of bot/services.json: Silent Solution is number "999" with "55" as its other number.
SERVICE_NUMBERS = {
    "police_emergency": ("Police emergency", "999", ()),
    "silent_solution": ("Silent Solution", "999", ("55",)),
    "stalking_helpline": ("National Stalking Helpline", "0808 802 0300", ()),
    "police_non_emergency": ("Police non-emergency", "101", ()),
}


def fake_directory() -> dict[str, ServiceLine]:
    """The four services a channel quotes, as the services file gives them."""
    return {
        sid: ServiceLine(sid, name, number, other_numbers=others)
        for sid, (name, number, others) in SERVICE_NUMBERS.items()
    }


def safety() -> SafetyTexts:
    """Safety texts built from the contract numbers."""
    return build_safety_texts(fake_directory())


def settings(**overrides: str) -> Settings:
    """Test settings: a Twilio token, a public base URL and secrets, plus overrides (env names)."""
    values = {
        "TWILIO_AUTH_TOKEN": TOKEN,
        "PUBLIC_BASE_URL": BASE_URL,
        "LOOKUP_HASH_KEY": "lookup-key-for-tests",
        "WEBCHAT_SECRET": "webchat-secret-for-tests",
        "CHANNEL_TURN_TIMEOUT_SECONDS": "2",
        "MAX_MESSAGE_CHARS": "2000",
    }
    values.update(overrides)
    return settings_from(values)


Reply = Callable[[UserMessage], Any]


@dataclass
class StubAssistant:
    """Plays Rasa: records messages and answers with `reply(message)`.

    `reply` returns a list of items: a string (text), a dict with "text"/"buttons", a dict with
    "custom", or raises / sleeps to simulate failures.
    """

    reply: Reply = lambda message: [f"You said: {message.text}"]
    received: list[UserMessage] = field(default_factory=list)
    delay_seconds: float = 0.0

    async def __call__(self, message: UserMessage) -> None:
        self.received.append(message)
        if self.delay_seconds:
            await asyncio.sleep(self.delay_seconds)
        for item in self.reply(message) or []:
            out = message.output_channel
            if isinstance(item, str):
                await out.send_text_message(message.sender_id, item)
            elif "custom" in item:
                if item.get("text"):
                    await out.send_text_message(message.sender_id, item["text"])
                await out.send_custom_json(message.sender_id, item["custom"])
            elif item.get("buttons"):
                await out.send_text_with_buttons(message.sender_id, item["text"], item["buttons"])
            else:
                await out.send_text_message(message.sender_id, item["text"])


@dataclass
class HttpReply:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)


_names = itertools.count()
# Several apps start in one process during tests; test mode lets Sanic's start-up "touch-up"
# run again on the original methods instead of failing on already rewritten ones.
Sanic.test_mode = True


class ChannelServer:
    """A live Sanic server on 127.0.0.1 serving one channel under `/webhooks/<name>`."""

    def __init__(self, channel: InputChannel, assistant: StubAssistant | None = None) -> None:
        self.channel = channel
        self.assistant = assistant or StubAssistant()
        self.app = Sanic(f"channel_test_{next(_names)}")
        self.app.config.ACCESS_LOG = False
        self.app.blueprint(channel.blueprint(self.assistant), url_prefix=f"/webhooks/{channel.name()}")
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self.port = 0

    def __enter__(self) -> ChannelServer:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        self.port = sock.getsockname()[1]
        self._server = self._loop.run_until_complete(
            self.app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
        )
        self._loop.run_until_complete(self._server.startup())
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        assert self._thread is not None
        self._thread.join(timeout=5)
        self._loop.run_until_complete(self._server.close())
        self._loop.close()

    def request(
        self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> HttpReply:
        """One HTTP request to the server."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers or {})
            answer = connection.getresponse()
            return HttpReply(answer.status, {k.lower(): v for k, v in answer.getheaders()}, answer.read())
        finally:
            connection.close()

    def post_json(self, path: str, payload: Any, headers: dict[str, str] | None = None) -> HttpReply:
        """POST a JSON body."""
        return self.request(
            "POST",
            path,
            json.dumps(payload).encode(),
            {"Content-Type": "application/json", **(headers or {})},
        )

    def post_twilio(
        self, path: str, params: dict[str, str], signature: str | None = None, token: str = TOKEN
    ) -> HttpReply:
        """POST a form as Twilio would, signed against BASE_URL + path unless `signature` is given."""
        body = urlencode(params).encode()
        if signature is None:
            signature = RequestValidator(token).compute_signature(BASE_URL + path, params)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
        return self.request("POST", path, body, headers)
