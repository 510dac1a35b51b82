"""What every action needs from the tracker and the environment, in one place."""

from __future__ import annotations

import logging
from datetime import datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from rasa_sdk import Tracker
from sqlalchemy.orm import Session, sessionmaker

from bot.records.db import create_schema, engine_of, make_session_factory
from bot.settings import get_settings

logger = logging.getLogger(__name__)

LONDON = ZoneInfo("Europe/London")
CHANNELS = {"rest", "webchat", "sms", "voice"}


def now() -> datetime:
    """The time in the UK (the helpline's hours are UK time)."""
    return datetime.now(LONDON)


def channel_of(tracker: Tracker) -> str:
    """The channel this conversation came in on (`rest` if unknown)."""
    name = tracker.get_latest_input_channel() or ""
    return name if name in CHANNELS else "rest"


def text_style(tracker: Tracker) -> str:
    """How replies are rendered on this channel: `text`, `sms` or `voice`."""
    return {"sms": "sms", "voice": "voice"}.get(channel_of(tracker), "text")


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


def latest_intent(tracker: Tracker) -> str | None:
    return (tracker.latest_message.get("intent") or {}).get("name")


def session_key(tracker: Tracker) -> str:
    """Identifies this conversation session: one incident per session, so saving is idempotent."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return f"{event.get('timestamp', 0):.6f}"
    return "0"


def transcript(tracker: Tracker) -> list[dict[str, Any]]:
    """The session's messages, as the record's transcript snapshot."""
    turns: list[dict[str, Any]] = []
    for event in tracker.events:
        kind = event.get("event")
        if kind == "session_started":
            turns = []
        elif kind in ("user", "bot") and event.get("text"):
            at = datetime.fromtimestamp(float(event.get("timestamp") or 0), LONDON).isoformat()
            turns.append({"at": at, "speaker": kind, "text": str(event["text"])})
    return turns


@lru_cache(maxsize=1)
def records() -> sessionmaker[Session]:
    """The records database's session factory, made once per process; the schema is ensured."""
    factory = make_session_factory(get_settings())
    create_schema(engine_of(factory))
    return factory
