"""Response headers that every page of the review site carries.

The site shows victims' accounts and suspects' details, so nothing may be framed, cached,
leaked through the Referer header or run from anywhere but the site itself.
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)

_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def install_security_headers(app: Flask, *, https: bool) -> None:
    """Add the security headers, and no-store caching, to every response of `app`."""

    @app.after_request
    def _secure(response: Response) -> Response:
        for name, value in _HEADERS.items():
            response.headers.setdefault(name, value)
        if https:
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        # Every page but the stylesheet and script may hold personal data; a shared or seized
        # computer must not keep a copy in its cache.
        if not response.headers.get("Cache-Control", "").startswith("public"):
            response.headers["Cache-Control"] = "no-store"
            response.headers["Pragma"] = "no-cache"
        return response
