"""Conversation ids that carry no personal data."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import secrets

logger = logging.getLogger(__name__)


def lookup_key(configured: str) -> bytes:
    """The HMAC key for sender ids; a random per-process key (logged as a problem) when unset."""
    if configured:
        return configured.encode("utf-8")
    logger.error("channel.lookup_hash_key_missing: SMS conversations will not survive a restart")
    return secrets.token_bytes(32)


def sms_conversation_id(key: bytes, phone_number: str) -> str:
    """`sms-` + a keyed hash of the number: the same texter keeps one conversation, and the
    raw number never reaches the tracker store."""
    digest = hmac.new(key, phone_number.strip().encode("utf-8"), hashlib.sha256).hexdigest()
    return f"sms-{digest[:32]}"


def voice_conversation_id(call_sid: str) -> str:
    """`voice-<CallSid>`: one conversation per call, never per caller number (withheld
    callers all share one placeholder number)."""
    safe = re.sub(r"[^A-Za-z0-9]", "", call_sid)[:64]
    return f"voice-{safe}"
