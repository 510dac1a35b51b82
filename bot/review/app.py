"""The call handlers' review site: the Flask application factory.

Secure defaults throughout (see DESIGN.md and issue 5): sessions that expire when idle and
can be ended everywhere, CSRF tokens on every form, a strict Content-Security-Policy, no
caching of pages, escaped rendering, roles, and an audit entry for every view and change.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from flask import Flask, render_template
from flask_login import LoginManager, current_user
from flask_wtf.csrf import CSRFError, CSRFProtect
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import FieldCipher, cipher_from_settings
from bot.records.db import make_session_factory
from bot.review import presentation
from bot.review.auth_views import auth
from bot.review.clock import system_clock
from bot.review.conversation_views import conversations
from bot.review.health import health
from bot.review.incident_views import incidents
from bot.review.one_time_codes import CodeChecker
from bot.review.queue_views import queue
from bot.review.security_headers import install_security_headers
from bot.review.session_guard import install_session_guard, refuse_cross_site_posts
from bot.review.supervisor_views import supervisor
from bot.settings import Settings, get_settings

log = logging.getLogger(__name__)


class ReviewSiteMisconfigured(RuntimeError):
    """The site cannot start safely with these settings; the message says which one to set."""


def _cipher(settings: Settings) -> FieldCipher | None:
    return cipher_from_settings(settings) if settings.field_encryption_keys else None


def create_app(
    settings: Settings | None = None, session_factory: sessionmaker[Session] | None = None
) -> Flask:
    """The review site for `settings` (default: the environment), reading records via `session_factory`."""
    settings = settings or get_settings()
    if len(settings.review_secret_key) < 32:
        raise ReviewSiteMisconfigured(
            "REVIEW_SECRET_KEY must be set to a random value of at least 32 characters"
        )
    secure_cookies = settings.review_cookie_secure

    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=settings.review_secret_key,
        SESSION_COOKIE_NAME="__Host-review" if secure_cookies else "review_session",
        SESSION_COOKIE_SECURE=secure_cookies,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Strict",
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.review_idle_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        REMEMBER_COOKIE_DURATION=timedelta(seconds=0),
        REVIEW_IDLE_SECONDS=settings.review_idle_minutes * 60,
        # Referrer-Policy is no-referrer, so browsers send no Referer for flask-wtf's HTTPS check;
        # SameSite=Strict, the token and the Sec-Fetch-Site check below do that job instead.
        WTF_CSRF_SSL_STRICT=False,
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the (short) session
        MAX_CONTENT_LENGTH=64 * 1024,
        JSON_SORT_KEYS=False,
    )
    app.extensions["review_settings"] = settings
    app.extensions["review_db"] = session_factory or make_session_factory(settings)
    app.extensions["review_cipher"] = _cipher(settings)
    app.extensions["review_tracker"] = settings.tracker_store_url
    app.extensions["review_clock"] = system_clock
    app.extensions["review_codes"] = CodeChecker()

    CSRFProtect(app)
    login_manager = LoginManager(app)
    login_manager.session_protection = "strong"
    install_session_guard(app, login_manager)
    refuse_cross_site_posts(app)
    install_security_headers(app, https=secure_cookies)

    for blueprint in (health, auth, queue, incidents, conversations, supervisor):
        app.register_blueprint(blueprint)

    app.jinja_env.filters["london"] = presentation.london_time
    app.jinja_env.globals.update(
        RISK_LABELS=presentation.RISK_LABELS,
        STATUS_LABELS=presentation.STATUS_LABELS,
        CHANNEL_LABELS=presentation.CHANNEL_LABELS,
        DANGER_LABELS=presentation.DANGER_LABELS,
        REPORTER_LABELS=presentation.REPORTER_LABELS,
        humanise=presentation.humanise,
        risk_reason_label=presentation.risk_reason_label,
        field_value_text=presentation.field_value_text,
        consent_text=presentation.consent_text,
    )

    @app.context_processor
    def _page_context() -> dict[str, object]:
        return {"current_user": current_user, "idle_seconds": app.config["REVIEW_IDLE_SECONDS"]}

    @app.errorhandler(CSRFError)
    def _csrf_refused(_error: CSRFError) -> tuple[str, int]:
        return render_template(
            "error.html", title="This form has expired", message="Go back, reload the page and try again."
        ), 400

    @app.errorhandler(403)
    def _forbidden(_error: Exception) -> tuple[str, int]:
        return render_template(
            "error.html",
            title="You do not have access to this page",
            message="Ask a supervisor if you need it.",
        ), 403

    @app.errorhandler(404)
    def _not_found(_error: Exception) -> tuple[str, int]:
        return render_template(
            "error.html", title="Page not found", message="Check the reference, or go back to the queue."
        ), 404

    @app.errorhandler(500)
    def _server_error(_error: Exception) -> tuple[str, int]:
        return render_template(
            "error.html",
            title="Something went wrong",
            message="Nothing was changed. Try again, or tell the site's administrator.",
        ), 500

    return app
