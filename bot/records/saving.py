"""Writing incidents from the conversation: an emergency at once, then the full report.

Both are idempotent upserts on (conversation_id, session_key): a retried action, or two
replicas saving at the same moment, never make a second record. Risk is never lowered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from bot.records.audit import add_audit
from bot.records.errors import InvalidValue
from bot.records.models import Incident, utc_now
from bot.records.reference import new_reference
from bot.records.views import SavedIncident, Turn
from bot.records.vocabulary import (
    CHANNELS,
    DANGER_KINDS,
    FIELD_SOURCES,
    RELATIONSHIPS,
    REPORTERS,
    RISK_LEVELS,
    RISK_RANK,
    SPEAKERS,
    more_urgent,
)

# A unique violation means another writer got there first (or, once in 10^12, a reference
# collided): the next attempt finds their row and merges into it.
_ATTEMPTS = 4

TranscriptInput = Sequence[Turn | Mapping[str, Any]]
_Apply = Callable[[Session, Incident, bool], None]


def _check(name: str, value: str | None, allowed: Iterable[str], *, optional: bool = False) -> None:
    if value is None and optional:
        return
    if value not in allowed:
        raise InvalidValue(f"{name} must be one of {', '.join(allowed)}")


def _union(existing: Iterable[str] | None, new: Iterable[str]) -> list[str]:
    merged = list(existing or [])
    for item in new:
        if item not in merged:
            merged.append(item)
    return merged


def _transcript_json(transcript: TranscriptInput | None) -> list[dict[str, Any]] | None:
    if not transcript:
        return None
    turns = [turn if isinstance(turn, Turn) else Turn.from_json(turn) for turn in transcript]
    for turn in turns:
        _check("transcript speaker", turn.speaker, SPEAKERS)
    return [turn.to_json() for turn in turns]


def _upsert(
    session_factory: sessionmaker[Session],
    *,
    conversation_id: str,
    session_key: str,
    channel: str,
    now: datetime,
    apply: _Apply,
) -> SavedIncident:
    for attempt in range(_ATTEMPTS):
        try:
            with session_factory.begin() as session:
                query = select(Incident).where(
                    Incident.conversation_id == conversation_id, Incident.session_key == session_key
                )
                # FOR UPDATE (PostgreSQL): concurrent merges into one row queue up rather than
                # overwrite each other. SQLite serialises writers with BEGIN IMMEDIATE instead.
                incident = session.scalars(query.with_for_update()).one_or_none()
                created = incident is None
                if incident is None:
                    incident = Incident(
                        reference=new_reference(),
                        conversation_id=conversation_id,
                        session_key=session_key,
                        channel=channel,
                        risk_level="unknown",
                        risk_reasons=[],
                        danger_kinds=[],
                        behaviours=[],
                        advice_given=[],
                        status="new",
                        consent_keep=False,
                        created_at=now,
                    )
                    session.add(incident)
                apply(session, incident, created)
                incident.updated_at = now
                session.flush()
                return SavedIncident(incident.reference, incident.risk_level, created)
        except IntegrityError:
            if attempt == _ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # the loop returns or raises


def record_emergency(
    session_factory: sessionmaker[Session],
    *,
    conversation_id: str,
    session_key: str,
    channel: str,
    signals: Sequence[tuple[str, str]],
    transcript: TranscriptInput | None = None,
    reporter: str | None = None,
    suspect_relationship: str | None = None,
    actor: str = "action-server",
    now: datetime | None = None,
) -> SavedIncident:
    """Create the incident now (or raise an existing one to emergency) so handlers see it at once.

    `signals` are (danger kind, the person's words that triggered it); the words are stored
    encrypted, the kinds in plain for filtering. `reporter` and `suspect_relationship`, when
    known, fill the record's empty columns (a saved report's answers are never replaced).
    Audited as `create_incident` or `raise_risk`.
    """
    _check("channel", channel, CHANNELS)
    _check("reporter", reporter, REPORTERS, optional=True)
    _check("suspect relationship", suspect_relationship, RELATIONSHIPS, optional=True)
    for kind, _words in signals:
        _check("danger signal kind", kind, DANGER_KINDS)
    stamp = now or utc_now()
    snapshot = _transcript_json(transcript)
    kinds = [kind for kind, _words in signals]

    def apply(session: Session, incident: Incident, created: bool) -> None:
        previous_level = incident.risk_level
        new_kinds = [kind for kind in _union([], kinds) if kind not in (incident.danger_kinds or [])]
        incident.risk_level = "emergency"
        incident.danger_kinds = _union(incident.danger_kinds, kinds)
        incident.risk_reasons = _union(incident.risk_reasons, [f"danger_signal:{kind}" for kind in kinds])
        evidence = list(incident.danger_evidence or [])
        seen = {(item.get("kind"), item.get("text")) for item in evidence}
        for kind, words in signals:
            if (kind, words) not in seen:  # a retried action adds nothing twice
                evidence.append({"kind": kind, "text": words, "at": stamp.isoformat()})
                seen.add((kind, words))
        incident.danger_evidence = evidence
        incident.reporter = incident.reporter or reporter
        incident.suspect_relationship = incident.suspect_relationship or suspect_relationship
        if snapshot is not None:
            incident.transcript = snapshot
        if created:
            detail = {"channel": channel, "risk_level": "emergency", "danger_kinds": incident.danger_kinds}
            add_audit(session, actor, "create_incident", incident.reference, detail, at=stamp)
        elif previous_level != "emergency":
            detail = {"from": previous_level, "to": "emergency", "danger_kinds": new_kinds}
            add_audit(session, actor, "raise_risk", incident.reference, detail, at=stamp)
        elif new_kinds:
            add_audit(
                session,
                actor,
                "add_danger_signals",
                incident.reference,
                {"danger_kinds": new_kinds},
                at=stamp,
            )

    return _upsert(
        session_factory,
        conversation_id=conversation_id,
        session_key=session_key,
        channel=channel,
        now=stamp,
        apply=apply,
    )


def _checked_fields(fields: Mapping[str, Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    checked: dict[str, dict[str, Any]] = {}
    for name, entry in fields.items():
        if not isinstance(entry, Mapping) or "value" not in entry:
            raise InvalidValue(f"field {name!r} must be {{'value': ..., 'source': 'said' | 'inferred'}}")
        _check(f"source of field {name!r}", entry.get("source"), FIELD_SOURCES)
        if entry["value"] is None:
            continue  # nothing said: keep whatever an earlier save recorded
        checked[name] = {"value": entry["value"], "source": entry["source"]}
    return checked


def save_report(
    session_factory: sessionmaker[Session],
    *,
    conversation_id: str,
    session_key: str,
    channel: str,
    risk_level: str,
    risk_reasons: Sequence[str],
    fields: Mapping[str, Mapping[str, Any]],
    reporter: str | None,
    suspect_relationship: str | None,
    nation: str | None,
    behaviours: Sequence[str],
    advice_given: Sequence[str],
    consent_keep: bool,
    consent_share_police: bool | None,
    consent_contact: bool | None,
    transcript: TranscriptInput | None,
    actor: str = "action-server",
    now: datetime | None = None,
) -> SavedIncident:
    """Save the structured report in one transaction, merging into this session's incident if any.

    New field values replace old ones of the same name; fields not given (or given as None)
    are kept. Lists (reasons, behaviours, advice) accumulate. The risk level only ever rises.
    Audited as `create_incident` or `update_incident`, plus `raise_risk` when it rose.
    """
    _check("channel", channel, CHANNELS)
    _check("risk level", risk_level, RISK_LEVELS)
    _check("reporter", reporter, REPORTERS, optional=True)
    _check("suspect relationship", suspect_relationship, RELATIONSHIPS, optional=True)
    new_fields = _checked_fields(fields)
    snapshot = _transcript_json(transcript)
    stamp = now or utc_now()

    def apply(session: Session, incident: Incident, created: bool) -> None:
        previous_level = incident.risk_level
        incident.risk_level = more_urgent(previous_level, risk_level)
        incident.risk_reasons = _union(incident.risk_reasons, risk_reasons)
        incident.fields = {**(incident.fields or {}), **new_fields}
        if reporter is not None:
            incident.reporter = reporter
        if suspect_relationship is not None:
            incident.suspect_relationship = suspect_relationship
        if nation is not None:
            incident.nation = nation
        incident.behaviours = _union(incident.behaviours, behaviours)
        incident.advice_given = _union(incident.advice_given, advice_given)
        incident.consent_keep = bool(consent_keep)
        if consent_share_police is not None:
            incident.consent_share_police = consent_share_police
        if consent_contact is not None:
            incident.consent_contact = consent_contact
        if snapshot is not None:
            incident.transcript = snapshot
        field_names = sorted(new_fields)
        if created:
            detail = {"channel": channel, "risk_level": incident.risk_level, "fields": field_names}
            add_audit(session, actor, "create_incident", incident.reference, detail, at=stamp)
        else:
            add_audit(
                session, actor, "update_incident", incident.reference, {"fields": field_names}, at=stamp
            )
            if RISK_RANK[incident.risk_level] < RISK_RANK[previous_level]:
                detail = {"from": previous_level, "to": incident.risk_level}
                add_audit(session, actor, "raise_risk", incident.reference, detail, at=stamp)

    return _upsert(
        session_factory,
        conversation_id=conversation_id,
        session_key=session_key,
        channel=channel,
        now=stamp,
        apply=apply,
    )
