"""Saving incidents: emergency at once, idempotent upsert, risk never lowered, encrypted at rest."""

from __future__ import annotations

import threading

import pytest
from records_helpers import report_kwargs
from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from bot.records import store
from bot.records.db import engine_of
from bot.records.errors import InvalidValue


def _incident_count(sf: sessionmaker[Session]) -> int:
    with engine_of(sf).connect() as connection:
        return connection.execute(text("SELECT COUNT(*) FROM incidents")).scalar_one()


def test_emergency_creates_an_incident_at_once(sf: sessionmaker[Session]) -> None:
    saved = store.record_emergency(
        sf,
        conversation_id="conv-1",
        session_key="s1",
        channel="sms",
        signals=[("suspect_present", "hes at the door again banging wont stop")],
        transcript=[{"at": None, "speaker": "user", "text": "hes at the door again banging wont stop"}],
    )
    assert saved.created and saved.risk_level == "emergency"
    incident = store.get_incident(sf, saved.reference)
    assert incident.danger_kinds == ["suspect_present"]
    assert incident.danger_evidence[0]["text"] == "hes at the door again banging wont stop"
    assert incident.risk_reasons == ["danger_signal:suspect_present"]
    assert incident.status == "new"
    assert [entry.action for entry in store.list_audit(sf, reference=saved.reference)] == ["create_incident"]


def test_emergency_raises_an_existing_incident_and_adds_its_signals(sf: sessionmaker[Session]) -> None:
    first = store.save_report(sf, **report_kwargs())
    raised = store.record_emergency(
        sf,
        conversation_id="conv-1",
        session_key="session-1",
        channel="webchat",
        signals=[("followed_now", "his car is behind me now"), ("weapon", "he has a knife")],
    )
    assert raised.reference == first.reference
    assert not raised.created and raised.risk_level == "emergency"
    incident = store.get_incident(sf, first.reference)
    assert incident.danger_kinds == ["followed_now", "weapon"]
    assert incident.fields["narrative"]["value"] == "He keeps messaging me from new accounts"
    actions = [entry.action for entry in store.list_audit(sf, reference=first.reference)]
    assert "raise_risk" in actions


def test_emergency_fills_the_parties_but_never_replaces_a_reports_answers(sf: sessionmaker[Session]) -> None:
    new = store.record_emergency(
        sf,
        conversation_id="conv-new",
        session_key="s1",
        channel="sms",
        signals=[("suspect_present", "my ex is outside")],
        reporter="self",
        suspect_relationship="ex-partner",
    )
    incident = store.get_incident(sf, new.reference)
    assert (incident.reporter, incident.suspect_relationship) == ("self", "ex-partner")
    saved = store.save_report(sf, **report_kwargs())  # reporter self, suspect an acquaintance
    store.record_emergency(
        sf,
        conversation_id="conv-1",
        session_key="session-1",
        channel="webchat",
        signals=[("suspect_present", "he is outside")],
        reporter="someone-else",
        suspect_relationship="stranger",
    )
    incident = store.get_incident(sf, saved.reference)
    assert (incident.reporter, incident.suspect_relationship) == ("self", "acquaintance")


def test_emergency_parties_must_come_from_the_vocabulary(sf: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidValue):
        store.record_emergency(
            sf,
            conversation_id="conv-x",
            session_key="s1",
            channel="sms",
            signals=[("suspect_present", "he is outside")],
            suspect_relationship="my ex",
        )


def test_repeated_emergency_adds_no_duplicate_evidence(sf: sessionmaker[Session]) -> None:
    kwargs = {
        "conversation_id": "c",
        "session_key": "s",
        "channel": "voice",
        "signals": [("hiding", "im hiding in the bathroom")],
    }
    store.record_emergency(sf, **kwargs)
    again = store.record_emergency(sf, **kwargs)
    assert not again.created
    assert len(store.get_incident(sf, again.reference).danger_evidence) == 1
    assert _incident_count(sf) == 1


def test_retried_save_makes_no_second_record(sf: sessionmaker[Session]) -> None:
    first = store.save_report(sf, **report_kwargs())
    second = store.save_report(sf, **report_kwargs())
    assert first.created and not second.created
    assert first.reference == second.reference
    assert _incident_count(sf) == 1


def test_a_new_conversation_session_makes_a_new_record(sf: sessionmaker[Session]) -> None:
    first = store.save_report(sf, **report_kwargs())
    second = store.save_report(sf, **report_kwargs(session_key="session-2"))
    assert first.reference != second.reference
    assert _incident_count(sf) == 2


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        ("emergency", "standard", "emergency"),
        ("emergency", "unknown", "emergency"),
        ("high", "standard", "high"),
        ("high", "emergency", "emergency"),
        ("standard", "high", "high"),
        ("unknown", "standard", "standard"),
        ("standard", "unknown", "standard"),
    ],
)
def test_risk_is_never_lowered(sf: sessionmaker[Session], first: str, then: str, expected: str) -> None:
    store.save_report(sf, **report_kwargs(risk_level=first))
    saved = store.save_report(sf, **report_kwargs(risk_level=then))
    assert saved.risk_level == expected
    assert store.get_incident(sf, saved.reference).risk_level == expected


def test_save_merges_fields_and_accumulates_lists(sf: sessionmaker[Session]) -> None:
    store.save_report(sf, **report_kwargs())
    saved = store.save_report(
        sf,
        **report_kwargs(
            fields={
                "frequency": {"value": "several times a day", "source": "said"},
                "suspect_vehicle": {"value": "red Ford Fiesta", "source": "said"},
                "location": {"value": None, "source": "said"},
            },
            behaviours=["following"],
            risk_reasons=["escalation"],
            reporter=None,
            consent_share_police=None,
        ),
    )
    incident = store.get_incident(sf, saved.reference)
    assert incident.fields == {
        "narrative": {"value": "He keeps messaging me from new accounts", "source": "said"},
        "frequency": {"value": "several times a day", "source": "said"},
        "suspect_vehicle": {"value": "red Ford Fiesta", "source": "said"},
    }
    assert incident.behaviours == ["contacting", "following"]
    assert incident.risk_reasons == ["repeated_contact", "escalation"]
    assert incident.reporter == "self"
    assert incident.consent_share_police is True


def test_personal_fields_are_ciphertext_in_the_raw_table(sf: sessionmaker[Session]) -> None:
    saved = store.record_emergency(
        sf,
        conversation_id="conv-1",
        session_key="session-1",
        channel="sms",
        signals=[("weapon", "he has a knife")],
    )
    store.save_report(sf, **report_kwargs())
    with engine_of(sf).connect() as connection:
        row = connection.execute(
            text(
                "SELECT fields, transcript, danger_evidence, risk_level FROM incidents WHERE reference = :ref"
            ),
            {"ref": saved.reference},
        ).one()
    for column in (row.fields, row.transcript, row.danger_evidence):
        assert column.startswith("enc1:")
    for words in ("messaging", "knife", "Are you safe"):
        assert all(words not in column for column in (row.fields, row.transcript, row.danger_evidence))
    assert row.risk_level == "emergency"  # categorical fields stay plain for filtering


@pytest.mark.parametrize(
    "override",
    [
        {"channel": "pigeon"},
        {"risk_level": "severe"},
        {"reporter": "friend"},
        {"suspect_relationship": "boss"},
        {"fields": {"narrative": {"value": "x", "source": "guessed"}}},
        {"fields": {"narrative": "no source given"}},
        {"transcript": [{"at": None, "speaker": "stalker", "text": "x"}]},
    ],
)
def test_values_outside_the_vocabulary_are_refused(sf: sessionmaker[Session], override: dict) -> None:
    with pytest.raises(InvalidValue):
        store.save_report(sf, **report_kwargs(**override))
    assert _incident_count(sf) == 0


def test_unknown_danger_kind_is_refused(sf: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidValue):
        store.record_emergency(
            sf, conversation_id="c", session_key="s", channel="sms", signals=[("angry", "x")]
        )


def test_concurrent_saves_of_one_session_make_one_record(sf: sessionmaker[Session]) -> None:
    workers = 8
    barrier = threading.Barrier(workers)
    results: list[object] = []
    errors: list[BaseException] = []

    def save(index: int) -> None:
        barrier.wait()
        try:
            if index % 2:
                results.append(store.save_report(sf, **report_kwargs()))
            else:
                results.append(
                    store.record_emergency(
                        sf,
                        conversation_id="conv-1",
                        session_key="session-1",
                        channel="webchat",
                        signals=[("suspect_present", f"he is outside {index}")],
                    )
                )
        except BaseException as err:  # collected so the test reports it
            errors.append(err)

    threads = [threading.Thread(target=save, args=(index,)) for index in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert _incident_count(sf) == 1
    assert len({result.reference for result in results}) == 1  # type: ignore[attr-defined]
    assert sum(result.created for result in results) == 1  # type: ignore[attr-defined]
    incident = store.get_incident(sf, results[0].reference)  # type: ignore[attr-defined]
    assert incident.risk_level == "emergency"  # no save lowered what an emergency raised
    assert len(incident.danger_evidence) == workers // 2  # no merge was lost


def test_timestamps_are_timezone_aware_utc(sf: sessionmaker[Session]) -> None:
    saved = store.save_report(sf, **report_kwargs())
    incident = store.get_incident(sf, saved.reference)
    assert incident.created_at.utcoffset() is not None
    assert incident.created_at.utcoffset().total_seconds() == 0
    assert incident.transcript[0].at is not None and incident.transcript[0].at.tzinfo is not None
