"""What the assistant says about services: numbers only from the file; SMS is GSM-7; voice is spoken."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.triage.render import STYLES, is_gsm7, render_emergency, render_helpline_hours, render_route, to_gsm7
from bot.triage.routing import route_for
from bot.triage.services import known_numbers

LONDON = ZoneInfo("Europe/London")
TIMES = [
    datetime(2026, 12, 2, 10, 0, tzinfo=LONDON),
    datetime(2026, 12, 2, 13, 30, tzinfo=LONDON),
    datetime(2026, 12, 4, 16, 5, tzinfo=LONDON),
    datetime(2026, 12, 25, 10, 0, tzinfo=LONDON),
    datetime(2026, 12, 5, 23, 0, tzinfo=LONDON),
]
CASES = [
    (risk, relationship, nation, abroad, extra)
    for risk in ("emergency", "high", "standard", "unknown")
    for relationship in ("ex-partner", "stranger")
    for nation in (None, "wales", "scotland", "northern-ireland")
    for abroad in (False, True)
    for extra in ({}, {"male_victim": True, "lgbt": True, "suicidal": True})
]
# Phone-number-like runs: digits separated by single spaces (display forms like "08 08 16 89 111").
NUMBER_RUN = re.compile(r"\d+(?: \d+)*")


def cited_numbers(text: str) -> set[str]:
    found = set()
    for run in NUMBER_RUN.findall(text):
        if re.fullmatch(r"\d{1,2}", run):
            continue  # times and dates ("at 09", "29 December")
        found.add(run.replace(" ", ""))
    return found


def all_renderings():
    for now in TIMES:
        for risk, relationship, nation, abroad, extra in CASES:
            route = route_for(risk, relationship=relationship, nation=nation, abroad=abroad, now=now, **extra)
            for style in ("text", "sms"):
                yield style, render_route(route, style, now)
        for style in ("text", "sms"):
            yield style, render_helpline_hours(now, style)
    for style in ("text", "sms"):
        yield style, render_emergency(style)
        yield style, render_emergency(style, abroad=True)


def test_renderings_cite_only_numbers_in_the_services_file() -> None:
    allowed = known_numbers()
    for style, text in all_renderings():
        clean = re.sub(r"\b\d{1,2}:\d{2}\b", " ", text)  # opening times
        clean = re.sub(
            r"\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|"
            r"November|December)\b",
            " ",
            clean,
        )
        unknown = cited_numbers(clean) - allowed
        assert not unknown, (style, unknown, text)


def test_sms_renderings_are_gsm7() -> None:
    for style, text in all_renderings():
        if style == "sms":
            assert is_gsm7(text), text


@pytest.mark.parametrize("now", TIMES)
def test_voice_reads_numbers_digit_by_digit_and_never_says_click(now: datetime) -> None:
    route = route_for("high", relationship="ex-partner", nation=None, abroad=False, now=now)
    text = render_route(route, "voice", now)
    assert "0 8 0 8, 8 0 2, 0 3 0 0" in text or "0 8 0 8, 2 0 0 0, 2 4 7" in text
    assert "0808" not in text
    assert not re.search(r"\b(?:click|tap|link)\b", text, re.IGNORECASE)


def test_text_style_writes_numbers_exactly_as_in_the_file() -> None:
    now = TIMES[1]
    text = render_route(
        route_for("high", relationship="ex-partner", nation=None, abroad=False, now=now), "text", now
    )
    assert "0808 802 0300" in text and "020 3866 4107" in text and "0808 2000 247" in text


def test_emergency_text_puts_999_on_the_first_line_then_55_sms_and_relay() -> None:
    lines = render_emergency("text").splitlines()
    assert "999" in lines[0]
    assert (
        "55" in lines[1]
        and "stay on the line" in lines[1]
        and "does not tell the police where you are" in lines[1]
    )
    assert "emergencySMS" in lines[2] and "18000" in lines[3]


def test_emergency_voice_says_999_digit_by_digit() -> None:
    assert render_emergency("voice").startswith("If you are in danger now, hang up and call 9 9 9.")


def test_emergency_abroad_says_999_works_only_from_the_uk() -> None:
    assert "only from inside the UK" in render_emergency("text", abroad=True)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (
            datetime(2026, 12, 2, 13, 30, tzinfo=LONDON),
            "The National Stalking Helpline (0808 802 0300) is open now until 16:00.",
        ),
        (
            datetime(2026, 12, 4, 16, 5, tzinfo=LONDON),
            "The National Stalking Helpline (0808 802 0300) is closed now; it opens again Monday at 09:30.",
        ),
        (
            datetime(2026, 12, 2, 10, 0, tzinfo=LONDON),
            "The National Stalking Helpline (0808 802 0300) is closed now; it opens again today at 13:00.",
        ),
        (
            datetime(2026, 12, 1, 18, 0, tzinfo=LONDON),
            "The National Stalking Helpline (0808 802 0300) is closed now; it opens again tomorrow at 13:00.",
        ),
        (
            datetime(2026, 12, 24, 17, 0, tzinfo=LONDON),
            "The National Stalking Helpline (0808 802 0300) is closed now; it opens again Tuesday at 09:30.",
        ),
    ],
)
def test_helpline_hours_sentence(now: datetime, expected: str) -> None:
    assert render_helpline_hours(now, "text") == expected


def test_helpline_hours_in_voice_use_spoken_times() -> None:
    text = render_helpline_hours(datetime(2026, 12, 4, 16, 5, tzinfo=LONDON), "voice")
    assert text.endswith("opens again Monday at 9:30am.")
    assert "0 8 0 8, 8 0 2, 0 3 0 0" in text


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("it\u2019s", "it's"),
        ("\u201chi\u201d", '"hi"'),
        ("a \u2013 b", "a - b"),
        ("wait\u2026", "wait..."),
        ("ok \U0001f600", "ok "),
        ("£5 €5", "£5 €5"),
    ],
)
def test_to_gsm7_folds_or_drops_non_gsm_characters(raw: str, folded: str) -> None:
    assert to_gsm7(raw) == folded
    assert is_gsm7(to_gsm7(raw))


def test_unknown_style_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown style"):
        render_emergency("html")


def test_styles_are_text_sms_voice() -> None:
    assert STYLES == ("text", "sms", "voice")


def test_number_check_would_catch_an_invented_number() -> None:
    assert cited_numbers("call 0800 123 4567 or 999") - known_numbers() == {"08001234567"}
