"""Answers that need the clock, the records or a count: helpline hours, deletion, not understood."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import now, text_style
from actions.saving import erase_on_request
from bot.settings import get_settings
from bot.triage.render import render_helpline_hours

logger = logging.getLogger(__name__)


class ActionHelplineHours(Action):
    """The helpline's number and whether it is open now (from the services data file)."""

    def name(self) -> str:
        return "action_helpline_hours"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        dispatcher.utter_message(text=render_helpline_hours(now(), text_style(tracker)))
        return []


class ActionRequestDelete(Action):
    """Deletes the report saved in this conversation, and has its transcript erased.

    An emergency record is not deleted on the spot: a call handler checks the person is
    safe first (safeguarding), then erases it; the request is recorded either way.
    """

    def name(self) -> str:
        return "action_request_delete"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        reference = tracker.get_slot("incident_reference")
        outcome = erase_on_request(tracker)
        if outcome == "erased":
            dispatcher.utter_message(response="utter_deleted", incident_reference=reference)
            return [SlotSet("incident_reference", None), SlotSet("risk_level", "unknown")]
        response = {"nothing": "utter_nothing_to_delete", "kept": "utter_delete_requested"}
        dispatcher.utter_message(response=response.get(outcome, "utter_save_failed"))
        return [SlotSet("incident_reference", None)] if outcome == "nothing" and reference else []


class ActionHandleFallback(Action):
    """Not understood: ask once more, then offer a person and 999, never the same apology thrice."""

    def name(self) -> str:
        return "action_handle_fallback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        count = int(tracker.get_slot("fallback_count") or 0) + 1
        if count >= 2:
            dispatcher.utter_message(response="utter_default_escalate")
            return [SlotSet("fallback_count", 0)]
        dispatcher.utter_message(response="utter_default")
        return [SlotSet("fallback_count", count)]


class ActionMonitoringNotice(Action):
    """Says honestly whether a person reads this chat live (LIVE_MONITORING)."""

    def name(self) -> str:
        return "action_monitoring_notice"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        monitored = get_settings().live_monitoring
        dispatcher.utter_message(response="utter_monitored" if monitored else "utter_not_monitored")
        return []
