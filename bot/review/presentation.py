"""Plain-English labels and formatting for what the site shows (British English, London time)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")

RISK_LABELS = {
    "emergency": "Emergency",
    "high": "High risk",
    "standard": "Standard",
    "unknown": "Not yet known",
}
STATUS_LABELS = {"new": "New", "in_review": "In review", "actioned": "Actioned", "closed": "Closed"}
CHANNEL_LABELS = {"webchat": "Web chat", "sms": "Text message", "voice": "Phone call", "rest": "Test channel"}
DANGER_LABELS = {
    "suspect_present": "Suspect there or nearby now",
    "followed_now": "Being followed now",
    "entry_attempt": "Trying to get in",
    "threat_imminent": "Threat to harm soon",
    "weapon": "Weapon mentioned",
    "assault": "Assault happening or just happened",
    "child_in_danger": "A child in danger",
    "breach_in_progress": "Order or bail breach happening now",
    "hiding": "Hiding",
    "cannot_speak": "Cannot speak safely",
    "suicidal": "Suicidal thoughts",
    "call_for_help": "Asked for help now",
    # No rule matched; one of the ML detectors judged the words danger now (read them closely).
    "learned": "Danger now, in the learned model's judgement",
    "classifier": "Danger now, in the intent classifier's judgement",
}
REPORTER_LABELS = {"self": "The person themselves", "someone-else": "Someone else, on their behalf"}


def humanise(name: str) -> str:
    """`latest_incident_at` → `Latest incident at` (for names with no label of their own)."""
    text = name.replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def risk_reason_label(reason: str) -> str:
    """A risk reason code (e.g. `danger_signal:weapon`) in plain words."""
    kind, _, value = reason.partition(":")
    if kind == "danger_signal" and value:
        return "Danger signal: " + DANGER_LABELS.get(value, humanise(value)).lower()
    return humanise(reason.replace(":", ": "))


def london_time(moment: datetime | None) -> str:
    """`29 Nov 2025, 13:45` in UK time, or an em dash when unknown."""
    if moment is None:
        return "—"
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(LONDON).strftime("%-d %b %Y, %H:%M")


def day_start_utc(day: date) -> datetime:
    """Midnight at the start of `day` in the UK, as UTC (for date-range filters)."""
    return datetime.combine(day, time.min, tzinfo=LONDON).astimezone(timezone.utc)


def day_end_utc(day: date) -> datetime:
    """Midnight at the end of `day` in the UK, as UTC (exclusive upper bound)."""
    return day_start_utc(day + timedelta(days=1))


def field_value_text(value: object) -> str:
    """A record field's value as text (lists joined, booleans as yes/no)."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, (list, tuple)):
        return ", ".join(field_value_text(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{humanise(str(k))}: {field_value_text(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def consent_text(value: bool | None) -> str:
    """Yes / No / Not asked."""
    return "Not asked" if value is None else ("Yes" if value else "No")
