"""Export: one incident per JSON line or CSV row, record fields flattened, audited."""

from __future__ import annotations

import csv
import io
import json

from records_helpers import report_kwargs
from sqlalchemy.orm import Session, sessionmaker

from bot.records import store
from bot.records.db import make_session_factory
from bot.records.export import export_incidents

REQUIRED = {"reference", "conversation_id", "channel", "risk_level", "risk_reasons", "danger_signals"}
REQUIRED |= {"created_at", "status", "field_sources"}


def _two_incidents(sf: sessionmaker[Session]) -> tuple[str, str]:
    emergency = store.record_emergency(
        sf,
        conversation_id="conv-e",
        session_key="s",
        channel="sms",
        signals=[("followed_now", "behind me now")],
    ).reference
    report = store.save_report(
        sf,
        **report_kwargs(
            suspect_relationship="ex-partner",
            fields={
                "narrative": {"value": '=HYPERLINK("x") he keeps calling', "source": "said"},
                "frequency": {"value": "daily", "source": "inferred"},
            },
        ),
    ).reference
    return emergency, report


def test_jsonl_has_one_object_per_incident_with_flattened_fields(sf: sessionmaker[Session]) -> None:
    emergency, report = _two_incidents(sf)
    out = io.StringIO()
    assert export_incidents(sf, "jsonl", out) == 2
    rows = {row["reference"]: row for row in map(json.loads, out.getvalue().splitlines())}
    assert set(rows) == {emergency, report}
    assert all(set(row) >= REQUIRED for row in rows.values())
    assert rows[emergency]["danger_signals"] == ["followed_now"]
    assert rows[emergency]["risk_level"] == "emergency"
    assert rows[report]["suspect_relationship"] == "ex-partner"
    assert rows[report]["narrative"] == '=HYPERLINK("x") he keeps calling'
    assert rows[report]["frequency"] == "daily"
    assert rows[report]["field_sources"] == {"frequency": "inferred", "narrative": "said"}
    assert rows[report]["advice_given"] == ["police_non_emergency", "stalking_helpline"]


def test_csv_has_a_header_and_one_row_per_incident(sf: sessionmaker[Session]) -> None:
    _emergency, report = _two_incidents(sf)
    out = io.StringIO()
    assert export_incidents(sf, "csv", out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == 2
    assert set(rows[0]) >= REQUIRED
    row = next(r for r in rows if r["reference"] == report)
    assert json.loads(row["risk_reasons"]) == ["repeated_contact"]
    assert row["consent_keep"] == "true"
    assert row["frequency"] == "daily"
    # A spreadsheet must not run the person's words as a formula.
    assert row["narrative"] == '\'=HYPERLINK("x") he keeps calling'


def test_export_is_audited_with_no_personal_data(sf: sessionmaker[Session]) -> None:
    _two_incidents(sf)
    export_incidents(sf, "jsonl", io.StringIO(), actor="cli")
    entry = store.list_audit(sf, action="export")[0]
    assert (entry.actor, entry.detail) == ("cli", {"format": "jsonl", "count": 2})


def test_empty_database_exports_nothing(sf: sessionmaker[Session]) -> None:
    for fmt in ("jsonl", "csv"):
        out = io.StringIO()
        assert export_incidents(sf, fmt, out) == 0
        assert out.getvalue() == ""


def test_database_not_created_yet_exports_nothing(tmp_path: object) -> None:
    factory = make_session_factory(f"sqlite:///{tmp_path}/var/new.db")
    out = io.StringIO()
    assert export_incidents(factory, "jsonl", out) == 0
    assert out.getvalue() == ""
