"""From the report's answers to the triage core and back: risk, advice, and the record to save."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from bot.intake.questions import RECORD_FIELDS, SKIPPED
from bot.triage.facts import RELATIONSHIPS
from bot.triage.markers import MARKER_NAMES, RiskMarkers
from bot.triage.render import render_route
from bot.triage.risk import CaseFacts, RiskLevel, assess, raise_only
from bot.triage.routing import route_for

_FEAR_LEVELS = {"very frightened": "very", "a little frightened": "somewhat", "not really frightened": "not"}


def case_facts(values: Mapping[str, Any]) -> CaseFacts:
    """What the conversation has established, as the risk assessment's input.

    Danger now is not repeated here: it already made the level `emergency`, which the
    caller's `previous` level carries (the level never drops).
    """
    markers = set(values.get("risk_markers") or [])
    if values.get("threats") == "yes":
        markers.add("threats_made")
    if values.get("violence") == "yes":
        markers.add("violence")
    if values.get("escalation") == "yes":
        markers.add("escalation")
    fear = _FEAR_LEVELS.get(str(values.get("fear") or ""))
    if fear == "very":
        markers.add("very_frightened")
    relationship = values.get("suspect_relationship")
    return CaseFacts(
        relationship=relationship if relationship in _RELATIONSHIPS else None,
        markers=RiskMarkers.from_names(markers & set(MARKER_NAMES)),
        fear=fear,
        behaviours=frozenset(values.get("behaviour_kinds") or ()),
    )


# A named relationship; "unknown" and free text stay in the record's fields only.
_RELATIONSHIPS = frozenset(RELATIONSHIPS) - {"unknown"}


def assess_slots(values: Mapping[str, Any], *, previous: str = "unknown") -> tuple[str, list[str]]:
    """The risk level (never below `previous`) and the reasons a call handler reads."""
    assessment = assess(case_facts(values))
    level = raise_only(RiskLevel(previous), assessment.level)
    return level.value, list(assessment.reasons)


def advice(values: Mapping[str, Any], *, now: datetime, style: str) -> tuple[str, list[str]]:
    """What to tell the person to do next, and the ids of the services offered."""
    level, _ = assess_slots(values, previous=str(values.get("risk_level") or "unknown"))
    markers = set(values.get("risk_markers") or [])
    route = route_for(
        RiskLevel(level),
        relationship=values.get("suspect_relationship")
        if values.get("suspect_relationship") in _RELATIONSHIPS
        else None,
        nation=values.get("nation"),
        abroad=False,
        now=now,
        suicidal="suicidal_thoughts" in markers,
        danger_over=True,  # the report has ended: they are safe enough to have answered it
    )
    return render_route(route, style, now), [offer.service_id for offer in route.offers]


def record_of(values: Mapping[str, Any]) -> dict[str, Any]:
    """The incident record's content from the report's slots (store.save_report's arguments)."""
    level, reasons = assess_slots(values, previous=str(values.get("risk_level") or "unknown"))
    sources = values.get("field_sources") or {}
    fields = {
        name: {"value": values[name], "source": sources.get(name, "said")}
        for name in RECORD_FIELDS
        if values.get(name) not in (None, "", SKIPPED)
    }
    relationship = values.get("suspect_relationship")
    contact = values.get("contact_method")
    return {
        "risk_level": level,
        "risk_reasons": reasons,
        "fields": fields,
        "reporter": values.get("reporter") or "self",
        "suspect_relationship": relationship
        if relationship in _RELATIONSHIPS
        else ("unknown" if relationship else None),
        "nation": values.get("nation"),
        "behaviours": sorted(values.get("behaviour_kinds") or []),
        "consent_keep": values.get("confirm_save") == "yes",
        "consent_share_police": {"yes": True, "no": False}.get(str(values.get("share_with_police"))),
        "consent_contact": None
        if contact in (None, "", SKIPPED)
        else not str(contact).lower().startswith("no"),
    }
