"""The audit log is append-only in the database itself, and the schema can be created twice."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from bot.records import store
from bot.records.db import create_schema, engine_of


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_events SET actor = 'someone-else'",
        "DELETE FROM audit_events",
        "DELETE FROM audit_events WHERE action = 'view_incident'",
    ],
)
def test_audit_entries_cannot_be_changed_or_deleted(sf: sessionmaker[Session], statement: str) -> None:
    store.audit(sf, "handler:alice", "view_incident", "SK-00000000", {"section": "record"})
    with pytest.raises(DatabaseError, match="append-only"), engine_of(sf).begin() as connection:
        connection.execute(text(statement))
    entries = store.list_audit(sf)
    assert [(entry.actor, entry.action) for entry in entries] == [("handler:alice", "view_incident")]


def test_postgres_audit_log_cannot_be_truncated(sf: sessionmaker[Session]) -> None:
    engine = engine_of(sf)
    if engine.dialect.name != "postgresql":
        pytest.skip("TRUNCATE is PostgreSQL only")
    store.audit(sf, "cli", "export", None, {"count": 0})
    with pytest.raises(DatabaseError, match="append-only"), engine.begin() as connection:
        connection.execute(text("TRUNCATE audit_events"))
    assert len(store.list_audit(sf)) == 1


def test_create_schema_twice_keeps_data_and_triggers(sf: sessionmaker[Session]) -> None:
    store.audit(sf, "cli", "export", None, {"count": 0})
    create_schema(engine_of(sf))
    assert len(store.list_audit(sf)) == 1
    with pytest.raises(DatabaseError), engine_of(sf).begin() as connection:
        connection.execute(text("DELETE FROM audit_events"))


def test_list_audit_filters_by_actor_and_action(sf: sessionmaker[Session]) -> None:
    store.audit(sf, "handler:alice", "view_incident", "SK-00000001")
    store.audit(sf, "handler:bob", "view_incident", "SK-00000002")
    store.audit(sf, "handler:alice", "view_transcript", "SK-00000001")
    assert [e.incident_reference for e in store.list_audit(sf, actor="handler:bob")] == ["SK-00000002"]
    assert [e.action for e in store.list_audit(sf, actor="handler:alice")] == [
        "view_transcript",
        "view_incident",
    ]
    assert len(store.list_audit(sf, action="view_incident")) == 2
