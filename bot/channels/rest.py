"""Local REST channel for testing: `POST /webhooks/rest/webhook` with `{"sender", "message"}`.

It trusts the `sender` it is given, so it answers only requests made on this machine: the
peer address must be loopback and no proxy header may be present (a reverse proxy on the
same machine would make every outside request look local).
"""

from __future__ import annotations

import ipaddress
import logging
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.inbound import InboundKind, prepare_inbound_off_loop
from bot.channels.safety import SafetyTexts, load_safety_texts
from bot.channels.turn import OnNewMessage, run_turn
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)

PROXY_HEADERS = ("forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip")
MAX_SENDER_CHARS = 128


def is_loopback(address: str) -> bool:
    """True for 127.0.0.0/8, ::1 and IPv4-mapped loopback; False for anything unparsable."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return bool(ip.is_loopback or (mapped is not None and mapped.is_loopback))


def is_local_request(request: Request) -> bool:
    """A request made on this machine, not relayed by a proxy."""
    peer = request.conn_info.client_ip if request.conn_info else ""
    return is_loopback(peer) and not any(h in request.headers for h in PROXY_HEADERS)


class LocalRestInput(InputChannel):
    """Rasa's REST contract for local tools and tests, with our inbound rules and failing safe."""

    @classmethod
    def name(cls) -> str:
        """The channel's name and URL prefix."""
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build from settings; tests may pass `settings` and `safety` in `credentials`."""
        credentials = credentials or {}
        return cls(credentials.get("settings") or get_settings(), credentials.get("safety"))

    def __init__(self, settings: Settings, safety: SafetyTexts | None = None) -> None:
        self.settings = settings
        self.safety = safety or load_safety_texts()

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The webhook routes."""
        hook = Blueprint("stalkbot_rest", __name__)

        @hook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            if not is_local_request(request):
                return response.json({"error": "local requests only"}, status=403)
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not is_local_request(request):
                logger.warning("rest.rejected reason=not_local")
                return response.json({"error": "local requests only"}, status=403)
            try:
                body = request.json
            except Exception:
                body = None
            if not isinstance(body, dict):
                return response.json({"error": "expected a JSON object"}, status=400)
            sender = body.get("sender")
            if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
                return response.json({"error": "sender must be a short string"}, status=400)
            message = body.get("message")
            return response.json(
                await self._answer(sender, message if isinstance(message, str) else "", on_new_message)
            )

        return hook

    async def _answer(self, sender: str, message: str, on_new_message: OnNewMessage) -> list[dict[str, Any]]:
        inbound = await prepare_inbound_off_loop(message, self.settings.max_message_chars)
        if inbound.kind is InboundKind.WORDLESS:
            return [{"recipient_id": sender, "text": self.safety.wordless_text}]
        if inbound.kind is InboundKind.TOO_LONG:
            return [{"recipient_id": sender, "text": self.safety.too_long_text}]
        result = await run_turn(
            on_new_message, self.name(), sender, inbound.text, self.settings.channel_turn_timeout_seconds
        )
        if result.failed:
            return [{"recipient_id": sender, "text": self.safety.failure_text}]
        return result.messages
