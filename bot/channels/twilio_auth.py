"""Checking that a webhook request really comes from Twilio, and was not seen before.

Twilio signs the full URL it called plus every POST parameter (blank ones included) with
the account's auth token. We rebuild that URL from PUBLIC_BASE_URL (or, when TRUST_PROXY is
on, from one proxy hop's X-Forwarded-* headers) because behind a proxy the URL we see is
not the URL Twilio called.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import OrderedDict
from urllib.parse import parse_qs

from sanic.request import Request
from twilio.request_validator import RequestValidator

from bot.settings import Settings

logger = logging.getLogger(__name__)


def form_params(request: Request) -> dict[str, list[str]]:
    """The POST parameters exactly as Twilio signed them.

    Sanic's `request.form` drops blank values (`Body=` on a media-only text), which would
    make the signature check fail, so the body is parsed here with blanks kept.
    """
    content_type = request.headers.get("content-type", "")
    if "application/x-www-form-urlencoded" not in content_type:
        return {}
    body = request.body.decode("utf-8", errors="replace")
    return parse_qs(body, keep_blank_values=True)


def first(params: dict[str, list[str]], name: str) -> str:
    """The first value of a parameter, or ""."""
    values = params.get(name) or [""]
    return values[0]


def public_url(request: Request, settings: Settings) -> str:
    """The URL Twilio called: PUBLIC_BASE_URL + path (+ query), or what one trusted proxy says."""
    path_and_query = request.path + (f"?{request.query_string}" if request.query_string else "")
    if settings.public_base_url:
        return settings.public_base_url.rstrip("/") + path_and_query
    if settings.trust_proxy:
        proto = request.headers.get("x-forwarded-proto", request.scheme).split(",")[0].strip()
        host = request.headers.get("x-forwarded-host", request.host).split(",")[0].strip()
        return f"{proto}://{host}{path_and_query}"
    return f"{request.scheme}://{request.host}{path_and_query}"


class _ListParams(dict):
    # RequestValidator reads repeated parameters through `getlist`.
    def getlist(self, name: str) -> list[str]:
        return self[name]


def is_signed_by_twilio(request: Request, params: dict[str, list[str]], settings: Settings) -> bool:
    """True only when X-Twilio-Signature matches; always False without an auth token."""
    signature = request.headers.get("x-twilio-signature", "")
    if not settings.twilio_auth_token or not signature:
        return False
    validator = RequestValidator(settings.twilio_auth_token)
    return bool(validator.validate(public_url(request, settings), _ListParams(params), signature))


class ReplayGuard:
    """Remembers signed requests for a while, so a retried or replayed one is processed once.

    Twilio signatures carry no timestamp or nonce: a captured request stays valid for ever.
    We key on a hash of the signature (which covers URL and parameters). In-memory, per
    process; behind several replicas a shared store would be needed (see the README).
    """

    def __init__(self, ttl_seconds: float = 24 * 3600, max_entries: int = 100_000) -> None:
        self._ttl = ttl_seconds
        self._max = max_entries
        self._seen: OrderedDict[str, float] = OrderedDict()

    def first_time(self, key: str) -> bool:
        """Record `key`; True if it was not seen within the time-to-live."""
        now = time.monotonic()
        while self._seen:
            seen_at = next(iter(self._seen.values()))
            if now - seen_at < self._ttl and len(self._seen) < self._max:
                break
            self._seen.popitem(last=False)
        digest = hashlib.sha256(key.encode("utf-8", errors="replace")).hexdigest()
        if digest in self._seen:
            return False
        self._seen[digest] = now
        return True
