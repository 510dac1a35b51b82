"""Signing in and out. One generic message for every failure, so nobody learns which part was wrong."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from bot.records.audit import audit
from bot.review.accounts import attempt_sign_in, sign_out_everywhere
from bot.review.clock import now
from bot.review.forms import ConfirmForm, SignInForm
from bot.review.session_guard import ReviewUser, safe_next

auth = Blueprint("auth", __name__)

GENERIC_FAILURE = (
    "Those sign-in details did not work. Check them and try again. "
    "After several tries the account is locked for 15 minutes; a supervisor can help."
)


@auth.route("/sign-in", methods=["GET", "POST"])
def sign_in() -> str | Response:
    """Show the sign-in form; on a good username, password and code, start a fresh session."""
    if current_user.is_authenticated:
        return redirect(url_for("queue.show_queue"))
    form = SignInForm()
    if form.validate_on_submit():
        at = now()
        account = attempt_sign_in(
            current_app.extensions["review_db"],
            form.username.data or "",
            form.password.data or "",
            form.code.data or "",
            at=at,
            codes=current_app.extensions["review_codes"],
        )
        if account is not None:
            session.clear()  # a new session, never one that existed before sign-in (no fixation)
            login_user(ReviewUser(account), remember=False)
            session.permanent = True
            session["signed_in_at"] = session["last_active"] = at.timestamp()
            return redirect(safe_next(request.args.get("next")) or url_for("queue.show_queue"))
        flash(GENERIC_FAILURE, "error")
    elif request.method == "POST":
        flash(GENERIC_FAILURE, "error")
    elif request.args.get("expired"):
        flash(
            "You were signed out because the site was not used for a while. Sign in again to carry on.",
            "info",
        )
    return render_template("sign_in.html", form=form)


@auth.route("/sign-out", methods=["POST"])
def sign_out() -> Response:
    """End this session."""
    audit(current_app.extensions["review_db"], current_user.actor, "sign_out")
    logout_user()
    session.clear()
    flash("You have signed out.", "info")
    return redirect(url_for("auth.sign_in"))


@auth.route("/sign-out-everywhere", methods=["POST"])
def sign_out_all() -> Response:
    """End every session of this account, on every computer (e.g. after using a shared one)."""
    ConfirmForm()  # the CSRF check itself is global; the form documents the intent
    sign_out_everywhere(current_app.extensions["review_db"], current_user.username, actor=current_user.actor)
    logout_user()
    session.clear()
    flash("You have signed out on every computer.", "info")
    return redirect(url_for("auth.sign_in"))
