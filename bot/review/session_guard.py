"""Who is signed in: flask-login wiring, the idle timeout, sign-out everywhere and roles.

A session is valid only while (a) the account is active, (b) its session version is the one
the session was issued with (bumped by "sign out everywhere" or disabling), and (c) the
last activity was within the idle timeout. Polls from the queue page are passive: they
never keep an idle session alive.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, jsonify, redirect, request, session, url_for
from flask_login import LoginManager, UserMixin, current_user, logout_user
from werkzeug.wrappers import Response

from bot.records.audit import audit
from bot.review.accounts import HandlerAccount, current_account
from bot.review.clock import now

F = TypeVar("F", bound=Callable[..., Any])
PUBLIC_ENDPOINTS = frozenset({"static", "health.healthz", "auth.sign_in"})
ABSOLUTE_SESSION_LIMIT = timedelta(hours=10)  # one long shift; then sign in again


class ReviewUser(UserMixin):
    """The signed-in call handler, as flask-login sees them."""

    def __init__(self, account: HandlerAccount) -> None:
        self.account = account

    def get_id(self) -> str:
        # The session version rides in the id, so bumping it invalidates every session at once.
        return f"{self.account.id}:{self.account.session_version}"

    @property
    def username(self) -> str:
        """The account's username."""
        return self.account.username

    @property
    def is_supervisor(self) -> bool:
        """True for supervisors (audit log, export, accounts)."""
        return self.account.role == "supervisor"

    @property
    def actor(self) -> str:
        """How this person appears in the audit log."""
        return self.account.actor


def is_passive_request() -> bool:
    """True for the queue's background checks, which must not count as activity."""
    return request.headers.get("X-Review-Passive") == "1" or request.args.get("refreshed") == "1"


def _wants_json() -> bool:
    return request.headers.get("X-Review-Passive") == "1"


def safe_next(target: str | None) -> str | None:
    """`target` if it is a path on this site (no open redirects), else None."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc else None


def install_session_guard(app: Flask, login_manager: LoginManager) -> None:
    """Load the user from the session, enforce the idle timeout, send strangers to sign in."""

    @login_manager.user_loader
    def _load(user_id: str) -> ReviewUser | None:
        try:
            handler_id, version = (int(part) for part in user_id.split(":"))
        except ValueError:
            return None
        account = current_account(current_app.extensions["review_db"], handler_id)
        if account is None or not account.active or account.session_version != version:
            return None
        return ReviewUser(account)

    @login_manager.unauthorized_handler
    def _unauthorised() -> Response:
        if _wants_json():
            return Response('{"error": "signed_out"}', status=401, mimetype="application/json")
        wanted = safe_next(request.full_path.rstrip("?")) if request.method == "GET" else None
        return redirect(url_for("auth.sign_in", next=wanted))

    @app.before_request
    def _require_fresh_session() -> Response | None:
        # Secure by default: every page needs a session unless it is listed as public here.
        if request.endpoint in PUBLIC_ENDPOINTS:
            return None
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        moment = now().timestamp()
        idle_limit = current_app.config["REVIEW_IDLE_SECONDS"]
        last_active = session.get("last_active")
        signed_in_at = session.get("signed_in_at")
        expired = (
            last_active is None
            or signed_in_at is None
            or moment - float(last_active) > idle_limit
            or moment - float(signed_in_at) > ABSOLUTE_SESSION_LIMIT.total_seconds()
        )
        if expired:
            audit(current_app.extensions["review_db"], current_user.actor, "session_expired")
            logout_user()
            session.clear()
            if _wants_json():
                return jsonify(error="signed_out"), 401  # type: ignore[return-value]
            return redirect(url_for("auth.sign_in", expired=1))
        if not is_passive_request():
            session["last_active"] = moment
        return None


def supervisor_required(view: F) -> F:
    """Refuse (403, audited) anyone signed in who is not a supervisor."""

    @wraps(view)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        if not current_user.is_supervisor:
            audit(
                current_app.extensions["review_db"],
                current_user.actor,
                "access_denied",
                None,
                {"page": request.endpoint},
            )
            abort(403)
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]


def refuse_cross_site_posts(app: Flask) -> None:
    """Refuse state-changing requests that the browser says came from another site (defence in depth)."""

    @app.before_request
    def _same_site_only() -> None:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        if request.headers.get("Sec-Fetch-Site", "same-origin") not in ("same-origin", "none"):
            abort(403)
        return None
