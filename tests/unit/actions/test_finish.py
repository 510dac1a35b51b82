"""action_finish_report: saved only with consent, field by field, with a reference and services."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.report import ActionFinishReport
from actions.report_form import ValidateReportForm
from bot.records import store
from tests.unit.actions.conftest import domain_of, make_tracker, slot, slot_sets, texts, user

REPORT = {
    "safe_to_talk": "yes",
    "narrative": "My ex keeps following me home and messaging me",
    "behaviours": "following, contacting",
    "suspect_relationship": "ex-partner",
    "latest_when": "last Tuesday",
    "location": "outside my flat",
    "pattern": "since June; most days",
    "suspect_details": "skipped",
    "evidence": "screenshots",
    "witnesses": "my flatmate",
    "impact": "I changed my route to work",
    "fear": "very frightened",
    "threats": "no",
    "violence": "no",
    "escalation": "yes",
    "history": "no",
    "contact_method": "text after 6pm",
    "share_with_police": "yes",
    "field_sources": {"behaviours": "inferred"},
    "reporter": "self",
    "risk_level": "high",
    "behaviour_kinds": ["contacting", "following"],
}


async def finish(slots, sender="conv-1"):
    dispatcher = CollectingDispatcher()
    tracker = make_tracker(user("yes", "affirm"), slots=slots, sender=sender)
    events = await ActionFinishReport().run(dispatcher, tracker, {})
    return dispatcher, events


async def consent(slots, text="yes save it", sender="conv-1"):
    """The person answers the read-back question: the form's validation saves at once."""
    events = [slot("requested_slot", "confirm_save"), user(text, "affirm"), slot("confirm_save", text)]
    tracker = make_tracker(
        *events, slots={**slots, "requested_slot": "confirm_save"}, sender=sender, active_loop="report_form"
    )
    dispatcher = CollectingDispatcher()
    result = await ValidateReportForm().run(dispatcher, tracker, domain_of())
    return dispatcher, result


@pytest.mark.asyncio
async def test_consent_saves_the_report_at_once_field_by_field():
    dispatcher, events = await consent(REPORT)
    reference = slot_sets(events)["incident_reference"]
    incident = store.get_incident(context.records(), reference)
    assert incident.risk_level == "high"
    assert incident.suspect_relationship == "ex-partner"
    assert incident.consent_keep is True
    assert incident.fields["location"] == {"value": "outside my flat", "source": "said"}
    assert incident.fields["behaviours"]["source"] == "inferred"
    assert "suspect_details" not in incident.fields  # skipped answers are not stored
    assert texts(dispatcher)[0] == "utter_report_saved"
    assert "0808 802 0300" in dispatcher.messages[1]["text"]
    assert incident.advice_given, "the services offered are part of the record"


@pytest.mark.asyncio
async def test_a_retried_consent_does_not_make_a_second_record():
    await consent(REPORT)
    await consent(REPORT)
    assert len(store.list_incidents(context.records(), limit=10)) == 1


@pytest.mark.asyncio
async def test_contact_and_sharing_choices_are_added_to_the_saved_report():
    _, events = await consent(REPORT)
    reference = slot_sets(events)["incident_reference"]
    answered = {
        **REPORT,
        "confirm_save": "yes",
        "incident_reference": reference,
        "contact_method": "text after 6pm",
        "share_with_police": "yes",
    }
    dispatcher, _ = await finish(answered)
    incident = store.get_incident(context.records(), reference)
    assert incident.consent_share_police is True and incident.consent_contact is True
    assert incident.fields["contact_method"]["value"] == "text after 6pm"
    assert texts(dispatcher) == ["utter_report_complete"]


@pytest.mark.asyncio
async def test_without_consent_nothing_is_saved_but_help_is_offered():
    dispatcher, events = await finish({**REPORT, "confirm_save": "no"})
    assert store.list_incidents(context.records(), limit=10) == []
    assert texts(dispatcher)[0] == "utter_report_not_saved"
    assert "101" in dispatcher.messages[1]["text"]
    assert "incident_reference" not in slot_sets(events)


@pytest.mark.asyncio
async def test_a_failed_save_is_said_plainly_and_the_questions_stop(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg2://nobody@127.0.0.1:1/none")
    context.get_settings.cache_clear()
    context.records.cache_clear()
    dispatcher, events = await consent(REPORT)
    assert texts(dispatcher) == ["utter_save_failed"]
    assert slot_sets(events)["confirm_save"] == "failed"
    tracker = make_tracker(slots={"confirm_save": "failed"})
    assert await ValidateReportForm().required_slots(["contact_method"], dispatcher, tracker, {}) == []


@pytest.mark.asyncio
async def test_finishing_clears_the_report_for_a_next_one():
    _, events = await finish({**REPORT, "confirm_save": "no"})
    slots = slot_sets(events)
    assert slots["narrative"] is None and slots["confirm_save"] is None


@pytest.mark.asyncio
async def test_saying_dont_save_it_after_saving_withdraws_consent_and_deletes_the_report():
    _, events = await consent(REPORT)
    reference = slot_sets(events)["incident_reference"]
    asked = {
        **REPORT,
        "confirm_save": "yes",
        "incident_reference": reference,
        "requested_slot": "share_with_police",
    }
    tracker = make_tracker(
        slot("requested_slot", "share_with_police"),
        user("no, please don't save it", "deny"),
        slot("share_with_police", "no, please don't save it"),
        slots=asked,
        active_loop="report_form",
    )
    dispatcher = CollectingDispatcher()
    result = slot_sets(await ValidateReportForm().run(dispatcher, tracker, domain_of()))
    assert result["confirm_save"] == "withdrawn"
    assert texts(dispatcher) == ["utter_consent_withdrawn"]
    assert store.list_incidents(context.records(), limit=10) == []
    required = await ValidateReportForm().required_slots(
        ["contact_method"], dispatcher, make_tracker(slots=result), {}
    )
    assert required == []
