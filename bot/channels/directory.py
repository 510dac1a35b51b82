"""The service numbers a channel quotes itself, from the one services data file.

Uses `bot.triage.services.load_services()` when the triage package provides it; otherwise
reads `bot/services.json` directly (same file, so numbers still have one home).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

SERVICES_FILE = Path(__file__).resolve().parent.parent / "services.json"

# The ids a channel quotes; loading fails loudly at start-up if any is missing, so a
# safety message can never be built with a hole in it.
REQUIRED_IDS = ("police_emergency", "silent_solution", "stalking_helpline", "police_non_emergency")


@dataclass(frozen=True)
class ServiceLine:
    """One service as a channel quotes it."""

    id: str
    name: str
    number: str
    hours_text: str = ""
    spoken: str = ""
    other_numbers: tuple[str, ...] = ()

    @property
    def said(self) -> str:
        """The number as a voice should read it: the data file's spoken form, or digit by digit."""
        return self.spoken or speak_digits(self.number)


def speak_digits(text: str) -> str:
    """Read every group of digits one digit at a time: "0808 802 0300" -> "0 8 0 8, 8 0 2, 0 3 0 0"."""
    # Groups of one number ("0808 802 0300") keep a short pause between them.
    grouped = re.sub(r"(?<=\d) (?=\d)", "\x00", text)
    return re.sub(r"\d+", lambda m: " ".join(m.group(0)), grouped).replace("\x00", ", ")


def _line_from(service_id: str, raw: object) -> ServiceLine:
    def pick(name: str) -> str:
        value = raw.get(name, "") if isinstance(raw, dict) else getattr(raw, name, "")
        return str(value or "")

    others = raw.get("other_numbers", ()) if isinstance(raw, dict) else getattr(raw, "other_numbers", ())
    return ServiceLine(
        id=service_id,
        name=pick("name"),
        number=pick("number"),
        hours_text=pick("hours_text"),
        spoken=pick("spoken"),
        other_numbers=tuple(str(n) for n in others or ()),
    )


def _read_file(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict) and "services" in data:
        data = data["services"]
    if isinstance(data, list):
        return {str(item["id"]): item for item in data}
    return {str(key): value for key, value in data.items()}


def load_directory(path: Path | None = None) -> dict[str, ServiceLine]:
    """Every service by id; raises `KeyError` naming a required id that is missing."""
    raw: dict[str, object]
    if path is None:
        try:
            from bot.triage.services import load_services

            raw = dict(load_services())
        except ImportError:
            raw = _read_file(SERVICES_FILE)
    else:
        raw = _read_file(path)
    lines = {service_id: _line_from(service_id, value) for service_id, value in raw.items()}
    for service_id in REQUIRED_IDS:
        if service_id not in lines or not lines[service_id].number:
            raise KeyError(f"services file has no number for {service_id!r}")
    return lines
