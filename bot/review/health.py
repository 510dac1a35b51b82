"""`GET /healthz`: is the site up? Public, and tells nothing else."""

from __future__ import annotations

from flask import Blueprint, Response

health = Blueprint("health", __name__)


@health.route("/healthz")
def healthz() -> Response:
    """200 `ok` while the site is serving."""
    return Response("ok", mimetype="text/plain")
