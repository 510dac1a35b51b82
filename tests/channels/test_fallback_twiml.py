"""The static fallback TwiML served by Twilio when our server is down."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from bot.channels.directory import SERVICES_FILE
from tests.channels.harness import SERVICE_NUMBERS

FALLBACK = Path(__file__).resolve().parents[2] / "bot" / "channels" / "fallback"
VERBS = {
    "sms.xml": {"Message", "Redirect"},
    "voice.xml": {"Say", "Pause", "Hangup", "Dial", "Gather", "Play", "Redirect"},
}


def numbers_in(text: str) -> set[str]:
    """Every number quoted, written ("0808 802 0300") or spoken ("0 8 0 8, 8 0 2, 0 3 0 0")."""
    runs = re.findall(r"\d(?:[ ,]{0,2}\d)*", text)
    return {re.sub(r"\D", "", run) for run in runs}


def known_numbers(numbers: list[str]) -> set[str]:
    """Digit groups a service number allows: the whole number, and each part ("999 then 55")."""
    known: set[str] = set()
    for number in numbers:
        known.add(re.sub(r"\D", "", number))
        known.update(re.findall(r"\d+", number))
    return known


@pytest.mark.parametrize("name", sorted(VERBS))
def test_fallback_is_valid_twiml_with_only_known_verbs(name: str) -> None:
    root = ET.parse(FALLBACK / name).getroot()
    assert root.tag == "Response"
    assert {child.tag for child in root} <= VERBS[name]
    assert "".join(root.itertext()).strip()


@pytest.mark.parametrize("name", sorted(VERBS))
def test_fallback_quotes_999_silent_solution_helpline_and_101(name: str) -> None:
    quoted = numbers_in("".join(ET.parse(FALLBACK / name).getroot().itertext()))
    assert {"999", "55", "08088020300", "101"} <= quoted


@pytest.mark.parametrize("name", sorted(VERBS))
def test_every_number_in_the_fallback_is_a_contract_service_number(name: str) -> None:
    quoted = numbers_in("".join(ET.parse(FALLBACK / name).getroot().itertext()))
    contract = [n for _, number, others in SERVICE_NUMBERS.values() for n in (number, *others)]
    assert quoted <= known_numbers(contract)


@pytest.mark.skipif(not SERVICES_FILE.exists(), reason="bot/services.json not written yet (triage engineer)")
@pytest.mark.parametrize("name", sorted(VERBS))
def test_every_number_in_the_fallback_is_in_the_services_file(name: str) -> None:
    data = json.loads(SERVICES_FILE.read_text(encoding="utf-8"))
    services = data.get("services", data) if isinstance(data, dict) else data
    entries = services.values() if isinstance(services, dict) else services
    numbers = [str(n) for entry in entries for n in (entry["number"], *entry.get("other_numbers", ()))]
    quoted = numbers_in("".join(ET.parse(FALLBACK / name).getroot().itertext()))
    assert quoted <= known_numbers(numbers)


def test_voice_fallback_reads_numbers_digit_by_digit() -> None:
    said = " ".join(s.text or "" for s in ET.parse(FALLBACK / "voice.xml").getroot().iter("Say"))
    assert not re.search(r"\d\d", said)
