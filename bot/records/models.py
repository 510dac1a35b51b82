"""The records schema: incidents, call handlers, their notes, the audit log, erasure requests.

Personal data (the person's words, names, descriptions, transcripts, notes, TOTP secrets)
lives only in encrypted columns. Categorical fields stay plain so the review site can
filter and sort on them.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from bot.records.types import EncryptedJSON, EncryptedText, UTCDateTime


def utc_now() -> datetime:
    """Now, timezone-aware UTC (server time is what records are stamped with)."""
    return datetime.now(timezone.utc)


class Base(DeclarativeBase):
    """The one declarative base of the records database."""


class Handler(Base):
    """A named call handler (or supervisor) who may sign in to the review site."""

    __tablename__ = "handlers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="handler")
    totp_secret: Mapped[str | None] = mapped_column(EncryptedText, nullable=True)
    failed_sign_ins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # Bumping this invalidates every session the handler has (sign out everywhere).
    session_version: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)


class Incident(Base):
    """One report: what the person told us in one conversation session, triaged."""

    __tablename__ = "incidents"
    # One incident per conversation session: this is what makes saving idempotent.
    __table_args__ = (UniqueConstraint("conversation_id", "session_key", name="uq_incident_session"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    session_key: Mapped[str] = mapped_column(String(255))
    channel: Mapped[str] = mapped_column(String(16))
    risk_level: Mapped[str] = mapped_column(String(16), index=True)
    risk_reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    danger_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    # [{"kind", "text", "at"}]: the person's words that triggered each danger signal.
    danger_evidence: Mapped[list[dict[str, Any]] | None] = mapped_column(EncryptedJSON, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("handlers.id"), nullable=True)
    reporter: Mapped[str | None] = mapped_column(String(16), nullable=True)
    suspect_relationship: Mapped[str | None] = mapped_column(String(16), nullable=True)
    nation: Mapped[str | None] = mapped_column(String(32), nullable=True)
    behaviours: Mapped[list[str]] = mapped_column(JSON, default=list)
    # {name: {"value": ..., "source": "said" | "inferred"}}
    fields: Mapped[dict[str, dict[str, Any]] | None] = mapped_column(EncryptedJSON, nullable=True)
    advice_given: Mapped[list[str]] = mapped_column(JSON, default=list)
    consent_keep: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_share_police: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    consent_contact: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # [{"at", "speaker": "user" | "bot", "text"}]: a snapshot saved with the record.
    transcript: Mapped[list[dict[str, Any]] | None] = mapped_column(EncryptedJSON, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)

    assigned_to: Mapped[Handler | None] = relationship()
    notes: Mapped[list[HandlerNote]] = relationship(
        back_populates="incident", cascade="all, delete-orphan", order_by="HandlerNote.id"
    )


class HandlerNote(Base):
    """A call handler's note on an incident; only its author may edit it."""

    __tablename__ = "handler_notes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    handler_id: Mapped[int] = mapped_column(ForeignKey("handlers.id"))
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)

    incident: Mapped[Incident] = relationship(back_populates="notes")
    handler: Mapped[Handler] = relationship()


class AuditEvent(Base):
    """Who did what, when. Append-only: database triggers refuse UPDATE and DELETE (see db.py)."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now, index=True)
    actor: Mapped[str] = mapped_column(String(80))  # "handler:alice", "cli", "action-server"
    action: Mapped[str] = mapped_column(String(40), index=True)
    incident_reference: Mapped[str | None] = mapped_column(String(16), nullable=True, index=True)
    detail: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # never personal data


class ErasureRequest(Base):
    """Someone asked, in the chat, for their transcript to be erased; the next purge does it."""

    __tablename__ = "erasure_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    conversation_id: Mapped[str] = mapped_column(String(255), index=True)
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utc_now)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
