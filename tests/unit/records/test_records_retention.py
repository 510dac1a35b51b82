"""Retention and erasure remove records, notes and the conversations in Rasa's tracker store."""

from __future__ import annotations

import pytest
from records_helpers import add_events, add_handler, count_events, report_kwargs, ts
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.records import store
from bot.records.errors import IncidentNotFound

NOW = ts(2025, 6, 1)


def _conversation(tracker: Engine, sender: str, day: int, month: int = 1) -> None:
    at = ts(2025, month, day).timestamp()
    add_events(
        tracker,
        sender,
        [
            ("action", at, {"event": "action", "name": "action_listen"}),
            ("user", at + 1, {"event": "user", "text": "he follows me"}),
            ("bot", at + 2, {"event": "bot", "text": "Are you safe now?"}),
        ],
    )


def _incident(sf: sessionmaker[Session], conversation: str, day: int, month: int = 1) -> str:
    return store.save_report(
        sf, **report_kwargs(conversation_id=conversation), now=ts(2025, month, day)
    ).reference


def test_purge_removes_old_incidents_notes_and_their_conversations(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    old = _incident(sf, "old", 1)
    store.add_note(sf, old, handler_id=add_handler(sf, "alice"), body="note", now=ts(2025, 1, 2))
    recent = _incident(sf, "recent", 20, month=5)
    _conversation(tracker, "old", 1)
    _conversation(tracker, "recent", 20, month=5)
    counts = store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=ts(2026, 1, 1))
    # Everything is older than 30 days by 2026: both go.
    assert counts.incidents == 2 and counts.notes == 1
    assert counts.tracker_conversations == 2 and counts.tracker_events == 6
    assert store.count_incidents(sf) == 0
    assert count_events(tracker, "old") == count_events(tracker, "recent") == 0
    with pytest.raises(IncidentNotFound):
        store.get_incident(sf, recent)


def test_purge_keeps_recent_incidents_and_their_conversations(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    old = _incident(sf, "old", 1)
    recent = _incident(sf, "recent", 20, month=5)
    _conversation(tracker, "old", 1)
    _conversation(tracker, "recent", 20, month=5)
    counts = store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert (counts.incidents, counts.tracker_conversations) == (1, 1)
    assert [i.reference for i in store.list_incidents(sf, limit=5)] == [recent]
    assert count_events(tracker, "old") == 0
    assert count_events(tracker, "recent") == 3
    purge_entries = store.list_audit(sf, action="purge")
    assert {entry.incident_reference for entry in purge_entries} == {old, None}


def test_purge_removes_old_conversations_without_an_incident(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    _conversation(tracker, "no-report-old", 2)
    _conversation(tracker, "no-report-recent", 25, month=5)
    counts = store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert counts.tracker_conversations == 1
    assert count_events(tracker, "no-report-old") == 0
    assert count_events(tracker, "no-report-recent") == 3


def test_purge_keeps_an_old_conversation_whose_incident_is_kept(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    _incident(sf, "long-running", 20, month=5)  # the record was updated recently
    _conversation(tracker, "long-running", 2)  # but the chat itself is old
    store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert count_events(tracker, "long-running") == 3


def test_dry_run_counts_but_deletes_nothing(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    _incident(sf, "old", 1)
    _conversation(tracker, "old", 1)
    _conversation(tracker, "stray", 1)
    counts = store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=NOW, dry_run=True)
    assert (counts.incidents, counts.tracker_conversations, counts.tracker_events) == (1, 2, 6)
    assert store.count_incidents(sf) == 1
    assert count_events(tracker, "old") == count_events(tracker, "stray") == 3
    assert store.list_audit(sf, action="purge") == []


def test_purge_tolerates_a_tracker_store_without_an_events_table(
    sf: sessionmaker[Session], tracker_url: str
) -> None:
    _incident(sf, "old", 1)
    counts = store.purge_older_than(sf, 30, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert (counts.incidents, counts.tracker_events) == (1, 0)


def test_erase_removes_the_incident_notes_and_its_transcript(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    reference = _incident(sf, "conv-x", 20, month=5)
    keep = _incident(sf, "conv-y", 20, month=5)
    store.add_note(sf, reference, handler_id=add_handler(sf, "alice"), body="note", now=ts(2025, 5, 21))
    _conversation(tracker, "conv-x", 20, month=5)
    _conversation(tracker, "conv-y", 20, month=5)
    counts = store.erase(sf, reference.lower(), tracker_store_url=tracker_url, actor="handler:alice")
    assert (counts.incidents, counts.notes, counts.tracker_events) == (1, 1, 3)
    with pytest.raises(IncidentNotFound):
        store.get_incident(sf, reference)
    assert count_events(tracker, "conv-x") == 0
    assert count_events(tracker, "conv-y") == 3
    assert store.get_incident(sf, keep).conversation_id == "conv-y"
    entry = store.list_audit(sf, reference=reference, action="erase")[0]
    assert entry.actor == "handler:alice"


def test_erase_of_an_unknown_reference_raises(sf: sessionmaker[Session], tracker_url: str) -> None:
    with pytest.raises(IncidentNotFound):
        store.erase(sf, "SK-00000000", tracker_store_url=tracker_url, actor="cli")


def test_erasure_asked_for_in_chat_removes_the_transcript_everywhere(
    sf: sessionmaker[Session], tracker: Engine, tracker_url: str
) -> None:
    reference = _incident(sf, "conv-x", 20, month=5)
    _conversation(tracker, "conv-x", 20, month=5)
    store.request_erasure(sf, "conv-x")
    store.request_erasure(sf, "conv-x")  # asking twice queues it once
    counts = store.purge_older_than(sf, 365, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert (counts.erasure_requests, counts.tracker_events, counts.transcripts_cleared) == (1, 3, 1)
    assert count_events(tracker, "conv-x") == 0
    assert store.get_incident(sf, reference).transcript == []
    again = store.purge_older_than(sf, 365, tracker_store_url=tracker_url, actor="cli", now=NOW)
    assert again.erasure_requests == 0
