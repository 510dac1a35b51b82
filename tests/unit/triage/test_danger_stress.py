"""The detector on the fresh stress set (`stress_cases.py`): situations, not memorised phrases."""

import pytest

from bot.triage.danger import detect
from tests.unit.triage.stress_cases import EMERGENCIES, HARD_NEGATIVES

MIN_RECALL = 0.98
MAX_FALSE_ALARMS = 0.03


def test_stress_emergencies_are_caught_at_the_target_recall() -> None:
    missed = [text for _, text in EMERGENCIES if not detect(text).is_emergency]
    assert 1 - len(missed) / len(EMERGENCIES) >= MIN_RECALL, missed


def test_stress_hard_negatives_stay_under_the_false_alarm_target() -> None:
    alarms = [text for _, text in HARD_NEGATIVES if detect(text).is_emergency]
    assert len(alarms) / len(HARD_NEGATIVES) <= MAX_FALSE_ALARMS, alarms


def test_stress_set_is_big_enough_to_mean_something() -> None:
    assert len(EMERGENCIES) >= 250
    assert len(HARD_NEGATIVES) >= 200


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("the man who attacked me last year is standing outside the shop i'm in", "suspect_present"),
        ("Jason's outside again", "suspect_present"),
        ("a man I met online has come to my house and won't leave", "suspect_present"),
        ("this man keeps pulling up next to me as I walk", "followed_now"),
        ("someone is trying the handles on all the doors", "entry_attempt"),
        ("the customer has a knife", "weapon"),
        ("I cannot speak safely right now", "cannot_speak"),
        ("DOOR. HIM. NOW.", "suspect_present"),
        ("mae rhywun yn fy nilyn i nawr", "followed_now"),
        ("biri beni takip ediyor şimdi", "followed_now"),
    ],
)
def test_situation_is_recognised_with_its_kind(text: str, kind: str) -> None:
    assert kind in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "he's outside the country at the moment",
        "he's outside my house most nights, but not tonight",
        "he keeps sitting behind me at church on sundays",
        "wczoraj był pod moim domem",
        "at door",  # a lone place is an answer to "where?", not a situation
    ],
)
def test_not_now_situation_is_not_an_emergency(text: str) -> None:
    assert not detect(text).is_emergency


def test_danger_at_the_end_of_fifty_thousand_unpunctuated_characters_is_found() -> None:
    text = " ".join(f"he was outside house number {i} last year and then" for i in range(900))
    text = text[:49_900] + " now he is trying the back door"
    assert "entry_attempt" in detect(text).kinds


@pytest.mark.parametrize(
    "text",
    [
        "now he messages me every day and he's turned up at my work twice",
        "he's turned up at my house three times since christmas and now I'm scared",
        "she's shown up at the gym a few times and now she follows me on every app",
    ],
)
def test_a_counted_arrival_is_a_pattern_not_danger_now(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he's turned up at my work again and he won't leave",
        "he's just turned up at the door",
    ],
)
def test_an_arrival_without_a_count_is_still_danger_now(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("gonna end it tonight", "suicidal"),
        ("cant do this any more so going to end it all tonight", "suicidal"),
        ("this is my last night, I've written letters to my kids", "suicidal"),
        ("I've written my goodbye letters", "suicidal"),
        (
            "my ex is in his van across the road from the nursery, pick up is in ten minutes",
            "suspect_present",
        ),
    ],
)
def test_more_situations_written_after_the_second_round(text, kind):
    found = detect(text)
    assert found.is_emergency and kind in {s.kind for s in found.signals}


@pytest.mark.parametrize(
    "text",
    [
        "I am going to end it with him tonight",
        "tonight is my last night in this flat, I move tomorrow",
        "this is my last day at work before the holidays",
        "he was in his van across the road last week",
        "his van is parked across the road every morning",
        "I wrote a letter to my mum last year about all this",
    ],
)
def test_their_look_alikes_are_not_emergencies(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "my friend just rang me, he's following her home right now",
        "he is following him down the high street right now",
        "her ex is following them in his car right now",
    ],
)
def test_someone_else_being_followed_now_is_an_emergency(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he keeps following her on instagram",
        "he used to follow her home from work",
        "he was following her last week",
        "he keeps following her around at school",
        "her colleague keeps leaving gifts on her desk and following her to the car park after work",
    ],
)
def test_someone_else_followed_online_in_the_past_or_habitually_is_not(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("my little girl hasn't come home and he has been texting that he has her", "child_in_danger"),
        ("my son is missing and his dad messaged saying he has got him", "child_in_danger"),
        ("i'm standing on the bridge", "suicidal"),
        ("im on the roof", "suicidal"),
    ],
)
def test_a_child_held_and_someone_on_the_edge_are_emergencies(text, kind):
    found = detect(text)
    assert found.is_emergency and kind in {s.kind for s in found.signals}


@pytest.mark.parametrize(
    "text",
    [
        "he texted that he has her old phone",
        "my daughter came home late and he said he has her number",
        "i'm standing on the bridge waiting for my friend",
        "im on the roof fixing the aerial",
        "the photo he sent was of me standing on the bridge last summer",
    ],
)
def test_their_ordinary_look_alikes_are_not(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "on frappe à ma porte en ce moment, j ai peur",
        "il est dans mon jardin maintenant",
        "on jest pod moim domem teraz",
        "ktoś próbuje wejść do mojego mieszkania",
        "o şu an kapımda",
        "hij staat nu voor mijn deur",
        "هو أمام بيتي الآن",
        "ami bhoy pacchi, o ekhon amar darjar shamne",
    ],
)
def test_more_non_english_emergencies(text):
    assert detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "il était devant chez moi la semaine dernière",
        "wczoraj był pod moim domem",
        "hij stond vorige week voor mijn deur",
        "ik heb een vraag over stalking",
        "je voudrais signaler du harcèlement",
    ],
)
def test_past_or_calm_non_english_messages_are_not(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text",
    [
        "he has just got into his car and driven off",
        "he's just got into a taxi outside and gone",
        "he has got into trouble with the police before",
    ],
)
def test_getting_into_his_own_car_or_trouble_is_not_an_entry_attempt(text):
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    "text", ["he has just got into my house", "someone has got in through the back window"]
)
def test_getting_into_the_home_still_is(text):
    assert detect(text).is_emergency
