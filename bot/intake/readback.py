"""The report read back to the person before they decide whether to save it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.intake.questions import LABELS, SKIPPED

_LONGEST = {"text": 300, "sms": 120, "voice": 160}


def read_back(values: Mapping[str, Any], *, style: str = "text") -> str:
    """A short summary of what they told me, one line a field, long answers shortened."""
    limit = _LONGEST.get(style, 300)
    lines = []
    for slot, label in LABELS.items():
        value = values.get(slot)
        if value in (None, "", SKIPPED):
            continue
        words = " ".join(str(value).split())
        if len(words) > limit:
            words = words[: limit - 3].rstrip() + "..."
        lines.append(f"{label}: {words}" if style == "voice" else f"- {label}: {words}")
    if not lines:
        return "Here is what you told me: nothing yet."
    joiner = ". " if style == "voice" else "\n"
    return "Here is what you told me:" + ("\n" if style != "voice" else " ") + joiner.join(lines)
