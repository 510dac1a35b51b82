"""Telegraphic messages: "DOOR. HIM. NOW.", "him. outside. help", "Car. Outside. Again."

Someone typing in fear may send one or two words per sentence. No single sentence then holds
a whole situation, so for a short, fragmentary message we pool the words of all its sentences
and combine them: a person (or their car) with a place, a place with a now/urgency word, a
weapon shouted or with a person, "following me". Past, negated, hypothetical and question
messages are left alone, and a lone place ("at door") or a lone person ("my ex") is not enough:
those are ordinary answers to "where?" and "who?".
"""

from __future__ import annotations

import re

from bot.triage.framing import HABIT_RX, HYPO, NEG, PAST_RX
from bot.triage.text import Segment

_MAX_WORDS = 12
_OVER = re.compile(
    r"\b(?:was|were|had|has been|have been|earlier|this morning|last)\b"
)  # "he was outside earlier"
_MAX_SENTENCE_WORDS = 4
_PERSON = frozenset(
    {
        "him",
        "he",
        "her",
        "she",
        "them",
        "they",
        "someone",
        "somebody",
        "ex",
        "man",
        "stalker",
        "guy",
        "bloke",
        "stranger",
    }
)
_VEHICLE = frozenset({"car", "van"})
_PLACE = frozenset(
    {
        "door",
        "outside",
        "window",
        "windows",
        "garden",
        "here",
        "inside",
        "downstairs",
        "upstairs",
        "gate",
        "doorstep",
        "letterbox",
        "stairs",
        "behind",
        "in",
    }
)
_URGENT = frozenset(
    {
        "now",
        "again",
        "still",
        "help",
        "scared",
        "quick",
        "hurry",
        "please",
        "sos",
        "terrified",
        "999",
        "police",
    }
)
_WEAPON = frozenset({"knife", "gun", "blade", "machete", "weapon", "axe", "hammer", "bat", "acid", "knives"})
_FOLLOWING = re.compile(r"^(?:(?:help|please|someone|now) )?(?:following|chasing|behind) (?:me|us)\b")


def fragments(segments: list[Segment], original: str) -> list[tuple[str, str]]:
    """Danger pooled across a short, fragmentary message: (kind, evidence) pairs, all current."""
    words = [w for segment in segments for w in segment.text.split() if w != ","]
    if not words or len(words) > _MAX_WORDS:
        return []
    if any(len([w for w in s.text.split() if w != ","]) > _MAX_SENTENCE_WORDS for s in segments):
        return []
    joined = " ".join(s.text for s in segments)
    if (
        NEG.search(joined)
        or PAST_RX.search(joined)
        or HABIT_RX.search(joined)
        or _OVER.search(joined)
        or HYPO.search(joined)
        or any(s.ends_with_question for s in segments)
    ):
        return []
    tokens = set(words)
    person = bool(tokens & _PERSON)
    vehicle = bool(tokens & _VEHICLE)
    place = bool(tokens & _PLACE)
    urgent = bool(tokens & _URGENT)
    shouted = any(c.isalpha() for c in original) and original.upper() == original
    exclaimed = any(s.exclamations for s in segments)
    evidence = " ".join(original.split())[:120]
    found: list[tuple[str, str]] = []
    if tokens & _WEAPON and (person or urgent or shouted or exclaimed):
        found.append(("weapon", evidence))
    if any(_FOLLOWING.search(s.text) for s in segments):
        found.append(("followed_now", evidence))
    # "in" counts as a place only as "he's in" / "him in": it is too common otherwise.
    if "in" in tokens and not re.search(r"\b(?:he is|she is|they are|him|they is) in\b", joined):
        place = bool(tokens & (_PLACE - {"in"}))
    if place and (person or vehicle or (urgent and len(segments) > 1)):
        found.append(("suspect_present", evidence))
    return found
