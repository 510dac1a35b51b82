"""A form-validation base for forms a frightened person fills in.

What every question of every form needs, in one place:
- steps aside (returns nothing) for a credible emergency, "stop" or "goodbye", so the form is
  rejected and the emergency / stop rule takes over at any question (mid-report, the rules-based
  detector decides what is credible: `danger_is_credible`);
- answers a question asked mid-form ("what's an SPO?") and asks the same question again;
- "skip" fills the question with `skipped`; "that's all" skips to the consent questions, a
  plain "please save it" there is consent (`save_now`), and "don't save anything" ends the
  questions with nothing kept;
- "actually it was Tuesday" corrects the answer it refers to (or the previous one);
- a typed `/intent` is never an answer (Rasa forces such intents with confidence 1.0);
- an answer it cannot use is asked again, with an explanation and the offer to skip or
  stop the second time.
Subclasses say what a valid answer to each question is (`validate_answer`).
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.context import latest_intent, latest_text, now, text_style
from bot.intake.answers import SAVE_NOW, asks_to_save, is_forced_intent, refuses_saving
from bot.intake.questions import CONSENT_SLOTS, SKIPPED, skip_to_consent
from bot.triage import danger_model
from bot.triage.render import render_helpline_hours

logger = logging.getLogger(__name__)

# Questions people ask in the middle of a report, answered without leaving it.
QUESTION_RESPONSES = {
    "ask_what_is_stalking": "utter_what_is_stalking",
    "ask_overreacting": "utter_overreacting",
    "ask_spo": "utter_spo",
    "ask_diary": "utter_diary",
    "ask_anonymous": "utter_anonymous",
    "ask_data_use": "utter_data_use",
    "ask_what_next": "utter_what_next",
    "ask_help": "utter_help",
    "ask_silent_solution": "utter_silent_solution",
    "ask_if_he_comes": "utter_if_he_comes",
    "bot_challenge": "utter_bot_challenge",
    "ask_helpline": None,  # hours depend on the clock: rendered from the services file
}

# Below this confidence a question-intent is more likely an answer that mentions the topic.
QUESTION_CONFIDENCE = 0.8


def _learned_bar_in_report() -> float:
    """The learned model's mid-report threshold; above 1 (never credible) if it cannot be read."""
    try:
        return danger_model.load().threshold_in_report
    except danger_model.DangerModelError:
        logger.error("learned danger model unavailable; its signals are not credible mid-report")
        return 1.1


class Answer:
    """What a subclass decided about one answer."""

    def __init__(self, slots: dict[str, Any] | None = None, *, reask: str | None = None) -> None:
        self.slots = slots or {}
        self.reask = reask  # response saying why the question is asked again (slots still apply)


class TriageFormValidation(FormValidationAction):
    """Base class: subclasses implement `validate_answer` (and may override `required_slots`)."""

    # Questions "skip" cannot answer (consent must be given or refused, never skipped).
    must_answer: frozenset[str] = frozenset()

    @abstractmethod
    def name(self) -> str:
        """Subclasses name themselves (`validate_<form>`); abstract, so rasa-sdk skips this class."""

    @abstractmethod
    async def validate_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Answer:
        """Decide what the answer to `slot` means; return the slots to set."""

    def already_said(self, tracker: Tracker) -> dict[str, Any]:
        """Answers given before the form started (say, to the greeting), so they are not asked again."""
        return {}

    def save_now(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any], text: str
    ) -> dict[str, Any]:
        """The person asked, in `text`, for what they said to be saved: save it; return slots to set.

        This base saves nothing (its forms then ask for consent as usual); a form that keeps
        a record overrides it.
        """
        return {}

    def correction(self, tracker: Tracker, text: str) -> dict[str, Any]:
        """Slots to change for a correction like "actually it was Tuesday" (subclasses refine)."""
        previous = tracker.get_slot("last_answered_slot")
        return {previous: text} if previous else {}

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        if latest_intent(tracker) == "emergency" and requested and not self.danger_is_credible(tracker):
            # Not credible as danger now (see danger_is_credible): the slot mappings left this
            # message out, so take it as the answer here, and clear the flag its intent set.
            answer = await self.validate_answer(requested, latest_text(tracker), dispatcher, tracker)
            return [SlotSet("emergency_active", False), *self._apply(requested, answer, dispatcher, tracker)]
        return await self._run(dispatcher, tracker, domain)

    @staticmethod
    def danger_is_credible(tracker: Tracker) -> bool:
        """Mid-report, the rules decide; the learned model and the classifier need a higher bar.

        Answers to report questions ("he's my brother", "she's scared") are where the
        classifier's false alarms cluster (measured on tests/eval/conversations.jsonl); the
        rules-based detector (bot/triage/danger.py) reads every one of them for danger now.
        """
        signals = tracker.latest_message.get("danger_signals") or []
        if any(signal.get("kind") != danger_model.LEARNED_KIND for signal in signals):
            return True
        if any(float(signal.get("probability") or 0) >= _learned_bar_in_report() for signal in signals):
            return True
        said = tracker.latest_message.get("classifier_intent") or tracker.latest_message.get("intent") or {}
        return said.get("name") == "emergency" and float(said.get("confidence") or 0) >= 0.99

    async def _run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        requested = tracker.get_slot("requested_slot")
        intent = latest_intent(tracker)
        text = latest_text(tracker)
        if intent in ("stop", "goodbye") or (intent == "emergency" and self.danger_is_credible(tracker)):
            return []  # rejected: the emergency or stop rule runs instead
        if requested is None:  # the form is just starting
            known = [SlotSet(slot, value) for slot, value in self.already_said(tracker).items()]
            tracker.slots.update({event["name"]: event["value"] for event in known})
            return [*known, *await super().run(dispatcher, tracker, domain)]
        if is_forced_intent(text):
            dispatcher.utter_message(response="utter_message_unclear")
            return [SlotSet(requested, None)]
        confidence = float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)
        # "Yes, save it please. And share it with the police, I think it's time" once read as asking
        # whether they were overreacting (0.96): consent in plain words is an answer, not a question.
        consents = "?" not in text and (asks_to_save(text) or refuses_saving(text))
        if intent in QUESTION_RESPONSES and confidence >= QUESTION_CONFIDENCE and not consents:
            self._answer_question(intent, dispatcher, tracker)
            if requested in CONSENT_SLOTS or not asks_to_save(text):
                return [SlotSet(requested, None)]
            # "yeah save it. do I have to give my name?": the question answered, then saved below
        if requested not in CONSENT_SLOTS and refuses_saving(text):
            # "no. dont save anything, i dont want it written down": no record and no more questions
            # (requested_slot cleared: Rasa's form stops only when the validation says so)
            return [SlotSet(requested, None), SlotSet("confirm_save", "no"), SlotSet("requested_slot", None)]
        asked_to_save = SAVE_NOW.search(text.lower()) or asks_to_save(text)  # "yes you can keep it"
        if intent == "finish" or (asked_to_save and requested not in CONSENT_SLOTS):
            values = {slot: tracker.get_slot(slot) for slot in self.domain_slots(domain)}
            values[requested] = None  # "that's all" is not an answer to the question asked
            skipped = skip_to_consent(values)
            events = [SlotSet(slot, value) for slot, value in skipped.items()]
            if asks_to_save(text):  # "yes please save it": consent in their own words, not asked again
                saved = self.save_now(dispatcher, tracker, {**tracker.slots, **skipped}, text)
                events += [SlotSet(slot, value) for slot, value in saved.items()]
            return events if requested in skipped else [*events, SlotSet(requested, None)]
        if intent == "correct":
            changes = self.correction(tracker, text)
            if changes:
                dispatcher.utter_message(response="utter_correction_noted")
                return [SlotSet(slot, value) for slot, value in changes.items()] + [SlotSet(requested, None)]
        return await super().run(dispatcher, tracker, domain)

    def _answer_question(self, intent: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        response = QUESTION_RESPONSES[intent]
        if response is None:
            dispatcher.utter_message(text=render_helpline_hours(now(), text_style(tracker)))
        else:
            dispatcher.utter_message(response=response)

    async def get_validation_events(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        """Validate the answers given this turn; unusable ones are asked again."""
        # Every answer given is validated, even one that makes the rest unnecessary ("not safe").
        form_slots = set(self.domain_slots(domain))
        candidates = {k: v for k, v in tracker.slots_to_validate().items() if k in form_slots}
        events: list[EventType] = []
        for slot, value in candidates.items():
            if latest_intent(tracker) == "skip" and slot not in self.must_answer:
                answer = Answer({slot: SKIPPED})
            else:
                answer = await self.validate_answer(slot, value, dispatcher, tracker)
            events += self._apply(slot, answer, dispatcher, tracker)
        return events

    def _apply(self, slot: str, answer: Answer, dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
        """The events for one validated answer: its slots, and a re-ask if it was not usable."""
        events: list[EventType] = [SlotSet(name, val) for name, val in answer.slots.items()]
        if answer.reask:
            return events + self._reask(slot, answer.reask, dispatcher, tracker)
        tracker.slots.update(answer.slots)
        return [*events, SlotSet("last_answered_slot", slot), SlotSet("reask_count", 0)]

    def _reask(self, slot: str, explanation: str, dispatcher: CollectingDispatcher, tracker: Tracker) -> list:
        count = int(tracker.get_slot("reask_count") or 0) + 1
        dispatcher.utter_message(response=explanation)
        if count >= 2:
            dispatcher.utter_message(response="utter_offer_skip_or_stop")
        return [SlotSet(slot, None), SlotSet("reask_count", count)]
