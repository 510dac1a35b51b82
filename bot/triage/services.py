"""The directory of services (`bot/services.json`), typed and checked once.

Every number and opening time the assistant says comes from that one file, so a change
there is a change everywhere. A malformed file fails loudly at load with the entry and field
named, rather than the assistant quietly citing a wrong number.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

DATA_DIR = Path(__file__).resolve().parent.parent
SERVICES_FILE = DATA_DIR / "services.json"
BANK_HOLIDAYS_FILE = DATA_DIR / "bank_holidays.json"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
REQUIRED_IDS = (
    "police_emergency",
    "silent_solution",
    "emergency_sms",
    "relay_uk",
    "police_non_emergency",
    "stalking_helpline",
    "paladin",
    "domestic_abuse_helpline",
    "mens_advice_line",
    "galop",
    "victim_support",
    "samaritans",
    "live_fear_free",
    "scotland_da_helpline",
    "ni_da_helpline",
)


class ServicesFileError(ValueError):
    """The services or bank-holidays file is malformed; the message says where."""


@dataclass(frozen=True)
class Hours:
    """When a service answers. Weekly windows are local (Europe/London) times."""

    always: bool = False
    unknown: bool = False
    weekly: tuple[tuple[str, tuple[tuple[time, time], ...]], ...] = ()
    closed_on_bank_holidays: bool = False

    def windows(self, weekday: int) -> tuple[tuple[time, time], ...]:
        """The opening windows for a weekday (0 = Monday)."""
        return dict(self.weekly).get(WEEKDAYS[weekday], ())


@dataclass(frozen=True)
class Service:
    """One service: how to reach it, when, and when to offer it."""

    id: str
    name: str
    number: str  # display form, e.g. "0808 802 0300"
    spoken: str  # digit by digit for voice, e.g. "0 8 0 8, 8 0 2, 0 3 0 0"
    text_number: str | None
    other_numbers: tuple[str, ...]
    hours: Hours
    hours_text: str
    offer_when: str
    notes: str
    source_url: str
    last_checked: str  # ISO date
    needs_check: bool


def digits(number: str) -> str:
    """Only the digits of a phone number ("0808 802 0300" -> "08088020300")."""
    return re.sub(r"\D", "", number)


def _require(entry: dict[str, Any], key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if key not in entry:
        raise ServicesFileError(f"{where}: missing field {key!r}")
    value = entry[key]
    if not isinstance(value, kind):
        raise ServicesFileError(f"{where}: field {key!r} has the wrong type ({type(value).__name__})")
    return value


def _clock(value: str, where: str) -> time:
    try:
        hour, minute = value.split(":")
        return time(int(hour), int(minute))
    except ValueError:
        raise ServicesFileError(f"{where}: {value!r} is not a HH:MM time") from None


def _hours(raw: Any, where: str) -> Hours:
    if not isinstance(raw, dict):
        raise ServicesFileError(f"{where}: hours must be an object")
    if raw.get("always"):
        return Hours(always=True)
    if raw.get("unknown"):
        return Hours(unknown=True)
    weekly: list[tuple[str, tuple[tuple[time, time], ...]]] = []
    for day in WEEKDAYS:
        windows = []
        for pair in raw.get(day, []):
            if not (isinstance(pair, list) and len(pair) == 2):
                raise ServicesFileError(f"{where}: hours.{day} must be a list of [open, close] pairs")
            opens, closes = _clock(pair[0], where), _clock(pair[1], where)
            if closes <= opens:
                raise ServicesFileError(f"{where}: hours.{day} closes before it opens")
            windows.append((opens, closes))
        weekly.append((day, tuple(windows)))
    if not any(windows for _, windows in weekly):
        raise ServicesFileError(f"{where}: hours has no opening times (use always or unknown)")
    return Hours(weekly=tuple(weekly), closed_on_bank_holidays=bool(raw.get("closed_on_bank_holidays")))


def _service(entry: Any, index: int) -> Service:
    if not isinstance(entry, dict):
        raise ServicesFileError(f"services[{index}] must be an object")
    where = f"services[{index}] ({entry.get('id', '?')})"
    number = _require(entry, "number", str, where)
    spoken = _require(entry, "spoken", str, where)
    if digits(spoken) != digits(number):
        raise ServicesFileError(f"{where}: spoken form {spoken!r} does not match number {number!r}")
    last_checked = _require(entry, "last_checked", str, where)
    try:
        date.fromisoformat(last_checked)
    except ValueError:
        raise ServicesFileError(f"{where}: last_checked {last_checked!r} is not an ISO date") from None
    text_number = entry.get("text_number")
    if text_number is not None and not isinstance(text_number, str):
        raise ServicesFileError(f"{where}: text_number must be a string or null")
    return Service(
        id=_require(entry, "id", str, where),
        name=_require(entry, "name", str, where),
        number=number,
        spoken=spoken,
        text_number=text_number,
        other_numbers=tuple(_require(entry, "other_numbers", list, where)),
        hours=_hours(_require(entry, "hours", dict, where), where),
        hours_text=_require(entry, "hours_text", str, where),
        offer_when=_require(entry, "offer_when", str, where),
        notes=_require(entry, "notes", str, where),
        source_url=_require(entry, "source_url", str, where),
        last_checked=last_checked,
        needs_check=bool(entry.get("needs_check", False)),
    )


def parse_services(document: Any) -> dict[str, Service]:
    """Services from a parsed services document; raises ServicesFileError when malformed."""
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise ServicesFileError("services file must be an object with a 'services' list")
    services: dict[str, Service] = {}
    for index, entry in enumerate(document["services"]):
        service = _service(entry, index)
        if service.id in services:
            raise ServicesFileError(f"services[{index}]: duplicate id {service.id!r}")
        services[service.id] = service
    missing = [sid for sid in REQUIRED_IDS if sid not in services]
    if missing:
        raise ServicesFileError(f"services file lacks required services: {missing}")
    return services


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise ServicesFileError(f"cannot read {path.name}: {error}") from None


@lru_cache(maxsize=4)
def load_services(path: Path = SERVICES_FILE) -> dict[str, Service]:
    """All services by id, read once (cached). Raises ServicesFileError when malformed."""
    return parse_services(_read_json(path))


@lru_cache(maxsize=4)
def timezone(path: Path = SERVICES_FILE) -> ZoneInfo:
    """The time zone the opening hours are in (Europe/London)."""
    return ZoneInfo(str(_read_json(path).get("timezone", "Europe/London")))


@lru_cache(maxsize=4)
def load_bank_holidays(path: Path = BANK_HOLIDAYS_FILE) -> frozenset[date]:
    """England and Wales bank holidays (the helpline is closed on them)."""
    document = _read_json(path)
    try:
        return frozenset(date.fromisoformat(event["date"]) for event in document["events"])
    except (KeyError, TypeError, ValueError):
        raise ServicesFileError(f"{path.name}: every event needs an ISO 'date'") from None


def bank_holidays_cover(day: date, path: Path = BANK_HOLIDAYS_FILE) -> bool:
    """Whether the bank-holiday file has data for that year (so a missing year is visible)."""
    return any(holiday.year == day.year for holiday in load_bank_holidays(path))


def known_numbers() -> set[str]:
    """Every number in the services file, digits only (for "never cite an unknown number" tests)."""
    numbers: set[str] = set()
    for service in load_services().values():
        for number in (service.number, service.text_number, *service.other_numbers):
            if number:
                numbers.add(digits(number))
    return numbers
