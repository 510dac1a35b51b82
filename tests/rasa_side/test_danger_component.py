"""The NLU danger detector forces the emergency intent whatever the classifier said."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlu import danger_detector
from bot.nlu.danger_detector import DangerSignalDetector
from bot.triage import danger_model
from bot.triage.danger import detect

# The rules do not see this one; the learned model does (tests/unit/triage/test_danger_model.py).
RULES_MISS = "my ex has just climbed over the back fence and is looking through the kitchen window"


def classified(text: str, intent: str, confidence: float) -> Message:
    message = Message(data={"text": text})
    message.set("intent", {"name": intent, "confidence": confidence}, add_to_output=True)
    message.set("intent_ranking", [{"name": intent, "confidence": confidence}], add_to_output=True)
    return message


def _ranked(text: str, ranking: list[tuple[str, float]]) -> Message:
    message = classified(text, *ranking[0])
    message.set("intent_ranking", [{"name": n, "confidence": c} for n, c in ranking], add_to_output=True)
    return message


def run(message: Message) -> Message:
    return DangerSignalDetector(DangerSignalDetector.get_default_config()).process([message])[0]


@pytest.mark.parametrize(
    ("text", "classifier_said"),
    [
        ("hes at the door again banging wont stop", "report_stalking"),
        ("he's outside my house right now", "inform"),
        ("someone is trying to get in through the back door", "nlu_fallback"),
        ("i'm hiding in the bathroom he's in the house", "greet"),
    ],
)
def test_danger_now_becomes_an_emergency_whatever_the_classifier_said(text, classifier_said):
    message = run(classified(text, classifier_said, 0.9))
    assert message.get("intent") == {"name": "emergency", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "emergency"
    assert message.get("danger_signals"), "the signals are evidence for the call handler"


def test_the_classifiers_own_emergency_is_kept_when_the_rules_see_nothing():
    message = run(classified("please help something is really wrong", "emergency", 0.995))
    assert message.get("intent")["name"] == "emergency"


def test_a_classifier_emergency_short_of_certain_is_not_enough_alone():
    message = _ranked("does paladin help people in northern ireland", [("emergency", 0.96), ("ask_help", 0.02)])
    assert run(message).get("intent")["name"] == "ask_help"


def test_a_classifier_emergency_the_rules_judge_past_is_not_an_emergency():
    message = run(classified("two weeks ago he said he would kill me", "emergency", 0.97))
    assert message.get("intent")["name"] == "report_stalking"


def test_an_unsure_classifier_emergency_the_rules_do_not_see_is_not_an_emergency():
    message = classified("it's driving me mad, he sends voice notes every night", "emergency", 0.6)
    message.set(
        "intent_ranking",
        [{"name": "emergency", "confidence": 0.6}, {"name": "report_stalking", "confidence": 0.3}],
        add_to_output=True,
    )
    assert run(message).get("intent")["name"] == "report_stalking"


def test_the_classifiers_intent_is_kept_for_the_record():
    message = run(classified("he's outside my door now", "inform", 0.5))
    assert message.get("classifier_intent") == {"name": "inform", "confidence": 0.5}


def test_a_calm_report_is_left_alone():
    message = run(classified("he keeps liking all my old photos on instagram", "report_stalking", 0.9))
    assert message.get("intent")["name"] == "report_stalking"
    assert message.get("danger_signals") == []


def test_the_signals_are_in_the_parse_output():
    message = run(classified("he's outside my door now", "inform", 0.5))
    assert "danger_signals" in message.as_dict(only_output_properties=True)


def test_danger_only_the_learned_model_sees_becomes_an_emergency_with_its_evidence():
    assert not detect(RULES_MISS).is_emergency
    message = run(classified(RULES_MISS, "report_stalking", 0.7))
    assert message.get("intent")["name"] == "emergency"
    [signal] = message.get("danger_signals")
    assert signal["kind"] == "learned" and signal["evidence"] == RULES_MISS
    assert signal["probability"] >= danger_model.load().threshold


def test_without_the_learned_model_the_rules_and_classifier_still_run(monkeypatch):
    def unavailable(text):
        raise danger_model.DangerModelError("danger_model.json: cannot read (OSError)")

    monkeypatch.setattr(danger_detector.danger_model, "opinion", unavailable)
    assert run(classified(RULES_MISS, "report_stalking", 0.7)).get("intent")["name"] == "report_stalking"
    assert run(classified("he's outside my door now", "inform", 0.5)).get("intent")["name"] == "emergency"


def test_an_unsure_safe_is_not_a_way_out_of_the_emergency_path():
    message = _ranked("Yes share it with the police", [("safe_now", 0.44), ("affirm", 0.3)])
    assert run(message).get("intent")["name"] == "affirm"


def test_safe_said_in_so_many_words_is_a_way_out_even_when_unsure():
    message = _ranked("ok I'm safe, he's gone", [("safe_now", 0.5), ("affirm", 0.3)])
    assert run(message).get("intent")["name"] == "safe_now"


def test_a_confident_safe_is_a_way_out():
    message = _ranked("all good thanks, sorted", [("safe_now", 0.93), ("thank", 0.05)])
    assert run(message).get("intent")["name"] == "safe_now"


@pytest.mark.parametrize(
    ("text", "classifier_said"),
    [
        ("aye im fine now, my dad's here to take me home", "nlu_fallback"),
        ("ok ill call samaritans after this. im safe right now, ellie's staying with me", "ask_overreacting"),
        ("polis came, he legged it but they know who he is", "ask_anonymous"),
    ],
)
def test_safe_in_so_many_words_is_a_way_out_whatever_the_classifier_made_of_it(text, classifier_said):
    message = _ranked(text, [(classifier_said, 0.45), ("safe_now", 0.3)])
    assert run(message).get("intent")["name"] == "safe_now"


def test_a_report_that_says_safe_stays_a_report():
    text = "I'm safe at the moment but my ex has been following me to work for weeks"
    message = _ranked(text, [("report_stalking", 0.85), ("safe_now", 0.1)])
    assert run(message).get("intent")["name"] == "report_stalking"


def test_saying_safe_while_the_rules_see_danger_is_still_an_emergency():
    message = _ranked("I'm ok but he's still outside the door", [("safe_now", 0.6), ("inform", 0.2)])
    assert run(message).get("intent")["name"] == "emergency"


def test_an_unsure_delete_request_needs_the_words_for_it():
    message = _ranked("aye go on, i want it all on record", [("request_delete", 0.38), ("affirm", 0.27)])
    assert run(message).get("intent")["name"] == "affirm"
    message = _ranked("please wipe what I told you", [("request_delete", 0.5), ("affirm", 0.2)])
    assert run(message).get("intent")["name"] == "request_delete"


def test_an_unsure_silent_solution_question_needs_the_words_for_it():
    message = _ranked("hi im 16 is that ok", [("ask_silent_solution", 0.47), ("ask_help", 0.17)])
    assert run(message).get("intent")["name"] == "ask_help"


def test_a_report_that_says_twice_the_danger_is_over_is_a_way_out():
    text = "Police have been and taken a statement. I'm safe, my brother's staying with me. Can we finish this"
    message = _ranked(text, [("report_stalking", 0.99), ("emergency", 0.01)])
    assert run(message).get("intent")["name"] == "safe_now"


def test_saying_they_have_to_go_is_a_goodbye_whatever_the_classifier_made_of_it():
    text = "sorry I've got to go, my bus is here. I'll maybe do this another time"
    message = _ranked(text, [("inform", 0.6), ("goodbye", 0.2)])
    assert run(message).get("intent")["name"] == "goodbye"


def test_having_to_go_because_of_danger_is_still_an_emergency():
    message = _ranked("gotta go hes outside the door", [("goodbye", 0.7), ("inform", 0.2)])
    assert run(message).get("intent")["name"] == "emergency"


def test_an_unsure_classifier_emergency_does_not_hide_what_the_words_say():
    # make run, final check of the session: "got to go" read as an emergency at 0.50, then as inform
    message = _ranked("sorry I've got to go, my bus is here", [("emergency", 0.5), ("inform", 0.5)])
    assert run(message).get("intent")["name"] == "goodbye"
    message = _ranked("police came and took him away, I'm safe now", [("emergency", 0.6), ("inform", 0.3)])
    assert run(message).get("intent")["name"] == "safe_now"
