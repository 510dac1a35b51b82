"""Writing for SMS: GSM-7 only, and long replies split at sensible places.

One character outside the GSM-7 alphabet (a curly quote, an emoji) switches the whole text
to UCS-2 and cuts a segment from 160 to 70 characters, tripling the cost and the number of
fragments a person receives.
"""

from __future__ import annotations

import re
import unicodedata

GSM7_BASIC = set(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = set("^{}\\[~]|€")
_REPLACEMENTS = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2022": "-",
    "\u00b7": "-",
    "\t": " ",
}
MAX_PART_CHARS = 612  # four concatenated GSM-7 segments of 153


def to_gsm7(text: str) -> str:
    """Replace typographic characters with GSM-7 ones; drop what has no GSM-7 form (emoji)."""
    out: list[str] = []
    for char in text:
        char = _REPLACEMENTS.get(char, char)
        if all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in char):
            out.append(char)
            continue
        # Accented letters outside GSM-7 lose the accent rather than the letter.
        base = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
        out.append(base)
    return re.sub(r"[ ]{2,}", " ", "".join(out)).strip()


def is_gsm7(text: str) -> bool:
    """True when every character is in the GSM-7 basic or extension table."""
    return all(c in GSM7_BASIC or c in GSM7_EXTENSION for c in text)


def _pieces(text: str) -> list[str]:
    # Paragraphs first, then sentences, then words: the largest unit that fits.
    pieces: list[str] = []
    for paragraph in [p.strip() for p in text.split("\n\n") if p.strip()]:
        if len(paragraph) <= MAX_PART_CHARS:
            pieces.append(paragraph)
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
            while len(sentence) > MAX_PART_CHARS:
                cut = sentence.rfind(" ", 0, MAX_PART_CHARS)
                cut = cut if cut > 0 else MAX_PART_CHARS
                pieces.append(sentence[:cut].strip())
                sentence = sentence[cut:].strip()
            if sentence:
                pieces.append(sentence)
    return pieces


def sms_parts(texts: list[str]) -> list[str]:
    """Join the assistant's messages into as few SMS parts as fit, split at sensible places."""
    parts: list[str] = []
    current = ""
    for piece in _pieces("\n\n".join(to_gsm7(t) for t in texts if t.strip())):
        joined = f"{current}\n\n{piece}" if current else piece
        if len(joined) <= MAX_PART_CHARS:
            current = joined
        else:
            parts.append(current)
            current = piece
    if current:
        parts.append(current)
    return parts
