"""Fixtures: every records test runs on SQLite (tmp_path) and on a throwaway PostgreSQL database."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from records_helpers import RASA_METADATA
from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import FieldCipher, new_key
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.records.models import Base

PG_ADMIN_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/postgres"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL database made for this test session and dropped after it."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"stalkbot_records_test_{secrets.token_hex(6)}"
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'CREATE DATABASE "{name}"')
    except Exception as err:  # pragma: no cover - only when the server is missing
        admin.dispose()
        pytest.skip(f"PostgreSQL not available ({type(err).__name__})")
    yield f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Any) -> str:
    """An empty database URL: a SQLite file, or the session's PostgreSQL database wiped clean."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'var' / 'records.db'}"
    url = request.getfixturevalue("postgres_url")
    engine = create_engine(url)
    Base.metadata.drop_all(engine)
    RASA_METADATA.drop_all(engine)
    engine.dispose()
    return url


@pytest.fixture
def tracker_url(db_url: str, tmp_path: Any) -> str:
    """Where the Rasa tracker store lives: its own SQLite file, or the same PostgreSQL database."""
    return f"sqlite:///{tmp_path / 'tracker.db'}" if db_url.startswith("sqlite") else db_url


@pytest.fixture
def key() -> str:
    return new_key()


@pytest.fixture
def cipher(key: str) -> FieldCipher:
    return FieldCipher([key])


@pytest.fixture
def sf(db_url: str, cipher: FieldCipher) -> Iterator[sessionmaker[Session]]:
    """A session factory on a fresh records schema, encrypting with `cipher`."""
    factory = make_session_factory(db_url, cipher=cipher)
    create_schema(engine_of(factory))
    yield factory
    engine_of(factory).dispose()


@pytest.fixture
def tracker(tracker_url: str) -> Iterator[Engine]:
    """The tracker store with Rasa's `events` table created, as `rasa run` would."""
    engine = create_engine(tracker_url)
    RASA_METADATA.create_all(engine)
    yield engine
    engine.dispose()
