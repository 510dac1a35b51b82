"""The report's questions, in the order they are asked (the form in domain/report.yml)."""

from __future__ import annotations

REPORT_SLOTS: tuple[str, ...] = (
    "safe_to_talk",
    "narrative",
    "behaviours",
    "suspect_relationship",
    "latest_when",
    "location",
    "pattern",
    "evidence",
    "witnesses",
    "impact",
    "fear",
    "threats",
    "violence",
    "escalation",
    "history",
    # Consent to keep the report comes first, so a report is saved (and the person given a
    # reference and who can help) as soon as they agree; contact and sharing follow.
    "confirm_save",
    "contact_method",
    "share_with_police",
)

# Answered yes / no / skipped (free text is kept too, as the person's own words).
YES_NO_SLOTS = frozenset(
    {"safe_to_talk", "threats", "violence", "escalation", "share_with_police", "confirm_save"}
)

# Consent is always asked, even after "that's all": nothing is kept or shared without it.
CONSENT_SLOTS: tuple[str, ...] = ("confirm_save", "contact_method", "share_with_police")

# What goes into the incident record's fields (safety and consent answers are stored as columns).
RECORD_FIELDS: tuple[str, ...] = (
    *(slot for slot in REPORT_SLOTS if slot not in ("safe_to_talk", "share_with_police", "confirm_save")),
    "suspect_details",
)

SKIPPED = "skipped"

# How each field is named when the report is read back to the person.
LABELS: dict[str, str] = {
    "narrative": "What has been happening",
    "behaviours": "How they contact or follow",
    "suspect_relationship": "Who they are",
    "latest_when": "When it last happened",
    "location": "Where",
    "suspect_details": "Name or description",
    "pattern": "When it started and how often",
    "evidence": "What has been kept",
    "witnesses": "Who else saw or heard",
    "impact": "Effect on daily life",
    "fear": "How frightened",
    "threats": "Threats",
    "violence": "Violence",
    "escalation": "Getting worse",
    "history": "Earlier reports or orders",
}


def missing_slots(values: dict[str, object]) -> list[str]:
    """The questions still to ask, in order: those with no value yet."""
    return [slot for slot in REPORT_SLOTS if values.get(slot) in (None, "")]


def skip_to_consent(values: dict[str, object]) -> dict[str, str]:
    """After "that's all": every unasked question except consent becomes skipped."""
    return {slot: SKIPPED for slot in missing_slots(values) if slot not in CONSENT_SLOTS}
