"""Check the NLU training data and the held-out split before anyone trains on them.

Run with the Rasa environment (stdlib + PyYAML only, no rasa import):

    /work/main/.venv-rasa/bin/python tests/nlu/check_nlu_data.py

It prints the number of examples per intent and exits non-zero when an intent has no
examples, falls below its agreed minimum, an example appears twice (in training, in the
held-out split, or in both), a held-out example is a trivial edit of a training one, or
an example uses syntax the pipeline cannot handle (entity markup, a leading "/").
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING_DIR = ROOT / "data" / "nlu"
HELDOUT_FILE = ROOT / "tests" / "nlu" / "heldout.yml"

# The intents the domain lists; anything else in the data is a typo or a new intent the
# lead has not agreed.
INTENTS: tuple[str, ...] = (
    "greet", "goodbye", "thank", "bot_challenge", "out_of_scope",
    "affirm", "deny", "stop", "skip", "finish", "correct", "safe_now",
    "emergency", "report_stalking", "inform",
    "ask_what_is_stalking", "ask_overreacting", "ask_spo", "ask_diary", "ask_helpline",
    "ask_anonymous", "ask_data_use", "request_delete", "ask_what_next", "ask_help",
    "ask_silent_solution", "ask_if_he_comes",
)  # fmt: skip

# Minimum training examples per intent (the brief); every other intent needs DEFAULT_MINIMUM.
MINIMUM_TRAINING: dict[str, int] = {"emergency": 110, "report_stalking": 110, "inform": 90}
DEFAULT_MINIMUM = 15
MINIMUM_TRAINING_TOTAL = 700
MINIMUM_HELDOUT_TOTAL = 160
LONG_NARRATIVE_WORDS = (40, 150)
MINIMUM_LONG_NARRATIVES = 25

# Above this similarity a held-out example is a trivial edit of a training example, so
# it would measure memory rather than generalisation.
NEAR_COPY_RATIO = 0.9

ENTITY_MARKUP = re.compile(r"\]\s*[({]")


@dataclass(frozen=True)
class Example:
    """One NLU example and where it came from."""

    intent: str
    text: str
    source: str


def normalise(text: str) -> str:
    """Fold case, drop punctuation and collapse spaces, so 'OK.' and 'ok' count as one example."""
    text = text.casefold().replace("\u2019", "'")
    text = re.sub(r"[^\w\s]", "", text)
    return " ".join(text.split())


def parse_examples(block: str) -> list[str]:
    """Split a Rasa `examples: |` block into its example texts."""
    texts = []
    for line in block.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("- "):
            raise ValueError(f"example line does not start with '- ': {stripped[:40]!r}")
        texts.append(stripped[2:].strip())
    return texts


def load_examples(path: Path) -> list[Example]:
    """Read every intent example from one Rasa 3.x NLU YAML file."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if str(document.get("version")) != "3.1":
        raise ValueError(f'{path}: expected version: "3.1"')
    examples = []
    for item in document.get("nlu", []):
        if "intent" not in item:
            raise ValueError(f"{path}: only intents are expected, found {sorted(item)}")
        for text in parse_examples(item.get("examples", "")):
            examples.append(Example(item["intent"], text, path.name))
    return examples


def load_training(directory: Path = TRAINING_DIR) -> list[Example]:
    """Read all training files under data/nlu (recursively)."""
    examples = []
    for path in sorted(directory.rglob("*.yml")):
        examples.extend(load_examples(path))
    return examples


def word_count(text: str) -> int:
    """Count words the way a reader would (whitespace-separated)."""
    return len(text.split())


def check_syntax(examples: list[Example]) -> list[str]:
    """Report unknown intents, entity markup and forced-intent slashes."""
    problems = []
    for example in examples:
        if example.intent not in INTENTS:
            problems.append(f"{example.source}: unknown intent {example.intent!r}")
        if ENTITY_MARKUP.search(example.text):
            problems.append(f"{example.source}: entity markup in {example.text[:50]!r}")
        if example.text.startswith("/"):
            problems.append(f"{example.source}: leading '/' forces an intent: {example.text[:50]!r}")
        if not example.text:
            problems.append(f"{example.source}: empty example under {example.intent}")
    return problems


def check_duplicates(examples: list[Example]) -> list[str]:
    """Report any example (after normalising) that appears more than once."""
    seen: dict[str, Example] = {}
    problems = []
    for example in examples:
        key = normalise(example.text)
        if key in seen:
            first = seen[key]
            problems.append(
                f"duplicate: {example.text[:50]!r} in {first.source}:{first.intent}"
                f" and {example.source}:{example.intent}"
            )
        else:
            seen[key] = example
    return problems


def check_near_copies(training: list[Example], heldout: list[Example]) -> list[str]:
    """Report held-out examples that are trivial edits of a training example."""
    problems = []
    training_keys = [normalise(example.text) for example in training]
    for example in heldout:
        key = normalise(example.text)
        for train_key in training_keys:
            matcher = SequenceMatcher(None, key, train_key, autojunk=False)
            # quick_ratio is an upper bound, so the exact ratio is only computed when it could pass.
            if matcher.quick_ratio() >= NEAR_COPY_RATIO and matcher.ratio() >= NEAR_COPY_RATIO:
                problems.append(
                    f"held-out {example.text[:50]!r} is a near copy of training {train_key[:50]!r}"
                )
                break
    return problems


def check_counts(training: list[Example], heldout: list[Example]) -> list[str]:
    """Report intents without examples or below the agreed minimums."""
    problems = []
    train_counts = Counter(example.intent for example in training)
    heldout_counts = Counter(example.intent for example in heldout)
    for intent in INTENTS:
        minimum = MINIMUM_TRAINING.get(intent, DEFAULT_MINIMUM)
        if train_counts[intent] < minimum:
            problems.append(f"{intent}: {train_counts[intent]} training examples, need {minimum}")
        if heldout_counts[intent] == 0:
            problems.append(f"{intent}: no held-out examples")
    if len(training) < MINIMUM_TRAINING_TOTAL:
        problems.append(f"{len(training)} training examples, need {MINIMUM_TRAINING_TOTAL}")
    if len(heldout) < MINIMUM_HELDOUT_TOTAL:
        problems.append(f"{len(heldout)} held-out examples, need {MINIMUM_HELDOUT_TOTAL}")
    long_narratives = count_long_narratives(training)
    if long_narratives < MINIMUM_LONG_NARRATIVES:
        problems.append(f"{long_narratives} long report_stalking narratives, need {MINIMUM_LONG_NARRATIVES}")
    return problems


def count_long_narratives(examples: list[Example]) -> int:
    """Count report_stalking examples within the long-narrative word range."""
    low, high = LONG_NARRATIVE_WORDS
    return sum(
        1 for example in examples
        if example.intent == "report_stalking" and low <= word_count(example.text) <= high
    )  # fmt: skip


def find_problems(training: list[Example], heldout: list[Example]) -> list[str]:
    """Run every check and return the problems found, empty when the data is sound."""
    return (
        check_syntax(training + heldout)
        + check_duplicates(training + heldout)
        + check_near_copies(training, heldout)
        + check_counts(training, heldout)
    )


def count_table(training: list[Example], heldout: list[Example]) -> str:
    """Format the per-intent counts for training and held-out data."""
    train_counts = Counter(example.intent for example in training)
    heldout_counts = Counter(example.intent for example in heldout)
    lines = [f"{'intent':<22}{'train':>7}{'heldout':>9}{'share':>8}"]
    for intent in INTENTS:
        total = train_counts[intent] + heldout_counts[intent]
        share = heldout_counts[intent] / total if total else 0.0
        lines.append(f"{intent:<22}{train_counts[intent]:>7}{heldout_counts[intent]:>9}{share:>8.0%}")
    lines.append(f"{'total':<22}{len(training):>7}{len(heldout):>9}")
    lines.append(f"long report_stalking narratives (training): {count_long_narratives(training)}")
    return "\n".join(lines)


def main() -> int:
    """Print counts, then any problems; return the process exit code."""
    training = load_training()
    heldout = load_examples(HELDOUT_FILE)
    print(count_table(training, heldout))
    problems = find_problems(training, heldout)
    for problem in problems:
        print(f"PROBLEM {problem}")
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
