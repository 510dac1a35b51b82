"""A learned second opinion on danger now: a linear model over the person's own words.

The rules in `danger.detect` explain themselves and are the floor, but each new writer brings
phrasings they have never seen (tests/eval/README.md). This model was trained on every
labelled message we may tune on (`scripts/train_danger_model.py`: the tuning sets, the
spent held-out sets and their conversations, the NLU examples, the stress cases), and reads
character and word n-grams, so it
generalises to spellings, languages and turns of phrase that no rule names. It only ever
adds emergencies: the shells call it when the rules found none, and an emergency needs
`THRESHOLD` (chosen on leave-one-writer-out runs, see the training script).

The weights live in `danger_model.json`, written by the training script. Scoring here
repeats scikit-learn's TF-IDF (`char_wb` and word n-grams, sublinear tf, smoothed idf, l2
per block) and logistic regression in plain Python, so the core keeps no dependency and
the opinion is available wherever the rules are; a Rasa-side test checks the two agree.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

MODEL_FILE = Path(__file__).resolve().parent / "danger_model.json"
# The kind of the danger signal this model gives, beside the rules' kinds (danger.DANGER_KINDS).
LEARNED_KIND = "learned"
# Messages reach the model capped by the channels (MAX_MESSAGE_CHARS); this bounds any other
# caller. The end of a long message is kept: that is where the present danger tends to be.
MAX_CHARS = 4000

_WORD = re.compile(r"(?u)\b\w+\b")
_WHITESPACE_RUN = re.compile(r"\s\s+")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


class DangerModelError(ValueError):
    """The model file is missing or malformed; the message says what is wrong."""


@dataclass(frozen=True)
class Block:
    """One TF-IDF block: which n-grams it reads, and each known n-gram's (idf, weight)."""

    analyzer: str  # "char_wb" or "word"
    ngram_range: tuple[int, int]
    terms: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class DangerModel:
    """The trained weights, and the probabilities at which the model calls an emergency.

    `threshold` for a message out of the report; `threshold_in_report` for an answer to one of
    the report's questions, where the model errs more (see the training script).
    """

    blocks: tuple[Block, ...]
    intercept: float
    threshold: float
    threshold_in_report: float


@dataclass(frozen=True)
class Opinion:
    """The model's probability that this is an emergency now, and its most alarming sentence."""

    probability: float
    is_emergency: bool
    text: str = field(repr=False)
    model: DangerModel = field(repr=False, compare=False)

    @property
    def evidence(self) -> str:
        """The sentence the model finds most alarming (scored only when asked: on an emergency)."""
        sentences = [s.strip() for s in _SENTENCE_END.split(self.text[-MAX_CHARS:]) if s.strip()]
        if len(sentences) <= 1:
            return self.text.strip()[:300]
        return max(sentences, key=lambda s: probability(s, self.model))[:300]


def _char_wb_ngrams(text: str, low: int, high: int) -> list[str]:
    # scikit-learn's `char_wb`: n-grams inside each word padded with one space either side;
    # a word shorter than n gives itself once.
    grams: list[str] = []
    for word in _WHITESPACE_RUN.sub(" ", text).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            grams.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                grams.append(padded[offset : offset + n])
            if offset == 0:
                break
    return grams


def _word_ngrams(text: str, low: int, high: int) -> list[str]:
    tokens = _WORD.findall(text)
    grams: list[str] = []
    for n in range(low, high + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _block_score(block: Block, text: str) -> float:
    """w·x for one block, with x the l2-normalised sublinear TF-IDF of the known n-grams."""
    low, high = block.ngram_range
    grams = _char_wb_ngrams(text, low, high) if block.analyzer == "char_wb" else _word_ngrams(text, low, high)
    counts: dict[str, int] = {}
    for gram in grams:
        if gram in block.terms:
            counts[gram] = counts.get(gram, 0) + 1
    dot = 0.0
    norm_squared = 0.0
    for gram, count in counts.items():
        idf, weight = block.terms[gram]
        value = (1.0 + math.log(count)) * idf
        dot += value * weight
        norm_squared += value * value
    return dot / math.sqrt(norm_squared) if norm_squared else 0.0


def probability(text: str, model: DangerModel | None = None) -> float:
    """The model's probability that `text` tells of danger now (0.0 for no words)."""
    model = model or load()
    text = text[-MAX_CHARS:].lower()
    logit = model.intercept + sum(_block_score(block, text) for block in model.blocks)
    return 1.0 / (1.0 + math.exp(-logit)) if logit > -700 else 0.0


def opinion(text: str, model: DangerModel | None = None) -> Opinion:
    """The model's view of one message, with the sentence it finds most alarming as evidence."""
    model = model or load()
    chance = probability(text, model)
    return Opinion(probability=chance, is_emergency=chance >= model.threshold, text=text, model=model)


def _block(raw: dict[str, Any]) -> Block:
    analyzer = raw.get("analyzer")
    if analyzer not in ("char_wb", "word"):
        raise DangerModelError(f"{MODEL_FILE.name}: unknown analyzer {analyzer!r}")
    low, high = raw["ngram_range"]
    terms = {term: (float(idf), float(weight)) for term, (idf, weight) in raw["terms"].items()}
    return Block(analyzer=analyzer, ngram_range=(int(low), int(high)), terms=terms)


def parse(raw: dict[str, Any]) -> DangerModel:
    """A model from the JSON the training script writes; DangerModelError when malformed."""
    try:
        blocks = tuple(_block(block) for block in raw["blocks"])
        model = DangerModel(
            blocks=blocks,
            intercept=float(raw["intercept"]),
            threshold=float(raw["threshold"]),
            threshold_in_report=float(raw["threshold_in_report"]),
        )
    except (KeyError, TypeError, ValueError) as err:
        raise DangerModelError(f"{MODEL_FILE.name}: malformed ({type(err).__name__}: {err})") from err
    if not blocks or not 0.0 < model.threshold <= model.threshold_in_report < 1.0:
        raise DangerModelError(
            f"{MODEL_FILE.name}: no blocks, or thresholds not 0 < threshold <= in-report < 1"
        )
    return model


@lru_cache(maxsize=1)
def load() -> DangerModel:
    """The trained model, read once from `danger_model.json`."""
    try:
        raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise DangerModelError(f"{MODEL_FILE.name}: cannot read ({type(err).__name__})") from err
    return parse(raw)
