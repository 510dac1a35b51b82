"""Supervisors only: the audit log (read-only), export (CSV, JSON) and account management."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy.orm import Session, sessionmaker
from werkzeug.wrappers import Response

from bot.records import store
from bot.review import accounts
from bot.review.exporting import FORMATS, export_incidents
from bot.review.forms import ConfirmForm
from bot.review.session_guard import supervisor_required

supervisor = Blueprint("supervisor", __name__, url_prefix="/supervisor")
AUDIT_PAGE_SIZE = 100


def _db() -> sessionmaker[Session]:
    return current_app.extensions["review_db"]


@supervisor.route("/audit")
@supervisor_required
def audit_log() -> str:
    """The audit log, newest first, filterable by reference and actor. Nothing on it can be changed."""
    reference = request.args.get("reference", "").strip()[:20] or None
    actor = request.args.get("actor", "").strip()[:80] or None
    try:
        page = max(1, int(request.args.get("page", "1")))
    except ValueError:
        page = 1
    entries = store.list_audit(
        _db(), reference=reference, actor=actor, limit=AUDIT_PAGE_SIZE, offset=(page - 1) * AUDIT_PAGE_SIZE
    )
    store.audit(_db(), current_user.actor, "view_audit_log", reference, {"page": page})
    return render_template(
        "audit_log.html",
        entries=entries,
        reference=reference,
        actor=actor,
        page=page,
        page_size=AUDIT_PAGE_SIZE,
    )


@supervisor.route("/export")
@supervisor_required
def export_page() -> str:
    """Choose what to export."""
    return render_template("export.html")


@supervisor.route("/export/incidents.<fmt>")
@supervisor_required
def export(fmt: str) -> Response:
    """Download every incident as CSV or JSON; audited (`export`, with the count, never the content)."""
    if fmt not in FORMATS:
        abort(404)
    body, _count = export_incidents(_db(), fmt, actor=current_user.actor)
    mimetype = "text/csv" if fmt == "csv" else "application/json"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="incidents.{fmt}"'
    return response


@supervisor.route("/accounts")
@supervisor_required
def account_list() -> str:
    """Every account, with buttons to sign it out everywhere, unlock or disable it."""
    store.audit(_db(), current_user.actor, "view_accounts")
    return render_template("accounts.html", handlers=accounts.list_handlers(_db()), form=ConfirmForm())


_ACCOUNT_ACTIONS = {
    "sign-out": (accounts.sign_out_everywhere, "{} has been signed out everywhere."),
    "unlock": (accounts.unlock_handler, "{} can sign in again."),
    "disable": (accounts.disable_handler, "{} can no longer sign in."),
}


@supervisor.route("/accounts/<username>/<action>", methods=["POST"])
@supervisor_required
def account_action(username: str, action: str) -> Response:
    """Sign out everywhere, unlock or disable one account."""
    if action not in _ACCOUNT_ACTIONS:
        abort(404)
    change, message = _ACCOUNT_ACTIONS[action]
    try:
        change(_db(), username, actor=current_user.actor)
    except accounts.AccountError:
        abort(404)
    flash(message.format(username), "info")
    return redirect(url_for("supervisor.account_list"))
