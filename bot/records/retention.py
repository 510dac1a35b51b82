"""Retention and erasure: the automatic purge, erasing one incident, and erasure asked for in chat.

Records and the tracker store may be different databases, so no transaction spans both.
The order makes a failure harmless: records first, then the tracker store; a conversation
left behind in the tracker store is caught by the next purge (it is old and has no
incident, or it has a pending erasure request).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.records.audit import add_audit
from bot.records.errors import IncidentNotFound, InvalidValue
from bot.records.models import ErasureRequest, HandlerNote, Incident, utc_now
from bot.records.reference import normalise_reference
from bot.records.tracker import (
    TrackerSource,
    conversations_idle_since,
    count_events,
    delete_conversations,
    tracker_engine,
)
from bot.records.views import PurgeCounts


def request_erasure(
    session_factory: sessionmaker[Session], conversation_id: str, *, actor: str = "action-server"
) -> None:
    """Queue erasure of a conversation's transcript (asked for in the chat); the next purge does it."""
    with session_factory.begin() as session:
        pending = session.scalar(
            select(func.count(ErasureRequest.id)).where(
                ErasureRequest.conversation_id == conversation_id, ErasureRequest.done_at.is_(None)
            )
        )
        if not pending:
            session.add(ErasureRequest(conversation_id=conversation_id, requested_at=utc_now()))
            add_audit(session, actor, "request_erasure")


def process_erasure_requests(
    session_factory: sessionmaker[Session],
    *,
    tracker_store_url: TrackerSource,
    actor: str,
    now: datetime | None = None,
    dry_run: bool = False,
) -> PurgeCounts:
    """Erase the transcript of every conversation with a pending request: tracker events and snapshots."""
    stamp = now or utc_now()
    with session_factory.begin() as session:
        requests = list(session.scalars(select(ErasureRequest).where(ErasureRequest.done_at.is_(None))))
        conversation_ids = sorted({request.conversation_id for request in requests})
        snapshots = (
            session.scalar(
                select(func.count(Incident.id)).where(
                    Incident.conversation_id.in_(conversation_ids), Incident.transcript.is_not(None)
                )
            )
            if conversation_ids
            else 0
        )
    if not requests:
        return PurgeCounts()
    with tracker_engine(tracker_store_url) as engine:
        counts = count_events(engine, conversation_ids) if engine is not None else {}
        if engine is not None and not dry_run:
            delete_conversations(engine, conversation_ids)
    result = PurgeCounts(
        erasure_requests=len(requests),
        tracker_events=sum(counts.values()),
        tracker_conversations=len(counts),
        transcripts_cleared=int(snapshots or 0),
    )
    if dry_run:
        return result
    with session_factory.begin() as session:
        # Only now that the tracker store is done: if it failed, the requests stay pending.
        session.execute(
            update(Incident).where(Incident.conversation_id.in_(conversation_ids)).values(transcript=None)
        )
        session.execute(
            update(ErasureRequest)
            .where(ErasureRequest.id.in_([request.id for request in requests]))
            .values(done_at=stamp)
        )
        add_audit(
            session,
            actor,
            "erase_transcripts",
            detail={"requests": result.erasure_requests, "tracker_events": result.tracker_events},
            at=stamp,
        )
    return result


def purge_older_than(
    session_factory: sessionmaker[Session],
    days: int,
    *,
    tracker_store_url: TrackerSource,
    actor: str,
    now: datetime | None = None,
    dry_run: bool = False,
) -> PurgeCounts:
    """Delete incidents untouched for `days` (with their notes) and old tracker conversations.

    An incident's age counts from its last change (a case being worked on is kept). Tracker
    conversations go when their last event is older than the cut-off and no incident remains
    for them. Pending erasure requests are done too. Audited as `purge`.
    """
    if days < 1:
        raise InvalidValue("retention must be at least one day")
    stamp = now or utc_now()
    cutoff = stamp - timedelta(days=days)
    with session_factory.begin() as session:
        stale = session.execute(
            select(Incident.id, Incident.reference).where(Incident.updated_at < cutoff)
        ).all()
        stale_ids = [row.id for row in stale]
        notes = (
            session.scalar(select(func.count(HandlerNote.id)).where(HandlerNote.incident_id.in_(stale_ids)))
            if stale_ids
            else 0
        )
        if stale_ids and not dry_run:
            session.execute(delete(HandlerNote).where(HandlerNote.incident_id.in_(stale_ids)))
            session.execute(delete(Incident).where(Incident.id.in_(stale_ids)))
            for row in stale:
                add_audit(session, actor, "purge", row.reference, {"retention_days": days}, at=stamp)
        if dry_run:
            kept = set(session.scalars(select(Incident.conversation_id).where(Incident.updated_at >= cutoff)))
        else:
            kept = set(session.scalars(select(Incident.conversation_id)))
    erased = process_erasure_requests(
        session_factory, tracker_store_url=tracker_store_url, actor=actor, now=stamp, dry_run=dry_run
    )
    with tracker_engine(tracker_store_url) as engine:
        idle = conversations_idle_since(engine, cutoff) if engine is not None else {}
        doomed = {conversation: count for conversation, count in idle.items() if conversation not in kept}
        if doomed and not dry_run:
            delete_conversations(engine, doomed)
    counts = PurgeCounts(
        incidents=len(stale_ids),
        notes=int(notes or 0),
        tracker_events=sum(doomed.values()),
        tracker_conversations=len(doomed),
    )
    counts = replace(
        counts,
        tracker_events=counts.tracker_events + erased.tracker_events,
        tracker_conversations=counts.tracker_conversations + erased.tracker_conversations,
        erasure_requests=erased.erasure_requests,
        transcripts_cleared=erased.transcripts_cleared,
    )
    if not dry_run:
        with session_factory.begin() as session:
            detail = {"retention_days": days, **_counts_detail(counts)}
            add_audit(session, actor, "purge", None, detail, at=stamp)
    return counts


def _counts_detail(counts: PurgeCounts) -> dict[str, int]:
    return {
        "incidents": counts.incidents,
        "notes": counts.notes,
        "tracker_events": counts.tracker_events,
        "tracker_conversations": counts.tracker_conversations,
        "erasure_requests": counts.erasure_requests,
    }


def erase(
    session_factory: sessionmaker[Session],
    reference: str,
    *,
    tracker_store_url: TrackerSource,
    actor: str,
) -> PurgeCounts:
    """Erase one incident on request: the record, its notes and its conversation in the tracker store.

    IncidentNotFound if there is no such incident. Audited as `erase`.
    """
    wanted = normalise_reference(reference)
    with session_factory.begin() as session:
        incident = session.scalars(select(Incident).where(Incident.reference == wanted)).one_or_none()
        if incident is None:
            raise IncidentNotFound(f"no incident {wanted}")
        notes = len(incident.notes)
        # Queued in the same transaction as the deletion, so the transcript goes even if the
        # tracker store is unreachable right now (the next purge finishes the job).
        session.add(ErasureRequest(conversation_id=incident.conversation_id, requested_at=utc_now()))
        session.delete(incident)
        add_audit(session, actor, "erase", wanted, {"notes": notes})
    erased = process_erasure_requests(session_factory, tracker_store_url=tracker_store_url, actor=actor)
    return PurgeCounts(
        incidents=1,
        notes=notes,
        tracker_events=erased.tracker_events,
        tracker_conversations=erased.tracker_conversations,
        erasure_requests=erased.erasure_requests,
        transcripts_cleared=erased.transcripts_cleared,
    )
