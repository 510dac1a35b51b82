"""Helpers for the records tests: Rasa's events table, events, times, a typical report."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Column, Engine, Float, Integer, MetaData, Sequence, String, Table, Text

# Rasa 3.6's SQLTrackerStore.SQLEvent, reproduced with SQLAlchemy 2 (rasa is not importable here).
RASA_METADATA = MetaData()
RASA_EVENTS = Table(
    "events",
    RASA_METADATA,
    Column("id", Integer, Sequence("events_seq"), primary_key=True),
    Column("sender_id", String(255), nullable=False, index=True),
    Column("type_name", String(255), nullable=False),
    Column("timestamp", Float),
    Column("intent_name", String(255)),
    Column("action_name", String(255)),
    Column("data", Text),
)


def add_events(engine: Engine, sender_id: str, events: list[tuple[str, float, Any]]) -> None:
    """Append (type_name, unix timestamp, data) events; data dicts are stored as JSON text, strings as given."""
    with engine.begin() as connection:
        for type_name, timestamp, data in events:
            connection.execute(
                RASA_EVENTS.insert().values(
                    sender_id=sender_id,
                    type_name=type_name,
                    timestamp=timestamp,
                    data=data if isinstance(data, str) else json.dumps(data),
                )
            )


def count_events(engine: Engine, sender_id: str) -> int:
    with engine.connect() as connection:
        return len(connection.execute(RASA_EVENTS.select().where(RASA_EVENTS.c.sender_id == sender_id)).all())


def ts(year: int, month: int, day: int, hour: int = 12) -> datetime:
    """A UTC moment."""
    return datetime(year, month, day, hour, tzinfo=timezone.utc)


def report_kwargs(**overrides: Any) -> dict[str, Any]:
    """Arguments for save_report: a typical standard-risk web chat report, overridable."""
    values: dict[str, Any] = {
        "conversation_id": "conv-1",
        "session_key": "session-1",
        "channel": "webchat",
        "risk_level": "standard",
        "risk_reasons": ["repeated_contact"],
        "fields": {
            "narrative": {"value": "He keeps messaging me from new accounts", "source": "said"},
            "frequency": {"value": "daily", "source": "inferred"},
        },
        "reporter": "self",
        "suspect_relationship": "acquaintance",
        "nation": "england",
        "behaviours": ["contacting"],
        "advice_given": ["police_non_emergency", "stalking_helpline"],
        "consent_keep": True,
        "consent_share_police": True,
        "consent_contact": False,
        "transcript": [
            {"at": "2025-01-01T10:00:00+00:00", "speaker": "user", "text": "He keeps messaging me"},
            {"at": "2025-01-01T10:00:01+00:00", "speaker": "bot", "text": "I'm sorry. Are you safe now?"},
        ],
    }
    values.update(overrides)
    return values


def add_handler(session_factory: Any, username: str, *, active: bool = True) -> int:
    """Create a call handler directly (accounts are the review site's business); returns its id."""
    from bot.records.models import Handler

    with session_factory.begin() as session:
        handler = Handler(username=username, password_hash="x", role="handler", active=active)
        session.add(handler)
        session.flush()
        return handler.id
