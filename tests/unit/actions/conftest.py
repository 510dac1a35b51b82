"""Action tests: trackers built from events (as Rasa sends them) and a throwaway records database."""

from __future__ import annotations

import base64
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from bot.settings import PROJECT_ROOT, get_settings


@pytest.fixture(autouse=True)
def records_db(tmp_path, monkeypatch) -> Iterator[str]:
    """Each test gets its own SQLite records database and encryption key."""
    url = f"sqlite:///{tmp_path / 'records.db'}"
    monkeypatch.setenv("STALKBOT_ENV_FILE", str(tmp_path / "none.env"))
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("TRACKER_STORE_URL", f"sqlite:///{tmp_path / 'tracker.db'}")
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
    get_settings.cache_clear()
    context.records.cache_clear()
    yield url
    get_settings.cache_clear()
    context.records.cache_clear()


@pytest.fixture(scope="session")
def domain() -> dict[str, Any]:
    """The real domain, merged from domain/*.yml as Rasa does."""
    return domain_of()


def domain_of() -> dict[str, Any]:
    """The real domain, merged from domain/*.yml as Rasa does."""
    merged: dict[str, Any] = {"slots": {}, "forms": {}, "responses": {}, "intents": []}
    for path in sorted((PROJECT_ROOT / "domain").glob("*.yml")):
        part = yaml.safe_load(path.read_text())
        for key in ("slots", "forms", "responses"):
            merged[key].update(part.get(key) or {})
        merged["intents"] += part.get("intents") or []
    return merged


def user(text: str, intent: str, confidence: float = 0.95, **parse: Any) -> dict[str, Any]:
    return {
        "event": "user",
        "text": text,
        "timestamp": 1_700_000_100.0,
        "parse_data": {
            "text": text,
            "intent": {"name": intent, "confidence": confidence},
            "entities": [],
            **parse,
        },
        "input_channel": "rest",
    }


def slot(name: str, value: Any) -> dict[str, Any]:
    return {"event": "slot", "name": name, "value": value, "timestamp": 1_700_000_101.0}


def make_tracker(
    *events: dict[str, Any],
    slots: dict[str, Any] | None = None,
    active_loop: str | None = None,
    sender: str = "conv-1",
) -> Tracker:
    """A tracker as the action server receives it: slots, the events, the latest message."""
    all_events = [{"event": "session_started", "timestamp": 1_700_000_000.0}, *events]
    latest = next((e for e in reversed(all_events) if e["event"] == "user"), None)
    latest_message = {**latest["parse_data"], "text": latest["text"]} if latest else {}
    values = dict(slots or {})
    for event in all_events:
        if event["event"] == "slot":
            values[event["name"]] = event["value"]
    return Tracker(
        sender,
        values,
        latest_message,
        all_events,
        False,
        None,
        {"name": active_loop} if active_loop else {},
        "action_listen",
    )


def texts(dispatcher: CollectingDispatcher) -> list[str]:
    return [m.get("response") or m.get("text") or "" for m in dispatcher.messages]


def slot_sets(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
