#!/usr/bin/env python3
"""Tuning aid: how the trained model and the danger rules judge each message of a set.

Run with .venv-rasa (it loads the model): `.venv-rasa/bin/python scripts/nlu_probe.py
tests/eval/dev.jsonl`. Prints, per label, the classifier's emergency confidence and what
the rules found, to choose thresholds on the TUNING set. Never run it on held-out files.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


async def main(path: str) -> None:
    if "heldout" in path:
        sys.exit("refusing: held-out sets are never tuned on")
    from rasa.core.agent import Agent

    agent = Agent.load(str(ROOT / "models" / "stalkbot.tar.gz"))
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    for row in rows:
        if row["label"] == "adversarial" or not row["text"].strip():
            continue
        parsed = await agent.parse_message(row["text"])
        classifier = parsed.get("classifier_intent") or {}
        rules = [s["kind"] for s in parsed.get("danger_signals") or []]
        print(
            json.dumps(
                {
                    "id": row["id"],
                    "label": row["label"],
                    "final": parsed["intent"]["name"],
                    "classifier": classifier.get("name"),
                    "confidence": round(classifier.get("confidence", 0), 3),
                    "rules": rules,
                    "text": row["text"][:80],
                }
            )
        )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
