"""The learned danger model's file is current, and plain-Python scoring agrees with scikit-learn."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path

import pytest

from bot.triage import danger_model

ROOT = Path(__file__).resolve().parents[2]


def _training_script():
    spec = importlib.util.spec_from_file_location(
        "train_danger_model", ROOT / "scripts" / "train_danger_model.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def training():
    return _training_script()


@pytest.fixture(scope="module")
def corpus(training):
    return training.load_corpus()


def test_the_model_file_was_trained_on_the_current_data(training, corpus):
    texts, labels, _ = corpus
    recorded = danger_model.load()
    assert recorded.threshold == training.THRESHOLD
    raw_sha = json.loads(danger_model.MODEL_FILE.read_text(encoding="utf-8"))["corpus_sha256"]
    assert raw_sha == training.fingerprint(texts, labels), (
        "run: .venv-rasa/bin/python scripts/train_danger_model.py"
    )


def test_plain_python_scoring_agrees_with_scikit_learn(training, corpus):
    texts, labels, _ = corpus
    fitted = training.pipeline().fit(texts, labels)
    exported = danger_model.parse(training.export(fitted, "sha", ["x"] * len(labels), labels))
    sample = random.Random(7).sample(texts, 300) + [
        "",
        "HE'S OUTSIDE!!!",
        "он стоит у двери",
        "वह बाहर खड़ा है",
        "hes   at\tthe\ndoor",
        "🔪 at the door",
    ]
    expected = fitted.predict_proba(sample)[:, 1]
    for text, chance in zip(sample, expected, strict=True):
        assert danger_model.probability(text, exported) == pytest.approx(chance, abs=1e-5), text[:80]


def test_the_committed_model_is_what_training_gives(training, corpus):
    texts, labels, sources = corpus
    fitted = training.pipeline().fit(texts, labels)
    retrained = danger_model.parse(training.export(fitted, "sha", sources, labels))
    committed = danger_model.load()
    for text in random.Random(11).sample(texts, 200):
        assert danger_model.probability(text, retrained) == pytest.approx(
            danger_model.probability(text, committed), abs=1e-4
        ), text[:80]
