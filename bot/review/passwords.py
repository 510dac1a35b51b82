"""Password hashing (argon2id via argon2-cffi) and the password rules for call handlers."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_PASSWORD_LENGTH = 12

# argon2-cffi's defaults are RFC 9106's low-memory profile of argon2id.
_HASHER = PasswordHasher()
# Verified against when the username is unknown, so that a wrong name costs as long as a wrong
# password and response times do not reveal which accounts exist.
_DUMMY_HASH = _HASHER.hash("not-a-real-password-used-for-timing-only")


class PasswordRejected(ValueError):
    """The proposed password does not meet the rules; the message says why, in plain words."""


def check_password_rules(password: str) -> None:
    """Raise `PasswordRejected` if `password` is too short or only whitespace."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise PasswordRejected(f"The password must be at least {MIN_PASSWORD_LENGTH} characters long.")
    if not password.strip():
        raise PasswordRejected("The password cannot be only spaces.")


def hash_password(password: str) -> str:
    """An argon2id hash of `password`, with its own random salt."""
    return _HASHER.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True if `password` matches `password_hash`; takes as long when there is no hash at all."""
    try:
        return _HASHER.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True if the hash was made with weaker parameters than today's."""
    return _HASHER.check_needs_rehash(password_hash)
