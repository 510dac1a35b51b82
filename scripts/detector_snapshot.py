#!/usr/bin/env python3
"""Save what the rules detector says about every message it may be tuned on, and diff later.

    .venv/bin/python scripts/detector_snapshot.py save var/detector.json
    ... change bot/triage ...
    .venv/bin/python scripts/detector_snapshot.py diff var/detector.json

The messages: the tuning and spent sets of tests/eval/check_sets.py (opening messages and every
conversation turn) and the stress cases in tests/unit/triage/stress_cases.py. Clean held-out
sets are never read, so a diff prints nothing a clean figure depends on. `diff` lists every
message whose verdict changed, emergencies lost first, and exits 1 when any was lost or any
calm message became an emergency; a refactoring should print nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.triage.danger import detect
from tests.eval.check_sets import SPENT, TUNING
from tests.unit.triage.stress_cases import EMERGENCIES, HARD_NEGATIVES

EVAL = Path(__file__).resolve().parent.parent / "tests" / "eval"
CALM = ("report", "info", "other")


def _messages() -> list[tuple[str, str, str]]:
    """(where, label, text) for every message the detector may be tuned on."""
    found: list[tuple[str, str, str]] = []
    for name in TUNING + SPENT:
        for line in (EVAL / name).read_text(encoding="utf-8").split("\n"):
            if not line.strip():
                continue
            item = json.loads(line)
            if "turns" in item:
                first = item["expect"]["first_emergency_turn"]
                for index, turn in enumerate(item["turns"]):
                    label = "emergency" if first == index else "turn"
                    found.append((f"{name}:{item['id']}:{index}", label, turn))
            else:
                found.append((f"{name}:{item['id']}", item["label"], item["text"]))
    found += [(f"stress:e{i}", "emergency", text) for i, (_, text) in enumerate(EMERGENCIES)]
    found += [(f"stress:n{i}", "report", text) for i, (_, text) in enumerate(HARD_NEGATIVES)]
    return found


def _verdict(text: str) -> dict:
    findings = detect(text)
    return {
        "emergency": findings.is_emergency,
        "now": sorted(signal.kind for signal in findings.signals),
        "other": sorted(f"{signal.kind}:{signal.frame}" for signal in findings.past_or_negated),
    }


def snapshot() -> dict[str, dict]:
    """Every message's label, text and verdict, by where it comes from."""
    return {where: {"label": label, "text": text, **_verdict(text)} for where, label, text in _messages()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=("save", "diff"))
    parser.add_argument("path", type=Path)
    args = parser.parse_args()

    current = snapshot()
    if args.command == "save":
        args.path.parent.mkdir(parents=True, exist_ok=True)
        args.path.write_text(json.dumps(current), encoding="utf-8")
        alarms = sum(v["emergency"] for v in current.values())
        print(f"saved {len(current)} messages ({alarms} read as emergencies) to {args.path}")
        return 0

    before = json.loads(args.path.read_text(encoding="utf-8"))
    lost, gained, signals = [], [], []
    for where, now in current.items():
        then = before.get(where)
        if then is None or then["text"] != now["text"]:
            continue  # a message added or edited since the snapshot
        if then["emergency"] and not now["emergency"]:
            lost.append(where)
        elif now["emergency"] and not then["emergency"]:
            gained.append(where)
        elif (then["now"], then["other"]) != (now["now"], now["other"]):
            signals.append(where)
    for title, wheres in (
        ("no longer an emergency", lost),
        ("now an emergency", gained),
        ("same verdict, other signals", signals),
    ):
        for where in wheres:
            item = current[where]
            print(f"{title:<28} {where} [{item['label']}] {item['text'][:140]!r}")
            print(f"{'':<28} now={item['now']} other={item['other'][:6]}")
    harmful = [w for w in lost if current[w]["label"] == "emergency"]
    harmful += [w for w in gained if current[w]["label"] in CALM]
    print(
        f"{len(current)} messages: {len(lost)} no longer emergencies, {len(gained)} new emergencies, "
        f"{len(signals)} with other signals; {len(harmful)} against their label"
    )
    return 1 if harmful else 0


if __name__ == "__main__":
    sys.exit(main())
