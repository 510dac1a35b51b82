"""Web chat channel: the page at `GET /webhooks/webchat/` and its small JSON API.

- `POST session`  → a new server-issued session (signed token) and the assistant's greeting;
- `POST message`  → one turn (`Authorization: Bearer <token>`), with a renewed token;
- `POST end`      → revokes the session (the page's quick exit calls it).

The page and its assets come from `webchat_static/`, served with a strict
Content-Security-Policy and `no-store`: no third-party assets, no inline script, nothing
kept by the browser beyond memory.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.inbound import InboundKind, prepare_inbound_off_loop
from bot.channels.safety import SafetyTexts, load_safety_texts
from bot.channels.turn import OnNewMessage, run_turn
from bot.channels.webchat_sessions import WebChatSession, WebChatSessions
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "webchat_static"
ASSETS = {"chat.js": "text/javascript; charset=utf-8", "chat.css": "text/css; charset=utf-8"}
OPENING_TEXT = "hello"  # what Rasa receives when a chat opens, so the assistant greets first
DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"  # a neutral, common site (QUICK_EXIT_URL)
# Room for a message far over the cap (so it gets the kind reply), but not for abuse.
MAX_BODY_BYTES = 512 * 1024

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}


def _secure(reply: HTTPResponse) -> HTTPResponse:
    for name, value in SECURITY_HEADERS.items():
        reply.headers[name] = value
    return reply


def _json(body: Any, status: int = 200) -> HTTPResponse:
    return _secure(response.json(body, status=status))


def for_browser(messages: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only text and buttons reach the page (no images or custom payloads from elsewhere)."""
    shown: list[dict[str, Any]] = []
    for message in messages:
        item: dict[str, Any] = {"text": str(message.get("text") or "")}
        buttons = [
            {
                "title": str(b.get("title") or b.get("payload") or ""),
                "payload": str(b.get("payload") or b.get("title") or ""),
            }
            for b in message.get("buttons") or []
        ]
        if buttons:
            item["buttons"] = buttons
        if item["text"] or buttons:
            shown.append(item)
    return shown


class WebChatInput(InputChannel):
    """The public web chat: server-issued sessions, our inbound rules, failing safe."""

    @classmethod
    def name(cls) -> str:
        """The channel's name and URL prefix."""
        return "webchat"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build from settings; tests may pass `settings`, `safety` and `exit_url` in `credentials`."""
        credentials = credentials or {}
        return cls(
            credentials.get("settings") or get_settings(),
            credentials.get("safety"),
            credentials.get("exit_url"),
        )

    def __init__(
        self, settings: Settings, safety: SafetyTexts | None = None, exit_url: str | None = None
    ) -> None:
        self.settings = settings
        self.safety = safety or load_safety_texts()
        self.exit_url = exit_url or settings.quick_exit_url or DEFAULT_EXIT_URL
        self.sessions = WebChatSessions(settings.webchat_secret, settings.webchat_session_minutes)
        self.page = self._render_page()

    def _render_page(self) -> str:
        monitoring = (
            "A member of staff may read this chat while it happens."
            if self.settings.live_monitoring
            else "This is an automated assistant: nobody reads this chat while it happens."
        )
        values = {
            "banner": self.safety.emergency_banner,
            "exit_url": self.exit_url,
            "monitoring": monitoring,
            "max_chars": str(self.settings.max_message_chars),
        }
        page = (STATIC_DIR / "index.html").read_text(encoding="utf-8")
        for name, value in values.items():
            page = page.replace("{{" + name + "}}", html.escape(value, quote=True))
        return page

    def _session_from(self, request: Request) -> WebChatSession | None:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        return self.sessions.verify(token)

    def _same_origin(self, request: Request) -> bool:
        # The API is bearer-token based (no cookies), so this is defence in depth: other
        # sites' pages may not drive it from a visitor's browser.
        origin = request.headers.get("origin")
        if not origin:
            return True
        allowed = {f"{request.scheme}://{request.host}"}
        if self.settings.public_base_url:
            parts = urlsplit(self.settings.public_base_url)
            allowed.add(f"{parts.scheme}://{parts.netloc}")
        return origin in allowed

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The page, its assets and the API."""
        hook = Blueprint("stalkbot_webchat", __name__)

        @hook.route("/", methods=["GET"])
        async def page(request: Request) -> HTTPResponse:
            if not request.path.endswith("/"):
                # The page's asset and API paths are relative to the trailing slash.
                return _secure(response.redirect(request.path + "/"))
            return _secure(response.html(self.page))

        @hook.route("/static/<asset:str>", methods=["GET"])
        async def static(_: Request, asset: str) -> HTTPResponse:
            if asset not in ASSETS:
                return _secure(response.text("Not found", status=404))
            body = (STATIC_DIR / asset).read_text(encoding="utf-8")
            return _secure(response.text(body, content_type=ASSETS[asset]))

        @hook.route("/session", methods=["POST"])
        async def start(request: Request) -> HTTPResponse:
            if not self._same_origin(request):
                return _json({"error": "forbidden"}, 403)
            token, session = self.sessions.issue()
            messages = await self._turn(session, OPENING_TEXT, on_new_message)
            return _json({"token": token, "messages": messages})

        @hook.route("/message", methods=["POST"])
        async def message(request: Request) -> HTTPResponse:
            if not self._same_origin(request):
                return _json({"error": "forbidden"}, 403)
            session = self._session_from(request)
            if session is None:
                return _json({"error": "session_ended"}, 401)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return _json(
                    {"token": self.sessions.renew(session), "messages": [{"text": self.safety.too_long_text}]}
                )
            try:
                body = request.json
            except Exception:
                body = None
            text = body.get("message") if isinstance(body, dict) else None
            messages = await self._turn(session, text if isinstance(text, str) else "", on_new_message)
            return _json({"token": self.sessions.renew(session), "messages": messages})

        @hook.route("/end", methods=["POST"])
        async def end(request: Request) -> HTTPResponse:
            session = self._session_from(request)
            if session is not None:
                self.sessions.revoke(session)
            return _secure(response.empty())

        return hook

    async def _turn(
        self, session: WebChatSession, text: str, on_new_message: OnNewMessage
    ) -> list[dict[str, Any]]:
        inbound = await prepare_inbound_off_loop(text, self.settings.max_message_chars)
        if inbound.kind is InboundKind.WORDLESS:
            return [{"text": self.safety.wordless_text}]
        if inbound.kind is InboundKind.TOO_LONG:
            return [{"text": self.safety.too_long_text}]
        result = await run_turn(
            on_new_message,
            self.name(),
            session.conversation_id,
            inbound.text,
            self.settings.channel_turn_timeout_seconds,
        )
        shown = for_browser(result.messages) if not result.failed else []
        return shown or [{"text": self.safety.failure_text}]
