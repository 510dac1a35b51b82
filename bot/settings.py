"""Every setting of the project, read once from the environment and `.env`.

Nothing else in the project reads `os.environ`. Both Python environments import this
module (the Rasa side for channels and stores, the app side for actions, records and the
review site), so it depends only on the standard library and python-dotenv.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from dotenv import dotenv_values

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class SettingsError(ValueError):
    """A setting is missing or malformed; the message names it."""


def _flag(raw: str) -> bool:
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise SettingsError(f"expected true/false, got {raw!r}")


def _int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number, got {raw!r}") from None


def _sqlite_default(filename: str) -> str:
    return f"sqlite:///{PROJECT_ROOT / 'var' / filename}"


@dataclass(frozen=True)
class Settings:
    """The project's configuration. Build it with `get_settings()`."""

    # Where things run (all loopback by default; see README "Interfaces").
    rasa_port: int = 5005
    actions_port: int = 5055
    review_port: int = 8000
    bind_host: str = "127.0.0.1"
    action_endpoint_url: str = "http://127.0.0.1:5055/webhook"

    # Stores. SQLite under var/ by default; PostgreSQL / Redis by URL.
    database_url: str = field(default_factory=lambda: _sqlite_default("stalkbot.db"))
    tracker_store_url: str = field(default_factory=lambda: _sqlite_default("tracker.db"))
    lock_store_url: str = ""  # empty: Rasa's in-memory lock store (one replica only)

    # Secrets (generated into .env on first run by scripts/make_env.py).
    field_encryption_keys: tuple[str, ...] = ()  # Fernet keys, newest first
    lookup_hash_key: str = ""  # HMAC key for equality lookups and SMS sender ids
    review_secret_key: str = ""  # Flask session signing
    webchat_secret: str = ""  # signs web chat session ids

    # Twilio channels.
    twilio_auth_token: str = ""
    public_base_url: str = ""  # e.g. https://report.example.org (what Twilio calls)
    trust_proxy: bool = False  # honour X-Forwarded-Proto/Host from one proxy hop
    staffed_line_number: str = ""  # optional: voice transfers here when open

    # Conversation and safety.
    max_message_chars: int = 2000
    live_monitoring: bool = False  # are chats read live by a person?
    channel_turn_timeout_seconds: float = 8.0  # well under Twilio's 15 s
    webchat_session_minutes: int = 60
    quick_exit_url: str = "https://www.bbc.co.uk/weather"  # the neutral page quick exit opens

    # Review site and data protection.
    review_idle_minutes: int = 15
    review_cookie_secure: bool = False  # true behind HTTPS: Secure __Host- cookie and HSTS
    retention_days: int = 365
    log_level: str = "INFO"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


_FIELDS = {
    "RASA_PORT": ("rasa_port", int),
    "ACTIONS_PORT": ("actions_port", int),
    "REVIEW_PORT": ("review_port", int),
    "BIND_HOST": ("bind_host", str),
    "ACTION_ENDPOINT_URL": ("action_endpoint_url", str),
    "DATABASE_URL": ("database_url", str),
    "TRACKER_STORE_URL": ("tracker_store_url", str),
    "LOCK_STORE_URL": ("lock_store_url", str),
    "FIELD_ENCRYPTION_KEYS": ("field_encryption_keys", tuple),
    "LOOKUP_HASH_KEY": ("lookup_hash_key", str),
    "REVIEW_SECRET_KEY": ("review_secret_key", str),
    "WEBCHAT_SECRET": ("webchat_secret", str),
    "TWILIO_AUTH_TOKEN": ("twilio_auth_token", str),
    "PUBLIC_BASE_URL": ("public_base_url", str),
    "TRUST_PROXY": ("trust_proxy", bool),
    "STAFFED_LINE_NUMBER": ("staffed_line_number", str),
    "MAX_MESSAGE_CHARS": ("max_message_chars", int),
    "LIVE_MONITORING": ("live_monitoring", bool),
    "CHANNEL_TURN_TIMEOUT_SECONDS": ("channel_turn_timeout_seconds", float),
    "WEBCHAT_SESSION_MINUTES": ("webchat_session_minutes", int),
    "QUICK_EXIT_URL": ("quick_exit_url", str),
    "REVIEW_IDLE_MINUTES": ("review_idle_minutes", int),
    "REVIEW_COOKIE_SECURE": ("review_cookie_secure", bool),
    "RETENTION_DAYS": ("retention_days", int),
    "LOG_LEVEL": ("log_level", str),
}


def settings_from(values: dict[str, str]) -> Settings:
    """Build settings from a name→text mapping (the environment, or a test's dict)."""
    kwargs: dict[str, object] = {}
    for env_name, (attr, kind) in _FIELDS.items():
        raw = values.get(env_name)
        if raw is None or raw == "":
            continue
        if kind is int:
            kwargs[attr] = _int(env_name, raw)
        elif kind is float:
            try:
                kwargs[attr] = float(raw)
            except ValueError:
                raise SettingsError(f"{env_name} must be a number, got {raw!r}") from None
        elif kind is bool:
            try:
                kwargs[attr] = _flag(raw)
            except SettingsError as err:
                raise SettingsError(f"{env_name}: {err}") from None
        elif kind is tuple:
            kwargs[attr] = tuple(part.strip() for part in raw.split(",") if part.strip())
        else:
            kwargs[attr] = raw.strip()
    return Settings(**kwargs)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings: `.env` at the project root, overridden by the real environment."""
    env_file = Path(os.environ.get("STALKBOT_ENV_FILE", PROJECT_ROOT / ".env"))
    values = {k: v for k, v in dotenv_values(env_file).items() if v is not None} if env_file.exists() else {}
    values.update(os.environ)
    return settings_from(values)
