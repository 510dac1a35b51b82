#!/usr/bin/env python3
"""Write domain/services.yml: the numbers the domain's responses cite, read from bot/services.json.

Responses say `{number_stalking_helpline}`, not "0808 802 0300". Rasa fills such
placeholders from slots, and these slots' initial values come from the services data file,
so every number is read from that one file and needs no action server (the emergency
responses must work without it). `make` regenerates this file when bot/services.json
changes; tests/unit/test_responses.py fails if the committed copy is out of date.
Standard library only: `python3 scripts/service_slots.py [--check]`.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.triage.services import load_services  # noqa: E402

TARGET = ROOT / "domain" / "services.yml"

# slot name -> (service id, which of its numbers)
CITED = {
    "number_emergency": ("police_emergency", "number"),
    "number_silent_solution_keys": ("silent_solution", "55"),
    "number_relay_uk": ("relay_uk", "number"),
    "number_police_non_emergency": ("police_non_emergency", "number"),
    "number_stalking_helpline": ("stalking_helpline", "number"),
    "number_samaritans": ("samaritans", "number"),
}


def cited_numbers() -> dict[str, str]:
    """Slot name -> the number as the services file writes it."""
    services = load_services()
    numbers = {}
    for slot, (service_id, which) in CITED.items():
        service = services[service_id]
        if which == "number":
            numbers[slot] = service.number
        elif which in service.other_numbers:
            numbers[slot] = which
        else:
            raise SystemExit(f"{service_id} in bot/services.json no longer lists {which}")
    return numbers


def render() -> str:
    lines = [
        'version: "3.1"',
        "",
        "# GENERATED from bot/services.json by scripts/service_slots.py: do not edit by hand.",
        "# Responses cite these as {slot_name}; Rasa fills them without the action server.",
        "",
        "slots:",
    ]
    for slot, number in cited_numbers().items():
        lines += [
            f"  {slot}:",
            "    type: text",
            f'    initial_value: "{number}"',
            "    influence_conversation: false",
            "    mappings:",
            "      - type: custom",
        ]
    return "\n".join(lines) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        current = TARGET.read_text() if TARGET.exists() else ""
        if current != text:
            print("domain/services.yml is out of date: run `python3 scripts/service_slots.py`")
            return 1
        return 0
    if not TARGET.exists() or TARGET.read_text() != text:
        TARGET.write_text(text)
        print("wrote domain/services.yml from bot/services.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
