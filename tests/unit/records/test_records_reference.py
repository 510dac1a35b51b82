"""Incident references: short, unambiguous, forgiving when read back."""

from __future__ import annotations

import re

import pytest

from bot.records.reference import ALPHABET, new_reference, normalise_reference


def test_new_reference_is_sk_and_eight_crockford_characters() -> None:
    for _ in range(200):
        assert re.fullmatch(r"SK-[0-9A-HJKMNP-TV-Z]{8}", new_reference())


def test_alphabet_leaves_out_letters_that_read_as_digits() -> None:
    assert not set("ILOU") & set(ALPHABET)
    assert len(set(ALPHABET)) == 32


def test_new_references_do_not_repeat() -> None:
    assert len({new_reference() for _ in range(2000)}) == 2000


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("SK-7G4K2M9Q", "SK-7G4K2M9Q"),
        ("sk-7g4k2m9q", "SK-7G4K2M9Q"),
        ("sk 7g4k 2m9q", "SK-7G4K2M9Q"),
        ("7G4K2M9Q", "SK-7G4K2M9Q"),
        ("SK-O1LI2345", "SK-01112345"),
    ],
)
def test_normalise_reference_accepts_how_people_read_it_out(typed: str, canonical: str) -> None:
    assert normalise_reference(typed) == canonical
