"""THE one place that reads and writes incidents. Actions, the review site and the CLI call this.

Every function takes the session factory from `bot.records.db.make_session_factory`; none
keeps a session open after it returns, and all return plain read-only values (views.py).
The work is done in small modules, one job each; this module is the front door:

- saving.py     record_emergency, save_report (idempotent upserts; risk never lowered)
- queries.py    get_incident, list_incidents, count_incidents
- handling.py   set_status, assign, add_note, edit_note
- audit.py      audit, list_audit (append-only log)
- retention.py  purge_older_than, erase, request_erasure, process_erasure_requests
- tracker.py    read_transcript, list_conversations (Rasa's tracker store)
"""

from __future__ import annotations

from bot.records.audit import audit, list_audit
from bot.records.handling import add_note, assign, edit_note, set_status
from bot.records.queries import count_incidents, get_incident, list_incidents
from bot.records.retention import erase, process_erasure_requests, purge_older_than, request_erasure
from bot.records.saving import record_emergency, save_report
from bot.records.tracker import list_conversations, read_transcript
from bot.records.views import (
    AuditView,
    ConversationSummary,
    IncidentSummary,
    IncidentView,
    NoteView,
    PurgeCounts,
    SavedIncident,
    Turn,
)

__all__ = [
    "AuditView",
    "ConversationSummary",
    "IncidentSummary",
    "IncidentView",
    "NoteView",
    "PurgeCounts",
    "SavedIncident",
    "Turn",
    "add_note",
    "assign",
    "audit",
    "count_incidents",
    "edit_note",
    "erase",
    "get_incident",
    "list_audit",
    "list_conversations",
    "list_incidents",
    "process_erasure_requests",
    "purge_older_than",
    "read_transcript",
    "record_emergency",
    "request_erasure",
    "save_report",
    "set_status",
]
