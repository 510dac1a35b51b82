"""action_record_emergency: the incident exists at once, with the signals found."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.emergency import ActionRecordEmergency
from bot.records import store
from tests.unit.actions.conftest import make_tracker, slot_sets, texts, user


async def run(tracker):
    dispatcher = CollectingDispatcher()
    events = await ActionRecordEmergency().run(dispatcher, tracker, {})
    return dispatcher, events


@pytest.mark.asyncio
async def test_an_emergency_creates_an_incident_with_the_detectors_signals():
    tracker = make_tracker(
        user(
            "hes at the door banging",
            "emergency",
            1.0,
            danger_signals=[{"kind": "suspect_present", "evidence": "hes at the door"}],
        )
    )
    _, events = await run(tracker)
    slots = slot_sets(events)
    assert slots["risk_level"] == "emergency"
    assert slots["danger_signals"] == ["suspect_present"]
    incident = store.get_incident(context.records(), slots["incident_reference"])
    assert incident.risk_level == "emergency"
    assert incident.danger_kinds == ["suspect_present"]


@pytest.mark.asyncio
async def test_an_emergency_only_the_learned_model_saw_is_recorded_with_its_evidence():
    text = "my ex has just climbed over the back fence and is looking through the kitchen window"
    signal = {"kind": "learned", "evidence": text, "probability": 0.97}
    tracker = make_tracker(user(text, "emergency", 0.97, danger_signals=[signal]))
    _, events = await run(tracker)
    incident = store.get_incident(context.records(), slot_sets(events)["incident_reference"])
    assert incident.risk_level == "emergency"
    assert incident.danger_kinds == ["learned"]


@pytest.mark.asyncio
async def test_a_classifier_only_emergency_is_recorded_with_the_persons_words():
    tracker = make_tracker(user("something is very wrong please", "emergency", 0.7))
    _, events = await run(tracker)
    incident = store.get_incident(context.records(), slot_sets(events)["incident_reference"])
    assert incident.danger_kinds == ["classifier"]


@pytest.mark.asyncio
async def test_the_emergency_record_says_who_is_reporting_and_who_the_suspect_is():
    # Told before the emergency, in the person's own words, with no question answered yet.
    tracker = make_tracker(
        user("my ex Dean keeps turning up at the school gates", "report_stalking", 0.9),
        user("sorry his van has just pulled up across the road", "emergency", 1.0),
        sender="conv-parties",
    )
    _, events = await run(tracker)
    incident = store.get_incident(context.records(), slot_sets(events)["incident_reference"])
    assert (incident.reporter, incident.suspect_relationship) == ("self", "ex-partner")


@pytest.mark.asyncio
async def test_the_reports_answers_come_before_what_the_words_suggest():
    tracker = make_tracker(
        user("my friend says her neighbour is outside her flat right now", "emergency", 1.0),
        slots={"reporter": "someone-else", "suspect_relationship": "colleague"},
        sender="conv-answered",
    )
    _, events = await run(tracker)
    incident = store.get_incident(context.records(), slot_sets(events)["incident_reference"])
    assert (incident.reporter, incident.suspect_relationship) == ("someone-else", "colleague")


@pytest.mark.asyncio
async def test_parties_that_are_not_known_stay_empty():
    tracker = make_tracker(user("help", "emergency", 1.0), sender="conv-unknown")
    _, events = await run(tracker)
    incident = store.get_incident(context.records(), slot_sets(events)["incident_reference"])
    assert incident.suspect_relationship is None


@pytest.mark.asyncio
async def test_a_second_emergency_in_the_session_raises_the_same_incident():
    first = make_tracker(
        user(
            "hes outside",
            "emergency",
            1.0,
            danger_signals=[{"kind": "suspect_present", "evidence": "hes outside"}],
        )
    )
    second = make_tracker(
        user(
            "he has a knife",
            "emergency",
            1.0,
            danger_signals=[{"kind": "weapon", "evidence": "he has a knife"}],
        )
    )
    _, events_one = await run(first)
    _, events_two = await run(second)
    reference = slot_sets(events_one)["incident_reference"]
    assert slot_sets(events_two)["incident_reference"] == reference
    assert sorted(store.get_incident(context.records(), reference).danger_kinds) == [
        "suspect_present",
        "weapon",
    ]


@pytest.mark.asyncio
async def test_suicidal_intent_adds_samaritans():
    tracker = make_tracker(
        user(
            "i want to end it all tonight",
            "emergency",
            1.0,
            danger_signals=[{"kind": "suicidal", "evidence": "end it all tonight"}],
        )
    )
    dispatcher, _ = await run(tracker)
    assert texts(dispatcher) == ["utter_suicidal_support"]


@pytest.mark.asyncio
async def test_the_database_being_down_still_sets_the_risk_level(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg2://nobody@127.0.0.1:1/none")
    context.get_settings.cache_clear()
    context.records.cache_clear()
    tracker = make_tracker(
        user(
            "hes outside",
            "emergency",
            1.0,
            danger_signals=[{"kind": "suspect_present", "evidence": "hes outside"}],
        )
    )
    _, events = await run(tracker)
    slots = slot_sets(events)
    assert slots["risk_level"] == "emergency"
    assert "incident_reference" not in slots
