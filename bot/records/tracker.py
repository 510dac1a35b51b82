"""Reading and deleting conversations in Rasa's SQL tracker store (its `events` table).

Rasa keeps every message there and has no delete API, so retention and erasure are ours.
The table is Rasa's: `events(id, sender_id, type_name, timestamp, intent_name, action_name,
data)`. `data` is the event as JSON, or (with our encrypting tracker store) an `enc1:` token
of that JSON. Every statement is built with SQLAlchemy and bound parameters.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import (
    Engine,
    Float,
    Integer,
    String,
    Text,
    column,
    create_engine,
    func,
    inspect,
    select,
    table,
)
from sqlalchemy.engine import make_url

from bot.crypto import FieldCipher, MissingKeyError, is_encrypted
from bot.records.views import ConversationSummary, Turn

log = logging.getLogger(__name__)

EVENTS = table(
    "events",
    column("id", Integer),
    column("sender_id", String),
    column("type_name", String),
    column("timestamp", Float),
    column("data", Text),
)
_CHUNK = 500  # ids per IN (...) list: well under every database's parameter limit
TrackerSource = str | Engine | None


def _sqlite_file_missing(url: str) -> bool:
    parsed = make_url(url)
    if not parsed.drivername.startswith("sqlite"):
        return False
    database = parsed.database
    return not database or (database != ":memory:" and not Path(database).expanduser().exists())


@contextmanager
def tracker_engine(tracker: TrackerSource) -> Iterator[Engine | None]:
    """An engine on the tracker store that has an `events` table, or None when there is none yet.

    Give a URL (an engine is made and disposed of) or an engine you own (it is left open).
    """
    if tracker is None or tracker == "":
        yield None
        return
    if isinstance(tracker, Engine):
        yield tracker if inspect(tracker).has_table("events") else None
        return
    if _sqlite_file_missing(tracker):
        yield None  # don't create an empty database file just to look into it
        return
    connect_args = {"timeout": 15} if tracker.startswith("sqlite") else {}
    engine = create_engine(tracker, connect_args=connect_args)
    try:
        yield engine if inspect(engine).has_table("events") else None
    finally:
        engine.dispose()


def _when(timestamp: float | None) -> datetime | None:
    return datetime.fromtimestamp(timestamp, tz=timezone.utc) if timestamp is not None else None


def read_transcript(tracker: TrackerSource, conversation_id: str, cipher: FieldCipher | None) -> list[Turn]:
    """What the person and the bot said in a conversation, oldest first (decrypting as needed)."""
    query = (
        select(EVENTS.c.type_name, EVENTS.c.timestamp, EVENTS.c.data)
        .where(EVENTS.c.sender_id == conversation_id, EVENTS.c.type_name.in_(("user", "bot")))
        .order_by(EVENTS.c.id)
    )
    turns: list[Turn] = []
    with tracker_engine(tracker) as engine:
        if engine is None:
            return turns
        with engine.connect() as connection:
            rows = connection.execute(query).all()
    for type_name, timestamp, data in rows:
        if not data:
            continue
        if is_encrypted(data):
            if cipher is None:
                raise MissingKeyError("the transcript is encrypted and no field encryption key is configured")
            data = cipher.decrypt(data)
        try:
            event = json.loads(data)
        except ValueError:
            log.warning("skipped an unreadable tracker event (type %s)", type_name)
            continue
        text = event.get("text")
        if text:
            at = _when(timestamp if timestamp is not None else event.get("timestamp"))
            turns.append(Turn(at=at, speaker=type_name, text=str(text)))
    return turns


def list_conversations(
    tracker: TrackerSource, *, since: datetime | None = None, limit: int = 100, offset: int = 0
) -> list[ConversationSummary]:
    """Every conversation (sender id) with its first and last event times and event count, latest first."""
    last = func.max(EVENTS.c.timestamp)
    query = select(EVENTS.c.sender_id, func.min(EVENTS.c.timestamp), last, func.count()).group_by(
        EVENTS.c.sender_id
    )
    if since is not None:
        query = query.having(last >= since.timestamp())
    query = query.order_by(last.desc(), EVENTS.c.sender_id).limit(limit).offset(offset)
    with tracker_engine(tracker) as engine:
        if engine is None:
            return []
        with engine.connect() as connection:
            rows = connection.execute(query).all()
    return [
        ConversationSummary(
            conversation_id=sender, first_at=_when(first), last_at=_when(latest), event_count=count
        )
        for sender, first, latest, count in rows
    ]


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def count_events(engine: Engine, conversation_ids: Iterable[str]) -> dict[str, int]:
    """How many events each of these conversations has (those with none are left out)."""
    wanted = sorted(set(conversation_ids))
    counts: dict[str, int] = {}
    with engine.connect() as connection:
        for chunk in _chunks(wanted):
            query = (
                select(EVENTS.c.sender_id, func.count())
                .where(EVENTS.c.sender_id.in_(chunk))
                .group_by(EVENTS.c.sender_id)
            )
            counts.update({sender: count for sender, count in connection.execute(query)})
    return counts


def delete_conversations(engine: Engine, conversation_ids: Iterable[str]) -> int:
    """Delete every event of these conversations; returns how many events went."""
    deleted = 0
    with engine.begin() as connection:
        for chunk in _chunks(sorted(set(conversation_ids))):
            deleted += connection.execute(EVENTS.delete().where(EVENTS.c.sender_id.in_(chunk))).rowcount
    return deleted


def conversations_idle_since(engine: Engine, cutoff: datetime) -> dict[str, int]:
    """Conversations whose last event is older than `cutoff`, with their event counts."""
    query = (
        select(EVENTS.c.sender_id, func.count())
        .group_by(EVENTS.c.sender_id)
        .having(func.max(EVENTS.c.timestamp) < cutoff.timestamp())
    )
    with engine.connect() as connection:
        return {sender: count for sender, count in connection.execute(query)}


def rotate_events(engine: Engine, cipher: FieldCipher) -> int:
    """Re-encrypt every encrypted event with the newest key; returns how many were rewritten."""
    rewritten = 0
    last_id = 0
    while True:
        with engine.begin() as connection:
            rows = connection.execute(
                select(EVENTS.c.id, EVENTS.c.data)
                .where(EVENTS.c.id > last_id, EVENTS.c.data.like("enc1:%"))
                .order_by(EVENTS.c.id)
                .limit(_CHUNK)
            ).all()
            for event_id, data in rows:
                connection.execute(
                    EVENTS.update().where(EVENTS.c.id == event_id).values(data=cipher.rotate(data))
                )
        if not rows:
            return rewritten
        rewritten += len(rows)
        last_id = rows[-1][0]
