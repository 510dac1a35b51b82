"""Names for the services the person was pointed to, from the one services data file."""

from __future__ import annotations

import logging
from functools import lru_cache

from bot.review.presentation import humanise

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _directory() -> dict[str, str]:
    try:
        from bot.triage.services import load_services  # the triage engineer's loader
    except ImportError:
        return {}
    try:
        return {sid: f"{s.name} ({s.number})" for sid, s in load_services().items()}
    except Exception:  # a broken data file must not take the review site down
        log.exception("could not load the services directory")
        return {}


def advice_label(advice: str) -> str:
    """`stalking_helpline` → `National Stalking Helpline (0808 802 0300)`; unknown ids humanised."""
    return _directory().get(advice) or humanise(advice)
