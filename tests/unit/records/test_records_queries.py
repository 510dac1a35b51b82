"""Reading and handling incidents: urgency order, filters, status, assignment, notes."""

from __future__ import annotations

import pytest
from records_helpers import add_handler, report_kwargs, ts
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.records import store
from bot.records.db import engine_of
from bot.records.errors import HandlerNotFound, IncidentNotFound, InvalidValue, NotNoteAuthor


def _save(sf: sessionmaker[Session], conversation: str, risk: str, day: int, channel: str = "webchat") -> str:
    return store.save_report(
        sf,
        **report_kwargs(conversation_id=conversation, risk_level=risk, channel=channel),
        now=ts(2025, 3, day),
    ).reference


def test_list_is_most_urgent_first_then_newest(sf: sessionmaker[Session]) -> None:
    old_standard = _save(sf, "a", "standard", 1)
    new_standard = _save(sf, "b", "standard", 5)
    unknown = _save(sf, "c", "unknown", 9)
    old_high = _save(sf, "d", "high", 2)
    emergency = _save(sf, "e", "emergency", 1)
    new_high = _save(sf, "f", "high", 6)
    listed = [incident.reference for incident in store.list_incidents(sf, limit=10)]
    assert listed == [emergency, new_high, old_high, new_standard, old_standard, unknown]


@pytest.mark.parametrize(
    ("filters", "expected_conversations"),
    [
        ({"risk": "high"}, {"d"}),
        ({"channel": "sms"}, {"e"}),
        ({"since": ts(2025, 3, 5)}, {"b", "e"}),
        ({"until": ts(2025, 3, 5)}, {"a", "d"}),
        ({"status": "closed"}, set()),
        ({"status": "new"}, {"a", "b", "d", "e"}),
    ],
)
def test_list_filters(sf: sessionmaker[Session], filters: dict, expected_conversations: set[str]) -> None:
    _save(sf, "a", "standard", 1)
    _save(sf, "b", "standard", 5)
    _save(sf, "d", "high", 2)
    _save(sf, "e", "emergency", 7, channel="sms")
    listed = store.list_incidents(sf, limit=10, **filters)
    assert {incident.conversation_id for incident in listed} == expected_conversations
    assert store.count_incidents(sf, **filters) == len(expected_conversations)


def test_list_finds_a_reference_however_it_was_typed(sf: sessionmaker[Session]) -> None:
    wanted = _save(sf, "a", "standard", 1)
    _save(sf, "b", "standard", 2)
    typed = wanted.lower().replace("-", " ")
    assert [incident.reference for incident in store.list_incidents(sf, reference=typed, limit=5)] == [wanted]
    assert store.get_incident(sf, typed).reference == wanted


def test_list_pages_with_limit_and_offset(sf: sessionmaker[Session]) -> None:
    references = [_save(sf, f"c{day}", "standard", day) for day in range(1, 6)]
    page = store.list_incidents(sf, limit=2, offset=2)
    assert [incident.reference for incident in page] == list(reversed(references))[2:4]


def test_get_unknown_reference_raises(sf: sessionmaker[Session]) -> None:
    with pytest.raises(IncidentNotFound):
        store.get_incident(sf, "SK-00000000")


def test_status_change_is_recorded_and_audited(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    store.set_status(sf, reference, "in_review", actor="handler:alice")
    assert store.get_incident(sf, reference).status == "in_review"
    entry = store.list_audit(sf, reference=reference, action="change_status")[0]
    assert (entry.actor, entry.detail) == ("handler:alice", {"from": "new", "to": "in_review"})


def test_unknown_status_is_refused(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    with pytest.raises(InvalidValue):
        store.set_status(sf, reference, "done", actor="handler:alice")


def test_assign_and_unassign(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    alice = add_handler(sf, "alice")
    store.assign(sf, reference, alice, actor="handler:bob")
    assert store.get_incident(sf, reference).assigned_to == "alice"
    assert store.list_incidents(sf, limit=1)[0].assigned_to == "alice"
    store.assign(sf, reference, None, actor="handler:bob")
    assert store.get_incident(sf, reference).assigned_to is None
    details = [entry.detail for entry in store.list_audit(sf, reference=reference, action="assign")]
    assert details == [{"to": None}, {"to": "alice"}]


def test_cannot_assign_to_an_inactive_handler(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    gone = add_handler(sf, "gone", active=False)
    with pytest.raises(HandlerNotFound):
        store.assign(sf, reference, gone, actor="handler:bob")


def test_notes_are_encrypted_and_only_their_author_may_edit(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    alice, bob = add_handler(sf, "alice"), add_handler(sf, "bob")
    note = store.add_note(sf, reference, handler_id=alice, body="Called back, police informed")
    with pytest.raises(NotNoteAuthor):
        store.edit_note(sf, note.id, handler_id=bob, body="changed by someone else")
    edited = store.edit_note(sf, note.id, handler_id=alice, body="Called back; PC Jones informed")
    assert edited.body == "Called back; PC Jones informed"
    assert [n.body for n in store.get_incident(sf, reference).notes] == ["Called back; PC Jones informed"]
    with engine_of(sf).connect() as connection:
        raw = connection.execute(text("SELECT body FROM handler_notes")).scalar_one()
    assert raw.startswith("enc1:") and "Jones" not in raw
    actors = {(entry.action, entry.actor) for entry in store.list_audit(sf, reference=reference)}
    assert {("add_note", "handler:alice"), ("edit_note", "handler:alice")} <= actors


def test_adding_a_note_keeps_the_case_fresh(sf: sessionmaker[Session]) -> None:
    reference = _save(sf, "a", "high", 1)
    before = store.get_incident(sf, reference).updated_at
    store.add_note(sf, reference, handler_id=add_handler(sf, "alice"), body="note", now=ts(2025, 4, 1))
    after = store.get_incident(sf, reference).updated_at
    assert (before, after) == (ts(2025, 3, 1), ts(2025, 4, 1))
