"""Reading incidents: one by reference, or a filtered list, most urgent first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, defer, selectinload, sessionmaker

from bot.records.errors import IncidentNotFound
from bot.records.models import HandlerNote, Incident
from bot.records.reference import normalise_reference
from bot.records.views import IncidentSummary, IncidentView, NoteView, Turn
from bot.records.vocabulary import RISK_RANK

_URGENCY = case(RISK_RANK, value=Incident.risk_level, else_=len(RISK_RANK))


def note_view(note: HandlerNote, reference: str) -> NoteView:
    """The read-only form of a note (its handler must be loaded)."""
    return NoteView(
        id=note.id,
        incident_reference=reference,
        handler_id=note.handler_id,
        handler_username=note.handler.username,
        body=note.body,
        created_at=note.created_at,
        updated_at=note.updated_at,
    )


def _summary_values(incident: Incident) -> dict[str, Any]:
    return {
        "reference": incident.reference,
        "conversation_id": incident.conversation_id,
        "channel": incident.channel,
        "risk_level": incident.risk_level,
        "risk_reasons": list(incident.risk_reasons or []),
        "danger_kinds": list(incident.danger_kinds or []),
        "status": incident.status,
        "assigned_to": incident.assigned_to.username if incident.assigned_to else None,
        "reporter": incident.reporter,
        "suspect_relationship": incident.suspect_relationship,
        "nation": incident.nation,
        "behaviours": list(incident.behaviours or []),
        "created_at": incident.created_at,
        "updated_at": incident.updated_at,
    }


def incident_view(incident: Incident) -> IncidentView:
    """The whole incident, decrypted, with its notes (loaded in the caller's session)."""
    return IncidentView(
        **_summary_values(incident),
        session_key=incident.session_key,
        danger_evidence=list(incident.danger_evidence or []),
        fields=dict(incident.fields or {}),
        advice_given=list(incident.advice_given or []),
        consent_keep=incident.consent_keep,
        consent_share_police=incident.consent_share_police,
        consent_contact=incident.consent_contact,
        transcript=[Turn.from_json(turn) for turn in incident.transcript or []],
        notes=[note_view(note, incident.reference) for note in incident.notes],
    )


def get_incident(session_factory: sessionmaker[Session], reference: str) -> IncidentView:
    """The incident with this reference (typed or read out in any case); IncidentNotFound if none."""
    wanted = normalise_reference(reference)
    query = (
        select(Incident)
        .where(Incident.reference == wanted)
        .options(
            selectinload(Incident.notes).selectinload(HandlerNote.handler), selectinload(Incident.assigned_to)
        )
    )
    with session_factory.begin() as session:
        incident = session.scalars(query).one_or_none()
        if incident is None:
            raise IncidentNotFound(f"no incident {wanted}")
        return incident_view(incident)


def _filtered(
    query: Select[Any],
    *,
    risk: str | None,
    status: str | None,
    channel: str | None,
    since: datetime | None,
    until: datetime | None,
    reference: str | None,
) -> Select[Any]:
    if risk is not None:
        query = query.where(Incident.risk_level == risk)
    if status is not None:
        query = query.where(Incident.status == status)
    if channel is not None:
        query = query.where(Incident.channel == channel)
    if since is not None:
        query = query.where(Incident.created_at >= since)
    if until is not None:
        query = query.where(Incident.created_at < until)
    if reference:
        query = query.where(Incident.reference == normalise_reference(reference))
    return query


def list_incidents(
    session_factory: sessionmaker[Session],
    *,
    risk: str | None = None,
    status: str | None = None,
    channel: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    reference: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> list[IncidentSummary]:
    """Incidents without personal fields, emergency → high → standard → unknown, newest first."""
    query = _filtered(
        select(Incident),
        risk=risk,
        status=status,
        channel=channel,
        since=since,
        until=until,
        reference=reference,
    )
    query = (
        query.options(
            selectinload(Incident.assigned_to),
            # Encrypted columns are decrypted on load; a list never shows them, so skip them.
            defer(Incident.fields),
            defer(Incident.transcript),
            defer(Incident.danger_evidence),
        )
        .order_by(_URGENCY, Incident.created_at.desc(), Incident.id.desc())
        .limit(limit)
        .offset(offset)
    )
    with session_factory.begin() as session:
        return [IncidentSummary(**_summary_values(incident)) for incident in session.scalars(query)]


def count_incidents(
    session_factory: sessionmaker[Session],
    *,
    risk: str | None = None,
    status: str | None = None,
    channel: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    reference: str | None = None,
) -> int:
    """How many incidents `list_incidents` would page through with these filters."""
    query = _filtered(
        select(func.count(Incident.id)),
        risk=risk,
        status=status,
        channel=channel,
        since=since,
        until=until,
        reference=reference,
    )
    with session_factory.begin() as session:
        return int(session.scalar(query) or 0)
