"""An announced arrival read against the time it is now (bot/triage/clock.py)."""

import pytest

from bot.triage.clock import arrival_due, day_due, journey_due
from bot.triage.danger import detect

DUE = [
    ("he texted see you at 6. its 5.40", "see you at 6"),
    ("He said he'd be here by nine and it's twenty to nine", "be here by nine"),
    ("he said he'd come round at 8 tonight. it's quarter to", "come round at 8"),
    ("his message says im coming for you at midnight. its 11.45", "coming for you at midnight"),
    ("he said he'll be here at 9 its ten to", "be here at 9"),
    ("hes coming round at half eight its quarter past", "coming round at half eight"),
    ("see u at 6:30pm, its 6.10 now", "see u at 6:30pm"),
    ("he said he'd be outside at 7, it is 7.05", "be outside at 7"),
    ("text from him: be there at 10pm. It's now 9:15pm", "be there at 10pm"),
    ("she said she'll be waiting for me at 5 it's almost 5", "be waiting for me at 5"),
    ("it's twenty past 11 and he said he's coming at 12", "coming at 12"),
    ("he said 'see you at 18:00'. It's 17:30", "see you at 18:00"),
]
NOT_DUE = [
    "he said see you at 6am. it's 5.40pm",  # am against pm: twelve hours away
    "he said he'd come at 9. it's 9.45 and he never came",  # long past
    "he texted see you at 6. its 3.40",  # hours away
    "he said he'd be at court at 10 tomorrow. it's 9.30",  # another day
    "he says he'll come round at 8 on saturday, it's 7.30 now",
    "the police said they'd come at 6, it's 5.40",  # help on its way
    "my friend is coming round at 8, it's quarter to",
    "he used to come round at 8 every night. it's 7.50 and I'm dreading it",  # a habit
    "it's 5 minutes from my house, he said he'd come at 6",  # a distance, not a time
    "he said he'd be here at 9",  # no time now
    "he always says see you at 6, it's 5.40, he never does",
    "he said he'd come round at 8, it's quarter to, but I'm at my mum's in Leeds",  # she is elsewhere
    "it's 8.50",  # no arrival
    "he said see you in 2 weeks, it's 5",
]


@pytest.mark.parametrize(("text", "evidence"), DUE)
def test_an_arrival_within_the_hour_is_due(text: str, evidence: str) -> None:
    assert arrival_due(text) == evidence


@pytest.mark.parametrize("text", NOT_DUE)
def test_an_arrival_far_off_past_or_by_a_helper_is_not_due(text: str) -> None:
    assert arrival_due(text) is None


@pytest.mark.parametrize(("text", "evidence"), DUE)
def test_a_due_arrival_is_an_imminent_threat(text: str, evidence: str) -> None:
    signals = detect(text).signals
    assert any(s.kind == "threat_imminent" for s in signals), signals


@pytest.mark.parametrize(
    "text",
    [
        "he said he'd be here by nine, it's twenty to. he's not coming, he's been arrested",
        "his text says see you at 6 and it's 5.40 but it's all talk with him",
    ],
)
def test_a_due_arrival_does_not_count_when_he_is_held_or_it_is_only_talk(text: str) -> None:
    assert arrival_due(text) is not None
    assert not detect(text).is_emergency


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("2 hrs ago he said he was setting off from glasgow. its a 2 hr drive", True),
        ("an hour ago he texted he's on his way, it's a 1.5 hour drive", True),
        ("an hour ago he said he was leaving london, it's a 4 hour drive", False),  # hours away yet
        ("5 hours ago he said he was setting off, it's a 2 hr drive", False),  # long overdue: not a countdown
        (
            "2 hrs ago he said he was setting off. its a 2 hr drive. I'm at my mum's",
            False,
        ),  # she is elsewhere
    ],
)
def test_a_journey_he_set_off_on_is_due_when_it_ends_about_now(text: str, due: bool) -> None:
    assert (journey_due(text) is not None) is due


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "he said hes coming to sort it out on Saturday. Its Saturday morning and I cant stop shaking",
            "coming to sort it out on saturday",
        ),
        ("he says he will be round on friday. today is friday", "be round on friday"),
        (  # where the writer is staying is where he is coming
            "he knows I'm at my sister's and he's 'coming to sort it out' on Saturday. It's Saturday morning now.",
            "coming to sort it out' on saturday",
        ),
        ("he said hes coming for me on saturday. it is saturday.", "coming for me on saturday"),
        ("he comes round every saturday. its saturday", None),  # a habit
        ("hes coming round on saturday. its monday today so I have time", None),  # another day
        ("the police are coming round on Saturday. its saturday", None),  # a helper
        ("he said see you sunday. its sunday, I am at my mums", None),  # the writer is elsewhere
    ],
)
def test_an_arrival_on_the_day_it_is_today_is_due(text: str, evidence: str | None) -> None:
    assert day_due(text) == evidence


def test_an_arrival_due_today_is_an_imminent_threat() -> None:
    signals = detect("he said hes coming to sort it out on Saturday. Its Saturday morning").signals
    assert any(s.kind == "threat_imminent" for s in signals), signals
