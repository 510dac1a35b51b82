"""Incident references: short, unguessable, easy to read out over the phone."""

from __future__ import annotations

import secrets

# Crockford base32: no I, L, O or U, so nothing reads as 1, 0 or a rude word.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "SK-"
LENGTH = 8
# What people mishear or mistype for a character of the alphabet.
_CONFUSABLE = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_reference() -> str:
    """A fresh random reference such as `SK-7G4K2M9Q` (40 bits from `secrets`)."""
    return PREFIX + "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise_reference(text: str) -> str:
    """The canonical form of a reference someone typed or read out ("sk 7g4k-2m9q" → "SK-7G4K2M9Q")."""
    compact = "".join(ch for ch in text.upper() if ch.isalnum())
    if compact.startswith("SK"):
        compact = compact[2:]
    return PREFIX + compact.translate(_CONFUSABLE)
