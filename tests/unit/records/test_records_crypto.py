"""bot.crypto: field encryption with key rotation, and keyed lookup hashes."""

from __future__ import annotations

import pytest
from cryptography.fernet import Fernet

from bot.crypto import CryptoError, FieldCipher, MissingKeyError, lookup_hash, new_key


def test_encrypted_text_is_prefixed_and_reads_back() -> None:
    cipher = FieldCipher([new_key()])
    token = cipher.encrypt("He waits outside my work")
    assert token.startswith("enc1:")
    assert "waits" not in token
    assert cipher.decrypt(token) == "He waits outside my work"


def test_every_configured_key_decrypts_but_only_the_first_encrypts() -> None:
    old, new = new_key(), new_key()
    old_token = FieldCipher([old]).encrypt("old words")
    rotated_cipher = FieldCipher([new, old])
    assert rotated_cipher.decrypt(old_token) == "old words"
    fresh_token = rotated_cipher.encrypt("new words")
    assert FieldCipher([new]).decrypt(fresh_token) == "new words"
    with pytest.raises(CryptoError):
        FieldCipher([old]).decrypt(fresh_token)


def test_rotate_moves_a_token_to_the_newest_key() -> None:
    old, new = new_key(), new_key()
    token = FieldCipher([old]).encrypt("words")
    rotated = FieldCipher([new, old]).rotate(token)
    assert FieldCipher([new]).decrypt(rotated) == "words"


def test_rotate_encrypts_legacy_plain_text() -> None:
    cipher = FieldCipher([new_key()])
    rotated = cipher.rotate("legacy plain value")
    assert rotated.startswith("enc1:")
    assert cipher.decrypt(rotated) == "legacy plain value"


@pytest.mark.parametrize("keys", [[], [""], ["  "]])
def test_no_key_is_a_clear_error(keys: list[str]) -> None:
    with pytest.raises(MissingKeyError, match="FIELD_ENCRYPTION_KEYS"):
        FieldCipher(keys)


def test_a_malformed_key_is_named_by_position_without_echoing_it() -> None:
    secret = "not-a-real-fernet-key"
    with pytest.raises(CryptoError) as caught:
        FieldCipher([Fernet.generate_key().decode(), secret])
    assert "entry 2" in str(caught.value)
    assert secret not in str(caught.value)


def test_decrypting_with_the_wrong_key_fails_without_showing_the_token() -> None:
    token = FieldCipher([new_key()]).encrypt("secret words")
    with pytest.raises(CryptoError) as caught:
        FieldCipher([new_key()]).decrypt(token)
    assert token[5:20] not in str(caught.value)


def test_decrypting_plain_text_is_refused() -> None:
    with pytest.raises(CryptoError):
        FieldCipher([new_key()]).decrypt("plain")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("+44 7700 900123", "+447700900123"),
        ("John Smith", "  john   SMITH "),
        ("ＳＭＩＴＨ", "smith"),  # full-width letters normalise (NFKC)
    ],
)
def test_lookup_hash_matches_equal_values_after_normalising(left: str, right: str) -> None:
    assert lookup_hash("k", left) == lookup_hash("k", right)


def test_lookup_hash_differs_by_value_and_by_key() -> None:
    assert lookup_hash("k", "07700900123") != lookup_hash("k", "07700900124")
    assert lookup_hash("k1", "07700900123") != lookup_hash("k2", "07700900123")
    assert len(lookup_hash("k", "x")) == 64


def test_lookup_hash_without_a_key_is_a_clear_error() -> None:
    with pytest.raises(MissingKeyError, match="LOOKUP_HASH_KEY"):
        lookup_hash("", "07700900123")
