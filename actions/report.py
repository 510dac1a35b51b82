"""The report's beginning and end: keep the opening story, read back, save (with consent), route."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.context import latest_text, now, text_style
from actions.report_form import ValidateReportForm
from actions.saving import save
from bot.intake.answers import is_forced_intent
from bot.intake.case import advice
from bot.intake.questions import REPORT_SLOTS
from bot.intake.readback import read_back

logger = logging.getLogger(__name__)

# Cleared when a report ends, so a second report in the same session starts empty.
REPORT_STATE = (
    *REPORT_SLOTS,
    "field_sources",
    "risk_markers",
    "behaviour_kinds",
    "last_answered_slot",
    "reask_count",
)


def cleared() -> list[SlotSet]:
    return [SlotSet(slot, None) for slot in REPORT_STATE]


class ActionCaptureOpening(Action):
    """The story they opened with (or carried on with after an emergency): keep it, and what it tells us."""

    def name(self) -> str:
        return "action_capture_opening"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        text = latest_text(tracker).strip()
        if not text or is_forced_intent(text):
            return []
        told = tracker.get_slot("narrative")
        if told and text in told:
            return []
        # More of the story after an interruption (an emergency, now over) is added to it, not lost.
        narrative = f"{told}\n{text}" if told else text
        learned = ValidateReportForm().learn_from(text, "narrative", tracker, dispatcher)
        return [SlotSet("narrative", narrative)] + [SlotSet(slot, value) for slot, value in learned.items()]


class ActionAskConfirmSave(Action):
    """Reads the report back and asks, in plain words, whether to save it."""

    def name(self) -> str:
        return "action_ask_confirm_save"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        dispatcher.utter_message(text=read_back(tracker.slots, style=text_style(tracker)))
        dispatcher.utter_message(response="utter_ask_confirm_save")
        return []


class ActionFinishReport(Action):
    """After the last question: add the contact and sharing choices, or say nothing was kept."""

    def name(self) -> str:
        return "action_finish_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        slots = dict(tracker.slots)
        consent = slots.get("confirm_save")
        if slots.get("safe_to_talk") == "no" or consent in ("failed", "withdrawn"):
            return cleared()  # they have already been told
        if consent != "yes":
            text, _ = advice(slots, now=now(), style=text_style(tracker))
            dispatcher.utter_message(response="utter_report_not_saved")
            dispatcher.utter_message(text=text)
            return cleared()
        saved = save(tracker, slots, advice_given=[])
        dispatcher.utter_message(response="utter_report_complete" if saved else "utter_save_failed")
        return [*cleared(), SlotSet("incident_reference", slots.get("incident_reference"))]


class ActionResetReport(Action):
    """After "stop": say what was kept, and forget the unfinished questions."""

    def name(self) -> str:
        return "action_reset_report"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        reference = tracker.get_slot("incident_reference")
        if tracker.get_slot("confirm_save") == "yes" and reference:
            dispatcher.utter_message(response="utter_report_kept", incident_reference=reference)
        elif reference:
            dispatcher.utter_message(response="utter_emergency_kept")  # danger was recorded, for safety
        else:
            dispatcher.utter_message(response="utter_nothing_kept")
        return cleared()
