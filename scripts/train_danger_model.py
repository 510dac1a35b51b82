#!/usr/bin/env python3
"""Train the learned second opinion on danger now (`bot/triage/danger_model.json`).

    .venv-rasa/bin/python scripts/train_danger_model.py            # write the model
    .venv-rasa/bin/python scripts/train_danger_model.py --check    # exit 1 if it is out of date
    .venv-rasa/bin/python scripts/train_danger_model.py --cross-validate

Trained on every labelled message we may tune on: the tuning sets and the spent held-out
sets named in tests/eval/check_sets.py (never a clean held-out set), their scripted
conversations turn by turn, the NLU training examples (emergency against every other
intent) and the stress cases of tests/unit/triage. `emergency` is the positive class;
`report`, `info` and `other` the negative; adversarial items are left out. Runs in
.venv-rasa (scikit-learn); the result is plain JSON that `bot.triage.danger_model` scores
without scikit-learn. Deterministic: the same corpus gives the same file, and the file
records the corpus's SHA-256 so `--check` (and a test) can tell when it needs retraining.

Features and threshold were chosen by leaving one writer's set out at a time and asking how
many of the emergencies the rules *of that time* (checked out from git as the set arrived) had
missed the model would catch, and at what cost in false alarms (tests/eval/README.md, "The
learned second opinion"). On the twelve spent held-out sets, heldout3-heldout15 (1,219
emergencies, 1,873 calm messages), the rules at arrival missed 122 emergencies; the model,
trained each time without the set, caught 97 of them at 0.8 for 6 more false alarms, 103 at
0.75 for 12, and 107 at 0.7 for 18; below 0.7 each further catch cost two or three false
alarms. 0.7 brings recall nearest the 0.99 target before that. C = 3 and C = 30 drew the same
curve. `--cross-validate` repeats the leave-one-set-out run against the model alone.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "eval"))

from check_sets import SPENT, TUNING  # noqa: E402

from tests.unit.triage.stress_cases import EMERGENCIES, HARD_NEGATIVES  # noqa: E402

EVAL_DIR = ROOT / "tests" / "eval"
NLU_DIR = ROOT / "data" / "nlu"
MODEL_FILE = ROOT / "bot" / "triage" / "danger_model.json"
CALM = ("report", "info", "other")
THRESHOLD = 0.7
# Mid-report, answers to questions ("he's my ex", "I've got screenshots") are where a model
# trained mostly on opening messages errs: left out of training, 3 of 293 calm turns of the
# heldout2 conversations scored 0.8-0.9 and none 0.9 or more. Retrained with heldout21-22, the
# answer "outside my flat" scored 0.90; on every spent conversation, the emergency turns the model
# alone caught mid-report all scored 0.96 or more, so the bar is 0.95.
THRESHOLD_IN_REPORT = 0.95
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
MIN_DOCUMENTS = 2  # an n-gram seen in one message only is noise
REGULARISATION = 10.0  # scikit-learn's C
DIGITS = 7  # significant digits kept in the file; probabilities agree to about 1e-6


def _message_sets() -> list[Path]:
    """The message sets the model may learn from: tuning sets and spent held-out sets."""
    return [EVAL_DIR / name for name in (*TUNING, *SPENT) if not name.startswith("conversations")]


def _conversation_sets() -> list[Path]:
    return [EVAL_DIR / name for name in (*TUNING, *SPENT) if name.startswith("conversations")]


def _jsonl(path: Path) -> list[dict]:
    # By newline only: str.splitlines would also split at a U+2028 inside a message.
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def _nlu_examples() -> list[tuple[str, bool]]:
    """(example, is the emergency intent) from the NLU training data (not its held-out split).

    Answers to the report's questions ("yes", "he's my ex", "I've got screenshots") come from
    here and from the conversations: without them every short reply looked like a short
    emergency ("he's in") to the model.
    """
    examples = []
    for path in sorted(NLU_DIR.glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu") or []:
            for line in str(block.get("examples") or "").splitlines():
                text = line.strip().removeprefix("- ").strip()
                if text:
                    examples.append((text, block.get("intent") == "emergency"))
    return examples


def load_corpus() -> tuple[list[str], list[bool], list[str]]:
    """(texts, is-emergency labels, where each came from), in a fixed order."""
    texts: list[str] = []
    labels: list[bool] = []
    sources: list[str] = []

    def add(text: str, is_emergency: bool, source: str) -> None:
        texts.append(text)
        labels.append(is_emergency)
        sources.append(source)

    for path in _message_sets():
        for item in _jsonl(path):
            if item["label"] in CALM or item["label"] == "emergency":
                add(item["text"], item["label"] == "emergency", path.stem)
    for path in _conversation_sets():
        for conversation in _jsonl(path):
            first_emergency = conversation["expect"].get("first_emergency_turn")
            for turn, text in enumerate(conversation["turns"]):
                if first_emergency is not None and turn > first_emergency:
                    break  # after the emergency the turns answer the emergency path
                add(text, turn == first_emergency, "conversations")
    for text, is_emergency in _nlu_examples():
        add(text, is_emergency, "nlu")
    for cases, is_emergency in ((EMERGENCIES, True), (HARD_NEGATIVES, False)):
        for _, text in cases:
            add(text, is_emergency, "stress")
    return texts, labels, sources


def fingerprint(texts: list[str], labels: list[bool]) -> str:
    """SHA-256 of the corpus and the settings: a different value means retrain."""
    digest = hashlib.sha256()
    settings = (
        THRESHOLD,
        THRESHOLD_IN_REPORT,
        CHAR_NGRAMS,
        WORD_NGRAMS,
        MIN_DOCUMENTS,
        REGULARISATION,
        DIGITS,
    )
    digest.update(repr(settings).encode())
    for text, label in zip(texts, labels, strict=True):
        digest.update(f"{int(label)}\t{text}\n".encode())
    return digest.hexdigest()


def pipeline():
    """The scikit-learn model that `bot.triage.danger_model` reproduces."""
    # Imported here so that --check needs no scikit-learn.
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    features = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, min_df=MIN_DOCUMENTS, sublinear_tf=True),
        TfidfVectorizer(
            analyzer="word",
            ngram_range=WORD_NGRAMS,
            min_df=MIN_DOCUMENTS,
            sublinear_tf=True,
            token_pattern=r"(?u)\b\w+\b",  # noqa: S106 (a regular expression, not a password)
        ),
    )
    classifier = LogisticRegression(C=REGULARISATION, max_iter=5000, class_weight="balanced")
    return make_pipeline(features, classifier)


def _round(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def export(model, corpus_sha256: str, sources: list[str], labels: list[bool]) -> dict:
    """The trained pipeline as the JSON `bot.triage.danger_model.parse` reads."""
    union, classifier = model.steps[0][1], model.steps[1][1]
    weights = classifier.coef_[0]
    blocks = []
    offset = 0
    for _, vectoriser in union.transformer_list:
        vocabulary = vectoriser.vocabulary_
        terms = {
            term: [_round(vectoriser.idf_[index]), _round(weights[offset + index])]
            for term, index in sorted(vocabulary.items())
        }
        blocks.append(
            {"analyzer": vectoriser.analyzer, "ngram_range": list(vectoriser.ngram_range), "terms": terms}
        )
        offset += len(vocabulary)
    per_set: dict[str, list[int]] = {}
    for source, label in zip(sources, labels, strict=True):
        per_set.setdefault(source, [0, 0])[0 if label else 1] += 1
    return {
        "about": "Learned second opinion on danger now; scripts/train_danger_model.py writes it, do not edit",
        "corpus_sha256": corpus_sha256,
        "trained_on": {name: {"emergency": e, "calm": c} for name, (e, c) in per_set.items()},
        "threshold": THRESHOLD,
        "threshold_in_report": THRESHOLD_IN_REPORT,
        "intercept": _round(classifier.intercept_[0]),
        "blocks": blocks,
    }


def cross_validate(texts: list[str], labels: list[bool], sources: list[str]) -> None:
    """Leave one set out at a time; print the model's own recall and false alarms on it."""
    for held in sorted(set(sources) - {"stress", "nlu", "conversations"}):
        train = [i for i, source in enumerate(sources) if source != held]
        test = [i for i, source in enumerate(sources) if source == held]
        model = pipeline().fit([texts[i] for i in train], [labels[i] for i in train])
        chances = model.predict_proba([texts[i] for i in test])[:, 1]
        emergencies = [p for p, i in zip(chances, test, strict=True) if labels[i]]
        calm = [p for p, i in zip(chances, test, strict=True) if not labels[i]]
        recall = sum(p >= THRESHOLD for p in emergencies) / max(1, len(emergencies))
        alarms = sum(p >= THRESHOLD for p in calm) / max(1, len(calm))
        print(f"{held:10s} model alone: recall {recall:.3f}  false alarms {alarms:.3f}", flush=True)


def main() -> int:
    """Train and write the model, or check it is current, or cross-validate."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the model file is out of date")
    parser.add_argument("--cross-validate", action="store_true", help="leave-one-set-out figures")
    args = parser.parse_args()

    texts, labels, sources = load_corpus()
    corpus_sha256 = fingerprint(texts, labels)
    if args.check:
        recorded = (
            json.loads(MODEL_FILE.read_text(encoding="utf-8")).get("corpus_sha256")
            if MODEL_FILE.exists()
            else None
        )
        if recorded != corpus_sha256:
            print(f"{MODEL_FILE.relative_to(ROOT)} is out of date: run {Path(__file__).relative_to(ROOT)}")
            return 1
        print(f"{MODEL_FILE.relative_to(ROOT)} is current")
        return 0
    if args.cross_validate:
        cross_validate(texts, labels, sources)
        return 0
    print(f"training on {len(texts)} messages ({sum(labels)} emergencies) from {len(set(sources))} sets")
    model = pipeline().fit(texts, labels)
    exported = export(model, corpus_sha256, sources, labels)
    MODEL_FILE.write_text(
        json.dumps(exported, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
        encoding="utf-8",
    )
    terms = sum(len(block["terms"]) for block in exported["blocks"])
    print(f"wrote {MODEL_FILE.relative_to(ROOT)}: {terms} n-grams, {MODEL_FILE.stat().st_size // 1024} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
