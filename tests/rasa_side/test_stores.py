"""Tracker events are encrypted at rest; the lock store follows LOCK_STORE_URL."""

from __future__ import annotations

import base64
import secrets

import pytest
import sqlalchemy as sa
from rasa.core.lock_store import InMemoryLockStore, RedisLockStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SessionStarted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.settings import get_settings
from bot.stores.lock import lock_store_for
from bot.stores.tracker import EncryptedSQLTrackerStore


@pytest.fixture()
def store(tmp_path, monkeypatch):
    monkeypatch.setenv("STALKBOT_ENV_FILE", str(tmp_path / "none.env"))
    monkeypatch.setenv("FIELD_ENCRYPTION_KEYS", base64.urlsafe_b64encode(secrets.token_bytes(32)).decode())
    get_settings.cache_clear()
    url = f"sqlite:///{tmp_path / 'tracker.db'}"
    yield EncryptedSQLTrackerStore(domain=Domain.empty(), host=url), url
    get_settings.cache_clear()


@pytest.mark.asyncio
async def test_messages_are_stored_encrypted_and_read_back(store):
    tracker_store, url = store
    tracker = DialogueStateTracker.from_events(
        "conv-1",
        [SessionStarted(), ActionExecuted("action_listen"), UserUttered("my ex Dave follows me")],
    )
    await tracker_store.save(tracker)
    with sa.create_engine(url).connect() as conn:
        rows = [row[0] for row in conn.execute(sa.text("SELECT data FROM events"))]
    assert rows and all(row.startswith("enc1:") for row in rows)
    assert not any("Dave" in row for row in rows)
    again = await tracker_store.retrieve("conv-1")
    assert again.latest_message.text == "my ex Dave follows me"


@pytest.mark.asyncio
async def test_only_new_events_are_appended(store):
    tracker_store, url = store
    tracker = DialogueStateTracker.from_events("conv-2", [SessionStarted(), UserUttered("one")])
    await tracker_store.save(tracker)
    tracker.update(UserUttered("two"))
    await tracker_store.save(tracker)
    with sa.create_engine(url).connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM events")).scalar() == 3


def test_no_lock_store_url_means_in_memory():
    assert isinstance(lock_store_for(""), InMemoryLockStore)


def test_a_redis_url_means_redis_and_it_locks():
    store = lock_store_for("redis://127.0.0.1:6379/4")
    assert isinstance(store, RedisLockStore)
    lock = store.create_lock("conv-lock-test")
    store.save_lock(lock)
    assert store.get_lock("conv-lock-test") is not None
    store.delete_lock("conv-lock-test")


def test_an_unknown_lock_store_scheme_is_refused():
    with pytest.raises(ValueError, match="LOCK_STORE_URL"):
        lock_store_for("mongodb://127.0.0.1")
