"""Twilio SMS channel: `POST /webhooks/sms/webhook`, replying in the webhook's TwiML.

Signed requests only (403 otherwise, nothing processed); a MessageSid is answered once;
the conversation id is a keyed hash of the sender's number; any failure answers with the
static safety message. Configure Twilio's Advanced Opt-Out for STOP/HELP (see README.md).
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.twiml.messaging_response import MessagingResponse

from bot.channels.inbound import InboundKind, has_words, prepare_inbound_off_loop
from bot.channels.replies import texts_for_sms
from bot.channels.safety import SafetyTexts, load_safety_texts
from bot.channels.sender_ids import lookup_key, sms_conversation_id
from bot.channels.sms_text import sms_parts, to_gsm7
from bot.channels.turn import OnNewMessage, run_turn
from bot.channels.twilio_auth import ReplayGuard, first, form_params, is_signed_by_twilio
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)

# Twilio's opt-out keywords: Twilio answers them itself and blocks our replies afterwards, so
# they are not conversation turns. Opt-in words (START, YES, UNSTOP) are NOT listed: "yes" is
# an ordinary answer here and must reach the assistant.
OPT_OUT_WORDS = {"stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"}
HELP_WORDS = {"help", "info"}


def twiml(parts: list[str]) -> HTTPResponse:
    """A 200 TwiML reply with one <Message> per part (an empty <Response/> when none)."""
    reply = MessagingResponse()
    for part in parts:
        reply.message(part)
    return response.text(str(reply), content_type="text/xml; charset=utf-8")


class TwilioSmsInput(InputChannel):
    """Our SMS channel (replaces Rasa's stock `twilio`, which checks no signature)."""

    @classmethod
    def name(cls) -> str:
        """The channel's name and URL prefix."""
        return "sms"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build from settings; tests may pass `settings` and `safety` in `credentials`."""
        credentials = credentials or {}
        return cls(credentials.get("settings") or get_settings(), credentials.get("safety"))

    def __init__(self, settings: Settings, safety: SafetyTexts | None = None) -> None:
        self.settings = settings
        self.safety = safety or load_safety_texts()
        self.replays = ReplayGuard()
        self._key = lookup_key(settings.lookup_hash_key)
        if not settings.twilio_auth_token:
            logger.error("sms.no_auth_token: every request will be refused")

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The webhook routes."""
        hook = Blueprint("stalkbot_sms", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            params = form_params(request)
            if not is_signed_by_twilio(request, params, self.settings):
                logger.warning("sms.rejected reason=signature")
                return response.text("Forbidden", status=403)
            try:
                return await self._answer(params, on_new_message)
            except Exception as error:
                logger.error("sms.failed error=%s", type(error).__name__)
                return twiml([to_gsm7(self.safety.failure_text)])

        return hook

    async def _answer(self, params: dict[str, list[str]], on_new_message: OnNewMessage) -> HTTPResponse:
        message_sid = first(params, "MessageSid") or first(params, "SmsSid")
        if message_sid and not self.replays.first_time(f"sms:{message_sid}"):
            logger.info("sms.duplicate_ignored")
            return twiml([])
        body = first(params, "Body")
        keyword = body.strip().lower()
        if keyword in OPT_OUT_WORDS:
            return twiml([])
        if keyword in HELP_WORDS:
            return twiml(sms_parts([self.safety.sms_help_text]))
        media_count = first(params, "NumMedia")
        if not has_words(body) and media_count not in ("", "0"):
            return twiml(sms_parts([self.safety.media_only_text]))
        inbound = await prepare_inbound_off_loop(body, self.settings.max_message_chars)
        if inbound.kind is InboundKind.WORDLESS:
            return twiml(sms_parts([self.safety.wordless_text]))
        if inbound.kind is InboundKind.TOO_LONG:
            return twiml(sms_parts([self.safety.too_long_text]))
        sender = first(params, "From") or f"unknown:{message_sid}"
        result = await run_turn(
            on_new_message,
            self.name(),
            sms_conversation_id(self._key, sender),
            inbound.text,
            self.settings.channel_turn_timeout_seconds,
        )
        parts = sms_parts(texts_for_sms(result.messages)) if not result.failed else []
        return twiml(parts or sms_parts([self.safety.failure_text]))
