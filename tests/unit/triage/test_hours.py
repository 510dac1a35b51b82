"""Opening hours in UK local time, with bank holidays and clock changes."""

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from bot.triage.hours import closes_at, is_open, next_opening
from bot.triage.services import load_services

LONDON = ZoneInfo("Europe/London")
UTC = timezone.utc


def helpline():
    return load_services()["stalking_helpline"]


def at(y: int, mo: int, d: int, h: int, mi: int = 0, tz=LONDON) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=tz)


# 2026-12-02 is a Wednesday; 2026-12-04 a Friday; 2026-12-05 a Saturday.
OPENING = [
    ("wednesday 10:00 is closed", at(2026, 12, 2, 10), False, at(2026, 12, 2, 13)),
    ("wednesday 13:30 is open", at(2026, 12, 2, 13, 30), True, None),
    ("wednesday 12:59 is closed", at(2026, 12, 2, 12, 59), False, at(2026, 12, 2, 13)),
    ("monday 09:29 is closed", at(2026, 11, 30, 9, 29), False, at(2026, 11, 30, 9, 30)),
    ("monday 09:30 is open", at(2026, 11, 30, 9, 30), True, None),
    ("friday 15:59 is open", at(2026, 12, 4, 15, 59), True, None),
    ("friday 16:00 is closed", at(2026, 12, 4, 16, 0), False, at(2026, 12, 7, 9, 30)),
    ("friday 16:05 is closed until monday", at(2026, 12, 4, 16, 5), False, at(2026, 12, 7, 9, 30)),
    ("saturday night is closed until monday", at(2026, 12, 5, 23, 30), False, at(2026, 12, 7, 9, 30)),
    ("sunday is closed", at(2026, 12, 6, 12), False, at(2026, 12, 7, 9, 30)),
    ("christmas day is closed until 29th", at(2026, 12, 25, 10), False, at(2026, 12, 29, 9, 30)),
    ("boxing day substitute monday is closed", at(2026, 12, 28, 11), False, at(2026, 12, 29, 9, 30)),
    ("christmas eve is open", at(2026, 12, 24, 11), True, None),
    ("new year's day is closed", at(2027, 1, 1, 10), False, at(2027, 1, 4, 9, 30)),
    ("good friday is closed until tuesday", at(2026, 4, 3, 10), False, at(2026, 4, 7, 9, 30)),
    ("tuesday evening opens wednesday afternoon", at(2026, 12, 1, 18), False, at(2026, 12, 2, 13)),
]


@pytest.mark.parametrize(("name", "now", "open_now", "next_open"), OPENING, ids=[c[0] for c in OPENING])
def test_helpline_opening(name: str, now: datetime, open_now: bool, next_open: datetime | None) -> None:
    assert is_open(helpline(), now) is open_now
    assert next_opening(helpline(), now) == next_open


def test_utc_clock_is_read_as_uk_time_in_summer() -> None:
    # 08:45 UTC in July is 09:45 BST: open.
    assert is_open(helpline(), at(2026, 7, 6, 8, 45, tz=UTC))


def test_utc_clock_is_read_as_uk_time_in_winter() -> None:
    # 09:15 UTC in December is 09:15 GMT: closed.
    assert not is_open(helpline(), at(2026, 12, 7, 9, 15, tz=UTC))


def test_next_opening_across_the_spring_clock_change_is_in_bst() -> None:
    # Saturday 28 March 2026, clocks go forward on Sunday 29 March.
    opening = next_opening(helpline(), at(2026, 3, 28, 20))
    assert opening == at(2026, 3, 30, 9, 30)
    assert opening.utcoffset().total_seconds() == 3600


def test_next_opening_across_the_autumn_clock_change_is_in_gmt() -> None:
    # Saturday 24 October 2026, clocks go back on Sunday 25 October.
    opening = next_opening(helpline(), at(2026, 10, 24, 20))
    assert opening == at(2026, 10, 26, 9, 30)
    assert opening.utcoffset().total_seconds() == 0


def test_closes_at_is_the_end_of_todays_window() -> None:
    assert closes_at(helpline(), at(2026, 12, 2, 14)) == at(2026, 12, 2, 16)
    assert closes_at(helpline(), at(2026, 12, 2, 10)) is None


@pytest.mark.parametrize(
    "service_id", ["police_emergency", "samaritans", "victim_support", "domestic_abuse_helpline"]
)
def test_always_open_services_are_open_at_christmas_midnight(service_id: str) -> None:
    service = load_services()[service_id]
    assert is_open(service, at(2026, 12, 25, 0, 0))
    assert next_opening(service, at(2026, 12, 25, 0, 0)) is None


def test_unknown_hours_are_never_promised_open() -> None:
    paladin = load_services()["paladin"]
    assert not is_open(paladin, at(2026, 12, 2, 11))
    assert next_opening(paladin, at(2026, 12, 2, 11)) is None


def test_naive_datetime_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        is_open(helpline(), datetime(2026, 12, 2, 11))
