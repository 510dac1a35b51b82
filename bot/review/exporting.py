"""Export for supervisors: every incident as CSV (via the records export) or as one JSON array."""

from __future__ import annotations

import io
import json

from sqlalchemy.orm import Session, sessionmaker

from bot.records import export as records_export

FORMATS = ("csv", "json")


def export_incidents(session_factory: sessionmaker[Session], fmt: str, *, actor: str) -> tuple[str, int]:
    """The export's text and how many incidents it holds; audited as `export` by the records store."""
    if fmt == "csv":
        out = io.StringIO()
        count = records_export.export_incidents(session_factory, "csv", out, actor=actor)
        return out.getvalue(), count
    if fmt == "json":
        out = io.StringIO()
        count = records_export.export_incidents(session_factory, "jsonl", out, actor=actor)
        rows = [json.loads(line) for line in out.getvalue().splitlines() if line]
        return json.dumps(rows, ensure_ascii=False, indent=1), count
    raise ValueError(f"format must be one of {', '.join(FORMATS)}")
