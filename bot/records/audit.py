"""The audit log: who viewed or changed what, and when. Details never carry personal data."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.records.models import AuditEvent, utc_now
from bot.records.views import AuditView


def add_audit(
    session: Session,
    actor: str,
    action: str,
    reference: str | None = None,
    detail: Mapping[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> None:
    """Add an audit entry inside the caller's unit of work (so it commits or rolls back with it)."""
    session.add(
        AuditEvent(
            at=at or utc_now(),
            actor=actor,
            action=action,
            incident_reference=reference,
            detail=dict(detail or {}),
        )
    )


def audit(
    session_factory: sessionmaker[Session],
    actor: str,
    action: str,
    reference: str | None = None,
    detail: Mapping[str, Any] | None = None,
) -> None:
    """Record one audit entry on its own (e.g. `view_incident`, `sign_in_failed`)."""
    with session_factory.begin() as session:
        add_audit(session, actor, action, reference, detail)


def list_audit(
    session_factory: sessionmaker[Session],
    *,
    reference: str | None = None,
    actor: str | None = None,
    action: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[AuditView]:
    """Audit entries, newest first, optionally narrowed to one incident, actor, action or time span."""
    query = select(AuditEvent)
    if reference is not None:
        query = query.where(AuditEvent.incident_reference == reference)
    if actor is not None:
        query = query.where(AuditEvent.actor == actor)
    if action is not None:
        query = query.where(AuditEvent.action == action)
    if since is not None:
        query = query.where(AuditEvent.at >= since)
    if until is not None:
        query = query.where(AuditEvent.at < until)
    query = query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit).offset(offset)
    with session_factory.begin() as session:
        return [
            AuditView(
                id=row.id,
                at=row.at,
                actor=row.actor,
                action=row.action,
                incident_reference=row.incident_reference,
                detail=dict(row.detail or {}),
            )
            for row in session.scalars(query)
        ]
