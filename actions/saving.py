"""Saving the report: once when the person agrees, again when they add contact and sharing choices."""

from __future__ import annotations

import logging
import re
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


# "no, please don't save it" after it was saved: consent is withdrawn, the record goes.
WITHDRAWN = re.compile(
    r"\b(don'?t|do not|dont) (save|keep|store)\b|\bdelete (it|this|that|my report|the report)\b|"
    r"\b(don'?t|do not) want (it|this|anything) (saved|kept|stored)\b|\bnothing (kept|saved)\b"
)


def withdraw_consent(dispatcher: CollectingDispatcher, tracker: Tracker) -> dict[str, Any]:
    """Erase the report just saved (an emergency record waits for a handler: safeguarding first)."""
    reference = tracker.get_slot("incident_reference")
    if not reference:
        dispatcher.utter_message(response="utter_report_not_saved")
        return {"confirm_save": "withdrawn"}
    factory = records()
    try:
        store.request_erasure(factory, conversation_id=tracker.sender_id)
        if store.get_incident(factory, reference).risk_level != "emergency":
            store.erase(factory, reference, tracker_store_url=None, actor="action-server")
            dispatcher.utter_message(response="utter_consent_withdrawn")
            return {"confirm_save": "withdrawn", "incident_reference": None}
    except (SQLAlchemyError, IncidentNotFound) as err:
        logger.error("could not withdraw a report: %s", type(err).__name__)
    dispatcher.utter_message(response="utter_delete_requested")
    return {"confirm_save": "withdrawn"}
