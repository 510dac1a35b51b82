"""The real assistant, started for tests: action server, Rasa and review site on free ports.

Each stack gets its own databases and fresh secrets, so tests never touch `var/` or `.env`.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from bot.settings import PROJECT_ROOT
from bot.stack import Stack


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_overrides(
    workdir: Path, database_url: str | None = None, tracker_url: str | None = None, lock_url: str = ""
) -> dict[str, str]:
    """Settings for a throwaway stack: free ports, its own stores, fresh secrets."""
    return {
        "RASA_PORT": str(free_port()),
        "ACTIONS_PORT": str(free_port()),
        "REVIEW_PORT": str(free_port()),
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'stalkbot.db'}",
        "TRACKER_STORE_URL": tracker_url or f"sqlite:///{workdir / 'tracker.db'}",
        "LOCK_STORE_URL": lock_url,
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
        "LOOKUP_HASH_KEY": secrets.token_urlsafe(32),
        "REVIEW_SECRET_KEY": secrets.token_urlsafe(32),
        "WEBCHAT_SECRET": secrets.token_urlsafe(32),
        "TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "PUBLIC_BASE_URL": "https://report.example.test",
        "QUICK_EXIT_URL": "https://neutral.example/",
        "STALKBOT_ENV_FILE": str(workdir / "no.env"),
        "LOG_LEVEL": "INFO",
    }


@dataclass
class RunningStack:
    """What tests use: URLs, the Twilio secret, and the records as the export prints them."""

    stack: Stack
    overrides: dict[str, str]

    @property
    def rasa_url(self) -> str:
        return self.stack.rasa_url

    @property
    def review_url(self) -> str:
        return self.stack.review_url

    @property
    def public_base_url(self) -> str:
        return self.overrides["PUBLIC_BASE_URL"]

    @property
    def twilio_auth_token(self) -> str:
        return self.overrides["TWILIO_AUTH_TOKEN"]

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, **self.stack.env}

    def export(self) -> list[dict[str, Any]]:
        """Every incident, through the real `stalkbot export --format jsonl`."""
        out = subprocess.run(
            [str(PROJECT_ROOT / ".venv" / "bin" / "stalkbot"), "export", "--format", "jsonl"],
            capture_output=True,
            text=True,
            env=self.env,
            check=True,
            timeout=120,
        )
        return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]

    def incidents_of(self, conversation_id: str) -> list[dict[str, Any]]:
        return [i for i in self.export() if i.get("conversation_id") == conversation_id]

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One REST turn; the assistant's replies."""
        response = requests.post(
            f"{self.rasa_url}/webhooks/rest/webhook", json={"sender": sender, "message": text}, timeout=60
        )
        response.raise_for_status()
        return response.json()

    def conversation(self) -> Conversation:
        return Conversation(self, f"test-{uuid.uuid4().hex[:12]}")


@dataclass
class Conversation:
    """A REST conversation with a fresh sender id."""

    stack: RunningStack
    sender: str

    def say(self, text: str) -> str:
        return "\n".join(str(r.get("text") or "") for r in self.stack.say(self.sender, text))

    def incidents(self) -> list[dict[str, Any]]:
        return self.stack.incidents_of(self.sender)


def start_stack(workdir: Path, **kwargs: Any) -> RunningStack:
    overrides = test_overrides(workdir, **kwargs)
    stack = Stack(overrides=overrides, log_dir=workdir / "logs")
    try:
        stack.start()
    except RuntimeError:
        stack.stop()
        for log in sorted((workdir / "logs").glob("*.log")):
            print(f"---- {log.name}\n{log.read_text(errors='replace')[-4000:]}")
        raise
    return RunningStack(stack, overrides)
