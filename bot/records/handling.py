"""What call handlers do to an incident: change its status, assign it, write and edit notes.

Every change is audited in the same transaction as the change itself.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot.records.audit import add_audit
from bot.records.errors import HandlerNotFound, IncidentNotFound, InvalidValue, NoteNotFound, NotNoteAuthor
from bot.records.models import Handler, HandlerNote, Incident, utc_now
from bot.records.queries import note_view
from bot.records.reference import normalise_reference
from bot.records.views import NoteView
from bot.records.vocabulary import STATUSES


def _incident(session: Session, reference: str) -> Incident:
    wanted = normalise_reference(reference)
    incident = session.scalars(select(Incident).where(Incident.reference == wanted)).one_or_none()
    if incident is None:
        raise IncidentNotFound(f"no incident {wanted}")
    return incident


def _active_handler(session: Session, handler_id: int) -> Handler:
    handler = session.get(Handler, handler_id)
    if handler is None or not handler.active:
        raise HandlerNotFound(f"no active handler with id {handler_id}")
    return handler


def handler_actor(handler: Handler) -> str:
    """How a handler appears in the audit log."""
    return f"handler:{handler.username}"


def set_status(session_factory: sessionmaker[Session], reference: str, status: str, *, actor: str) -> None:
    """Move an incident to `new`, `in_review`, `actioned` or `closed`; audited as `change_status`."""
    if status not in STATUSES:
        raise InvalidValue(f"status must be one of {', '.join(STATUSES)}")
    with session_factory.begin() as session:
        incident = _incident(session, reference)
        previous = incident.status
        if previous == status:
            return
        incident.status = status
        incident.updated_at = utc_now()
        add_audit(session, actor, "change_status", incident.reference, {"from": previous, "to": status})


def assign(
    session_factory: sessionmaker[Session], reference: str, handler_id: int | None, *, actor: str
) -> None:
    """Assign an incident to an active handler (or to no one, with None); audited as `assign`."""
    with session_factory.begin() as session:
        incident = _incident(session, reference)
        handler = _active_handler(session, handler_id) if handler_id is not None else None
        incident.assigned_to_id = handler.id if handler else None
        incident.updated_at = utc_now()
        add_audit(session, actor, "assign", incident.reference, {"to": handler.username if handler else None})


def add_note(
    session_factory: sessionmaker[Session],
    reference: str,
    *,
    handler_id: int,
    body: str,
    now: datetime | None = None,
) -> NoteView:
    """Add a handler's note (stored encrypted) to an incident; audited as `add_note` by that handler."""
    with session_factory.begin() as session:
        incident = _incident(session, reference)
        handler = _active_handler(session, handler_id)
        now = now or utc_now()
        note = HandlerNote(incident=incident, handler=handler, body=body, created_at=now, updated_at=now)
        session.add(note)
        incident.updated_at = now  # a case being worked on is not stale (retention counts from here)
        session.flush()
        add_audit(
            session, handler_actor(handler), "add_note", incident.reference, {"note_id": note.id}, at=now
        )
        return note_view(note, incident.reference)


def edit_note(
    session_factory: sessionmaker[Session], note_id: int, *, handler_id: int, body: str
) -> NoteView:
    """Change a note's text. Only its author may: NotNoteAuthor otherwise. Audited as `edit_note`."""
    with session_factory.begin() as session:
        note = session.scalars(
            select(HandlerNote)
            .where(HandlerNote.id == note_id)
            .options(selectinload(HandlerNote.handler), selectinload(HandlerNote.incident))
        ).one_or_none()
        if note is None:
            raise NoteNotFound(f"no note {note_id}")
        if note.handler_id != handler_id:
            raise NotNoteAuthor("only the handler who wrote a note may edit it")
        handler = _active_handler(session, handler_id)
        note.body = body
        note.updated_at = utc_now()
        reference = note.incident.reference
        add_audit(session, handler_actor(handler), "edit_note", reference, {"note_id": note.id})
        return note_view(note, reference)
