"""The pure intake core: what answers mean, what a story tells us, what the record holds."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.intake.answers import (
    answers_in,
    asks_to_delete,
    asks_to_save,
    asks_to_share_with_police,
    is_forced_intent,
    refuses_saving,
    relationship_answer,
    says_leaving,
    says_safe_now,
    says_safe_to_talk,
    yes_no,
)
from bot.intake.case import advice, assess_slots, record_of
from bot.intake.questions import CONSENT_SLOTS, REPORT_SLOTS, SKIPPED, missing_slots, skip_to_consent
from bot.intake.readback import read_back
from bot.triage.facts import extract_facts

LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    ("intent", "text", "meaning"),
    [
        ("affirm", "yes", "yes"),
        ("inform", "yeah go ahead", "yes"),
        ("inform", "Yes please save it", "yes"),
        ("inform", "ok", "yes"),
        ("deny", "no", "no"),
        ("inform", "nope", "no"),
        ("inform", "no don't save it", "no"),
        ("skip", "pass", SKIPPED),
        ("inform", "I'd rather not say", SKIPPED),
        ("inform", "don't know", SKIPPED),
        ("inform", "not sure", SKIPPED),
        ("inform", "he said he'd hurt my dog", None),
        ("inform", "maybe", None),
    ],
)
def test_yes_no_reads_plain_answers(intent, text, meaning):
    assert yes_no(intent, text) == meaning


@pytest.mark.parametrize("text", ["/affirm", "  /affirm", "\uff0faffirm", '/intent{"a": 1}'])
def test_typed_intents_are_recognised(text):
    assert is_forced_intent(text)


@pytest.mark.parametrize("text", ["affirm", "yes", "he wrote /affirm on my wall"])
def test_ordinary_text_is_not_a_forced_intent(text):
    assert not is_forced_intent(text)


def test_a_story_answers_the_questions_it_covers():
    found = answers_in(extract_facts("my ex boyfriend keeps following me home and texting me every day"))
    assert found["suspect_relationship"] == "ex-partner"
    assert "following" in found["behaviours"]


def test_a_story_with_nothing_specific_answers_nothing():
    assert answers_in(extract_facts("it's hard to explain")) == {}


def test_questions_are_asked_in_order_and_only_when_missing():
    assert missing_slots({}) == list(REPORT_SLOTS)
    assert missing_slots({"safe_to_talk": "yes", "narrative": "x"})[0] == "behaviours"


def test_thats_all_skips_everything_but_consent():
    skipped = skip_to_consent({"safe_to_talk": "yes", "narrative": "x"})
    assert set(skipped) == set(REPORT_SLOTS) - {"safe_to_talk", "narrative", *CONSENT_SLOTS}
    assert set(skipped.values()) == {SKIPPED}


@pytest.mark.parametrize(
    ("slots", "previous", "level"),
    [
        ({}, "unknown", "unknown"),
        ({"behaviour_kinds": ["contacting"]}, "unknown", "standard"),
        ({"suspect_relationship": "ex-partner"}, "unknown", "high"),
        ({"threats": "yes"}, "standard", "high"),
        ({"violence": "yes"}, "unknown", "high"),
        ({"fear": "very frightened"}, "unknown", "high"),
        ({"threats": "no", "violence": "no"}, "high", "high"),
        ({}, "emergency", "emergency"),
    ],
)
def test_risk_rises_with_what_is_known_and_never_drops(slots, previous, level):
    assert assess_slots(slots, previous=previous)[0] == level


def test_the_record_keeps_said_and_inferred_apart_and_drops_skipped_answers():
    record = record_of(
        {
            "narrative": "he follows me",
            "location": "work",
            "witnesses": SKIPPED,
            "field_sources": {"location": "inferred"},
            "confirm_save": "yes",
            "share_with_police": "no",
            "contact_method": "no, please don't contact me",
            "suspect_relationship": "he's my boss",
        }
    )
    assert record["fields"]["narrative"] == {"value": "he follows me", "source": "said"}
    assert record["fields"]["location"]["source"] == "inferred"
    assert "witnesses" not in record["fields"]
    assert record["consent_keep"] is True
    assert record["consent_share_police"] is False
    assert record["consent_contact"] is False
    assert record["suspect_relationship"] == "unknown"  # free text stays in fields only
    assert record["reporter"] == "self"


def test_advice_for_an_ex_partner_names_the_police_and_the_helpline_state():
    wednesday_morning = datetime(2026, 12, 2, 10, 0, tzinfo=LONDON)
    text, services = advice({"suspect_relationship": "ex-partner"}, now=wednesday_morning, style="text")
    assert "101" in text and "0808 802 0300" in text
    assert "police_non_emergency" in services and "domestic_abuse_helpline" in services


def test_the_read_back_lists_answers_and_leaves_out_skipped_ones():
    text = read_back({"narrative": "he follows me", "location": "outside work", "witnesses": SKIPPED})
    assert "What has been happening: he follows me" in text
    assert "Where: outside work" in text
    assert "Who else saw" not in text


def test_a_long_answer_is_shortened_in_the_read_back():
    text = read_back({"narrative": "word " * 400}, style="sms")
    assert len(text) < 200 and text.rstrip().endswith("...")


@pytest.mark.parametrize(
    ("answer", "relationship"),
    [
        ("He's my brother, so family. He's 42.", "family"),
        ("my ex", "ex-partner"),
        ("he's my ex boyfriend from uni", "ex-partner"),
        ("a guy from work", "colleague"),
        ("my neighbour across the landing", "neighbour"),
        ("I've only ever known him online", "online-only"),
        ("no idea who it is", "stranger"),
        ("someone I know from church, an acquaintance", "acquaintance"),
        ("my husband", "partner"),
        ("it's complicated", None),
    ],
)
def test_who_they_are_is_read_from_an_answer(answer, relationship):
    assert relationship_answer(answer) == relationship


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("yes save it. can I report it to the police even though I don't know who he is?", True),
        ("Yes please save it and share it with the police", True),
        ("just save what I've said, I need to go", True),
        ("yeah save it. is there someone I can talk to about this?", True),
        ("She's asked me to do this for her so yes, please save it.", True),
        ("can you save it please", True),
        ("don't save this", False),
        ("no, do not save it", False),
        ("please don't keep it, just save nothing", False),
        ("should I save it?", False),
        ("what happens if you save it?", False),
        ("I saved the screenshots", False),
        ("/affirm save it", False),
        # conversations_heldout7, read after its one scoring: consent said while another question was asked
        ("Right. Yes, do keep a record please", True),
        ("Yes please keep it, and yes give it to the police", True),
        ("yes you can keep it. I'll think about the police", True),
        ("aye go on, i want it all on record", True),
        ("ok can u save what ive told you. dont send it to police yet though i need to think", True),
        ("Happy for you to keep it and give it to the police. Text is best", True),
        ("Yes I want it saved and passed to police please", True),
        ("I keep it all in a diary", False),
        ("I don't want it saved", False),
        ("I don't want it on record", False),
        ("no dont keep it", False),
        # conversations_heldout10, read after its one scoring: "the record", and a support worker's words
        ("OK. Yes, you can keep the record. I want to think about the police bit", True),
        ("Yes, keep the record, and share it with the police", True),
        ("He'd like the record kept and shared with the police. Please contact me, not him", True),
        ("I keep a record of everything he sends", False),
        ("should I keep the record?", False),
        ("I don't want the record kept", False),
        # conversations_heldout12
        ("Yes, I'd like you to keep this and to pass it to the police. The landline is best", True),
        ("yes you can keep all this and send it to the police", True),
    ],
)
def test_a_plain_request_to_save_is_consent_to_keep_the_report(text, agrees):
    assert asks_to_save(text) is agrees


@pytest.mark.parametrize(
    ("text", "agrees"),
    [
        ("Yes please save it and share it with the police", True),
        ("Yes save it and the police can have it", True),
        ("Phone my mobile. I'd like it shared with the police too", True),
        ("save it but don't share it with the police", False),
        ("should I share it with the police?", False),
        ("yes save it", False),
        ("He'd like the record kept and shared with the police", True),
        ("Yes, you can keep the record. For now please don't share it with them", False),
    ],
)
def test_sharing_with_the_police_needs_its_own_plain_yes(text, agrees):
    assert asks_to_share_with_police(text) is agrees


@pytest.mark.parametrize(
    ("text", "refuses"),
    [
        ("no. dont save anything. i dont want it written down anywhere", True),
        ("please delete it", True),
        ("I don't want anything recorded", True),
        ("yes save it", False),
        ("I don't know if he saved the messages", False),
        ("I don't want the record kept", True),
    ],
)
def test_refusing_to_have_anything_kept(text, refuses):
    assert refuses_saving(text) is refuses


@pytest.mark.parametrize(
    ("text", "deletes"),
    [
        ("delete what I told you", True),
        ("I don't want you to keep any of this", True),
        ("please wipe this chat", True),
        ("aye go on, i want it all on record", False),
        ("/request_delete", False),
    ],
)
def test_asking_for_deletion_takes_the_words_for_it(text, deletes):
    assert asks_to_delete(text) is deletes


def test_id_rather_talk_to_her_first_is_not_a_yes():
    assert yes_no("inform", "I'd rather talk to her before the police see it") == SKIPPED


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("yes im fine, on my own", True),
        ("Yeah fine to talk, I'm stopping at my mate's", True),
        ("I'm at work so I might have to stop suddenly but it's ok for now", True),
        ("it's not safe to talk", False),
        ("I can't talk, he's here", False),
        ("hi", False),
    ],
)
def test_saying_it_is_safe_to_talk(text, safe):
    assert says_safe_to_talk(text) is safe


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("I'm safe now", True),
        ("he's gone, police are here", True),
        ("im ok now", True),
        ("I'm not safe", False),
        ("Yes share it with the police", False),
        ("he's not gone, he's still outside", False),
        ("he's gone to get something from his car", False),
        # conversations_heldout7: safe in the person's own words, held in the emergency path before
        ("ok ill call samaritans after this. im safe right now, ellie's staying with me", True),
        ("aye im fine now, my dad's here to take me home", True),
        ("polis came, he legged it but they know who he is", True),
        ("My son has come over and is staying with me tonight so I'm safe", True),
        ("I'm at my desk at work, fine to chat", True),
        ("yeah we're both safe, she's sitting beside me", True),
        ("he is here with me", False),
        ("he's staying with me tonight", False),
        ("it's not safe to talk", False),
        # read as an emergency by mistake, a short reply says it is not happening now
        ("he isn't here now", True),
        ("no no its not happening now", True),
        ("sorry I didn't mean now, this was months ago", True),
        ("it's not an emergency", True),
        ("no he isnt outside, he was last night", True),
        ("he is not leaving, hes still outside", False),
        ("actually it was last wednesday not tuesday", False),  # a correction of a date
        ("it's not an emergency but he keeps texting me", False),  # opens a report
        ("that was years ago", True),
        ("he's not going away", False),
        (  # a longer message that says he isn't here opens a report instead
            "he isn't here now but for three months he has waited outside my work most days and sent hundreds "
            "of messages",
            False,
        ),
    ],
)
def test_saying_the_danger_is_over(text, safe):
    assert says_safe_now(text) is safe


@pytest.mark.parametrize(
    ("text", "leaving"),
    [
        ("sorry I've got to go, my bus is here. I'll maybe do this another time", True),
        ("gotta go", True),
        ("I'll have to stop there, speak later", True),
        ("must go, kids are back", True),
        ("can we finish this another time", True),
        ("I have to go to court next week", False),
        ("i need to go out but hes outside", False),
        ("do I have to go to the police station", False),
        ("i have to leave the house for work at 7 and he waits at the end of the road", False),
        ("I need to stop him contacting me", False),
    ],
)
def test_saying_they_have_to_go(text, leaving):
    assert says_leaving(text) is leaving
