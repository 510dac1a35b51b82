#!/usr/bin/env python3
"""Recall and false alarms of `bot.triage.danger.detect` on an evaluation set, offline.

    .venv/bin/python scripts/eval_danger_offline.py tests/eval/dev.jsonl [--show]
    .venv/bin/python scripts/eval_danger_offline.py --stress [--show]   # tests/unit/triage/stress_cases.py

Emergency recall: share of `emergency` items that `detect` calls an emergency. False alarms:
share of `report`/`info`/`other` items it calls an emergency. `--show` lists the misses and the
false alarms with the signals found (use it on the tuning set only: anything printed from a
held-out set is spent, see tests/eval/README.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.triage.danger import detect

CALM = ("report", "info", "other")


def main() -> int:
    """Print the figures; exit 1 when recall or false alarms miss the given thresholds."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", help="a JSONL evaluation set (omit with --stress)")
    parser.add_argument("--stress", action="store_true", help="use the stress set in tests/unit/triage")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms (tuning set only)")
    parser.add_argument("--min-recall", type=float, default=0.97)
    parser.add_argument("--max-false-alarm", type=float, default=0.03)
    args = parser.parse_args()

    if args.stress:
        from tests.unit.triage.stress_cases import EMERGENCIES, HARD_NEGATIVES

        items = [
            {"id": f"s{i:03d}", "text": text, "label": "emergency"} for i, (_, text) in enumerate(EMERGENCIES)
        ]
        items += [
            {"id": f"n{i:03d}", "text": text, "label": "report"} for i, (_, text) in enumerate(HARD_NEGATIVES)
        ]
    elif args.path:
        lines = Path(args.path).read_text(encoding="utf-8").split("\n")
        items = [json.loads(line) for line in lines if line.strip()]
    else:
        parser.error("give a JSONL path or --stress")
    emergencies = [item for item in items if item["label"] == "emergency"]
    calm = [item for item in items if item["label"] in CALM]
    missed = [item for item in emergencies if not detect(item["text"]).is_emergency]
    alarms = [item for item in calm if detect(item["text"]).is_emergency]
    for item in items:  # adversarial items must not crash the detector
        detect(item["text"])

    recall = 1 - len(missed) / len(emergencies) if emergencies else 1.0
    false_alarm = len(alarms) / len(calm) if calm else 0.0
    print(f"items {len(items)}  emergencies {len(emergencies)}  calm {len(calm)}")
    print(f"emergency recall {recall:.3f}  ({len(emergencies) - len(missed)}/{len(emergencies)})")
    print(f"false-alarm rate {false_alarm:.3f}  ({len(alarms)}/{len(calm)})")
    if args.show:
        for item in missed:
            print(f"MISSED {item['id']}: {item['text']!r}")
        for item in alarms:
            kinds = [(s.kind, s.evidence) for s in detect(item["text"]).signals]
            print(f"ALARM  {item['id']} ({item['label']}): {item['text']!r} {kinds}")
    return 0 if recall >= args.min_recall and false_alarm <= args.max_false_alarm else 1


if __name__ == "__main__":
    sys.exit(main())
