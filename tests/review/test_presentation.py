"""What call handlers read: every danger kind a record may hold has a label in plain words."""

from __future__ import annotations

from bot.records.vocabulary import DANGER_KINDS
from bot.review.presentation import DANGER_LABELS


def test_every_danger_kind_a_record_may_hold_has_a_plain_label():
    assert set(DANGER_KINDS) <= set(DANGER_LABELS), set(DANGER_KINDS) - set(DANGER_LABELS)


def test_the_ml_only_kinds_say_which_detector_judged_it():
    assert "learned model" in DANGER_LABELS["learned"]
    assert "classifier" in DANGER_LABELS["classifier"]
