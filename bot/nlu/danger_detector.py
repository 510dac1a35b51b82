"""The rules-based half of emergency detection, as a Rasa NLU component.

Runs `bot.triage.danger.detect` on every message after the ML classifier. When it finds
danger now, it forces the `emergency` intent (so the emergency rule fires whatever the
classifier said) and adds the signals to the parse data as `danger_signals`, which the
action server records as evidence. The classifier's own `emergency` prediction is kept:
two independent detectors, either one enough. The one exception: when the classifier's
`emergency` is unsure and the rules found the danger words only in the past or negated
("two weeks ago he said he'd kill me", "he's not outside"), the message is a report.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.triage.danger import detect

logger = logging.getLogger(__name__)

EMERGENCY = "emergency"
REPORT = "report_stalking"


def _with_top_intent(message: Message, name: str, confidence: float) -> None:
    ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != name]
    message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [{"name": name, "confidence": confidence}, *ranking], add_to_output=True)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class DangerSignalDetector(GraphComponent):
    """Forces the `emergency` intent when the rules see danger now."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        """`demote_below`: classifier confidence under which a past/negated-only mention is a report."""
        return {"demote_below": 0.9}

    def __init__(self, config: dict[str, Any]) -> None:
        self.demote_below = float(config.get("demote_below", 0.9))

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DangerSignalDetector:
        return cls(config)

    def process(self, messages: list[Message]) -> list[Message]:
        """Look at each message's text and override the intent when danger is found."""
        for message in messages:
            self._process_one(message)
        return messages

    def _process_one(self, message: Message) -> None:
        text: str | None = message.get(TEXT)
        if not text:
            return
        findings = detect(text)
        intent = message.get(INTENT) or {}
        message.set(
            "danger_signals",
            [{"kind": getattr(s.kind, "value", s.kind), "evidence": s.evidence} for s in findings.signals],
            add_to_output=True,
        )
        if findings.is_emergency:
            if intent.get("name") != EMERGENCY:
                logger.info("danger detector raised an emergency the classifier did not predict")
            _with_top_intent(message, EMERGENCY, 1.0)
            return
        only_past = bool(findings.past_or_negated)
        if (
            intent.get("name") == EMERGENCY
            and only_past
            and intent.get("confidence", 0.0) < self.demote_below
        ):
            _with_top_intent(message, REPORT, float(intent.get("confidence", 0.0)))
