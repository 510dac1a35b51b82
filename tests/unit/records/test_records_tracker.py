"""Reading conversations from Rasa's tracker store (plain or encrypted events)."""

from __future__ import annotations

import json

import pytest
from records_helpers import add_events, ts
from sqlalchemy import Engine

from bot.crypto import FieldCipher, MissingKeyError
from bot.records import store


def test_transcript_has_user_and_bot_lines_in_order(tracker: Engine, tracker_url: str) -> None:
    at = ts(2025, 1, 1).timestamp()
    add_events(
        tracker,
        "conv-1",
        [
            ("action", at, {"event": "action", "name": "action_listen"}),
            ("user", at + 1, {"event": "user", "text": "he is outside"}),
            ("slot", at + 2, {"event": "slot", "name": "x", "value": 1}),
            ("bot", at + 3, {"event": "bot", "text": "Call 999 now."}),
            ("bot", at + 4, {"event": "bot", "text": None, "data": {"custom": {}}}),
        ],
    )
    add_events(tracker, "someone-else", [("user", at, {"event": "user", "text": "not theirs"})])
    turns = store.read_transcript(tracker_url, "conv-1", None)
    assert [(turn.speaker, turn.text) for turn in turns] == [
        ("user", "he is outside"),
        ("bot", "Call 999 now."),
    ]
    assert turns[0].at == ts(2025, 1, 1).replace(second=1)


def test_encrypted_events_are_decrypted(tracker: Engine, tracker_url: str, cipher: FieldCipher) -> None:
    token = cipher.encrypt(json.dumps({"event": "user", "text": "he has my keys"}))
    add_events(tracker, "conv-1", [("user", 1.0, token)])
    assert [turn.text for turn in store.read_transcript(tracker_url, "conv-1", cipher)] == ["he has my keys"]


def test_encrypted_events_without_a_key_are_a_clear_error(
    tracker: Engine, tracker_url: str, cipher: FieldCipher
) -> None:
    add_events(tracker, "conv-1", [("user", 1.0, cipher.encrypt('{"text": "x"}'))])
    with pytest.raises(MissingKeyError):
        store.read_transcript(tracker_url, "conv-1", None)


def test_reading_accepts_an_engine_the_caller_owns(tracker: Engine) -> None:
    add_events(tracker, "conv-1", [("user", 1.0, {"event": "user", "text": "hello"})])
    assert [turn.text for turn in store.read_transcript(tracker, "conv-1", None)] == ["hello"]
    assert [turn.text for turn in store.read_transcript(tracker, "conv-1", None)] == ["hello"]  # still open


@pytest.mark.parametrize("url_kind", ["missing-file", "no-table"])
def test_a_tracker_store_not_created_yet_has_no_conversations(
    tmp_path: object, tracker_url: str, url_kind: str
) -> None:
    url = f"sqlite:///{tmp_path}/nowhere/tracker.db" if url_kind == "missing-file" else tracker_url
    assert store.read_transcript(url, "conv-1", None) == []
    assert store.list_conversations(url) == []


def test_list_conversations_latest_first_with_counts(tracker: Engine, tracker_url: str) -> None:
    add_events(tracker, "older", [("user", 100.0, {"text": "a"}), ("bot", 200.0, {"text": "b"})])
    add_events(tracker, "newer", [("user", 300.0, {"text": "c"})])
    listed = store.list_conversations(tracker_url)
    assert [(c.conversation_id, c.event_count) for c in listed] == [("newer", 1), ("older", 2)]
    assert listed[1].first_at is not None and listed[1].first_at.timestamp() == 100.0
    assert listed[1].last_at is not None and listed[1].last_at.timestamp() == 200.0
    assert [c.conversation_id for c in store.list_conversations(tracker_url, limit=1, offset=1)] == ["older"]
