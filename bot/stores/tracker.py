"""The SQL tracker store, with every event's data encrypted at rest.

Rasa's stock `SQLTrackerStore` keeps each message in plain text in the `events` table.
This subclass stores `data` as a Fernet token (`bot.crypto`, same keys as the incident
records) and reads both tokens and legacy plain JSON. The columns Rasa uses for queries
(`sender_id`, `type_name`, `timestamp`, `intent_name`, `action_name`) stay plain: they
hold no words of the user's. Endpoint config: `type: bot.stores.tracker.EncryptedSQLTrackerStore`,
`url: ${TRACKER_STORE_URL}` (any SQLAlchemy URL: SQLite file or PostgreSQL).
"""

from __future__ import annotations

import itertools
import json
import logging
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import event

from bot.crypto import FieldCipher, cipher_from_settings, is_encrypted
from bot.settings import get_settings

logger = logging.getLogger(__name__)


class EncryptedSQLTrackerStore(SQLTrackerStore):
    """`SQLTrackerStore` whose `events.data` column is encrypted."""

    def __init__(self, domain=None, host: str | None = None, event_broker=None, **kwargs: Any) -> None:
        url = host or get_settings().tracker_store_url
        if url.startswith("sqlite:///"):
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        self.cipher: FieldCipher = cipher_from_settings(get_settings())
        super().__init__(domain=domain, host=url, event_broker=event_broker, **kwargs)
        if self.engine.dialect.name == "sqlite":
            _tune_sqlite(self.engine)

    def _decode(self, stored: str) -> dict:
        return json.loads(self.cipher.decrypt(stored) if is_encrypted(stored) else stored)

    async def _retrieve(
        self, sender_id: str, fetch_events_from_all_sessions: bool
    ) -> DialogueStateTracker | None:
        with self.session_scope() as session:
            rows = self._event_query(session, sender_id, fetch_events_from_all_sessions).all()
            events = [self._decode(row.data) for row in rows]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Store the events not stored yet, each with its data encrypted."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = self._event_query(
                session, tracker.sender_id, fetch_events_from_all_sessions=False
            ).count()
            for event in itertools.islice(tracker.events, stored, len(tracker.events)):
                data = event.as_dict()
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=event.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=self.cipher.encrypt(json.dumps(data)),
                    )
                )
            session.commit()


def _tune_sqlite(engine) -> None:
    """WAL and normal sync: Rasa commits every turn synchronously on its event loop.

    In WAL mode a commit appends to the log without waiting for the disk each time (still
    durable across an application crash; the embedded default, not the production store).
    """

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()

    engine.dispose()  # connections made before the listener get the settings too
