"""Validation of the report form: what each answer means, and what else it already tells us."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import latest_intent
from actions.form_base import Answer, TriageFormValidation
from actions.saving import save_with_consent, withdraw_consent
from bot.intake.answers import (
    answers_in,
    asks_to_share_with_police,
    refuses_saving,
    relationship_answer,
    risk_markers,
    says_safe_now,
    says_safe_to_talk,
    yes_no,
)
from bot.intake.case import assess_slots
from bot.intake.questions import CONSENT_SLOTS, REPORT_SLOTS, SKIPPED, YES_NO_SLOTS
from bot.triage.facts import extract_facts

# Questions whose answers bot/triage/facts.py recognises well enough to notice an answer that
# belongs elsewhere ("he's my neighbour" when asked when it last happened).
CHECKED_SLOTS = frozenset(
    {"behaviours", "suspect_relationship", "latest_when", "location", "evidence", "witnesses"}
)

# Words from which an answer to "in what ways does this person contact you" is a story of it.
_A_STORY = 12
_DONT_KNOW = re.compile(r"\b(don'?t|do not|dont) know\b|\bno idea\b|\bnot sure\b|\bunknown\b|\bno clue\b")
_CORRECTION_LEAD = re.compile(
    r"^\s*(sorry,?\s*)?(no,?\s*)?"
    r"(actually|i meant|i mean|correction|wait|it was actually|that's wrong|thats wrong)[,:\s-]*",
    re.IGNORECASE,
)
_FEAR = (
    (re.compile(r"\bnot (really|very|at all)\b|\bnot frightened\b|\bnot scared\b"), "not really frightened"),
    (
        re.compile(r"\b(very|terrified|petrified|really|so|extremely|scared to death|constantly)\b"),
        "very frightened",
    ),
    (re.compile(r"\b(a (little|bit)|somewhat|quite|slightly|a bit)\b"), "a little frightened"),
)


class ValidateReportForm(TriageFormValidation):
    """The report: asks only what is still missing, learns from every answer, re-triages."""

    must_answer = frozenset({"confirm_save"})

    def name(self) -> str:
        return "validate_report_form"

    async def required_slots(
        self, domain_slots: list[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[str]:
        """Everything still empty, in order; nothing more once it isn't safe, or nothing was kept."""
        if tracker.get_slot("safe_to_talk") == "no" or tracker.get_slot("confirm_save") in (
            "no",
            "failed",
            "withdrawn",
        ):
            return []
        return domain_slots

    async def validate_answer(
        self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Answer:
        text = str(value or "").strip()
        intent = latest_intent(tracker)
        if slot in YES_NO_SLOTS:
            answer = self._yes_no_answer(slot, text, intent, dispatcher, tracker)
        elif slot == "suspect_relationship":
            answer = Answer({slot: self._relationship(text), "suspect_details": text})
        elif slot == "fear":
            answer = Answer({slot: self._fear(text)})
        else:
            answer = Answer({slot: text})
        if slot == "contact_method" and asks_to_share_with_police(text):
            # "Phone my mobile after 10am. I'd like it shared with the police too": both answered
            answer.slots.setdefault("share_with_police", "yes")
        # "no, please don't save it" after it was saved: consent is withdrawn, the record goes.
        if slot in ("contact_method", "share_with_police") and refuses_saving(text):
            return Answer(withdraw_consent(dispatcher, tracker))
        if answer.reask or slot in CONSENT_SLOTS:
            return answer
        elsewhere = self.answers_elsewhere(slot, text, tracker)
        if elsewhere:
            # They answered another question: keep that, and ask this one again.
            learned = self.learn_from(text, next(iter(elsewhere)), tracker, dispatcher, elsewhere)
            return Answer({**elsewhere, **learned, slot: None})
        said = next(iter(answer.slots))
        answer.slots.update(self.learn_from(text, said, tracker, dispatcher, answer.slots))
        return answer

    def _yes_no_answer(
        self, slot: str, text: str, intent: str | None, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> Answer:
        meaning = yes_no(intent, text)
        if slot == "safe_to_talk":
            if meaning == "no":
                dispatcher.utter_message(response="utter_not_safe_to_talk")
                return Answer({slot: "no"})
            if meaning is None and (len(text.split()) >= 8 or intent == "report_stalking"):
                # They started telling their story instead of answering ("my ex won't leave me alone"):
                # they can talk.
                return Answer({slot: "yes", "narrative": text})
            if meaning is None and intent == "greet":
                return Answer(reask="utter_greet_before_safety_check")  # "hi" is not a puzzling answer
            return Answer({slot: meaning}) if meaning else Answer(reask="utter_explain_yes_no")
        if slot == "confirm_save":
            # Consent must be a clear yes or no, typed or tapped (never a forced /intent).
            if meaning == "yes":
                return Answer(save_with_consent(dispatcher, tracker, {**tracker.slots, slot: "yes"}))
            if meaning == "no":
                return Answer({slot: "no"})
            changes = self.correction(tracker, text)  # "it was Tuesday": change it, read back again
            return Answer(changes, reask="utter_correction_noted" if changes else "utter_explain_confirm")
        if slot == "share_with_police":
            if meaning == SKIPPED:
                return Answer({slot: "no"})  # not sharing is the safe reading of "rather not say"
            return (
                Answer({slot: meaning}) if meaning in ("yes", "no") else Answer(reask="utter_explain_yes_no")
            )
        return Answer({slot: meaning if meaning in ("yes", "no", SKIPPED) else text})

    def already_said(self, tracker: Tracker) -> dict[str, Any]:
        """ "yes im fine, on my own" or "I'm safe now", said before the report, answers "safe to talk?"."""
        if tracker.get_slot("safe_to_talk"):
            return {}
        earlier = [
            str(event.get("text") or "") for event in tracker.events if event.get("event") == "user"
        ][:-1]  # not the message that started the report
        # (or "police have lifted him, im ok" after an emergency: they have just said they are safe)
        said = any(says_safe_to_talk(text) or says_safe_now(text) for text in earlier[-3:])
        return {"safe_to_talk": "yes"} if said else {}

    def save_now(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, slots: dict[str, Any], text: str
    ) -> dict[str, Any]:
        """ "Yes please save it (and share it with the police)": saved at once, as a yes to the
        consent question would; contact is still asked, and sharing unless they said it here."""
        if asks_to_share_with_police(text):
            slots = {**slots, "share_with_police": "yes"}
        saved = save_with_consent(dispatcher, tracker, {**slots, "confirm_save": "yes"})
        if saved.get("confirm_save") == "yes" and slots.get("share_with_police") == "yes":
            saved["share_with_police"] = "yes"
        return saved

    @staticmethod
    def answers_elsewhere(slot: str, text: str, tracker: Tracker) -> dict[str, str]:
        """For an answer that says nothing about `slot` but answers other unasked questions."""
        if slot not in CHECKED_SLOTS:
            return {}
        if slot == "behaviours" and len(text.split()) >= _A_STORY:
            return {}  # asked what he does, they told the story of it: that answers it (and more)
        found = answers_in(extract_facts(text))
        if slot in found or (slot == "suspect_relationship" and relationship_answer(text)):
            return {}
        return {s: v for s, v in found.items() if s in CHECKED_SLOTS and tracker.get_slot(s) in (None, "")}

    @staticmethod
    def _relationship(text: str) -> str:
        found = relationship_answer(text)
        if found:
            return found
        return "unknown" if _DONT_KNOW.search(text.lower()) else text

    @staticmethod
    def _fear(text: str) -> str:
        lowered = text.lower()
        for pattern, level in _FEAR:
            if pattern.search(lowered):
                return level
        return text

    def learn_from(
        self,
        text: str,
        answered: str,
        tracker: Tracker,
        dispatcher: CollectingDispatcher,
        answer: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Other questions this text answers, who is reporting, where, and the new risk level."""
        facts = extract_facts(text)
        learned: dict[str, Any] = {
            slot: value
            for slot, value in answers_in(facts).items()
            if slot != answered and tracker.get_slot(slot) in (None, "")
        }
        sources = dict(tracker.get_slot("field_sources") or {})
        sources[answered] = "said"
        sources.update({slot: "inferred" for slot in learned})
        learned["field_sources"] = sources
        if facts.reporter and not tracker.get_slot("reporter"):
            learned["reporter"] = facts.reporter
        if facts.nation and not tracker.get_slot("nation"):
            learned["nation"] = facts.nation
        learned["risk_markers"] = sorted(set(tracker.get_slot("risk_markers") or []) | risk_markers(facts))
        learned["behaviour_kinds"] = sorted(
            set(tracker.get_slot("behaviour_kinds") or []) | set(facts.behaviours)
        )
        now_known = {**tracker.slots, **learned, **(answer or {answered: text})}
        learned.update(self.retriage(now_known, tracker, dispatcher))
        return learned

    @staticmethod
    def retriage(
        values: dict[str, Any], tracker: Tracker, dispatcher: CollectingDispatcher
    ) -> dict[str, Any]:
        """Assess risk again; say so when it rises to high. The level never drops."""
        previous = tracker.get_slot("risk_level") or "unknown"
        level, reasons = assess_slots(values, previous=previous)
        if level == previous:
            return {"risk_reasons": reasons}
        if level == "high" and previous in ("standard", "unknown") and tracker.get_slot("requested_slot"):
            dispatcher.utter_message(response="utter_risk_raised")
        return {"risk_level": level, "risk_reasons": reasons}

    def correction(self, tracker: Tracker, text: str) -> dict[str, Any]:
        """ "actually it was Tuesday": change what the words answer, else the previous answer.

        Words that answer a question not yet answered ("it started in May, sorry, I meant March")
        are kept there, in the person's own words. The story itself is never replaced: a
        correction to it is added to it, so nothing they said is lost.
        """
        corrected = _CORRECTION_LEAD.sub("", text).strip() or text
        answered = {slot for slot in REPORT_SLOTS if tracker.get_slot(slot) not in (None, "")}
        answers = {
            slot: v for slot, v in answers_in(extract_facts(corrected)).items() if slot in REPORT_SLOTS
        }
        found = {slot: v for slot, v in answers.items() if slot in answered}
        if not found:
            found = {slot: corrected for slot in answers if slot not in CONSENT_SLOTS}
        if not found and tracker.get_slot("requested_slot") != "confirm_save":
            previous = tracker.get_slot("last_answered_slot")
            if previous == "narrative" and tracker.get_slot("narrative"):
                found = {previous: f"{tracker.get_slot('narrative')} (Correction: {corrected})"}
            elif previous:
                found = {previous: corrected}
        sources = dict(tracker.get_slot("field_sources") or {})
        sources.update({slot: "said" for slot in found})
        return {**found, "field_sources": sources} if found else {}
