"""The one-page incident summary as a PDF (fpdf2), for passing to an investigating officer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fpdf import FPDF

from bot.records.views import IncidentView
from bot.review import presentation as p

# fpdf2's built-in fonts are Latin-1 only; people's words can be in any script, so use a
# Unicode TrueType font when the system has one (Debian: fonts-dejavu-core).
_UNICODE_FONTS = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)


def _font(pdf: FPDF) -> tuple[str, bool]:
    for path in _UNICODE_FONTS:
        if path.exists():
            pdf.add_font("Body", "", str(path))
            bold = path.with_name("DejaVuSans-Bold.ttf")
            pdf.add_font("Body", "B", str(bold if bold.exists() else path))
            return "Body", True
    return "Helvetica", False


def incident_summary_pdf(incident: IncidentView, advice_label: Callable[[str], str]) -> bytes:
    """The summary PDF's bytes: reference, risk and why, the record (said / inferred), advice, consents."""
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(auto=True, margin=15)
    pdf.set_title(f"Incident {incident.reference}")
    pdf.add_page()
    family, unicode_ok = _font(pdf)

    def text(value: str) -> str:
        return value if unicode_ok else value.encode("latin-1", "replace").decode("latin-1")

    def heading(value: str) -> None:
        pdf.set_font(family, "B", 12)
        pdf.ln(2)
        pdf.multi_cell(0, 7, text(value), new_x="LMARGIN", new_y="NEXT")

    def line(label: str, value: str) -> None:
        pdf.set_font(family, "B", 9)
        pdf.multi_cell(0, 5, text(label), new_x="LMARGIN", new_y="NEXT")
        pdf.set_font(family, "", 9)
        pdf.multi_cell(0, 5, text(value or "—"), new_x="LMARGIN", new_y="NEXT")

    pdf.set_font(family, "B", 15)
    pdf.multi_cell(0, 8, text(f"Stalking report {incident.reference}"), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(family, "", 9)
    pdf.multi_cell(
        0,
        5,
        text("OFFICIAL-SENSITIVE. Contains personal data: handle, store and share accordingly."),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    line("Risk", p.RISK_LABELS.get(incident.risk_level, incident.risk_level))
    line("Why", "; ".join(p.risk_reason_label(r) for r in incident.risk_reasons))
    line(
        "Reported",
        f"{p.london_time(incident.created_at)} by {p.CHANNEL_LABELS.get(incident.channel, incident.channel)}",
    )
    line("Status", p.STATUS_LABELS.get(incident.status, incident.status))
    line("Reported by", p.REPORTER_LABELS.get(incident.reporter or "", "Not known"))
    line("Suspect relationship", p.humanise(incident.suspect_relationship or "not known"))
    line("Behaviours", ", ".join(p.humanise(b) for b in incident.behaviours))
    heading("What the person told us (S = said by the person, I = inferred by the assistant)")
    for name, entry in incident.fields.items():
        source = "S" if entry.get("source") == "said" else "I"
        line(f"{p.humanise(name)} [{source}]", p.field_value_text(entry.get("value")))
    heading("Advice given")
    pdf.set_font(family, "", 9)
    pdf.multi_cell(
        0,
        5,
        text("; ".join(advice_label(a) for a in incident.advice_given) or "—"),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    heading("Consent")
    line(
        "Keep the record / share with police / be contacted",
        " / ".join(
            (
                p.consent_text(incident.consent_keep),
                p.consent_text(incident.consent_share_police),
                p.consent_text(incident.consent_contact),
            )
        ),
    )
    return bytes(pdf.output())
