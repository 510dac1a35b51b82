#!/usr/bin/env python3
"""Print the held-out NLU figures from `rasa test nlu` (intent_report.json), worst intents first.

Fails (exit 1) when the emergency intent's recall on the held-out split is below 0.9: the
classifier is one of the two independent emergency detectors, and must stay a real one.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

EMERGENCY_RECALL_FLOOR = 0.9


def main() -> int:
    results = Path(sys.argv[1] if len(sys.argv) > 1 else "var/results/nlu")
    report = json.loads((results / "intent_report.json").read_text())
    summary = {
        k: report.pop(k) for k in ("accuracy", "macro avg", "weighted avg", "micro avg") if k in report
    }
    print(
        f"NLU held-out: accuracy {summary.get('accuracy', 0):.3f}, "
        f"macro F1 {summary.get('macro avg', {}).get('f1-score', 0):.3f}, "
        f"weighted F1 {summary.get('weighted avg', {}).get('f1-score', 0):.3f}"
    )
    print(f"{'intent':24} {'precision':>9} {'recall':>7} {'f1':>6} {'n':>4}")
    for name, row in sorted(report.items(), key=lambda item: item[1].get("f1-score", 0)):
        if not isinstance(row, dict) or "f1-score" not in row:
            continue
        scores = f"{row['precision']:9.3f} {row['recall']:7.3f} {row['f1-score']:6.3f}"
        print(f"{name:24} {scores} {row['support']:4}")
    emergency = report.get("emergency", {}).get("recall", 0.0)
    if emergency < EMERGENCY_RECALL_FLOOR:
        print(f"emergency recall {emergency:.3f} is below {EMERGENCY_RECALL_FLOOR}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
