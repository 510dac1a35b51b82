"""The learned second opinion (bot/triage/danger_model.py): what it adds, what it leaves alone, its file."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from bot.settings import PROJECT_ROOT
from bot.triage import danger_model
from bot.triage.danger_model import DangerModelError, load, opinion, parse, probability

# Written for these tests, in words no training set holds.
DANGER_NOW = [
    "my ex has just climbed over the back fence and is looking through the kitchen window",
    "she's downstairs shouting my name and I've locked myself in the bedroom",
    "hes got a bat and hes smashing the car",
    "i can see his van parked across the road with the lights on",
]
# Answers to the report's questions and everyday messages: never even near the mid-report bar.
CALM = [
    "yes",
    "no",
    "he's my ex",
    "I've got screenshots",
    "ok thank you",
    "what are the helpline's hours?",
    "He's my neighbour, lives at number 4",
    "I'm scared all the time and not sleeping",
    "please ring me in the evenings",
]
# Look-alikes the rules already judge not-now; the model agrees on its own.
NOT_NOW = [
    "he used to wait outside my work last year",
    "he's not outside, he's in Spain",
    "this is killing me",
    "two weeks ago he said he'd kill me",
]


@pytest.mark.parametrize("text", DANGER_NOW)
def test_danger_now_in_unseen_words_is_an_emergency_to_the_model(text):
    assert opinion(text).is_emergency


@pytest.mark.parametrize("text", CALM)
def test_calm_answers_stay_well_below_the_mid_report_bar(text):
    assert probability(text) < load().threshold_in_report / 2


@pytest.mark.parametrize("text", NOT_NOW)
def test_past_negated_and_idiomatic_mentions_are_not_emergencies_to_the_model(text):
    assert not opinion(text).is_emergency


def test_the_evidence_is_the_most_alarming_sentence():
    text = "I've been getting messages for months. My sister says to ignore them. He's climbing over the back fence."
    assert opinion(text).evidence == "He's climbing over the back fence."


def test_an_over_long_message_is_read_from_its_end():
    calm = "He used to text me a lot and I kept a diary of it all. " * 100
    danger = "He has just climbed over the back fence and is at the kitchen window. " * 60
    assert len(danger) >= danger_model.MAX_CHARS
    assert opinion(calm + danger).is_emergency
    assert not opinion(danger + calm * 2).is_emergency


@pytest.mark.parametrize("text", ["", "   ", "\u200b\u202e", "!!!", "🙂" * 50, "a" * 100_000])
def test_wordless_or_broken_input_gives_a_probability_without_error(text):
    assert 0.0 <= probability(text) <= 1.0


def test_the_thresholds_are_probabilities_and_mid_report_is_the_stricter():
    model = load()
    assert 0.0 < model.threshold <= model.threshold_in_report < 1.0


def test_scoring_follows_the_weights():
    model = parse(
        {
            "intercept": -1.0,
            "threshold": 0.5,
            "threshold_in_report": 0.9,
            "blocks": [
                {
                    "analyzer": "word",
                    "ngram_range": [1, 1],
                    "terms": {"knife": [1.0, 4.0], "cake": [1.0, -4.0]},
                }
            ],
        }
    )
    assert probability("a KNIFE", model) == pytest.approx(1 / (1 + pow(2.718281828459045, -3.0)))
    assert probability("cake", model) == pytest.approx(1 / (1 + pow(2.718281828459045, 5.0)))
    assert probability("nothing known", model) == pytest.approx(1 / (1 + pow(2.718281828459045, 1.0)))


def test_char_ngrams_are_read_inside_padded_words_as_scikit_learn_does():
    grams = danger_model._char_wb_ngrams("he  is", 2, 3)
    assert grams == [" h", "he", "e ", " he", "he ", " i", "is", "s ", " is", "is "]


@pytest.mark.parametrize(
    "raw",
    [
        {},
        {"intercept": 0.0, "threshold": 0.5, "threshold_in_report": 0.9, "blocks": []},
        {
            "intercept": 0.0,
            "threshold": 0.95,
            "threshold_in_report": 0.9,
            "blocks": [{"analyzer": "word", "ngram_range": [1, 1], "terms": {}}],
        },
        {
            "intercept": 0.0,
            "threshold": 0.5,
            "threshold_in_report": 0.9,
            "blocks": [{"analyzer": "bytes", "ngram_range": [1, 1], "terms": {}}],
        },
        {
            "intercept": "x",
            "threshold": 0.5,
            "threshold_in_report": 0.9,
            "blocks": [{"analyzer": "word", "ngram_range": [1, 1], "terms": {}}],
        },
        {
            "intercept": 0.0,
            "threshold": 0.5,
            "threshold_in_report": 0.9,
            "blocks": [{"analyzer": "word", "ngram_range": [1, 1], "terms": {"a": [1.0]}}],
        },
    ],
)
def test_a_malformed_model_is_refused_with_a_clear_error(raw):
    with pytest.raises(DangerModelError):
        parse(raw)


def test_a_missing_model_file_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(danger_model, "MODEL_FILE", tmp_path / "absent.json")
    load.cache_clear()
    try:
        with pytest.raises(DangerModelError, match="cannot read"):
            load()
    finally:
        monkeypatch.undo()
        load.cache_clear()


def test_the_model_learned_only_from_sets_we_may_tune_on():
    spec = importlib.util.spec_from_file_location(
        "check_sets", PROJECT_ROOT / "tests" / "eval" / "check_sets.py"
    )
    check_sets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(check_sets)
    allowed = {Path(name).stem for name in (*check_sets.TUNING, *check_sets.SPENT)} | {
        "stress",
        "nlu",
        "conversations",
    }
    raw = json.loads(danger_model.MODEL_FILE.read_text(encoding="utf-8"))
    assert len(raw["corpus_sha256"]) == 64
    assert raw["trained_on"] and set(raw["trained_on"]) <= allowed, (
        "a clean held-out set is never learned from"
    )
