"""A new conversation session: nothing carried over (see domain/core.yml)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.settings import get_settings


class ActionSessionStart(Action):
    """Starts the session and tells the greeting whether chats are read live."""

    def name(self) -> str:
        return "action_session_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]) -> list:
        return [
            SessionStarted(),
            SlotSet("live_monitoring", get_settings().live_monitoring),
            ActionExecuted("action_listen"),
        ]
