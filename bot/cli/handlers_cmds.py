"""`stalkbot handlers ...`: make and manage call-handler accounts for the review site.

There are no default accounts: the first supervisor is made here, on the server.
Passwords are prompted for (never taken as arguments, which shells keep in history).
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from bot.records.db import create_schema, engine_of, make_session_factory
from bot.records.vocabulary import HANDLER_ROLES
from bot.review import accounts
from bot.review.one_time_codes import provisioning_uri
from bot.review.passwords import MIN_PASSWORD_LENGTH
from bot.settings import get_settings

ACTOR = "cli"


def _factory(args: argparse.Namespace) -> sessionmaker[Session]:
    settings = args.settings if getattr(args, "settings", None) is not None else get_settings()
    factory = make_session_factory(settings)
    create_schema(engine_of(factory))  # idempotent: the first account may come before anything else
    return factory


def _fail(message: str) -> int:
    print(f"stalkbot handlers: {message}", file=sys.stderr)
    return 1


def _ask_password() -> str | None:
    first = getpass.getpass(f"Password for the new account (at least {MIN_PASSWORD_LENGTH} characters): ")
    second = getpass.getpass("The same password again: ")
    return first if first == second else None


def run_add(args: argparse.Namespace) -> int:
    """Create an account; supervisors (and anyone with --totp) get a one-time-code secret, shown once."""
    password = _ask_password()
    if password is None:
        return _fail("the two passwords were different; nothing was created")
    try:
        account, secret = accounts.create_handler(
            _factory(args), args.name, password, role=args.role, with_totp=args.totp, actor=ACTOR
        )
    except accounts.AccountError as err:
        return _fail(str(err))
    print(f"Created {account.role} account {account.username}.")
    if secret:
        print(
            "Add this to the person's authenticator app now. It is shown only once; do not store or send it:"
        )
        print(provisioning_uri(secret, account.username))
    return 0


def run_list(args: argparse.Namespace) -> int:
    """Print every account: username, role, second factor, state."""
    for account in accounts.list_handlers(_factory(args)):
        state = "active" if account.active else "disabled"
        if account.active and account.locked_until is not None:
            state = f"locked until {account.locked_until.isoformat(timespec='minutes')}"
        second = "one-time code" if account.has_totp else "password only"
        print(f"{account.username}\t{account.role}\t{second}\t{state}")
    return 0


def _change(args: argparse.Namespace, change: Any, done: str) -> int:
    try:
        change(_factory(args), args.name, actor=ACTOR)
    except accounts.AccountError as err:
        return _fail(str(err))
    print(done.format(args.name))
    return 0


def run_disable(args: argparse.Namespace) -> int:
    """Stop an account signing in and end its sessions."""
    return _change(args, accounts.disable_handler, "{} can no longer sign in; their sessions have ended.")


def run_signout(args: argparse.Namespace) -> int:
    """End every session of an account."""
    return _change(args, accounts.sign_out_everywhere, "{} has been signed out everywhere.")


def run_unlock(args: argparse.Namespace) -> int:
    """Lift a sign-in lockout."""
    return _change(args, accounts.unlock_handler, "{} can sign in again.")


def register(subparsers: Any) -> None:
    """Add `handlers add|list|disable|signout|unlock` to the `stalkbot` command line."""
    handlers = subparsers.add_parser("handlers", help="manage call-handler accounts for the review site")
    commands = handlers.add_subparsers(dest="handlers_command", metavar="ACTION")
    commands.required = True

    add = commands.add_parser("add", help="create an account (prompts for the password)")
    add.add_argument("name", help="the username")
    add.add_argument("--role", choices=HANDLER_ROLES, required=True)
    add.add_argument(
        "--totp", action="store_true", help="add a one-time-code second factor (always for supervisors)"
    )
    add.set_defaults(func=run_add)

    commands.add_parser("list", help="list accounts").set_defaults(func=run_list)
    for name, run, text in (
        ("disable", run_disable, "stop an account signing in"),
        ("signout", run_signout, "sign an account out everywhere"),
        ("unlock", run_unlock, "lift a sign-in lockout"),
    ):
        command = commands.add_parser(name, help=text)
        command.add_argument("name", help="the username")
        command.set_defaults(func=run)
