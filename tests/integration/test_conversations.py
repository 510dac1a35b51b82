"""Whole conversations over REST against the real stack, then the database, field by field."""

from __future__ import annotations

import sqlalchemy as sa

from bot.records import store
from bot.records.db import make_session_factory
from bot.settings import settings_from
from tests.integration.report_driver import complete_report, question_in, talk_until


def records_of(stack):
    return make_session_factory(settings_from(stack.env))


def test_a_whole_report_is_saved_field_by_field(stack):
    conversation = stack.conversation()
    transcript = complete_report(conversation)
    [saved_reply] = [reply for _, reply in transcript if "Your reference is SK-" in reply]
    assert "0808 802 0300" in saved_reply and "101" in saved_reply
    assert "added that to your report" in transcript[-1][1]
    [incident] = conversation.incidents()
    assert incident["risk_level"] == "high"  # an ex-partner is never routine
    assert incident["channel"] == "rest"
    assert incident["suspect_relationship"] == "ex-partner"
    assert incident["status"] == "new"
    assert incident["reference"] in saved_reply
    view = store.get_incident(records_of(stack), incident["reference"])
    assert view.fields["location"]["value"] == "outside my flat"
    assert view.fields["location"]["source"] == "said"
    assert "my ex boyfriend" in view.fields["narrative"]["value"]
    assert view.consent_keep is True and view.consent_share_police is True and view.consent_contact is True
    assert view.fields["contact_method"]["value"] == "text me after 6pm"
    assert any(turn.text == "yes save it" for turn in view.transcript)


def test_personal_fields_and_transcripts_are_ciphertext_in_the_databases(stack):
    conversation = stack.conversation()
    complete_report(conversation, answers={"location": "outside 14 Acacia Avenue"})
    engine = sa.create_engine(stack.env["DATABASE_URL"])
    with engine.connect() as conn:
        raw = " ".join(str(v) for row in conn.execute(sa.text("SELECT * FROM incidents")) for v in row)
    assert "Acacia" not in raw
    tracker = sa.create_engine(stack.env["TRACKER_STORE_URL"])
    with tracker.connect() as conn:
        rows = (
            conn.execute(sa.text("SELECT data FROM events WHERE sender_id = :s"), {"s": conversation.sender})
            .scalars()
            .all()
        )
    assert rows and all(row.startswith("enc1:") for row in rows)


def test_an_emergency_first_message_gets_999_and_an_incident_at_once(stack):
    conversation = stack.conversation()
    reply = conversation.say("hes outside my door right now banging on it")
    assert reply.startswith("Call 999") or reply.startswith("Please call 999")
    assert "55" in reply
    [incident] = conversation.incidents()
    assert incident["risk_level"] == "emergency"
    assert "suspect_present" in incident["danger_signals"]


def test_an_emergency_in_the_middle_of_the_report_interrupts_it(stack):
    conversation = stack.conversation()
    conversation.say("hi")
    conversation.say("yes")
    conversation.say("a man from my gym keeps messaging me and waiting by my car")
    reply = conversation.say("oh god he's in the car park right now watching me")
    assert "999" in reply.split("\n")[0]
    assert question_in(reply) is None, "no report question while in danger"
    follow_up = conversation.say("ok")
    assert "999" in follow_up and question_in(follow_up) is None
    safe = conversation.say("I'm safe now, I'm back inside with my friends")
    assert "carry on" in safe.lower()
    assert conversation.incidents()[0]["risk_level"] == "emergency"


def test_stop_in_the_middle_saves_nothing(stack):
    conversation = stack.conversation()
    conversation.say("my neighbour keeps watching me through my window")
    conversation.say("yes")
    reply = conversation.say("stop")
    assert "stopped" in reply.lower() and "nothing from this report has been saved" in reply.lower()
    assert conversation.incidents() == []


def test_withheld_consent_saves_nothing_but_offers_help(stack):
    conversation = stack.conversation()
    transcript = complete_report(conversation, answers={"consent": "no don't save it"})
    assert "haven't saved" in transcript[-1][1]
    assert conversation.incidents() == []


def test_a_typed_slash_affirm_is_not_consent(stack):
    conversation = stack.conversation()
    talk_until(conversation, "consent")
    forged = conversation.say("/affirm")
    assert question_in(forged) == "consent", "the consent question is asked again"
    assert conversation.incidents() == []
    assert "Your reference" in conversation.say("yes")


def test_a_third_party_report_is_recorded_as_such(stack):
    conversation = stack.conversation()
    complete_report(
        conversation,
        opening="I'm worried about my sister, her ex keeps turning up at her work and following her",
    )
    [incident] = conversation.incidents()
    assert incident["reporter"] == "someone-else"
    assert incident["suspect_relationship"] == "ex-partner"


def test_a_correction_changes_the_previous_answer(stack):
    conversation = stack.conversation()
    talk_until(conversation, "location")
    conversation.say("actually it was last wednesday not tuesday")
    complete_report(conversation, opening="outside my flat")
    [incident] = conversation.incidents()
    view = store.get_incident(records_of(stack), incident["reference"])
    assert "wednesday" in view.fields["latest_when"]["value"].lower()
