"""Shared fixtures (integration and browser tests): the real stack on SQLite (`stack`) and on PostgreSQL + Redis (`pg_stack`)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from tests.integration.stack_fixture import RunningStack, start_stack

POSTGRES = "postgresql+psycopg2://postgres@127.0.0.1:5432"


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    running = start_stack(tmp_path_factory.mktemp("stack-sqlite"))
    yield running
    running.stack.stop()


@pytest.fixture(scope="session")
def pg_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningStack]:
    """The production shape: records and tracker in throwaway PostgreSQL databases, locks in Redis."""
    suffix = uuid.uuid4().hex[:8]
    names = [f"stalkbot_test_{suffix}", f"stalkbot_tracker_test_{suffix}"]
    admin = create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # name made here, not user input
    running = start_stack(
        tmp_path_factory.mktemp("stack-postgres"),
        database_url=f"{POSTGRES}/{names[0]}",
        tracker_url=f"postgresql://postgres@127.0.0.1:5432/{names[1]}",
        lock_url="redis://127.0.0.1:6379/3",
    )
    yield running
    running.stack.stop()
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()
