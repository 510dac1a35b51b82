"""The NLU data checker catches the mistakes it exists to catch, and the real data passes it.

Runs in the Rasa environment (PyYAML lives there, not in .venv):
    /work/main/.venv-rasa/bin/python -m pytest tests/nlu -q
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

pytest.importorskip("yaml")

sys.path.insert(0, str(Path(__file__).resolve().parent))

import check_nlu_data as checker
from check_nlu_data import Example


def _write(tmp_path: Path, body: str, version: str = '"3.1"') -> Path:
    path = tmp_path / "nlu.yml"
    path.write_text(f"version: {version}\nnlu:\n{body}", encoding="utf-8")
    return path


def test_examples_are_read_per_intent_from_a_rasa_block(tmp_path: Path) -> None:
    path = _write(tmp_path, "- intent: greet\n  examples: |\n    - hi\n    - hello there\n")
    assert checker.load_examples(path) == [
        Example("greet", "hi", "nlu.yml"),
        Example("greet", "hello there", "nlu.yml"),
    ]


def test_a_file_without_version_3_1_is_rejected(tmp_path: Path) -> None:
    path = _write(tmp_path, "- intent: greet\n  examples: |\n    - hi\n", version='"2.0"')
    with pytest.raises(ValueError, match=r"3\.1"):
        checker.load_examples(path)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("he's here", "hes here"),
        ("OK.", "ok"),
        ("HELLO", "hello"),
        ("stop  now", "stop now"),
    ],
)
def test_examples_differing_only_in_case_punctuation_or_spacing_are_duplicates(
    first: str, second: str
) -> None:
    examples = [Example("emergency", first, "a.yml"), Example("safe_now", second, "b.yml")]
    assert len(checker.check_duplicates(examples)) == 1


def test_distinct_examples_are_not_duplicates() -> None:
    examples = [Example("emergency", "he's here", "a.yml"), Example("safe_now", "he's gone", "a.yml")]
    assert checker.check_duplicates(examples) == []


def test_a_held_out_example_that_is_a_trivial_edit_of_training_is_flagged() -> None:
    training = [Example("ask_helpline", "is the stalking helpline open now", "t.yml")]
    heldout = [Example("ask_helpline", "is the stalking helpline open today", "h.yml")]
    assert len(checker.check_near_copies(training, heldout)) == 1


def test_a_freshly_worded_held_out_example_is_not_flagged() -> None:
    training = [Example("ask_helpline", "is the stalking helpline open now", "t.yml")]
    heldout = [Example("ask_helpline", "what time does the helpline close", "h.yml")]
    assert checker.check_near_copies(training, heldout) == []


@pytest.mark.parametrize(
    ("example", "fragment"),
    [
        (Example("inform", "his name is [Dave](name)", "x.yml"), "entity markup"),
        (Example("affirm", "/affirm", "x.yml"), "forces an intent"),
        (Example("greeting", "hi", "x.yml"), "unknown intent"),
    ],
)
def test_syntax_the_pipeline_cannot_use_is_reported(example: Example, fragment: str) -> None:
    problems = checker.check_syntax([example])
    assert any(fragment in problem for problem in problems)


def test_an_intent_missing_from_the_held_out_split_is_reported() -> None:
    training = [Example(intent, f"{intent} example", "t.yml") for intent in checker.INTENTS]
    heldout = [Example("greet", "hiya", "h.yml")]
    problems = checker.check_counts(training, heldout)
    assert "goodbye: no held-out examples" in problems
    assert not any(problem.startswith("greet: no held-out") for problem in problems)


def test_the_project_nlu_data_passes_every_check() -> None:
    training = checker.load_training()
    heldout = checker.load_examples(checker.HELDOUT_FILE)
    assert checker.find_problems(training, heldout) == []
