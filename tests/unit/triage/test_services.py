"""The services file: complete, well-formed, and loud when it is not."""

import copy
import json
import re
from datetime import date

import pytest

from bot.triage.services import (
    BANK_HOLIDAYS_FILE,
    REQUIRED_IDS,
    SERVICES_FILE,
    ServicesFileError,
    digits,
    known_numbers,
    load_bank_holidays,
    load_services,
    parse_services,
)

CONTRACT_NUMBERS = {
    "police_emergency": "999",
    "silent_solution": "999",
    "emergency_sms": "999",
    "relay_uk": "18000",
    "police_non_emergency": "101",
    "stalking_helpline": "0808 802 0300",
    "paladin": "020 3866 4107",
    "domestic_abuse_helpline": "0808 2000 247",
    "mens_advice_line": "0808 8010 327",
    "galop": "0800 999 5428",
    "victim_support": "08 08 16 89 111",
    "samaritans": "116 123",
    "live_fear_free": "0808 80 10 800",
    "scotland_da_helpline": "0800 027 1234",
    "ni_da_helpline": "0808 802 1414",
}


def raw() -> dict:
    return json.loads(SERVICES_FILE.read_text(encoding="utf-8"))


def test_every_contract_service_is_present_with_its_number() -> None:
    services = load_services()
    assert {sid: services[sid].number for sid in REQUIRED_IDS} == CONTRACT_NUMBERS


def test_file_states_its_timezone() -> None:
    assert raw()["timezone"] == "Europe/London"


@pytest.mark.parametrize("service_id", REQUIRED_IDS)
def test_spoken_form_is_the_number_digit_by_digit(service_id: str) -> None:
    service = load_services()[service_id]
    assert re.fullmatch(r"[0-9]( ?,? [0-9])*", service.spoken)
    assert digits(service.spoken) == digits(service.number)


@pytest.mark.parametrize("service_id", REQUIRED_IDS)
def test_every_service_has_source_and_date(service_id: str) -> None:
    service = load_services()[service_id]
    assert service.source_url.startswith("https://")
    assert date.fromisoformat(service.last_checked) <= date(2026, 11, 29)
    assert service.hours_text and service.offer_when


def test_unknown_hours_are_flagged_to_check() -> None:
    unknown = [s for s in load_services().values() if s.hours.unknown]
    assert {s.id for s in unknown} >= {"paladin"}
    assert all(s.needs_check for s in unknown)


def test_helpline_hours_are_as_the_guide_says() -> None:
    hours = raw()["services"][[s["id"] for s in raw()["services"]].index("stalking_helpline")]["hours"]
    assert hours["wed"] == [["13:00", "16:00"]]
    assert all(hours[d] == [["09:30", "16:00"]] for d in ("mon", "tue", "thu", "fri"))
    assert hours["sat"] == hours["sun"] == []
    assert hours["closed_on_bank_holidays"] is True


def test_silent_solution_notes_say_stay_on_the_line_and_55_gives_no_location() -> None:
    notes = load_services()["silent_solution"].notes
    assert "stay on the line" in notes and "55" in notes and "does not tell the police where you are" in notes


def test_emergency_sms_needs_registering() -> None:
    service = load_services()["emergency_sms"]
    assert service.text_number == "999"
    assert "regist" in service.notes


def test_police_emergency_says_999_works_only_from_the_uk() -> None:
    assert "only from inside the UK" in load_services()["police_emergency"].notes


def test_known_numbers_are_digits_only_and_complete() -> None:
    numbers = known_numbers()
    assert all(n.isdigit() for n in numbers)
    assert {"999", "55", "112", "101", "18000", "18001101", "08088020300", "116123"} <= numbers


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda d: d["services"][0].pop("number"), "missing field 'number'"),
        (lambda d: d["services"][5].update(spoken="0 8 0 8"), "does not match number"),
        (lambda d: d["services"][5]["hours"].update(mon=[["16:00", "09:30"]]), "closes before it opens"),
        (lambda d: d["services"][5]["hours"].update(mon=[["9.30", "16:00"]]), "not a HH:MM time"),
        (lambda d: d["services"][3].update(last_checked="yesterday"), "not an ISO date"),
        (lambda d: d["services"].pop(), "lacks required services"),
        (lambda d: d["services"].append(copy.deepcopy(d["services"][0])), "duplicate id"),
        (lambda d: d.pop("services"), "'services' list"),
        (lambda d: d["services"][2].update(hours="always"), "hours"),
    ],
)
def test_malformed_file_fails_loudly_naming_the_problem(break_it, message: str) -> None:
    document = raw()
    break_it(document)
    with pytest.raises(ServicesFileError, match=re.escape(message) if "'" not in message else message):
        parse_services(document)


def test_unreadable_file_is_a_services_file_error(tmp_path) -> None:
    broken = tmp_path / "services.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(ServicesFileError, match="cannot read"):
        load_services(broken)


def test_bank_holidays_cover_2025_to_2028_with_source() -> None:
    document = json.loads(BANK_HOLIDAYS_FILE.read_text(encoding="utf-8"))
    assert document["source_url"] == "https://www.gov.uk/bank-holidays.json"
    years = {d.year for d in load_bank_holidays()}
    assert years == {2025, 2026, 2027, 2028}
    assert all(sum(1 for d in load_bank_holidays() if d.year == y) == 8 for y in years)


@pytest.mark.parametrize("day", ["2025-12-25", "2026-04-03", "2026-12-28", "2027-12-27", "2028-01-03"])
def test_known_bank_holidays_are_listed(day: str) -> None:
    assert date.fromisoformat(day) in load_bank_holidays()


def test_bank_holidays_are_weekdays() -> None:
    assert all(d.weekday() < 5 for d in load_bank_holidays())
