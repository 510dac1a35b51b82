"""The lock store chosen by `LOCK_STORE_URL`: in memory (one replica) or Redis (many).

Rasa instantiates a custom lock store as `cls(endpoint_config=...)`; `UrlLockStore`
returns the stock store the URL asks for, so Rasa's own, tested locking code runs.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from rasa.core.lock_store import InMemoryLockStore, LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.settings import get_settings


def lock_store_for(url: str) -> LockStore:
    """The lock store for a URL: empty or `memory://` → in memory; `redis://host:port/db` → Redis."""
    if not url or url.startswith("memory"):
        return InMemoryLockStore()
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError("LOCK_STORE_URL must be empty, memory:// or redis://host:port/db")
    db = int(parts.path.lstrip("/") or 0)
    return RedisLockStore(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 6379,
        db=db,
        username=parts.username,
        password=parts.password,
        use_ssl=parts.scheme == "rediss",
        key_prefix="stalkbot",
    )


class UrlLockStore(LockStore):
    """Endpoint type `bot.stores.lock.UrlLockStore`; builds the store from settings."""

    def __new__(cls, endpoint_config: EndpointConfig | None = None) -> LockStore:  # type: ignore[misc]
        url = (endpoint_config.url if endpoint_config else None) or get_settings().lock_store_url
        return lock_store_for(url)
