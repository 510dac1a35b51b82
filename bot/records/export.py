"""Export incidents as JSON Lines or CSV: one incident per line or row, record fields flattened.

Every row carries the fixed columns below, then each record field by name (its value), and
`field_sources` saying whether each was said by the person or inferred by the bot.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any, TextIO

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from bot.records.audit import add_audit
from bot.records.db import engine_of, has_schema
from bot.records.models import Incident

FORMATS = ("jsonl", "csv")
BASE_COLUMNS = (
    "reference",
    "conversation_id",
    "channel",
    "risk_level",
    "risk_reasons",
    "danger_signals",
    "danger_evidence",
    "status",
    "assigned_to",
    "created_at",
    "updated_at",
    "reporter",
    "suspect_relationship",
    "nation",
    "behaviours",
    "advice_given",
    "consent_keep",
    "consent_share_police",
    "consent_contact",
)
_BATCH = 200
# Spreadsheets run cells starting with these as formulas (CSV injection): the person's own
# words could otherwise execute on a call handler's machine.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def incident_row(incident: Incident) -> dict[str, Any]:
    """One incident as a flat mapping (decrypted): fixed columns, record fields, `field_sources`."""
    row: dict[str, Any] = {
        "reference": incident.reference,
        "conversation_id": incident.conversation_id,
        "channel": incident.channel,
        "risk_level": incident.risk_level,
        "risk_reasons": list(incident.risk_reasons or []),
        "danger_signals": list(incident.danger_kinds or []),
        "danger_evidence": [
            {"kind": item.get("kind"), "text": item.get("text")} for item in incident.danger_evidence or []
        ],
        "status": incident.status,
        "assigned_to": incident.assigned_to.username if incident.assigned_to else None,
        "created_at": incident.created_at.isoformat(),
        "updated_at": incident.updated_at.isoformat(),
        "reporter": incident.reporter,
        "suspect_relationship": incident.suspect_relationship,
        "nation": incident.nation,
        "behaviours": list(incident.behaviours or []),
        "advice_given": list(incident.advice_given or []),
        "consent_keep": incident.consent_keep,
        "consent_share_police": incident.consent_share_police,
        "consent_contact": incident.consent_contact,
    }
    sources: dict[str, str] = {}
    for name, entry in sorted((incident.fields or {}).items()):
        sources[name] = entry.get("source", "said")
        if name not in BASE_COLUMNS:  # the plain columns are the authoritative copy
            row[name] = entry.get("value")
    row["field_sources"] = sources
    return row


def incident_rows(session_factory: sessionmaker[Session]) -> Iterator[dict[str, Any]]:
    """Every incident as a flat row, oldest first; nothing if the database has no schema yet.

    Reads in short batches, each its own transaction, so a long export never holds the
    database (on SQLite a transaction blocks the action server's writes).
    """
    if not has_schema(engine_of(session_factory)):
        return
    last_id = 0
    while True:
        query = (
            select(Incident)
            .where(Incident.id > last_id)
            .options(selectinload(Incident.assigned_to))
            .order_by(Incident.id)
            .limit(_BATCH)
        )
        with session_factory.begin() as session:
            batch = list(session.scalars(query))
            rows = [incident_row(incident) for incident in batch]
        if not batch:
            return
        yield from rows
        last_id = batch[-1].id


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Write one JSON object per line; returns how many."""
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        count += 1
    return count


def write_csv(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    """Write a header and one row per incident (lists and mappings as JSON); returns how many."""
    collected = list(rows)  # the header needs every field name first
    if not collected:
        return 0
    extra = sorted({name for row in collected for name in row} - set(BASE_COLUMNS) - {"field_sources"})
    columns = [*BASE_COLUMNS, *extra, "field_sources"]
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in collected:
        writer.writerow([_csv_cell(row.get(column)) for column in columns])
    return len(collected)


def export_incidents(
    session_factory: sessionmaker[Session], fmt: str, out: TextIO, *, actor: str = "cli"
) -> int:
    """Write every incident to `out` as `jsonl` or `csv`; audited as `export`. Returns how many."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    rows = incident_rows(session_factory)
    count = write_jsonl(rows, out) if fmt == "jsonl" else write_csv(rows, out)
    if has_schema(engine_of(session_factory)):  # a database not yet made has no audit log to write to
        with session_factory.begin() as session:
            add_audit(session, actor, "export", detail={"format": fmt, "count": count})
    return count
