"""Web chat session tokens: issued by the server, signed, short-lived, revocable.

A token is `<id>.<expires>.<mac>` where `id` is 128 random bits, `expires` a Unix time and
`mac` an HMAC-SHA256 over both with WEBCHAT_SECRET. The conversation id is `web-<id>`, so a
client can neither choose an id nor continue someone else's without their token. Ending a
session revokes its id. Revocations are kept in memory until the token would have expired
anyway (one process; behind several replicas they would need a shared store).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebChatSession:
    """A verified session."""

    session_id: str
    expires_at: int

    @property
    def conversation_id(self) -> str:
        """The Rasa sender id."""
        return f"web-{self.session_id}"


class WebChatSessions:
    """Issues, verifies, renews and revokes session tokens."""

    def __init__(self, secret: str, minutes: int, clock: Callable[[], float] = time.time) -> None:
        if not secret:
            logger.error("webchat.no_secret: using a per-process key; sessions end on restart")
        self._key = secret.encode("utf-8") if secret else secrets.token_bytes(32)
        self._lifetime = max(1, minutes) * 60
        self._clock = clock
        self._revoked: dict[str, int] = {}

    def _mac(self, session_id: str, expires_at: int) -> str:
        digest = hmac.new(self._key, f"{session_id}.{expires_at}".encode("ascii"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")

    def _token(self, session_id: str) -> tuple[str, int]:
        expires_at = int(self._clock()) + self._lifetime
        return f"{session_id}.{expires_at}.{self._mac(session_id, expires_at)}", expires_at

    def issue(self) -> tuple[str, WebChatSession]:
        """A new session and its token."""
        session_id = secrets.token_urlsafe(16)
        token, expires_at = self._token(session_id)
        return token, WebChatSession(session_id, expires_at)

    def renew(self, session: WebChatSession) -> str:
        """A fresh token for the same session (the lifetime counts from the latest message)."""
        return self._token(session.session_id)[0]

    def verify(self, token: str) -> WebChatSession | None:
        """The session a token stands for, or None if forged, expired or revoked."""
        parts = token.split(".") if isinstance(token, str) and len(token) < 200 else []
        if len(parts) != 3 or not parts[1].isdigit():
            return None
        session_id, expires_raw, mac = parts
        expires_at = int(expires_raw)
        if not hmac.compare_digest(mac, self._mac(session_id, expires_at)):
            return None
        if expires_at <= self._clock() or session_id in self._revoked:
            return None
        return WebChatSession(session_id, expires_at)

    def revoke(self, session: WebChatSession) -> None:
        """End a session: none of its tokens is accepted again."""
        now = self._clock()
        self._revoked = {sid: until for sid, until in self._revoked.items() if until > now}
        # Renewed tokens may live one lifetime beyond this one.
        self._revoked[session.session_id] = int(now) + self._lifetime
