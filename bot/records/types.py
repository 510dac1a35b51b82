"""Column types: encrypted text and JSON, and timezone-aware UTC timestamps.

The cipher is not a module global: `bot.records.db.make_engine` attaches it to the engine's
dialect (each engine has its own dialect object), because a type's bind/result hooks see
the dialect and nothing else. So two engines with different keys can live side by side
(the key-rotation tests rely on this).
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import DateTime, Text
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

from bot.crypto import NO_KEY_MESSAGE, FieldCipher, MissingKeyError, is_encrypted

CIPHER_ATTRIBUTE = "stalkbot_field_cipher"


def attach_cipher(dialect: Dialect, cipher: FieldCipher | None) -> None:
    """Make `cipher` the one encrypted columns use on connections of this dialect."""
    setattr(dialect, CIPHER_ATTRIBUTE, cipher)


def cipher_of(dialect: Dialect) -> FieldCipher:
    """The dialect's cipher, or a clear error saying the key is missing."""
    cipher = getattr(dialect, CIPHER_ATTRIBUTE, None)
    if cipher is None:
        raise MissingKeyError(NO_KEY_MESSAGE)
    return cipher


class EncryptedText(TypeDecorator[str]):
    """Text stored as an `enc1:` token; legacy plain-text rows are read as they are."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_of(dialect).encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        if value is None or not is_encrypted(value):
            return value
        return cipher_of(dialect).decrypt(value)


class EncryptedJSON(TypeDecorator[Any]):
    """A JSON value stored encrypted. Assign a new object to change it (in-place edits are not tracked)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        return cipher_of(dialect).encrypt(json.dumps(value, ensure_ascii=False, separators=(",", ":")))

    def process_result_value(self, value: str | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        text = cipher_of(dialect).decrypt(value) if is_encrypted(value) else value
        return json.loads(text)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in and out, on SQLite (which keeps no zone) as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        utc = value.astimezone(timezone.utc)
        # SQLite stores text: keep it naive there so comparisons sort correctly.
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)
