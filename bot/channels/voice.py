"""Twilio voice channel: `POST /webhooks/voice/webhook`.

Signed requests only. One conversation per CallSid. Every prompt is a
`<Gather input="dtmf speech" language="en-GB">` with a British voice, so each answer can be
spoken or keyed. The Gather's `action` URL carries, signed by Twilio along with the rest:
the turn number (so a replayed request is recognised), how many silences in a row, and the
options the assistant offered (so "press 1" maps back to an option with no server state).
"""

from __future__ import annotations

import base64
import json
import logging
from typing import Any
from urllib.parse import urlencode

from rasa.core.channels.channel import InputChannel
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.twiml.voice_response import Gather, VoiceResponse

from bot.channels.inbound import InboundKind, prepare_inbound_off_loop
from bot.channels.replies import button_titles, custom_voice_action
from bot.channels.safety import SafetyTexts, load_safety_texts
from bot.channels.sender_ids import voice_conversation_id
from bot.channels.turn import OnNewMessage, TurnResult, run_turn
from bot.channels.twilio_auth import ReplayGuard, first, form_params, is_signed_by_twilio
from bot.channels.voice_text import keypad_menu, speakable
from bot.settings import Settings, get_settings

logger = logging.getLogger(__name__)

VOICE = "Polly.Amy"  # British English
LANGUAGE = "en-GB"
MAX_SILENCES = 2  # re-prompts before reading the numbers and ending the call
OPENING_TEXT = "hello"  # what Rasa receives when a call connects, so it greets and asks first
CANNOT_SPEAK_TEXT = "I cannot speak safely right now"  # the opening's "press 0" route
ENDED_STATUSES = {"completed", "canceled", "failed", "busy", "no-answer"}
PATH = "/webhooks/voice/webhook"


def _encode_options(options: list[str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(options).encode("utf-8")).decode("ascii")


def _decode_options(raw: str) -> list[str]:
    try:
        options = json.loads(base64.urlsafe_b64decode(raw.encode("ascii")))
    except (ValueError, TypeError):
        return []
    return [str(o) for o in options][:9] if isinstance(options, list) else []


def _int_arg(request: Request, name: str) -> int:
    try:
        return max(0, int(request.args.get(name, "0")))
    except ValueError:
        return 0


def twiml(reply: VoiceResponse) -> HTTPResponse:
    """A 200 TwiML answer."""
    return response.text(str(reply), content_type="text/xml; charset=utf-8")


class TwilioVoiceInput(InputChannel):
    """Our phone channel (replaces Rasa's stock `twilio_voice`)."""

    @classmethod
    def name(cls) -> str:
        """The channel's name and URL prefix."""
        return "voice"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> InputChannel:
        """Build from settings; tests may pass `settings` and `safety` in `credentials`."""
        credentials = credentials or {}
        return cls(credentials.get("settings") or get_settings(), credentials.get("safety"))

    def __init__(self, settings: Settings, safety: SafetyTexts | None = None) -> None:
        self.settings = settings
        self.safety = safety or load_safety_texts()
        self.replays = ReplayGuard()
        if not settings.twilio_auth_token:
            logger.error("voice.no_auth_token: every request will be refused")

    def action_url(self, turn: int, silences: int = 0, options: list[str] | None = None) -> str:
        """Where the next Gather posts: absolute when PUBLIC_BASE_URL is set."""
        query: dict[str, str | int] = {"turn": turn}
        if silences:
            query["silence"] = silences
        if options:
            query["opts"] = _encode_options(options)
        return f"{self.settings.public_base_url.rstrip('/')}{PATH}?{urlencode(query)}"

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """The webhook routes."""
        hook = Blueprint("stalkbot_voice", __name__)

        @hook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @hook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            params = form_params(request)
            if not is_signed_by_twilio(request, params, self.settings):
                logger.warning("voice.rejected reason=signature")
                return response.text("Forbidden", status=403)
            try:
                return await self._answer(request, params, on_new_message)
            except Exception as error:
                logger.error("voice.failed error=%s", type(error).__name__)
                return twiml(self._gather([self.safety.failure_voice], _int_arg(request, "turn") + 1))

        return hook

    def _gather(
        self, sayings: list[str], turn: int, silences: int = 0, options: list[str] | None = None
    ) -> VoiceResponse:
        reply = VoiceResponse()
        gather = Gather(
            input="dtmf speech",
            language=LANGUAGE,
            action=self.action_url(turn, silences, options),
            method="POST",
            action_on_empty_result=True,
            timeout=6,
            speech_timeout="auto",
            num_digits=1 if options else None,
        )
        for saying in sayings:
            gather.say(saying, voice=VOICE, language=LANGUAGE)
        reply.append(gather)
        return reply

    def _goodbye(self, sayings: list[str]) -> VoiceResponse:
        reply = VoiceResponse()
        for saying in sayings:
            reply.say(saying, voice=VOICE, language=LANGUAGE)
        reply.hangup()
        return reply

    async def _answer(
        self, request: Request, params: dict[str, list[str]], on_new_message: OnNewMessage
    ) -> HTTPResponse:
        if first(params, "CallStatus") in ENDED_STATUSES:
            return twiml(VoiceResponse())  # a status callback: the call is over, nothing to say
        turn = _int_arg(request, "turn")
        silences = _int_arg(request, "silence")
        options = _decode_options(request.args.get("opts", ""))
        call_sid = first(params, "CallSid")
        signature = request.headers.get("x-twilio-signature", "")
        if not call_sid:
            return twiml(self._goodbye([self.safety.failure_voice]))
        if not self.replays.first_time(f"voice:{signature}"):
            logger.info("voice.duplicate_ignored")
            return twiml(
                self._gather([self.safety.voice_reprompt, keypad_menu(options)], turn + 1, silences, options)
            )

        digits = first(params, "Digits").strip()
        speech = first(params, "SpeechResult")
        opening = turn == 0 and not digits and not speech
        if opening:
            text = OPENING_TEXT
        elif digits:
            text = self._text_for_digits(digits, options)
        else:
            text = speech
        inbound = await prepare_inbound_off_loop(text, self.settings.max_message_chars)
        if inbound.kind is InboundKind.WORDLESS:
            return twiml(self._silence(turn, silences, options))
        if inbound.kind is InboundKind.TOO_LONG:
            return twiml(self._gather([self.safety.too_long_text], turn + 1, 0, options))

        result = await run_turn(
            on_new_message,
            self.name(),
            voice_conversation_id(call_sid),
            inbound.text,
            self.settings.channel_turn_timeout_seconds,
        )
        prefix = [self.safety.voice_opening] if opening else []
        return twiml(self._reply(prefix, result, turn + 1))

    @staticmethod
    def _text_for_digits(digits: str, options: list[str]) -> str:
        if options and digits.isdigit() and 1 <= int(digits) <= len(options):
            return options[int(digits) - 1]
        if digits == "0":
            return CANNOT_SPEAK_TEXT
        return digits.strip("#*")

    def _silence(self, turn: int, silences: int, options: list[str]) -> VoiceResponse:
        if silences >= MAX_SILENCES:
            logger.info("voice.ended_after_silence")
            return self._goodbye([self.safety.voice_goodbye])
        sayings = [self.safety.voice_reprompt, keypad_menu(options)]
        return self._gather([s for s in sayings if s], turn + 1, silences + 1, options)

    def _reply(self, prefix: list[str], result: TurnResult, next_turn: int) -> VoiceResponse:
        if result.failed:
            return self._gather([*prefix, self.safety.failure_voice], next_turn)
        sayings = list(prefix)
        options: list[str] = []
        for message in result.messages:
            if message.get("text"):
                sayings.append(speakable(str(message["text"])))
            titles = [speakable(t) for t in button_titles(message)]
            if titles:
                options = [str(b.get("payload") or b.get("title") or "") for b in message["buttons"]][:9]
                sayings.append(keypad_menu(titles[:9]))
        sayings = [s for s in sayings if s]
        action = custom_voice_action(result.messages)
        if action == "hangup":
            return self._goodbye(sayings)
        if action == "dial":
            return self._dial(sayings, next_turn)
        return self._gather(sayings, next_turn, 0, options)

    def _dial(self, sayings: list[str], next_turn: int) -> VoiceResponse:
        number = self.settings.staffed_line_number
        if not number:
            helpline = f"You can call the helpline on {self.safety.helpline_said}."
            return self._gather([*sayings, helpline], next_turn)
        reply = VoiceResponse()
        for saying in sayings:
            reply.say(saying, voice=VOICE, language=LANGUAGE)
        reply.dial(number, timeout=30)
        # Reached only if the transfer was not answered or has ended.
        reply.say(self.safety.numbers_voice, voice=VOICE, language=LANGUAGE)
        reply.hangup()
        return reply
