"""Routing rules (GUIDE §3): who to offer, in what order, at this moment."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.triage.risk import RiskLevel
from bot.triage.routing import route_for

LONDON = ZoneInfo("Europe/London")
OPEN = datetime(2026, 12, 2, 14, 0, tzinfo=LONDON)  # Wednesday afternoon
CLOSED = datetime(2026, 12, 5, 22, 0, tzinfo=LONDON)  # Saturday night


def route(risk, now=OPEN, **kw):
    defaults = {"relationship": None, "nation": None, "abroad": False}
    defaults.update(kw)
    return route_for(risk, now=now, **defaults)


def test_emergency_offers_999_first_then_silent_solution_sms_and_relay() -> None:
    assert route(RiskLevel.EMERGENCY).service_ids == (
        "police_emergency",
        "silent_solution",
        "emergency_sms",
        "relay_uk",
    )


@pytest.mark.parametrize("now", [OPEN, CLOSED])
def test_emergency_route_does_not_depend_on_the_helpline(now: datetime) -> None:
    assert route("emergency", now=now).service_ids[0] == "police_emergency"


def test_emergency_abroad_is_marked_so_999_caveat_is_said() -> None:
    assert route("emergency", abroad=True).abroad


def test_high_risk_open_hours_offers_police_paladin_then_helpline() -> None:
    ids = route("high", relationship="colleague").service_ids
    assert ids[:3] == ("police_non_emergency", "paladin", "stalking_helpline")
    assert ids[-1] == "police_emergency"


def test_high_risk_ex_partner_adds_the_domestic_abuse_helpline() -> None:
    assert "domestic_abuse_helpline" in route("high", relationship="ex-partner").service_ids


@pytest.mark.parametrize(
    ("nation", "line"),
    [
        ("wales", "live_fear_free"),
        ("scotland", "scotland_da_helpline"),
        ("northern-ireland", "ni_da_helpline"),
    ],
)
def test_high_risk_offers_the_nations_24_7_line(nation: str, line: str) -> None:
    assert line in route("high", relationship="neighbour", nation=nation).service_ids


def test_partner_in_wales_gets_live_fear_free_not_the_england_line() -> None:
    ids = route("high", relationship="partner", nation="wales").service_ids
    assert "live_fear_free" in ids and "domestic_abuse_helpline" not in ids


def test_standard_risk_offers_101_and_the_helpline() -> None:
    ids = route("standard", relationship="online-only").service_ids
    assert ids[:2] == ("police_non_emergency", "stalking_helpline")
    assert "paladin" not in ids


def test_helpline_closed_says_when_it_opens_and_offers_24_7_services() -> None:
    result = route("standard", now=CLOSED, relationship="family")
    assert not result.helpline_open
    assert result.helpline_next_open == datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)
    assert {"domestic_abuse_helpline", "victim_support", "samaritans"} <= set(result.service_ids)


def test_helpline_open_has_no_next_opening() -> None:
    result = route("standard")
    assert result.helpline_open and result.helpline_next_open is None


def test_suicidal_thoughts_offer_samaritans_first_and_999_if_life_at_risk() -> None:
    ids = route("high", relationship="acquaintance", suicidal=True).service_ids
    assert ids[:2] == ("samaritans", "police_emergency")


def test_suicidal_in_an_emergency_still_puts_999_first() -> None:
    ids = route("emergency", suicidal=True).service_ids
    assert ids[0] == "police_emergency" and "samaritans" in ids


def test_male_victim_of_an_ex_partner_gets_mens_advice_line() -> None:
    assert "mens_advice_line" in route("high", relationship="ex-partner", male_victim=True).service_ids


def test_male_victim_of_a_stranger_does_not_get_mens_advice_line() -> None:
    assert "mens_advice_line" not in route("standard", relationship="stranger", male_victim=True).service_ids


def test_lgbt_victim_gets_galop() -> None:
    assert "galop" in route("standard", relationship="acquaintance", lgbt=True).service_ids


@pytest.mark.parametrize("risk", ["emergency", "high", "standard", "unknown"])
@pytest.mark.parametrize("now", [OPEN, CLOSED])
def test_no_service_is_offered_twice(risk: str, now: datetime) -> None:
    ids = route(
        risk, now=now, relationship="ex-partner", nation="wales", male_victim=True, lgbt=True, suicidal=True
    ).service_ids
    assert len(ids) == len(set(ids))


def test_every_offer_says_why() -> None:
    assert all(offer.why for offer in route("high", now=CLOSED, relationship="ex-partner").offers)


def test_after_an_emergency_is_over_the_high_risk_support_follows_999() -> None:
    ids = route("emergency", relationship="ex-partner", nation="wales", danger_over=True).service_ids
    assert ids[:4] == ("police_emergency", "silent_solution", "emergency_sms", "relay_uk")
    assert {"police_non_emergency", "paladin", "stalking_helpline"} <= set(ids)


def test_during_an_emergency_nothing_but_the_ways_to_999_is_offered() -> None:
    ids = route("emergency", relationship="ex-partner", nation="wales").service_ids
    assert ids == ("police_emergency", "silent_solution", "emergency_sms", "relay_uk")
