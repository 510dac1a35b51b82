"""One incident: the record, risk and signals, advice, transcript, notes, status, assignment, summary, PDF.

Every view is audited (`view_incident` and `view_transcript`; `view_summary`, `download_pdf`);
every change is audited by the store in the same transaction as the change.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.wrappers import Response

from bot.records import store
from bot.records.errors import IncidentNotFound, NoteNotFound, NotNoteAuthor
from bot.records.reference import normalise_reference
from bot.review.casework import Transcript, transcript_for
from bot.review.forms import ConfirmForm, NoteForm, StatusForm
from bot.review.services_directory import advice_label
from bot.review.summary_pdf import incident_summary_pdf

incidents = Blueprint("incidents", __name__, url_prefix="/incidents")


def _db() -> sessionmaker[Session]:
    return current_app.extensions["review_db"]


def _load(reference: str) -> store.IncidentView:
    try:
        return store.get_incident(_db(), reference)
    except IncidentNotFound:
        abort(404)


def _transcript(incident: store.IncidentView) -> Transcript:
    return transcript_for(
        current_app.extensions["review_tracker"],
        incident.conversation_id,
        current_app.extensions["review_cipher"],
        incident.transcript,
    )


def _canonical(reference: str) -> str:
    return normalise_reference(reference)


@incidents.route("/<reference>")
def show(reference: str) -> str | Response:
    """The incident page."""
    if reference != _canonical(reference):
        return redirect(url_for("incidents.show", reference=_canonical(reference)))
    incident = _load(reference)
    transcript = _transcript(incident)
    store.audit(_db(), current_user.actor, "view_incident", incident.reference)
    store.audit(
        _db(), current_user.actor, "view_transcript", incident.reference, {"turns": len(transcript.turns)}
    )
    status_form = StatusForm(data={"status": incident.status})
    return render_template(
        "incident.html",
        incident=incident,
        transcript=transcript,
        note_form=NoteForm(),
        status_form=status_form,
        confirm_form=ConfirmForm(),
        advice_label=advice_label,
    )


@incidents.route("/<reference>/take", methods=["POST"])
def take(reference: str) -> Response:
    """Assign the incident to me; a new one moves to "in review"."""
    incident = _load(reference)
    store.assign(_db(), incident.reference, current_user.account.id, actor=current_user.actor)
    if incident.status == "new":
        store.set_status(_db(), incident.reference, "in_review", actor=current_user.actor)
    flash("This incident is now assigned to you.", "info")
    return redirect(url_for("incidents.show", reference=incident.reference))


@incidents.route("/<reference>/status", methods=["POST"])
def change_status(reference: str) -> Response:
    """Move the incident to another status."""
    incident = _load(reference)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    store.set_status(_db(), incident.reference, form.status.data, actor=current_user.actor)
    flash("Status changed.", "info")
    return redirect(url_for("incidents.show", reference=incident.reference))


@incidents.route("/<reference>/notes", methods=["POST"])
def add_note(reference: str) -> Response:
    """Add a note."""
    incident = _load(reference)
    form = NoteForm()
    if not form.validate_on_submit():
        flash("The note was not saved: write something (up to 5,000 characters).", "error")
    else:
        store.add_note(_db(), incident.reference, handler_id=current_user.account.id, body=form.body.data)
        flash("Note added.", "info")
    return redirect(url_for("incidents.show", reference=incident.reference) + "#notes")


def _own_note(incident: store.IncidentView, note_id: int) -> store.NoteView:
    note = next((n for n in incident.notes if n.id == note_id), None)
    if note is None:
        abort(404)
    if note.handler_id != current_user.account.id:
        store.audit(_db(), current_user.actor, "access_denied", incident.reference, {"note_id": note_id})
        abort(403)
    return note


@incidents.route("/<reference>/notes/<int:note_id>/edit", methods=["GET", "POST"])
def edit_note(reference: str, note_id: int) -> str | Response:
    """Edit one of my own notes (nobody else's, whatever id is sent)."""
    incident = _load(reference)
    note = _own_note(incident, note_id)
    form = NoteForm(data={"body": note.body})
    if form.validate_on_submit():
        try:
            store.edit_note(_db(), note.id, handler_id=current_user.account.id, body=form.body.data)
        except NotNoteAuthor:
            abort(403)
        except NoteNotFound:
            abort(404)
        flash("Note updated.", "info")
        return redirect(url_for("incidents.show", reference=incident.reference) + "#notes")
    store.audit(_db(), current_user.actor, "view_note", incident.reference, {"note_id": note.id})
    return render_template("edit_note.html", incident=incident, note=note, form=form)


@incidents.route("/<reference>/summary")
def summary(reference: str) -> str:
    """A printable one-page summary for an investigating officer."""
    incident = _load(reference)
    store.audit(_db(), current_user.actor, "view_summary", incident.reference)
    return render_template("summary.html", incident=incident, advice_label=advice_label)


@incidents.route("/<reference>/summary.pdf")
def summary_pdf(reference: str) -> Response:
    """The one-page summary as a PDF download."""
    incident = _load(reference)
    store.audit(_db(), current_user.actor, "download_pdf", incident.reference)
    response = Response(incident_summary_pdf(incident, advice_label), mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'attachment; filename="{incident.reference}-summary.pdf"'
    return response
