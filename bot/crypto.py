"""Encryption of personal fields at rest, and keyed hashes for equality lookups.

Imported by both Python environments (the action server / review site, and the Rasa-side
tracker store), so it depends only on `cryptography` and the standard library.

Tokens are Fernet tokens prefixed with `enc1:`. The prefix lets readers tell an encrypted
value from a legacy plain-text one, and leaves room for a future scheme (`enc2:`).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata
from collections.abc import Sequence
from typing import Protocol

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

TOKEN_PREFIX = "enc1:"  # noqa: S105 (a format marker, not a secret)


NO_KEY_MESSAGE = (
    "no field encryption key configured: set FIELD_ENCRYPTION_KEYS (make one with `stalkbot keys new`)"
)
_STALE_KEY_HINT = "is the key that encrypted it still in FIELD_ENCRYPTION_KEYS?"


class CryptoError(ValueError):
    """Encryption is misconfigured or a token cannot be read. Messages never carry field values."""


class MissingKeyError(CryptoError):
    """No field encryption key is configured."""


class _HasKeys(Protocol):
    field_encryption_keys: tuple[str, ...]


def new_key() -> str:
    """A fresh random Fernet key (URL-safe base64 text), for FIELD_ENCRYPTION_KEYS."""
    return Fernet.generate_key().decode("ascii")


def is_encrypted(value: str) -> bool:
    """True when `value` is one of our tokens rather than legacy plain text."""
    return value.startswith(TOKEN_PREFIX)


class FieldCipher:
    """Encrypts and decrypts text fields; the first key encrypts, every key decrypts.

    Rotation: put a new key first, keep the old ones after it, re-encrypt (`rotate`), then
    drop the old keys.
    """

    def __init__(self, keys: Sequence[str]) -> None:
        usable = [key.strip() for key in keys if key and key.strip()]
        if not usable:
            raise MissingKeyError(NO_KEY_MESSAGE)
        fernets = []
        for position, key in enumerate(usable, start=1):
            try:
                fernets.append(Fernet(key.encode("ascii")))
            except (ValueError, UnicodeEncodeError):
                # Name the position only: the key itself is a secret.
                raise CryptoError(
                    f"FIELD_ENCRYPTION_KEYS entry {position} is not a valid Fernet key"
                ) from None
        self._fernet = MultiFernet(fernets)

    def encrypt(self, plaintext: str) -> str:
        """Encrypt text with the newest key; returns an `enc1:` token."""
        token = self._fernet.encrypt(plaintext.encode("utf-8"))
        return TOKEN_PREFIX + token.decode("ascii")

    def decrypt(self, token: str) -> str:
        """Decrypt an `enc1:` token with whichever configured key made it."""
        if not is_encrypted(token):
            raise CryptoError("value is not an encrypted token")
        try:
            return self._fernet.decrypt(token[len(TOKEN_PREFIX) :].encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise CryptoError(f"cannot decrypt a stored value: {_STALE_KEY_HINT}") from None

    def rotate(self, token: str) -> str:
        """Re-encrypt a token with the newest key; legacy plain text gets encrypted."""
        if not is_encrypted(token):
            return self.encrypt(token)
        try:
            fresh = self._fernet.rotate(token[len(TOKEN_PREFIX) :].encode("ascii"))
        except InvalidToken:
            raise CryptoError(f"cannot re-encrypt a stored value: {_STALE_KEY_HINT}") from None
        return TOKEN_PREFIX + fresh.decode("ascii")


def cipher_from_settings(settings: _HasKeys) -> FieldCipher:
    """The cipher for the configured FIELD_ENCRYPTION_KEYS (newest first)."""
    return FieldCipher(settings.field_encryption_keys)


def normalise_for_lookup(value: str) -> str:
    """Canonical form for equality lookups: Unicode-compatible, case-folded, no whitespace."""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return "".join(folded.split())


def lookup_hash(key: str, value: str) -> str:
    """HMAC-SHA256 (hex) of the normalised value: find equal values without storing them."""
    if not key:
        raise MissingKeyError("no lookup hash key configured: set LOOKUP_HASH_KEY")
    message = normalise_for_lookup(value).encode("utf-8")
    return hmac.new(key.encode("utf-8"), message, hashlib.sha256).hexdigest()
