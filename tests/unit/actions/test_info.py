"""Helpline hours, deletion on request, not-understood, the monitoring notice."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.info import (
    ActionHandleFallback,
    ActionHelplineHours,
    ActionMonitoringNotice,
    ActionRequestDelete,
)
from bot.records import store
from bot.records.errors import IncidentNotFound
from bot.settings import get_settings
from tests.unit.actions.conftest import make_tracker, slot_sets, texts, user


async def run(action, tracker):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return dispatcher, events


@pytest.mark.asyncio
async def test_the_helpline_answer_has_its_number_and_whether_it_is_open():
    dispatcher, _ = await run(ActionHelplineHours(), make_tracker(user("helpline number?", "ask_helpline")))
    text = dispatcher.messages[0]["text"]
    assert "0808 802 0300" in text
    assert "open" in text


@pytest.mark.asyncio
async def test_delete_with_nothing_saved_says_so():
    dispatcher, _ = await run(
        ActionRequestDelete(), make_tracker(user("delete what I said", "request_delete"))
    )
    assert texts(dispatcher) == ["utter_nothing_to_delete"]


def save_report(risk_level: str, sender: str = "conv-1") -> str:
    return store.save_report(
        context.records(),
        conversation_id=sender,
        session_key="1700000000.000000",
        channel="rest",
        risk_level=risk_level,
        risk_reasons=[],
        fields={"narrative": {"value": "x", "source": "said"}},
        reporter="self",
        suspect_relationship=None,
        nation=None,
        behaviours=[],
        advice_given=[],
        consent_keep=True,
        consent_share_police=None,
        consent_contact=None,
        transcript=None,
    ).reference


@pytest.mark.asyncio
async def test_delete_erases_a_saved_report_at_once():
    reference = save_report("standard")
    tracker = make_tracker(
        user("delete my report", "request_delete"), slots={"incident_reference": reference}
    )
    dispatcher, events = await run(ActionRequestDelete(), tracker)
    assert texts(dispatcher) == ["utter_deleted"]
    with pytest.raises(IncidentNotFound):
        store.get_incident(context.records(), reference)
    assert slot_sets(events)["incident_reference"] is None


@pytest.mark.asyncio
async def test_an_emergency_record_is_kept_for_a_handler_to_check_first():
    reference = save_report("emergency")
    tracker = make_tracker(user("delete it", "request_delete"), slots={"incident_reference": reference})
    dispatcher, _ = await run(ActionRequestDelete(), tracker)
    assert texts(dispatcher) == ["utter_delete_requested"]
    assert store.get_incident(context.records(), reference) is not None


@pytest.mark.asyncio
async def test_not_understood_twice_offers_a_person_and_999_instead_of_looping():
    first, events = await run(ActionHandleFallback(), make_tracker(user("asdf", "nlu_fallback")))
    second, _ = await run(
        ActionHandleFallback(), make_tracker(user("qwer", "nlu_fallback"), slots=slot_sets(events))
    )
    assert texts(first) == ["utter_default"]
    assert texts(second) == ["utter_default_escalate"]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("live", "response"), [("false", "utter_not_monitored"), ("true", "utter_monitored")]
)
async def test_the_monitoring_notice_follows_the_setting(monkeypatch, live, response):
    monkeypatch.setenv("LIVE_MONITORING", live)
    get_settings.cache_clear()
    dispatcher, _ = await run(ActionMonitoringNotice(), make_tracker(user("hi", "greet")))
    assert texts(dispatcher) == [response]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("slots", "said"),
    [
        ({}, "utter_nothing_kept"),
        ({"confirm_save": "yes", "incident_reference": "SK-ABCD2345"}, "utter_report_kept"),
        ({"incident_reference": "SK-ABCD2345"}, "utter_emergency_kept"),
    ],
)
async def test_stopping_says_what_was_kept(slots, said):
    from actions.report import ActionResetReport

    dispatcher, events = await run(ActionResetReport(), make_tracker(user("stop", "stop"), slots=slots))
    assert texts(dispatcher) == [said]
    assert slot_sets(events)["narrative"] is None
