"""Normalisation: SMS-speak, typos, contractions, stretching, and the way back to the user's words."""

import pytest

from bot.triage.text import normalise, segments, words_of

EXPANSIONS = [
    ("hes outsyd rn", "he is outside right now"),
    ("im scared", "i am scared"),
    ("i cant talk", "i can not talk"),
    ("he wont stop", "he will not stop"),
    ("dont call", "do not call"),
    ("u r not safe", "you are not safe"),
    ("he's here 2nite", "he is here tonight"),
    ("2day", "today"),
    ("atm", "at the moment"),
    ("b4 work", "before work"),
    ("pls help", "please help"),
    ("plz", "please"),
    ("cos he is here", "because he is here"),
    ("bc hes here", "because he is here"),
    ("hes gonna hurt me", "he is going to hurt me"),
    ("i wanna go", "i want to go"),
    ("outsid", "outside"),
    ("hez at the dor", "he is at the door"),
    ("he’s at the door", "he is at the door"),
    ("He\u2019s outside", "he is outside"),
    ("HEEEELP", "help"),
    ("nowww", "now"),
    ("sooo scared", "so scared"),
    ("he's been here", "he has been here"),
    ("he's taken my keys", "he has taken my keys"),
    ("his car's outside", "his car is outside"),
    ("my ex's car", "my ex car"),
    ("today's the day", "today is the day"),
    ("he's waitin outside", "he is waiting outside"),
    ("bangin on the door", "banging on the door"),
    ("non-molestation order", "non molestation order"),
    ("out side", "outside"),
    ("Ayúdame", "ayudame"),
    ("draußen", "draussen"),
    ("within the week", "within the week"),
    ("again and again", "again and again"),
]


@pytest.mark.parametrize(("raw", "expected"), EXPANSIONS)
def test_normalise_expands_sms_speak_typos_and_contractions(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_sentences_split_on_full_stops_question_marks_and_new_lines() -> None:
    parts = segments("He was here. Is he back?\nHe is outside!")
    assert [p.text for p in parts] == ["he was here", "is he back", "he is outside"]
    assert [p.ends_with_question for p in parts] == [False, True, False]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He said 9. It's 8.50!", ["he said 9", "it is 8.50"]),
        ("see u at 6:30, its 6.10 now", ["see you at 6:30 , it is 6.10 now"]),
        ("at 10.30. he left", ["at 10.30", "he left"]),
        ("it cost 3.50. call 999.", ["it cost 3.50", "call 999"]),
    ],
)
def test_a_time_or_price_with_a_point_is_one_word_not_a_sentence_end(text: str, sentences: list[str]) -> None:
    assert [segment.text for segment in segments(text)] == sentences


def test_clauses_split_on_conjunctions_for_unpunctuated_speech() -> None:
    (segment,) = segments("he used to wait outside but now he is at my door")
    clauses = [segment.text[a:b].strip() for a, b in segment.clauses]
    assert clauses == ["he used to wait outside", "but now he is at my door"]


def test_original_span_quotes_the_users_own_words() -> None:
    original = "ok so. HES outsyd my door!!"
    segment = segments(original)[1]
    start = segment.text.index("he is")
    end = segment.text.index("door") + len("door")
    first, last = segment.original_span(start, end)
    assert original[first:last] == "HES outsyd my door"


def test_exclamation_marks_are_counted() -> None:
    assert segments("help!!!")[0].exclamations == 1
    assert segments("help")[0].exclamations == 0


def test_words_of_drops_punctuation() -> None:
    assert words_of("Hi, he's here.") == ["hi", "he", "is", "here"]


@pytest.mark.parametrize("text", ["", "   ", "...", "!!!", "\n\n", "😀😀", ",,,"])
def test_empty_or_punctuation_only_text_gives_no_sentences(text: str) -> None:
    assert segments(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "a" * 50_000,
        "he " * 16_000,
        ("he is not " * 5_000),
        "!" * 50_000,
        "he's" * 10_000,
        "x" + " , " * 15_000,
    ],
)
def test_very_long_or_repetitive_input_is_handled(text: str) -> None:
    # Linear-time normalisation: these finish at once; a catastrophic regex would hang here.
    assert isinstance(normalise(text), str)
