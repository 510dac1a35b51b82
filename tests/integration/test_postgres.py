"""The production shape: records and tracker in PostgreSQL, locks in Redis."""

from __future__ import annotations

import sqlalchemy as sa

from bot.records import store
from bot.records.db import make_session_factory
from bot.settings import settings_from
from tests.integration.report_driver import complete_report


def test_a_whole_report_is_saved_in_postgresql(pg_stack):
    conversation = pg_stack.conversation()
    complete_report(conversation)
    [incident] = conversation.incidents()
    assert incident["suspect_relationship"] == "ex-partner"
    view = store.get_incident(make_session_factory(settings_from(pg_stack.env)), incident["reference"])
    assert view.fields["witnesses"]["value"] == "my flatmate saw him"
    assert pg_stack.env["DATABASE_URL"].startswith("postgresql")


def test_an_emergency_is_recorded_in_postgresql_at_once(pg_stack):
    conversation = pg_stack.conversation()
    assert "999" in conversation.say("he's in my garden now with a knife")
    [incident] = conversation.incidents()
    assert incident["risk_level"] == "emergency"


def test_the_tracker_lives_in_postgresql_encrypted(pg_stack):
    conversation = pg_stack.conversation()
    conversation.say("someone keeps leaving flowers at my door")
    engine = sa.create_engine(
        pg_stack.env["TRACKER_STORE_URL"].replace("postgresql://", "postgresql+psycopg2://")
    )
    with engine.connect() as conn:
        rows = (
            conn.execute(sa.text("SELECT data FROM events WHERE sender_id = :s"), {"s": conversation.sender})
            .scalars()
            .all()
        )
    engine.dispose()
    assert rows and all(row.startswith("enc1:") for row in rows)
