"""Call-handler accounts: creating them, signing in (password, one-time code, lockout), managing them.

Used by the review site and by `stalkbot handlers ...`. Every sign-in outcome and account
change is audited; audit details name accounts, never passwords or anything typed by mistake.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.records.audit import add_audit
from bot.records.models import Handler
from bot.records.vocabulary import HANDLER_ROLES
from bot.review.one_time_codes import CodeChecker, new_totp_secret
from bot.review.passwords import check_password_rules, hash_password, needs_rehash, verify_password

MAX_FAILED_SIGN_INS = 5
LOCKOUT = timedelta(minutes=15)
MAX_USERNAME_LENGTH = 64


class AccountError(ValueError):
    """An account could not be created or changed; the message says why in plain words."""


@dataclass(frozen=True)
class HandlerAccount:
    """What the site and the CLI need to know about an account (never its secrets)."""

    id: int
    username: str
    role: str
    active: bool
    has_totp: bool
    locked_until: datetime | None
    session_version: int
    created_at: datetime

    @property
    def actor(self) -> str:
        """How this account appears in the audit log."""
        return f"handler:{self.username}"


def _account(handler: Handler) -> HandlerAccount:
    return HandlerAccount(
        id=handler.id,
        username=handler.username,
        role=handler.role,
        active=handler.active,
        has_totp=handler.totp_secret is not None,
        locked_until=handler.locked_until,
        session_version=handler.session_version,
        created_at=handler.created_at,
    )


def _check_username(username: str) -> None:
    if not username or len(username) > MAX_USERNAME_LENGTH:
        raise AccountError(f"The username must be 1 to {MAX_USERNAME_LENGTH} characters long.")
    if not all(ch.isalnum() or ch in "._-" for ch in username):
        raise AccountError("The username may only use letters, digits, dots, hyphens and underscores.")


def create_handler(
    session_factory: sessionmaker[Session],
    username: str,
    password: str,
    *,
    role: str,
    with_totp: bool,
    actor: str,
) -> tuple[HandlerAccount, str | None]:
    """Create an account; returns it and its new TOTP secret (None without one).

    Supervisors always get a one-time-code secret: the second factor is required for them.
    """
    _check_username(username)
    if role not in HANDLER_ROLES:
        raise AccountError(f"The role must be one of: {', '.join(HANDLER_ROLES)}.")
    try:
        check_password_rules(password)
    except ValueError as err:
        raise AccountError(str(err)) from None
    secret = new_totp_secret() if (with_totp or role == "supervisor") else None
    with session_factory.begin() as session:
        if session.scalars(select(Handler.id).where(Handler.username == username)).first() is not None:
            raise AccountError("An account with that username already exists.")
        handler = Handler(
            username=username,
            password_hash=hash_password(password),
            role=role,
            totp_secret=secret,
            failed_sign_ins=0,
            session_version=1,
            active=True,
        )
        session.add(handler)
        session.flush()
        add_audit(
            session, actor, "create_handler", None, {"handler": username, "role": role, "totp": bool(secret)}
        )
        return _account(handler), secret


def list_handlers(session_factory: sessionmaker[Session]) -> list[HandlerAccount]:
    """Every account, active or not, by username."""
    with session_factory.begin() as session:
        return [_account(h) for h in session.scalars(select(Handler).order_by(Handler.username))]


def find_handler(session_factory: sessionmaker[Session], username: str) -> HandlerAccount | None:
    """The account with this username, or None."""
    with session_factory.begin() as session:
        handler = session.scalars(select(Handler).where(Handler.username == username)).one_or_none()
        return _account(handler) if handler else None


def current_account(session_factory: sessionmaker[Session], handler_id: int) -> HandlerAccount | None:
    """The account with this id, or None."""
    with session_factory.begin() as session:
        handler = session.get(Handler, handler_id)
        return _account(handler) if handler else None


def _change(
    session_factory: sessionmaker[Session],
    username: str,
    action: str,
    actor: str,
    apply: Callable[[Handler], None],
) -> None:
    with session_factory.begin() as session:
        handler = session.scalars(select(Handler).where(Handler.username == username)).one_or_none()
        if handler is None:
            raise AccountError("No account has that username.")
        apply(handler)
        add_audit(session, actor, action, None, {"handler": username})


def sign_out_everywhere(session_factory: sessionmaker[Session], username: str, *, actor: str) -> None:
    """End every session the account has, on every device (bumps its session version)."""

    def apply(handler: Handler) -> None:
        handler.session_version += 1

    _change(session_factory, username, "sign_out_everywhere", actor, apply)


def disable_handler(session_factory: sessionmaker[Session], username: str, *, actor: str) -> None:
    """Stop the account signing in, and end its sessions now."""

    def apply(handler: Handler) -> None:
        handler.active = False
        handler.session_version += 1

    _change(session_factory, username, "disable_handler", actor, apply)


def unlock_handler(session_factory: sessionmaker[Session], username: str, *, actor: str) -> None:
    """Lift a sign-in lockout early (a supervisor who has checked with the handler)."""

    def apply(handler: Handler) -> None:
        handler.locked_until = None
        handler.failed_sign_ins = 0

    _change(session_factory, username, "unlock_handler", actor, apply)


def attempt_sign_in(
    session_factory: sessionmaker[Session],
    username: str,
    password: str,
    code: str,
    *,
    at: datetime,
    codes: CodeChecker,
) -> HandlerAccount | None:
    """The account if the password (and one-time code, when it has one) are right; None otherwise.

    Five failures in a row lock the account for 15 minutes; while locked even the right
    password fails, with the same answer as a wrong one, so guessing learns nothing.
    """
    with session_factory.begin() as session:
        handler = session.scalars(select(Handler).where(Handler.username == username)).one_or_none()
        if handler is None or not handler.active:
            verify_password(None, password)  # same cost as a real check: no account enumeration
            # The typed name is not logged: it may be a password typed into the wrong box.
            add_audit(session, "anonymous", "sign_in_failed", None, {"reason": "unknown_or_disabled"}, at=at)
            return None
        actor = f"handler:{handler.username}"
        password_ok = verify_password(handler.password_hash, password)
        if handler.locked_until is not None and handler.locked_until > at:
            add_audit(session, actor, "sign_in_failed", None, {"reason": "locked"}, at=at)
            return None
        code_ok = False
        if password_ok and handler.totp_secret:
            code_ok = codes.accept(handler.id, handler.totp_secret, code, at=at.timestamp())
        # Supervisors cannot sign in without a second factor, even if their secret went missing.
        second_factor_ok = code_ok if (handler.totp_secret or handler.role == "supervisor") else True
        if not (password_ok and second_factor_ok):
            handler.failed_sign_ins = (handler.failed_sign_ins or 0) + 1
            reason = "password" if not password_ok else "one_time_code"
            add_audit(session, actor, "sign_in_failed", None, {"reason": reason}, at=at)
            if handler.failed_sign_ins >= MAX_FAILED_SIGN_INS:
                handler.locked_until = at + LOCKOUT
                handler.failed_sign_ins = 0
                add_audit(
                    session,
                    actor,
                    "account_locked",
                    None,
                    {"minutes": int(LOCKOUT.total_seconds() // 60)},
                    at=at,
                )
            return None
        handler.failed_sign_ins = 0
        handler.locked_until = None
        if needs_rehash(handler.password_hash):
            handler.password_hash = hash_password(password)
        add_audit(session, actor, "sign_in", None, {"second_factor": bool(handler.totp_secret)}, at=at)
        return _account(handler)
