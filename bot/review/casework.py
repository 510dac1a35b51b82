"""The review site's reads that combine the records database with Rasa's tracker store.

A tiny adapter over `bot.records`: the transcript of an incident comes from the tracker
store (everything that was said), falling back to the snapshot saved with the record when
the tracker no longer has it; the conversations list marks which conversations have a record.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import FieldCipher
from bot.records.models import Incident
from bot.records.tracker import TrackerSource, list_conversations, read_transcript
from bot.records.views import Turn


@dataclass(frozen=True)
class Transcript:
    """What was said, and where it was read from ("tracker store" or "record snapshot")."""

    turns: list[Turn]
    source: str


@dataclass(frozen=True)
class ConversationRow:
    """A conversation in the tracker store, with the incident it produced (if any)."""

    conversation_id: str
    first_at: datetime | None
    last_at: datetime | None
    event_count: int
    reference: str | None
    risk_level: str | None


def transcript_for(
    tracker: TrackerSource, conversation_id: str, cipher: FieldCipher | None, snapshot: list[Turn]
) -> Transcript:
    """The full transcript from the tracker store, or the record's snapshot if the tracker has none."""
    turns = read_transcript(tracker, conversation_id, cipher)
    if turns:
        return Transcript(turns, "tracker store")
    return Transcript(list(snapshot), "record snapshot")


def conversations_with_records(
    tracker: TrackerSource, session_factory: sessionmaker[Session], *, limit: int, offset: int
) -> list[ConversationRow]:
    """Every conversation, latest first, each with the reference of its incident if one was made."""
    conversations = list_conversations(tracker, limit=limit, offset=offset)
    ids = [c.conversation_id for c in conversations]
    found: dict[str, tuple[str, str]] = {}
    if ids:
        query = (
            select(Incident.conversation_id, Incident.reference, Incident.risk_level)
            .where(Incident.conversation_id.in_(ids))
            .order_by(Incident.created_at)
        )
        with session_factory.begin() as session:
            # A conversation with several sessions has several incidents: show the latest.
            found = {
                conversation: (reference, risk) for conversation, reference, risk in session.execute(query)
            }
    return [
        ConversationRow(
            conversation_id=c.conversation_id,
            first_at=c.first_at,
            last_at=c.last_at,
            event_count=c.event_count,
            reference=found.get(c.conversation_id, (None, None))[0],
            risk_level=found.get(c.conversation_id, (None, None))[1],
        )
        for c in conversations
    ]


def references_for_conversation(session_factory: sessionmaker[Session], conversation_id: str) -> list[str]:
    """The references of every incident made in this conversation, newest first."""
    query = (
        select(Incident.reference)
        .where(Incident.conversation_id == conversation_id)
        .order_by(Incident.created_at.desc())
    )
    with session_factory.begin() as session:
        return list(session.scalars(query))
