"""The detector on its own, over the tuning sets (tests/eval/dev*.jsonl).

These are the sets the detector was tuned on, so the figures are optimistic: the held-out figure
comes from the running assistant (`make eval`). This test guards against a change quietly losing
what was won: the floors sit just under what the detector scores today.
"""

import json
from pathlib import Path

import pytest

from bot.triage.danger import detect

EVAL = Path(__file__).resolve().parents[2] / "eval"
CALM = ("report", "info", "other")
# file -> (minimum emergency recall, maximum false-alarm rate), detector alone
FLOORS = {
    "dev.jsonl": (0.99, 0.01),
    "dev2.jsonl": (0.97, 0.02),
    "dev3.jsonl": (0.98, 0.03),
    "dev4.jsonl": (0.98, 0.02),
    "dev5.jsonl": (0.98, 0.02),
    "dev6.jsonl": (0.95, 0.05),
    "dev7.jsonl": (0.98, 0.02),
    "dev8.jsonl": (0.92, 0.04),  # look-alikes: the learned model catches most of what the rules miss
    "dev9.jsonl": (0.94, 0.06),  # hard negatives: mostly reports that look like emergencies
}


def _items(name: str) -> list[dict]:
    return [json.loads(line) for line in (EVAL / name).read_text(encoding="utf-8").split("\n") if line]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_emergencies_of_the_tuning_set_stay_caught(name: str) -> None:
    emergencies = [i for i in _items(name) if i["label"] == "emergency"]
    missed = [i["id"] for i in emergencies if not detect(i["text"]).is_emergency]
    assert emergencies
    assert 1 - len(missed) / len(emergencies) >= FLOORS[name][0], missed


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_calm_messages_of_the_tuning_set_stay_calm(name: str) -> None:
    calm = [i for i in _items(name) if i["label"] in CALM]
    alarms = [i["id"] for i in calm if detect(i["text"]).is_emergency]
    assert calm
    assert len(alarms) / len(calm) <= FLOORS[name][1], alarms
