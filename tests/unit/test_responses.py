"""Every number the assistant says is in the services data file; no opening hours are hard-coded."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.settings import PROJECT_ROOT
from bot.triage.services import known_numbers, load_services

PHONE = re.compile(r"(?<![\d:])\d(?:[\d ]{1,14})\d(?![\d:])")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}(?:am|pm)\b", re.IGNORECASE)


def cited_numbers() -> dict[str, str]:
    """The {number_...} slot values, as domain/services.yml gives them to Rasa."""
    slots = yaml.safe_load((PROJECT_ROOT / "domain" / "services.yml").read_text())["slots"]
    return {name: str(slot["initial_value"]) for name, slot in slots.items()}


def as_said(text: str) -> str:
    """A response as Rasa sends it: {number_...} filled from the slots (other fields left)."""
    numbers = cited_numbers()
    return re.sub(r"\{(number_\w+)\}", lambda m: numbers[m.group(1)], text)


def raw_response_texts() -> list[tuple[str, str]]:
    found = []
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        for name, variants in (yaml.safe_load(path.read_text()).get("responses") or {}).items():
            for variant in variants:
                found.append((f"{path.name}:{name}", variant.get("text") or ""))
                found += [(f"{path.name}:{name}:button", b["title"]) for b in variant.get("buttons") or []]
    return found


def response_texts() -> list[tuple[str, str]]:
    return [(where, as_said(text)) for where, text in raw_response_texts()]


def static_channel_texts() -> list[tuple[str, str]]:
    found = []
    for pattern in ("bot/channels/fallback/*.xml", "bot/channels/webchat_static/*.html"):
        for path in sorted(PROJECT_ROOT.glob(pattern)):
            found.append((str(path.relative_to(PROJECT_ROOT)), re.sub(r"<[^>]+>", " ", path.read_text())))
    return found


def numbers_in(text: str) -> list[str]:
    """Phone numbers cited; a service's spoken form ("0 8 0 8, 8 0 2, ...") counts as its number."""
    for service in load_services().values():
        if service.spoken:
            text = text.replace(service.spoken, f" {service.number} ")
    return [re.sub(r"\D", "", match) for match in PHONE.findall(text)]


def test_the_domain_has_responses_to_check():
    assert len(response_texts()) > 40


@pytest.mark.parametrize(("where", "text"), response_texts() + static_channel_texts())
def test_every_phone_number_said_is_in_the_services_file(where: str, text: str):
    known = known_numbers()
    unknown = [n for n in numbers_in(text) if n not in known]
    assert not unknown, f"{where} cites {unknown}, which bot/services.json does not list"


@pytest.mark.parametrize(("where", "text"), response_texts())
def test_no_opening_hours_are_written_into_responses(where: str, text: str):
    assert not CLOCK.search(text), f"{where}: opening hours must come from bot/services.json"


def test_the_check_catches_an_unknown_number():
    assert "01234567890" not in known_numbers()
    assert numbers_in("call 01234 567 890 now") == ["01234567890"]


@pytest.mark.parametrize("response", ["utter_emergency", "utter_emergency_reminder"])
def test_the_emergency_responses_lead_with_999(response: str):
    texts = [t for where, t in response_texts() if where.endswith(f":{response}")]
    assert texts and all("999" in t.split(".")[0] for t in texts)


def test_the_safety_reminder_offers_one_tap_to_say_safe_which_the_nlu_knows():
    # A false alarm must not hold someone in the emergency path: saying "safe" is one tap.
    domain = yaml.safe_load((PROJECT_ROOT / "domain" / "emergency.yml").read_text(encoding="utf-8"))
    buttons = domain["responses"]["utter_emergency_reminder"][0]["buttons"]
    nlu = yaml.safe_load((PROJECT_ROOT / "data" / "nlu" / "dialogue.yml").read_text(encoding="utf-8"))
    safe_examples = next(b["examples"] for b in nlu["nlu"] if b.get("intent") == "safe_now")
    assert any(f"- {button['payload']}\n" in safe_examples for button in buttons)


def test_the_silent_solution_and_text_options_are_explained():
    text = " ".join(t for where, t in response_texts() if where.endswith(":utter_emergency_how"))
    for needed in ("55", "emergencySMS", "18000", "does not tell the police where you are"):
        assert needed in text


def test_no_response_advises_confronting_or_replying_to_the_stalker():
    risky = re.compile(r"\b(confront|reply to|meet|talk to) (him|her|them|the person)\b", re.IGNORECASE)
    offenders = [
        where
        for where, text in response_texts()
        if risky.search(text)
        and not re.search(
            r"(don't|do not|never|please don't)\W+(\w+\W+){0,3}"
            r"(confront|reply)",
            text,
            re.IGNORECASE,
        )
    ]
    assert offenders == []


def test_no_response_calls_a_report_not_serious_or_an_overreaction():
    dismissive = re.compile(r"not serious|overreacting\b(?!\?)|nothing to worry", re.IGNORECASE)
    offenders = [w for w, t in response_texts() if dismissive.search(t) and "not overreacting" not in t]
    assert offenders == []


def test_responses_file_paths_exist():
    assert Path(PROJECT_ROOT / "bot" / "services.json").exists()


@pytest.mark.parametrize(("where", "text"), raw_response_texts())
def test_responses_cite_numbers_only_through_the_services_slots(where: str, text: str):
    assert numbers_in(text) == [], f"{where}: write {{number_...}}, read from bot/services.json"


def test_the_services_slots_are_up_to_date_with_the_services_file():
    generated = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "service_slots.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert generated.returncode == 0, generated.stdout


def test_the_services_slots_hold_the_files_numbers():
    numbers = cited_numbers()
    services = load_services()
    assert numbers["number_emergency"] == services["police_emergency"].number
    assert numbers["number_stalking_helpline"] == services["stalking_helpline"].number == "0808 802 0300"
    assert numbers["number_silent_solution_keys"] in services["silent_solution"].other_numbers


def test_every_placeholder_is_a_known_slot():
    used = {m for _, t in raw_response_texts() for m in re.findall(r"\{(number_\w+)\}", t)}
    assert used and used <= set(cited_numbers())
