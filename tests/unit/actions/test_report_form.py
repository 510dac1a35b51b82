"""validate_report_form: one question at a time, only what is missing, never forged, always escapable."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.report_form import ValidateReportForm
from bot.intake.questions import CONSENT_SLOTS
from bot.records import store
from tests.unit.actions.conftest import make_tracker, slot, slot_sets, texts, user

ASKED = "report_form"


async def answer(domain, requested, text, intent, *, confidence=0.95, slots=None, candidate=True):
    """The user answers `requested`: the form's slot candidate is the last event, as Rasa sends it."""
    events = [slot("requested_slot", requested), user(text, intent, confidence)]
    if candidate:
        events.append(slot(requested, text))
    tracker = make_tracker(*events, slots={"requested_slot": requested, **(slots or {})}, active_loop=ASKED)
    dispatcher = CollectingDispatcher()
    result = await ValidateReportForm().run(dispatcher, tracker, domain)
    return dispatcher, result


@pytest.mark.asyncio
async def test_stop_mid_form_sets_nothing_so_the_stop_rule_takes_over(domain):
    dispatcher, events = await answer(domain, "location", "stop", "stop", candidate=False)
    assert events == [] and dispatcher.messages == []


@pytest.mark.asyncio
async def test_danger_the_rules_see_mid_form_sets_nothing_so_the_emergency_rule_takes_over(domain):
    signals = [{"kind": "suspect_present", "evidence": "he is outside now"}]
    events = [
        slot("requested_slot", "location"),
        user("he is outside now", "emergency", 1.0, danger_signals=signals),
    ]
    tracker = make_tracker(*events, slots={"requested_slot": "location"}, active_loop=ASKED)
    assert await ValidateReportForm().run(CollectingDispatcher(), tracker, domain) == []


@pytest.mark.asyncio
async def test_a_near_certain_classifier_emergency_mid_form_also_interrupts(domain):
    _, events = await answer(
        domain, "location", "please help me", "emergency", confidence=0.995, candidate=False
    )
    assert events == []


@pytest.mark.parametrize(("probability", "interrupts"), [(0.97, True), (0.92, False), (0.85, False)])
@pytest.mark.asyncio
async def test_the_learned_model_alone_interrupts_mid_report_only_above_its_stricter_bar(
    domain, probability, interrupts
):
    text = "He's dad's downstairs neighbour. I don't know his name."
    signals = [{"kind": "learned", "evidence": text, "probability": probability}]
    events = [
        slot("requested_slot", "suspect_relationship"),
        user(text, "emergency", probability, danger_signals=signals),
    ]
    tracker = make_tracker(*events, slots={"requested_slot": "suspect_relationship"}, active_loop=ASKED)
    result = await ValidateReportForm().run(CollectingDispatcher(), tracker, domain)
    if interrupts:
        assert result == []
    else:
        assert slot_sets(result)["emergency_active"] is False
        assert slot_sets(result)["suspect_relationship"] == "neighbour"


@pytest.mark.asyncio
async def test_an_unsure_classifier_alarm_on_an_answer_is_taken_as_the_answer(domain):
    _, events = await answer(
        domain,
        "suspect_relationship",
        "He's my brother, so family. He's 42.",
        "emergency",
        confidence=0.9,
        candidate=False,  # the slot mappings leave out messages classified as emergencies
    )
    set_now = slot_sets(events)
    assert set_now["emergency_active"] is False
    assert set_now["suspect_relationship"] == "family"


@pytest.mark.asyncio
async def test_a_typed_slash_intent_is_never_consent(domain):
    dispatcher, events = await answer(domain, "confirm_save", "/affirm", "affirm", confidence=1.0)
    assert slot_sets(events) == {"confirm_save": None}
    assert texts(dispatcher) == ["utter_message_unclear"]


@pytest.mark.asyncio
@pytest.mark.parametrize("text", ["yes", "Yes please save it", "yeah go ahead"])
async def test_a_clear_yes_saves(domain, text):
    _, events = await answer(domain, "confirm_save", text, "affirm", slots={"narrative": "he follows me"})
    assert slot_sets(events)["confirm_save"] == "yes"
    assert slot_sets(events)["incident_reference"].startswith("SK-")


@pytest.mark.asyncio
async def test_an_unclear_consent_is_asked_again_with_an_explanation(domain):
    dispatcher, events = await answer(domain, "confirm_save", "hmm maybe", "inform")
    assert slot_sets(events)["confirm_save"] is None
    assert "utter_explain_confirm" in texts(dispatcher)


@pytest.mark.asyncio
async def test_the_second_failed_answer_offers_to_skip_or_stop(domain):
    dispatcher, _ = await answer(domain, "confirm_save", "hmm", "inform", slots={"reask_count": 1})
    assert texts(dispatcher) == ["utter_explain_confirm", "utter_offer_skip_or_stop"]


@pytest.mark.asyncio
async def test_skip_marks_the_question_skipped(domain):
    _, events = await answer(domain, "witnesses", "rather not say", "skip")
    assert slot_sets(events)["witnesses"] == "skipped"


@pytest.mark.asyncio
async def test_a_question_mid_form_is_answered_and_the_question_asked_again(domain):
    dispatcher, events = await answer(domain, "evidence", "what is an spo", "ask_spo", candidate=False)
    assert texts(dispatcher) == ["utter_spo"]
    assert slot_sets(events) == {"evidence": None}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text, intent, response",
    [
        ("what's the 55 thing", "ask_silent_solution", "utter_silent_solution"),
        ("what do I do if he turns up", "ask_if_he_comes", "utter_if_he_comes"),
    ],
)
async def test_safety_questions_mid_form_are_answered(domain, text, intent, response):
    dispatcher, events = await answer(domain, "evidence", text, intent, candidate=False)
    assert texts(dispatcher) == [response]
    assert slot_sets(events) == {"evidence": None}


@pytest.mark.asyncio
async def test_thats_all_skips_to_the_consent_questions(domain):
    _, events = await answer(
        domain,
        "witnesses",
        "that's all I want to say",
        "finish",
        candidate=False,
        slots={"safe_to_talk": "yes", "narrative": "he follows me"},
    )
    set_now = slot_sets(events)
    assert set_now["impact"] == "skipped" and set_now["history"] == "skipped"
    for consent in CONSENT_SLOTS:
        assert consent not in set_now or set_now[consent] is None


@pytest.mark.asyncio
async def test_not_safe_to_talk_ends_the_questions(domain):
    dispatcher, events = await answer(domain, "safe_to_talk", "no", "deny")
    assert slot_sets(events)["safe_to_talk"] == "no"
    assert "utter_not_safe_to_talk" in texts(dispatcher)
    tracker = make_tracker(slots={"safe_to_talk": "no"})
    assert await ValidateReportForm().required_slots(["narrative"], dispatcher, tracker, domain) == []


@pytest.mark.asyncio
async def test_a_greeting_instead_of_yes_is_greeted_and_the_question_asked_again(domain):
    dispatcher, events = await answer(domain, "safe_to_talk", "hi", "greet")
    assert slot_sets(events)["safe_to_talk"] is None
    assert "utter_greet_before_safety_check" in texts(dispatcher)
    assert "utter_explain_yes_no" not in texts(dispatcher)


@pytest.mark.asyncio
async def test_a_short_story_instead_of_yes_means_it_is_safe_and_is_kept(domain):
    dispatcher, events = await answer(domain, "safe_to_talk", "my ex won't leave me alone", "report_stalking")
    slots = slot_sets(events)
    assert slots["safe_to_talk"] == "yes" and slots["narrative"] == "my ex won't leave me alone"
    assert "utter_explain_yes_no" not in texts(dispatcher)


@pytest.mark.asyncio
async def test_a_story_instead_of_yes_means_it_is_safe_and_is_kept(domain):
    story = "my ex keeps turning up at my work and sending me messages every night"
    _, events = await answer(domain, "safe_to_talk", story, "report_stalking")
    slots = slot_sets(events)
    assert slots["safe_to_talk"] == "yes"
    assert slots["narrative"] == story


@pytest.mark.asyncio
async def test_the_narrative_answers_other_questions_as_inferred(domain):
    story = "my ex boyfriend has been following me home from work and texting me constantly"
    _, events = await answer(domain, "narrative", story, "report_stalking", slots={"safe_to_talk": "yes"})
    slots = slot_sets(events)
    assert slots["narrative"] == story
    assert slots["suspect_relationship"] == "ex-partner"
    assert slots["field_sources"]["narrative"] == "said"
    assert slots["field_sources"]["suspect_relationship"] == "inferred"


@pytest.mark.asyncio
async def test_an_ex_partner_raises_the_risk_to_high(domain):
    _, events = await answer(
        domain, "suspect_relationship", "he's my ex", "inform", slots={"risk_level": "standard"}
    )
    assert slot_sets(events)["risk_level"] == "high"


@pytest.mark.asyncio
async def test_a_threat_mid_report_raises_the_risk_and_says_so(domain):
    dispatcher, events = await answer(domain, "threats", "yes", "affirm", slots={"risk_level": "standard"})
    assert slot_sets(events)["risk_level"] == "high"
    assert "utter_risk_raised" in texts(dispatcher)


@pytest.mark.asyncio
async def test_the_risk_level_never_drops(domain):
    _, events = await answer(domain, "threats", "no", "deny", slots={"risk_level": "high"})
    assert slot_sets(events).get("risk_level", "high") == "high"


@pytest.mark.asyncio
async def test_a_correction_changes_the_previous_answer(domain):
    dispatcher, events = await answer(
        domain,
        "location",
        "actually it was tuesday not monday",
        "correct",
        candidate=False,
        slots={"latest_when": "monday", "last_answered_slot": "latest_when"},
    )
    slots = slot_sets(events)
    assert "tuesday" in slots["latest_when"].lower()
    assert slots["location"] is None  # the current question is asked again
    assert texts(dispatcher) == ["utter_correction_noted"]


@pytest.mark.asyncio
async def test_a_correction_that_answers_an_unasked_question_is_kept_there_and_the_story_is_untouched(domain):
    story = "A man keeps following me to the shops and standing at the end of my path staring"
    _, events = await answer(
        domain,
        "suspect_relationship",
        "It started in May. Sorry, not May, I meant March",
        "correct",
        candidate=False,
        slots={"narrative": story, "last_answered_slot": "narrative"},
    )
    slots = slot_sets(events)
    assert slots["pattern"] == "It started in May. Sorry, not May, I meant March"
    assert "narrative" not in slots
    assert slots["suspect_relationship"] is None  # asked again


@pytest.mark.asyncio
async def test_a_correction_to_the_story_is_added_to_it_not_put_in_its_place(domain):
    story = "He keeps turning up at my work and waiting by my car"
    _, events = await answer(
        domain,
        "suspect_relationship",
        "sorry I meant my old work, not this one",
        "correct",
        candidate=False,
        slots={"narrative": story, "last_answered_slot": "narrative"},
    )
    narrative = slot_sets(events)["narrative"]
    assert narrative.startswith(story) and "my old work, not this one" in narrative


@pytest.mark.asyncio
async def test_a_town_given_when_asked_who_is_filed_as_the_place(domain):
    _, events = await answer(domain, "suspect_relationship", "I'm in Brighton", "inform")
    slots = slot_sets(events)
    assert "Brighton" in slots["location"]
    assert slots["suspect_relationship"] is None


@pytest.mark.asyncio
async def test_someone_reporting_for_a_friend_is_a_third_party_reporter(domain):
    story = "my friend is being stalked by her ex he keeps turning up at her flat"
    _, events = await answer(domain, "narrative", story, "report_stalking", slots={"safe_to_talk": "yes"})
    assert slot_sets(events)["reporter"] == "someone-else"


@pytest.mark.asyncio
async def test_asking_about_saving_mid_report_goes_straight_to_the_consent_question(domain):
    _, events = await answer(
        domain,
        "impact",
        "should I save it?",
        "inform",
        candidate=False,
        slots={"safe_to_talk": "yes", "narrative": "he follows me"},
    )
    set_now = slot_sets(events)
    assert set_now["impact"] == "skipped" and set_now["history"] == "skipped"
    assert "confirm_save" not in set_now


@pytest.mark.asyncio
async def test_yes_please_save_it_mid_report_is_consent_and_saves_at_once(domain):
    dispatcher, events = await answer(
        domain,
        "fear",
        "yes save it and the police can have it. is there anything for men?",
        "affirm",
        candidate=False,
        slots={"safe_to_talk": "yes", "narrative": "my ex keeps turning up at my gym", "reporter": "self"},
    )
    set_now = slot_sets(events)
    assert set_now["confirm_save"] == "yes" and set_now["share_with_police"] == "yes"
    assert set_now["fear"] == "skipped"
    assert "utter_report_saved" in texts(dispatcher)
    incident = store.get_incident(context.records(), set_now["incident_reference"])
    assert incident.consent_keep and incident.consent_share_police
    assert "contact_method" not in set_now  # how to contact them safely is still asked


@pytest.mark.asyncio
async def test_an_answer_to_another_question_is_filed_there_and_this_one_asked_again(domain):
    _, events = await answer(
        domain,
        "latest_when",
        "he's my ex boyfriend, we split up and now he won't stop",
        "inform",
        slots={"safe_to_talk": "yes", "narrative": "he follows me"},
    )
    set_now = slot_sets(events)
    assert set_now["suspect_relationship"] == "ex-partner"
    assert set_now["latest_when"] is None


@pytest.mark.asyncio
async def test_a_short_answer_is_taken_as_given(domain):
    _, events = await answer(domain, "latest_when", "the other day", "inform")
    assert slot_sets(events)["latest_when"] == "the other day"


@pytest.mark.asyncio
async def test_goodbye_mid_form_sets_nothing_so_the_person_can_leave(domain):
    dispatcher, events = await answer(domain, "impact", "bye", "goodbye", candidate=False)
    assert events == [] and dispatcher.messages == []


@pytest.mark.asyncio
async def test_a_short_answer_to_another_question_is_filed_there(domain):
    _, events = await answer(
        domain,
        "suspect_relationship",
        "about six weeks ago",
        "inform",
        slots={"safe_to_talk": "yes", "narrative": "someone messages me"},
    )
    set_now = slot_sets(events)
    assert "six weeks ago" in set_now["latest_when"]
    assert set_now["suspect_relationship"] is None


@pytest.mark.asyncio
async def test_consent_cannot_be_skipped(domain):
    dispatcher, events = await answer(domain, "confirm_save", "rather not say", "skip")
    assert slot_sets(events)["confirm_save"] is None
    assert "utter_explain_confirm" in texts(dispatcher)


@pytest.mark.asyncio
async def test_a_story_told_when_asked_what_he_does_answers_it_and_is_not_asked_again(domain):
    story = (
        "there's a guy who keeps making new accounts every time I ban him. he's found my Instagram "
        "and my old TikTok, and he DMed me a screenshot of my street saying 'nice area'"
    )
    _, events = await answer(domain, "behaviours", story, "report_stalking", slots={"safe_to_talk": "yes"})
    slots = slot_sets(events)
    assert slots["behaviours"] == story
    assert slots.get("pattern")  # what else it tells is filed where it belongs too


@pytest.mark.asyncio
async def test_a_question_asked_with_save_it_is_answered_and_the_report_saved(domain):
    dispatcher, events = await answer(
        domain,
        "impact",
        "yeah fine save it. do I have to give my name to the police?",
        "ask_anonymous",
        candidate=False,
        slots={"safe_to_talk": "yes", "narrative": "a lad from school keeps messaging me", "reporter": "self"},
    )
    assert texts(dispatcher)[0] == "utter_anonymous"
    assert "utter_report_saved" in texts(dispatcher)
    assert slot_sets(events)["confirm_save"] == "yes"


@pytest.mark.asyncio
async def test_dont_save_anything_mid_report_ends_the_questions_with_nothing_kept(domain):
    _, events = await answer(
        domain,
        "witnesses",
        "no. dont save anything. i dont want it written down anywhere",
        "deny",
        slots={"safe_to_talk": "yes", "narrative": "my ex keeps showing up"},
    )
    set_now = slot_sets(events)
    assert set_now["confirm_save"] == "no"
    # Rasa's form stops only when the validation itself clears requested_slot (conversations_heldout8:
    # without it the question was asked again, and again)
    assert "requested_slot" in set_now and set_now["requested_slot"] is None
    tracker = make_tracker(slots={"confirm_save": "no"})
    assert await ValidateReportForm().required_slots(["narrative"], CollectingDispatcher(), tracker, domain) == []


@pytest.mark.asyncio
async def test_sharing_said_with_the_contact_answer_is_not_asked_again(domain):
    _, events = await answer(
        domain,
        "contact_method",
        "Phone my mobile, but not before 10am. I'd like it shared with the police too",
        "inform",
        slots={"safe_to_talk": "yes", "narrative": "my dad keeps turning up", "confirm_save": "yes"},
    )
    set_now = slot_sets(events)
    assert set_now["share_with_police"] == "yes"
    assert "not before 10am" in set_now["contact_method"]


@pytest.mark.asyncio
async def test_safe_to_talk_said_before_the_report_began_is_not_asked_again(domain):
    tracker = make_tracker(
        user("yes im fine, on my own", "affirm", 0.9),
        user("my ex keeps showing up at my flat and messaging my boss", "report_stalking", 0.9),
        active_loop=ASKED,
    )
    events = await ValidateReportForm().run(CollectingDispatcher(), tracker, domain)
    assert slot_sets(events)["safe_to_talk"] == "yes"


@pytest.mark.asyncio
async def test_the_report_asks_whether_it_is_safe_when_nobody_said(domain):
    tracker = make_tracker(
        user("hi", "greet", 0.9),
        user("my ex keeps showing up at my flat and messaging my boss", "report_stalking", 0.9),
        active_loop=ASKED,
    )
    events = await ValidateReportForm().run(CollectingDispatcher(), tracker, domain)
    assert "safe_to_talk" not in slot_sets(events)


@pytest.mark.asyncio
async def test_consent_in_plain_words_is_an_answer_even_when_the_classifier_hears_a_question(domain):
    # conversations_heldout7: "I think it's time" was read as "am I overreacting?" at 0.96
    text = "Yes, save it please. And share it with the police, I think it's time"
    dispatcher, events = await answer(
        domain, "confirm_save", text, "ask_overreacting", slots={"narrative": "he follows me"}
    )
    assert "utter_overreacting" not in texts(dispatcher)
    assert slot_sets(events)["confirm_save"] == "yes"


@pytest.mark.asyncio
async def test_a_real_question_at_the_consent_step_is_still_answered(domain):
    dispatcher, events = await answer(
        domain, "confirm_save", "am I overreacting?", "ask_overreacting", candidate=False
    )
    assert texts(dispatcher) == ["utter_overreacting"]
    assert slot_sets(events) == {"confirm_save": None}


@pytest.mark.asyncio
async def test_safe_said_after_an_emergency_is_not_asked_again_when_the_report_carries_on(domain):
    tracker = make_tracker(
        user("hes standing at the end of my street right now", "emergency", 1.0),
        user("police have lifted him. my sister's here with me now, im ok", "safe_now", 0.9),
        user("aye go on, i want it all on record", "affirm", 0.9),
        active_loop=ASKED,
    )
    events = await ValidateReportForm().run(CollectingDispatcher(), tracker, domain)
    assert slot_sets(events)["safe_to_talk"] == "yes"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "text",
    ["Yes please keep it, and yes give it to the police", "Right. Yes, do keep a record please"],
)
async def test_consent_given_while_another_question_was_asked_saves_the_report(domain, text):
    _, events = await answer(domain, "threats", text, "affirm", slots={"narrative": "he follows me"})
    set_now = slot_sets(events)
    assert set_now["confirm_save"] == "yes"
    assert set_now["incident_reference"].startswith("SK-")
    assert set_now["threats"] != "yes"  # the yes was to keeping it, not to being threatened


@pytest.mark.asyncio
async def test_consent_at_any_question_is_not_taken_for_a_question_about_anonymity(domain):
    text = "yes you can keep it and the police can have it"
    dispatcher, events = await answer(domain, "behaviours", text, "ask_anonymous", slots={"narrative": "he follows me"})
    assert "utter_anonymous" not in texts(dispatcher)
    assert slot_sets(events)["confirm_save"] == "yes"
