"""`stalkbot handlers ...`: accounts are made on the server, passwords prompted for, never defaulted."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pyotp
import pytest

from bot.cli import main
from bot.crypto import new_key
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.review import accounts
from bot.settings import Settings, settings_from

GOOD = "a long enough passphrase"


@pytest.fixture
def settings(tmp_path: Path) -> Iterator[Settings]:
    yield settings_from(
        {
            "DATABASE_URL": f"sqlite:///{tmp_path / 'records.db'}",
            "FIELD_ENCRYPTION_KEYS": new_key(),
            "REVIEW_SECRET_KEY": secrets.token_hex(32),
        }
    )


def _answers(monkeypatch: pytest.MonkeyPatch, *typed: str) -> None:
    replies = iter(typed)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(replies))


def _accounts(settings: Settings) -> dict[str, accounts.HandlerAccount]:
    factory = make_session_factory(settings)
    create_schema(engine_of(factory))  # a refused first command may not have made the tables
    try:
        return {a.username: a for a in accounts.list_handlers(factory)}
    finally:
        engine_of(factory).dispose()


def test_add_creates_a_handler_with_the_prompted_password(settings: Settings, monkeypatch, capsys) -> None:
    _answers(monkeypatch, GOOD, GOOD)
    assert main(["handlers", "add", "alice", "--role", "handler"], settings=settings) == 0
    made = _accounts(settings)["alice"]
    assert (made.role, made.has_totp, made.active) == ("handler", False, True)
    assert GOOD not in capsys.readouterr().out


@pytest.mark.parametrize(
    ("first", "second"),
    [("short pass", "short pass"), (GOOD, GOOD + "x"), (" " * 12, " " * 12)],
    ids=["too short", "different", "only spaces"],
)
def test_add_refuses_a_bad_password(settings: Settings, monkeypatch, capsys, first: str, second: str) -> None:
    _answers(monkeypatch, first, second)
    assert main(["handlers", "add", "alice", "--role", "handler"], settings=settings) == 1
    assert "alice" not in _accounts(settings)
    assert capsys.readouterr().err.startswith("stalkbot handlers:")


def test_supervisor_always_gets_a_one_time_code_shown_once(settings: Settings, monkeypatch, capsys) -> None:
    _answers(monkeypatch, GOOD, GOOD)
    assert main(["handlers", "add", "sam", "--role", "supervisor"], settings=settings) == 0
    uri = next(line for line in capsys.readouterr().out.splitlines() if line.startswith("otpauth://"))
    assert pyotp.parse_uri(uri).now().isdigit()
    assert _accounts(settings)["sam"].has_totp
    assert main(["handlers", "list"], settings=settings) == 0
    assert "otpauth://" not in capsys.readouterr().out


def test_handler_may_choose_a_one_time_code(settings: Settings, monkeypatch, capsys) -> None:
    _answers(monkeypatch, GOOD, GOOD)
    assert main(["handlers", "add", "alice", "--role", "handler", "--totp"], settings=settings) == 0
    assert "otpauth://" in capsys.readouterr().out


def test_duplicate_username_is_refused(settings: Settings, monkeypatch) -> None:
    _answers(monkeypatch, GOOD, GOOD, GOOD, GOOD)
    assert main(["handlers", "add", "alice", "--role", "handler"], settings=settings) == 0
    assert main(["handlers", "add", "alice", "--role", "supervisor"], settings=settings) == 1
    assert _accounts(settings)["alice"].role == "handler"


def test_list_disable_and_signout(settings: Settings, monkeypatch, capsys) -> None:
    _answers(monkeypatch, GOOD, GOOD)
    main(["handlers", "add", "alice", "--role", "handler"], settings=settings)
    before = _accounts(settings)["alice"].session_version
    assert main(["handlers", "signout", "alice"], settings=settings) == 0
    assert _accounts(settings)["alice"].session_version == before + 1
    assert main(["handlers", "disable", "alice"], settings=settings) == 0
    assert not _accounts(settings)["alice"].active
    capsys.readouterr()
    main(["handlers", "list"], settings=settings)
    assert "alice\thandler\tpassword only\tdisabled" in capsys.readouterr().out
    assert main(["handlers", "disable", "nobody"], settings=settings) == 1
