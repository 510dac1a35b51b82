"""Key rotation: re-encrypt every encrypted value with the newest field encryption key.

Works on the stored tokens directly (Fernet rotation), so values are never held in plain
text longer than one row, and legacy plain-text rows get encrypted on the way.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, Text, column, select, table
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import FieldCipher
from bot.records.audit import add_audit
from bot.records.db import engine_of, has_schema
from bot.records.models import Base
from bot.records.tracker import TrackerSource, rotate_events, tracker_engine
from bot.records.types import EncryptedJSON, EncryptedText, cipher_of


@dataclass(frozen=True)
class RotationCounts:
    """How many stored values were re-encrypted, in the records database and the tracker store."""

    record_values: int
    tracker_events: int


def encrypted_columns() -> list[tuple[str, str]]:
    """Every (table, column) of the records schema that is stored encrypted."""
    return [
        (tbl.name, col.name)
        for tbl in Base.metadata.sorted_tables
        for col in tbl.columns
        if isinstance(col.type, (EncryptedText, EncryptedJSON))
    ]


def rotate_keys(
    session_factory: sessionmaker[Session],
    *,
    tracker_store_url: TrackerSource,
    actor: str,
    cipher: FieldCipher | None = None,
) -> RotationCounts:
    """Re-encrypt all encrypted record columns (one transaction) and encrypted tracker events."""
    engine = engine_of(session_factory)
    cipher = cipher or cipher_of(engine.dialect)
    rewritten = 0
    if has_schema(engine):
        with session_factory.begin() as session:
            for table_name, column_name in encrypted_columns():
                # Plain Text columns here, so we see and write the stored tokens, not plaintext.
                raw = table(table_name, column("id", Integer), column(column_name, Text))
                value_column = raw.c[column_name]
                rows = session.execute(select(raw.c.id, value_column).where(value_column.is_not(None))).all()
                for row_id, token in rows:
                    session.execute(
                        raw.update().where(raw.c.id == row_id).values({column_name: cipher.rotate(token)})
                    )
                rewritten += len(rows)
            add_audit(session, actor, "rotate_keys", detail={"record_values": rewritten})
    with tracker_engine(tracker_store_url) as tracker:
        events = rotate_events(tracker, cipher) if tracker is not None else 0
    return RotationCounts(record_values=rewritten, tracker_events=events)
