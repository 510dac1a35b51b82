"""Fixtures for the review site's tests: a fresh records database (SQLite or a throwaway
PostgreSQL database), a tracker store with an `events` table, the app with a clock the
test moves, accounts, incidents and signed-in test clients."""

from __future__ import annotations

import json
import re
import secrets
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import psycopg2
import pyotp
import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, create_engine
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import new_key
from bot.records import store
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.review import accounts
from bot.review.app import create_app
from bot.settings import Settings, settings_from

PASSWORD = "correct horse battery"
PG_ADMIN = {"host": "127.0.0.1", "port": 5432, "user": "postgres", "dbname": "postgres"}
START = datetime(2025, 11, 29, 12, 0, tzinfo=timezone.utc)


class FakeClock:
    """The site's clock, moved by the test (never the wall clock)."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


def _postgres_available() -> bool:
    try:
        psycopg2.connect(connect_timeout=3, **PG_ADMIN).close()
    except psycopg2.OperationalError:
        return False
    return True


def _admin_execute(statement: str) -> None:
    connection = psycopg2.connect(**PG_ADMIN)
    connection.autocommit = True  # CREATE / DROP DATABASE cannot run in a transaction
    try:
        with connection.cursor() as cursor:
            cursor.execute(statement)
    finally:
        connection.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    """A brand-new empty database: a SQLite file, or a throwaway PostgreSQL database dropped afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'records.db'}"
        return
    if not _postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432")
    name = f"review_test_{secrets.token_hex(6)}"
    _admin_execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    finally:
        _admin_execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def make_tracker_table(url: str) -> None:
    """Rasa's SQL tracker store `events` table, as Rasa 3.6 creates it."""
    engine = create_engine(url)
    metadata = MetaData()
    Table(
        "events",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("sender_id", String(255), nullable=False, index=True),
        Column("type_name", String(255), nullable=False),
        Column("timestamp", Float),
        Column("intent_name", String(255)),
        Column("action_name", String(255)),
        Column("data", Text),
    )
    metadata.create_all(engine)
    engine.dispose()


def add_tracker_events(url: str, sender_id: str, turns: list[tuple[str, str]], start: float) -> None:
    """Add user/bot events (plain JSON, as the stock tracker store writes them) to the tracker store."""
    engine = create_engine(url)
    with engine.begin() as connection:
        for offset, (speaker, text) in enumerate(turns):
            stamp = start + offset
            data = json.dumps({"event": speaker, "timestamp": stamp, "text": text})
            connection.exec_driver_sql(
                "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (%s, %s, %s, %s)"
                if url.startswith("postgresql")
                else "INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, ?, ?, ?)",
                (sender_id, speaker, stamp, data),
            )
    engine.dispose()


@dataclass
class Site:
    """Everything a test needs: the app, its database, its clock and helpers."""

    app: Flask
    db: sessionmaker[Session]
    clock: FakeClock
    settings: Settings
    secrets_by_user: dict[str, str | None] = field(default_factory=dict)

    def add_handler(self, name: str, role: str = "handler", *, totp: bool = False) -> accounts.HandlerAccount:
        account, secret = accounts.create_handler(
            self.db, name, PASSWORD, role=role, with_totp=totp, actor="test"
        )
        self.secrets_by_user[name] = secret
        return account

    def code_for(self, name: str, *, steps_ahead: int = 0) -> str:
        secret = self.secrets_by_user[name]
        assert secret, f"{name} has no one-time-code secret"
        return pyotp.TOTP(secret).at(self.clock() + timedelta(seconds=30 * steps_ahead))

    def client(self) -> FlaskClient:
        return self.app.test_client()

    def sign_in(self, name: str, password: str = PASSWORD, code: str | None = None) -> FlaskClient:
        client = self.client()
        response = post_form(
            client, "/sign-in", self.sign_in_data(name, password, code), token_page="/sign-in"
        )
        assert response.status_code == 302 and "/sign-in" not in response.headers["Location"], (
            "sign-in failed"
        )
        return client

    def sign_in_data(self, name: str, password: str = PASSWORD, code: str | None = None) -> dict[str, str]:
        if code is None and self.secrets_by_user.get(name):
            code = self.code_for(name)
        return {"username": name, "password": password, "code": code or ""}

    def audit_actions(self, reference: str | None = None) -> list[str]:
        return [entry.action for entry in store.list_audit(self.db, reference=reference, limit=1000)]


CSRF_PATTERN = re.compile(
    r'name="csrf_token" type="hidden" value="([^"]+)"|name="csrf_token" value="([^"]+)"'
)


def csrf_token_from(html: str) -> str:
    """The CSRF token of the first form on a page."""
    match = CSRF_PATTERN.search(html)
    assert match, "no CSRF token on the page"
    return match.group(1) or match.group(2)


def post_form(client: FlaskClient, url: str, data: dict[str, str], *, token_page: str = "/queue"):  # noqa: S107
    """POST a form the way a browser would: with the CSRF token from a page of this session."""
    page = client.get(token_page)
    assert page.status_code == 200, f"cannot read a CSRF token from {token_page}"
    return client.post(url, data={**data, "csrf_token": csrf_token_from(page.get_data(as_text=True))})


@pytest.fixture
def site(database_url: str) -> Iterator[Site]:
    """The review site on a fresh database, with an `events` table in the same database."""
    settings = settings_from(
        {
            "DATABASE_URL": database_url,
            "TRACKER_STORE_URL": database_url,
            "FIELD_ENCRYPTION_KEYS": new_key(),
            "LOOKUP_HASH_KEY": secrets.token_hex(16),
            "REVIEW_SECRET_KEY": secrets.token_hex(32),
            "REVIEW_IDLE_MINUTES": "15",
        }
    )
    db = make_session_factory(settings)
    create_schema(engine_of(db))
    make_tracker_table(database_url)
    app = create_app(settings, db)
    app.config["TESTING"] = True
    clock = FakeClock(START)
    app.extensions["review_clock"] = clock
    yield Site(app=app, db=db, clock=clock, settings=settings)
    engine_of(db).dispose()


def make_emergency(
    site: Site, conversation_id: str = "conv-emergency", words: str = "hes at the door now"
) -> str:
    """An emergency incident (as the action server records one); returns its reference."""
    saved = store.record_emergency(
        site.db,
        conversation_id=conversation_id,
        session_key="s1",
        channel="webchat",
        signals=[("suspect_present", words)],
        transcript=[{"speaker": "user", "text": words, "at": START.isoformat()}],
    )
    return saved.reference


def make_report(
    site: Site, conversation_id: str = "conv-report", *, risk: str = "standard", narrative: str = ""
) -> str:
    """A full report (as saved at the end of the form); returns its reference."""
    saved = store.save_report(
        site.db,
        conversation_id=conversation_id,
        session_key="s1",
        channel="sms",
        risk_level=risk,
        risk_reasons=["ex_partner"] if risk == "high" else [],
        fields={
            "narrative": {"value": narrative or "He keeps sending messages.", "source": "said"},
            "suspect_name": {"value": "Sam Example", "source": "said"},
            "how_often": {"value": "daily", "source": "inferred"},
        },
        reporter="self",
        suspect_relationship="ex-partner",
        nation="england",
        behaviours=["contacting"],
        advice_given=["stalking_helpline", "police_non_emergency"],
        consent_keep=True,
        consent_share_police=True,
        consent_contact=False,
        transcript=[
            {"speaker": "user", "text": narrative or "He keeps sending messages.", "at": START.isoformat()}
        ],
    )
    return saved.reference


@pytest.fixture(autouse=True)
def _quick_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cheap argon2id parameters in tests only: the behaviour is the same, each hash takes 1 ms not 50."""
    from argon2 import PasswordHasher

    import bot.review.passwords as passwords

    monkeypatch.setattr(passwords, "_HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
