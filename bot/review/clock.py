"""The review site's clock, injectable so tests can move time without waiting for it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from flask import current_app

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    """Now, timezone-aware UTC."""
    return datetime.now(timezone.utc)


def now() -> datetime:
    """Now, by the current app's clock (tests replace `app.extensions["review_clock"]`)."""
    clock: Clock = current_app.extensions["review_clock"]
    return clock()
