"""Engines, the one session factory, and the schema (with the audit log's append-only triggers).

Nothing here runs at import time: callers make a factory from settings and pass it around.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.crypto import FieldCipher, cipher_from_settings
from bot.records.models import Base
from bot.records.types import attach_cipher
from bot.settings import Settings

SQLITE_BUSY_TIMEOUT_MS = 15_000

_SQLITE_TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END""",
)

_POSTGRES_TRIGGERS = (
    """CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
    BEGIN RAISE EXCEPTION 'audit_events is append-only'; END;
    $$ LANGUAGE plpgsql""",
    "DROP TRIGGER IF EXISTS audit_events_no_change ON audit_events",
    """CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()""",
    "DROP TRIGGER IF EXISTS audit_events_no_truncate ON audit_events",
    """CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()""",
)


def _prepare_sqlite_file(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:" and not database.startswith("file:"):
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin (see _on_begin).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")  # readers (review site) never block writers
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # IMMEDIATE takes the write lock up front, so read-then-write units of work
        # (the idempotent upsert) cannot interleave; a second writer waits busy_timeout.
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, cipher: FieldCipher | None = None) -> Engine:
    """An engine for the records database; `cipher` encrypts its personal columns.

    SQLite gets WAL, foreign keys and a busy timeout, and its folder (e.g. `var/`) is made.
    Without a cipher, plain columns work and touching an encrypted one raises MissingKeyError.
    """
    if url.startswith("sqlite"):
        _prepare_sqlite_file(url)
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    attach_cipher(engine.dialect, cipher)
    return engine


def make_session_factory(
    url_or_settings: str | Settings, *, cipher: FieldCipher | None = None
) -> sessionmaker[Session]:
    """The session factory for the records database (use `with factory.begin() as session:`).

    Given settings, the URL and the cipher come from them (no key configured: no cipher, and
    only reads of encrypted columns fail). Given a URL, pass the cipher explicitly.
    """
    if isinstance(url_or_settings, Settings):
        url = url_or_settings.database_url
        if cipher is None and url_or_settings.field_encryption_keys:
            cipher = cipher_from_settings(url_or_settings)
    else:
        url = url_or_settings
    # expire_on_commit=False: values read inside a unit of work stay readable after it.
    return sessionmaker(bind=make_engine(url, cipher=cipher), expire_on_commit=False)


def engine_of(session_factory: sessionmaker[Session]) -> Engine:
    """The engine a session factory is bound to."""
    bind = session_factory.kw["bind"]
    assert isinstance(bind, Engine)
    return bind


def create_schema(engine: Engine) -> None:
    """Create every table and the audit log's append-only triggers; safe to run again."""
    Base.metadata.create_all(engine)
    statements = _SQLITE_TRIGGERS if engine.dialect.name == "sqlite" else _POSTGRES_TRIGGERS
    with engine.begin() as connection:
        for statement in statements:
            connection.exec_driver_sql(statement)


def has_schema(engine: Engine) -> bool:
    """True when the incidents table exists (so reads on a brand-new database can return nothing)."""
    return inspect(engine).has_table("incidents")
