"""Errors the records store raises. Messages name things (references, ids), never personal data."""

from __future__ import annotations


class RecordsError(Exception):
    """Base class: a records operation could not be done as asked."""


class IncidentNotFound(RecordsError, LookupError):
    """No incident has that reference."""


class NoteNotFound(RecordsError, LookupError):
    """No note has that id."""


class HandlerNotFound(RecordsError, LookupError):
    """No active call handler has that id."""


class NotNoteAuthor(RecordsError, PermissionError):
    """Only the handler who wrote a note may edit it."""


class InvalidValue(RecordsError, ValueError):
    """A value is outside the shared vocabulary (risk level, channel, status, ...)."""
