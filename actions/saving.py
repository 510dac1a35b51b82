"""Saving the report: once when the person agrees, again when they add contact and sharing choices."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.context import channel_of, now, records, session_key, text_style, transcript
from bot.intake.case import advice, record_of
from bot.records import store
from bot.records.errors import IncidentNotFound

logger = logging.getLogger(__name__)


def save(tracker: Tracker, slots: dict[str, Any], *, advice_given: list[str]) -> store.SavedIncident | None:
    """Save (or update) this session's incident; None if the database failed (logged, no words)."""
    try:
        return store.save_report(
            records(),
            conversation_id=tracker.sender_id,
            session_key=session_key(tracker),
            channel=channel_of(tracker),
            transcript=transcript(tracker),
            advice_given=advice_given,
            **record_of(slots),
        )
    except (SQLAlchemyError, ValueError) as err:
        logger.error("could not save a report: %s", type(err).__name__)
        return None


def save_with_consent(
    dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any]
) -> dict[str, Any]:
    """They said yes: save now, give the reference and who can help. Returns slots to set."""
    text, service_ids = advice(slots, now=now(), style=text_style(tracker))
    saved = save(tracker, slots, advice_given=service_ids)
    if saved is None:
        dispatcher.utter_message(response="utter_save_failed")
        return {"confirm_save": "failed"}
    dispatcher.utter_message(response="utter_report_saved", incident_reference=saved.reference)
    dispatcher.utter_message(text=text)
    return {"confirm_save": "yes", "incident_reference": saved.reference, "risk_level": saved.risk_level}




def erase_on_request(tracker: Tracker) -> str:
    """Erase this conversation's saved report when the person asks; its transcript at the next purge.

    Returns "nothing" (no report), "erased", "kept" (an emergency record waits for a call
    handler to check the person is safe first: safeguarding) or "failed" (logged, no words).
    """
    reference = tracker.get_slot("incident_reference")
    factory = records()
    try:
        store.request_erasure(factory, conversation_id=tracker.sender_id)
        if not reference:
            return "nothing"
        if store.get_incident(factory, reference).risk_level == "emergency":
            return "kept"
        store.erase(factory, reference, tracker_store_url=None, actor="action-server")
    except IncidentNotFound:
        return "nothing"
    except SQLAlchemyError as err:
        logger.error("could not erase on request: %s", type(err).__name__)
        return "failed"
    return "erased"


def withdraw_consent(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """ "Don't save it" just after saving: the report goes (see `erase_on_request`)."""
    outcome = erase_on_request(tracker)
    response = {
        "nothing": "utter_report_not_saved",
        "erased": "utter_consent_withdrawn",
        "kept": "utter_delete_requested",
        "failed": "utter_save_failed",
    }[outcome]
    dispatcher.utter_message(response=response)
    cleared = {"incident_reference": None} if outcome == "erased" else {}
    return {"confirm_save": "withdrawn", **cleared}
