"""Record an emergency at once, before any question, so call handlers see it even if the person leaves."""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.context import channel_of, latest_text, records, session_key, transcript
from bot.records import store
from bot.records.vocabulary import RELATIONSHIPS, REPORTERS
from bot.triage.danger import detect
from bot.triage.facts import extract_facts

logger = logging.getLogger(__name__)


def danger_signals(tracker: Tracker) -> list[tuple[str, str]]:
    """(kind, the person's words) from the NLU danger detector, or found again here."""
    parsed = tracker.latest_message.get("danger_signals")
    if parsed:
        return [(str(s["kind"]), str(s.get("evidence") or "")) for s in parsed]
    text = latest_text(tracker)
    found = [(str(getattr(s.kind, "value", s.kind)), s.evidence) for s in detect(text).signals]
    # The classifier alone saw danger: still an emergency, with its words as the evidence.
    return found or [("classifier", text[:500])]


def known_parties(tracker: Tracker, turns: list[dict[str, Any]]) -> tuple[str | None, str | None]:
    """(reporter, suspect relationship) as far as the conversation has told them, for the record.

    The report's answers come first; otherwise what the person's own words show ("my ex is
    outside": ex-partner, the person themselves), so a call handler opening an emergency knows
    who is in danger and from whom even when it came before any question was asked.
    """
    reporter = tracker.get_slot("reporter")
    relationship = tracker.get_slot("suspect_relationship")
    reporter = reporter if reporter in REPORTERS else None
    relationship = relationship if relationship in RELATIONSHIPS and relationship != "unknown" else None
    if reporter is None or relationship is None:
        said = [t["text"] for t in turns if t["speaker"] == "user"] or [latest_text(tracker)]
        facts = extract_facts(" . ".join(said))
        reporter = reporter or facts.reporter
        relationship = relationship or facts.suspect_relationship
    return reporter, relationship


class ActionRecordEmergency(Action):
    """Creates the incident (or raises it) with risk `emergency` and the signals found."""

    def name(self) -> str:
        return "action_record_emergency"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        signals = danger_signals(tracker)
        if any(kind == "suicidal" for kind, _ in signals):
            dispatcher.utter_message(response="utter_suicidal_support")
        events: list = [
            SlotSet("risk_level", "emergency"),
            SlotSet("danger_signals", sorted({kind for kind, _ in signals})),
        ]
        turns = transcript(tracker)
        reporter, relationship = known_parties(tracker, turns)
        try:
            saved = store.record_emergency(
                records(),
                conversation_id=tracker.sender_id,
                session_key=session_key(tracker),
                channel=channel_of(tracker),
                signals=signals,
                transcript=turns,
                reporter=reporter,
                suspect_relationship=relationship,
            )
        except SQLAlchemyError as err:
            # The person has already been told to call 999; never log their words.
            logger.error("could not record an emergency incident: %s", type(err).__name__)
            return events
        return [*events, SlotSet("incident_reference", saved.reference)]
