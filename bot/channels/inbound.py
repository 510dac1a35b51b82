"""What every channel does to a person's words before they reach Rasa.

One pure function, `prepare_inbound`, used by all four channels so the rules cannot drift:

- control characters, lone surrogates and invisible direction/zero-width marks are removed
  (they break storage or spoof what call handlers read), text is NFC-normalised;
- a leading "/" is removed, repeatedly: Rasa's RegexMessageHandler turns any text that
  starts with "/" (after Python's `str.strip()`) into a forced intent with confidence 1.0,
  so "/affirm" could forge consent. We strip exactly as Rasa does, then replace the leading
  slashes with one FULLWIDTH SOLIDUS mark: "/affirm" reaches Rasa as "\uff0faffirm", which
  Rasa treats as text and the assistant refuses as an answer to any question;
- a message with no letters or digits (empty, whitespace, emoji-only) never becomes a Rasa
  turn: the channel answers with a polite prompt instead (decision: a turn with no words
  would only produce a fallback and pollute the transcript);
- a message over the cap is not forwarded whole. The danger detector (pure and linear) reads
  all of it; if it finds danger, only the sentences carrying the evidence are forwarded so
  the emergency path runs; otherwise the person is kindly asked for shorter messages.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import re
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from itertools import pairwise

logger = logging.getLogger(__name__)

# Invisible format characters worth removing: bidi embeddings/overrides/isolates, zero-width
# space, word joiner, BOM. The zero-width joiner (U+200D) stays: emoji sequences use it.
_INVISIBLE = {0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF, *range(0x202A, 0x202F), *range(0x2066, 0x206A)}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_INTENT_PREFIX = "/"  # rasa.shared.constants.INTENT_MESSAGE_PREFIX (not imported: keeps this pure)
FORCED_INTENT_MARK = "\uff0f"  # FULLWIDTH SOLIDUS: looks like "/", is not Rasa's intent prefix

DangerDetector = Callable[[str], object]


class InboundKind(str, Enum):
    """What the channel should do with a message."""

    FORWARD = "forward"  # send `text` to Rasa
    WORDLESS = "wordless"  # nothing to read: answer with a polite prompt, no Rasa turn
    TOO_LONG = "too_long"  # over the cap and no danger found: ask for shorter messages


@dataclass(frozen=True)
class Inbound:
    """The outcome of the inbound checks. `text` is set only when `kind` is FORWARD."""

    kind: InboundKind
    text: str = ""
    truncated_for_danger: bool = False


def clean_text(raw: str) -> str:
    """Remove control, surrogate and invisible characters; keep newlines; NFC-normalise."""
    kept: list[str] = []
    for char in raw:
        if char in "\n\t":
            kept.append("\n" if char == "\n" else " ")
            continue
        category = unicodedata.category(char)
        if category in ("Cc", "Cs") or ord(char) in _INVISIBLE:
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def neutralise_intent_prefix(text: str) -> str:
    """Strip as Rasa strips, then swap leading slashes for one visible mark, so no text can force an intent.

    The mark (FORCED_INTENT_MARK) keeps what the person typed readable in the transcript and
    lets the assistant refuse it as an answer: a typed "/affirm" must never count as consent
    (bot/intake/answers.py `is_forced_intent`).
    """
    text = text.strip()
    forced = False
    while text.startswith(_INTENT_PREFIX):
        text = text[len(_INTENT_PREFIX) :].strip()
        forced = True
    return f"{FORCED_INTENT_MARK}{text}" if forced and text else text


def has_words(text: str) -> bool:
    """True when the text holds at least one letter or digit."""
    return any(unicodedata.category(char)[0] in ("L", "N") for char in text)


def _finds_danger(result: object) -> bool:
    # `bot.triage.danger.detect` returns DangerFindings(signals, is_emergency, ...); also accept
    # a plain sequence of signals or anything with a meaningful truth value.
    if isinstance(getattr(result, "is_emergency", None), bool):
        return bool(result.is_emergency)  # type: ignore[attr-defined]
    signals = getattr(result, "signals", result)
    if isinstance(signals, (Sequence, set, frozenset)):
        return len(signals) > 0
    return bool(signals)


def _default_detector() -> DangerDetector | None:
    try:
        from bot.triage.danger import detect
    except ImportError:
        logger.error("inbound.danger_detector_missing")
        return None
    return detect


def split_sentences(text: str) -> list[str]:
    """Split at sentence ends and line breaks, linearly; empty pieces are dropped."""
    return [piece.strip() for piece in _SENTENCE_END.split(text) if piece.strip()]


def _bounded(sentence: str, max_chars: int) -> list[str]:
    # A run-on "sentence" longer than the cap is read in half-overlapping windows, so
    # evidence straddling a window edge is still seen whole.
    if len(sentence) <= max_chars:
        return [sentence]
    step = max(1, max_chars // 2)
    return [sentence[start : start + max_chars] for start in range(0, len(sentence) - step, step)]


def evidence_sentences(text: str, detect: DangerDetector, max_chars: int) -> str:
    """The sentence(s) of an over-long text that carry danger, within `max_chars`; "" if none.

    Each sentence is checked alone, then neighbouring pairs (evidence split over a full stop).
    Every check reads a bounded slice, so the whole stays linear in the length of the text.
    """
    sentences = [piece for sentence in split_sentences(text) for piece in _bounded(sentence, max_chars)]
    chosen = [s for s in sentences if _finds_danger(detect(s))]
    if not chosen:
        pairs = (f"{a} {b}" for a, b in pairwise(sentences))
        chosen = [pair for pair in pairs if len(pair) <= max_chars and _finds_danger(detect(pair))][:1]
    kept: list[str] = []
    used = 0
    for sentence in chosen:
        if used + len(sentence) + 1 > max_chars:
            break
        kept.append(sentence)
        used += len(sentence) + 1
    return " ".join(kept) or (chosen[0][:max_chars] if chosen else "")


def prepare_inbound(raw: str | None, max_chars: int, detect: DangerDetector | None = None) -> Inbound:
    """Apply the inbound rules to one message (see the module docstring)."""
    text = neutralise_intent_prefix(clean_text(raw or ""))
    if not has_words(text):
        return Inbound(InboundKind.WORDLESS)
    if len(text) <= max_chars:
        return Inbound(InboundKind.FORWARD, text)
    detector = detect or _default_detector()
    if detector is None:
        # Without the detector we cannot tell; the start of the message still reaches
        # Rasa's own danger detection rather than being dropped.
        return Inbound(InboundKind.FORWARD, neutralise_intent_prefix(text[:max_chars]), True)
    if not _finds_danger(detector(text)):
        return Inbound(InboundKind.TOO_LONG)
    evidence = neutralise_intent_prefix(evidence_sentences(text, detector, max_chars))
    if not has_words(evidence):
        # Danger somewhere we could not isolate: forward the opening so the emergency path
        # still has a chance, rather than asking a person in danger to rewrite.
        evidence = neutralise_intent_prefix(text[:max_chars])
    return Inbound(InboundKind.FORWARD, evidence, True)


@lru_cache(maxsize=1)
def _long_message_reader() -> ProcessPoolExecutor:
    # A separate process, not a thread: reading is CPU-bound, and a thread would hold the GIL
    # the event loop needs. "spawn" keeps Rasa's TensorFlow state out of the worker.
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))


async def prepare_inbound_off_loop(raw: str | None, max_chars: int) -> Inbound:
    """`prepare_inbound`, with over-long messages read in a worker process.

    Reading 50,000 characters for danger takes a noticeable fraction of a second; in this
    process it would hold up every other conversation on this server.
    """
    if raw is None or len(raw) <= max_chars:
        return prepare_inbound(raw, max_chars)
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(_long_message_reader(), prepare_inbound, raw, max_chars)
    except (BrokenProcessPool, OSError):
        logger.error("inbound.long_message_reader_failed")
        _long_message_reader.cache_clear()
        return await asyncio.to_thread(prepare_inbound, raw, max_chars)
