"""Plain, read-only results the store returns, so no caller holds an open session or ORM object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any


@dataclass(frozen=True)
class Turn:
    """One line of a conversation: who spoke, what they said, when (UTC, if known)."""

    at: datetime | None
    speaker: str  # "user" | "bot"
    text: str

    def to_json(self) -> dict[str, Any]:
        """The stored form: `{"at": ISO text or None, "speaker", "text"}`."""
        return {"at": self.at.isoformat() if self.at else None, "speaker": self.speaker, "text": self.text}

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Turn:
        """Read the stored form (or a caller's dict whose `at` is ISO text or a Unix timestamp)."""
        return cls(at=_parse_at(raw.get("at")), speaker=str(raw["speaker"]), text=str(raw.get("text") or ""))


def _parse_at(value: Any) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(value, tz=timezone.utc)
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@dataclass(frozen=True)
class SavedIncident:
    """What saving returned: the reference to quote, the risk now on record, and whether it is new."""

    reference: str
    risk_level: str
    created: bool


@dataclass(frozen=True)
class NoteView:
    """A call handler's note on an incident."""

    id: int
    incident_reference: str
    handler_id: int
    handler_username: str
    body: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class IncidentSummary:
    """An incident without its personal fields: what a list of incidents shows."""

    reference: str
    conversation_id: str
    channel: str
    risk_level: str
    risk_reasons: list[str]
    danger_kinds: list[str]
    status: str
    assigned_to: str | None  # handler username
    reporter: str | None
    suspect_relationship: str | None
    nation: str | None
    behaviours: list[str]
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class IncidentView(IncidentSummary):
    """A whole incident, decrypted: everything a call handler may read."""

    session_key: str = ""
    danger_evidence: list[dict[str, Any]] = field(default_factory=list)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    advice_given: list[str] = field(default_factory=list)
    consent_keep: bool = False
    consent_share_police: bool | None = None
    consent_contact: bool | None = None
    transcript: list[Turn] = field(default_factory=list)
    notes: list[NoteView] = field(default_factory=list)


@dataclass(frozen=True)
class AuditView:
    """One audit log entry."""

    id: int
    at: datetime
    actor: str
    action: str
    incident_reference: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class ConversationSummary:
    """A conversation in the tracker store: its sender id, first and last event, and size."""

    conversation_id: str
    first_at: datetime | None
    last_at: datetime | None
    event_count: int


@dataclass(frozen=True)
class PurgeCounts:
    """What a purge or erasure removed (or, in a dry run, would remove)."""

    incidents: int = 0
    notes: int = 0
    tracker_events: int = 0
    tracker_conversations: int = 0
    erasure_requests: int = 0
    transcripts_cleared: int = 0
