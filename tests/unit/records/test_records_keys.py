"""Key rotation re-encrypts every stored encrypted value so old keys can be dropped."""

from __future__ import annotations

import json

import pytest
from records_helpers import add_events, add_handler, report_kwargs
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import CryptoError, FieldCipher, new_key
from bot.records import store
from bot.records.db import engine_of, make_session_factory
from bot.records.keys import encrypted_columns, rotate_keys


def test_encrypted_columns_cover_every_personal_field() -> None:
    assert set(encrypted_columns()) == {
        ("handlers", "totp_secret"),
        ("incidents", "danger_evidence"),
        ("incidents", "fields"),
        ("incidents", "transcript"),
        ("handler_notes", "body"),
    }


def test_rotation_lets_the_old_key_be_dropped(
    sf: sessionmaker[Session], db_url: str, key: str, tracker: Engine, tracker_url: str, cipher: FieldCipher
) -> None:
    saved = store.record_emergency(
        sf, conversation_id="conv-1", session_key="s", channel="sms", signals=[("weapon", "he has a knife")]
    )
    store.save_report(sf, **report_kwargs(session_key="s"))
    store.add_note(sf, saved.reference, handler_id=add_handler(sf, "alice"), body="note text")
    add_events(tracker, "conv-1", [("user", 1.0, cipher.encrypt(json.dumps({"text": "tracked words"})))])
    with engine_of(sf).connect() as connection:
        before = connection.execute(text("SELECT fields FROM incidents")).scalar_one()

    newest = new_key()
    rotating = make_session_factory(db_url, cipher=FieldCipher([newest, key]))
    counts = rotate_keys(rotating, tracker_store_url=tracker_url, actor="cli")
    engine_of(rotating).dispose()
    assert counts.record_values == 4  # fields, transcript, danger evidence, note
    assert counts.tracker_events == 1

    only_new = FieldCipher([newest])
    reader = make_session_factory(db_url, cipher=only_new)
    incident = store.get_incident(reader, saved.reference)
    assert incident.danger_evidence[0]["text"] == "he has a knife"
    assert incident.fields["narrative"]["value"] == "He keeps messaging me from new accounts"
    assert incident.notes[0].body == "note text"
    assert [turn.text for turn in store.read_transcript(tracker_url, "conv-1", only_new)] == ["tracked words"]
    assert [entry.action for entry in store.list_audit(reader, action="rotate_keys")] == ["rotate_keys"]
    with engine_of(reader).connect() as connection:
        after = connection.execute(text("SELECT fields FROM incidents")).scalar_one()
    engine_of(reader).dispose()
    assert after.startswith("enc1:") and after != before

    stale = make_session_factory(db_url, cipher=FieldCipher([key]))
    with pytest.raises(CryptoError):
        store.get_incident(stale, saved.reference)
    engine_of(stale).dispose()
