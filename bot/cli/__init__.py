"""The `stalkbot` command line: records (export, purge, erase, keys, init-db) and handler accounts.

Sub-command modules plug in by exposing `register(subparsers)`, which adds parsers and sets
`func` on each: `parser.set_defaults(func=run)` where `run(args) -> int | None` (None = 0).
`args.settings` is the Settings to use (None: the command calls `get_settings()`).

Failures are one line on stderr and a non-zero exit, never a traceback (pass `--debug` to
see one). Database errors are reported by type only: their text can quote stored values.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from sqlalchemy.exc import SQLAlchemyError

from bot.crypto import CryptoError
from bot.records.errors import RecordsError
from bot.settings import Settings, SettingsError

COMMAND_MODULES = ("bot.cli.records_cmds", "bot.cli.handlers_cmds")
EXIT_FAILURE = 1
EXIT_INTERRUPTED = 130


def _command_modules() -> list[ModuleType]:
    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ImportError as err:
            if err.name != name:  # the module exists but cannot load: say so, keep the other commands
                print(f"stalkbot: {name} not loaded ({type(err).__name__})", file=sys.stderr)
    return modules


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every available sub-command registered."""
    parser = argparse.ArgumentParser(prog="stalkbot", description="Manage the stalking-report assistant.")
    parser.add_argument("--debug", action="store_true", help="show a traceback when a command fails")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in _command_modules():
        module.register(subparsers)
    return parser


def _fail(command: str, message: str) -> int:
    print(f"stalkbot {command}: {message}", file=sys.stderr)
    return EXIT_FAILURE


def main(argv: Sequence[str] | None = None, *, settings: Settings | None = None) -> int:
    """Run one `stalkbot` command; returns the exit code (the console script exits with it)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.settings = settings
    command = args.command
    try:
        result = args.func(args)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `stalkbot export | head`: the reader left. Point stdout at nothing so Python's
        # final flush does not print a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except (RecordsError, CryptoError, SettingsError) as err:
        if args.debug:
            raise
        return _fail(command, str(err))
    except SQLAlchemyError as err:
        if args.debug:
            raise
        return _fail(
            command, f"database error ({type(err).__name__}); check DATABASE_URL / TRACKER_STORE_URL"
        )
    except OSError as err:
        if args.debug:
            raise
        where = f": {err.filename}" if err.filename else ""
        return _fail(command, f"{err.strerror or type(err).__name__}{where}")
    except Exception as err:
        if args.debug:
            raise
        return _fail(command, f"failed ({type(err).__name__}); run with --debug for details")
    return int(result or 0)
