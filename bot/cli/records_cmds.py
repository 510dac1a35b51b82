"""Records sub-commands: init-db, export, purge, erase, keys new, keys rotate. Audited as actor `cli`."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from bot.crypto import cipher_from_settings, new_key
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.records.export import FORMATS, export_incidents
from bot.records.keys import rotate_keys
from bot.records.reference import normalise_reference
from bot.records.retention import erase, purge_older_than
from bot.settings import Settings, get_settings

ACTOR = "cli"


def _settings(args: argparse.Namespace) -> Settings:
    return args.settings if getattr(args, "settings", None) is not None else get_settings()


def _factory(settings: Settings, *, schema: bool) -> Any:
    factory = make_session_factory(settings)
    if schema:
        create_schema(engine_of(factory))
    return factory


def run_init_db(args: argparse.Namespace) -> int:
    """Create the records tables and the audit log's triggers (safe to repeat)."""
    _factory(_settings(args), schema=True)
    print("Records database ready.")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Print (or write to --output) every incident as JSON Lines or CSV."""
    factory = _factory(_settings(args), schema=False)
    if args.output is None:
        export_incidents(factory, args.format, sys.stdout, actor=ACTOR)
        sys.stdout.flush()
        return 0
    # Owner-only permissions: the file holds decrypted personal data.
    descriptor = os.open(args.output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with open(descriptor, "w", encoding="utf-8", newline="") as out:
        count = export_incidents(factory, args.format, out, actor=ACTOR)
    print(f"Exported {count} incident(s).", file=sys.stderr)
    return 0


def run_purge(args: argparse.Namespace) -> int:
    """Delete records and conversations older than the retention period (or show what would go)."""
    settings = _settings(args)
    days = args.days if args.days is not None else settings.retention_days
    counts = purge_older_than(
        _factory(settings, schema=True),
        days,
        tracker_store_url=settings.tracker_store_url,
        actor=ACTOR,
        dry_run=args.dry_run,
    )
    verb = "Would delete" if args.dry_run else "Deleted"
    print(
        f"{verb} {counts.incidents} incident(s), {counts.notes} note(s), "
        f"{counts.tracker_events} tracker event(s) in {counts.tracker_conversations} conversation(s); "
        f"{counts.erasure_requests} erasure request(s) (retention {days} days)."
    )
    return 0


def run_erase(args: argparse.Namespace) -> int:
    """Erase one incident, its notes and its conversation, on the person's request."""
    settings = _settings(args)
    counts = erase(
        _factory(settings, schema=True),
        args.reference,
        tracker_store_url=settings.tracker_store_url,
        actor=ACTOR,
    )
    print(
        f"Erased {normalise_reference(args.reference)}, {counts.notes} note(s) and "
        f"{counts.tracker_events} tracker event(s) of its conversation."
    )
    return 0


def run_keys_new(args: argparse.Namespace) -> int:
    """Print a fresh field encryption key."""
    print(new_key())
    print(
        "Put it first in FIELD_ENCRYPTION_KEYS (old keys after it), then run `stalkbot keys rotate`.",
        file=sys.stderr,
    )
    return 0


def run_keys_rotate(args: argparse.Namespace) -> int:
    """Re-encrypt every stored encrypted value with the first key in FIELD_ENCRYPTION_KEYS."""
    settings = _settings(args)
    cipher = cipher_from_settings(settings)  # fails clearly when no key is configured
    counts = rotate_keys(
        _factory(settings, schema=True),
        tracker_store_url=settings.tracker_store_url,
        actor=ACTOR,
        cipher=cipher,
    )
    print(
        f"Re-encrypted {counts.record_values} record value(s) and {counts.tracker_events} tracker event(s) "
        "with the newest key. Old keys can now be removed from FIELD_ENCRYPTION_KEYS."
    )
    return 0


def register(subparsers: Any) -> None:
    """Add the records sub-commands to the `stalkbot` parser."""
    init_db = subparsers.add_parser("init-db", help="create the records database tables")
    init_db.set_defaults(func=run_init_db)

    export = subparsers.add_parser("export", help="export every incident (JSON Lines or CSV)")
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("--output", metavar="FILE", help="write here (mode 600) instead of standard output")
    export.set_defaults(func=run_export)

    purge = subparsers.add_parser("purge", help="delete records and conversations past retention")
    purge.add_argument("--days", type=int, help="retention in days (default: RETENTION_DAYS)")
    purge.add_argument("--dry-run", action="store_true", help="count what would go, delete nothing")
    purge.set_defaults(func=run_purge)

    erase_cmd = subparsers.add_parser("erase", help="erase one incident and its conversation")
    erase_cmd.add_argument("reference", metavar="REFERENCE")
    erase_cmd.set_defaults(func=run_erase)

    keys = subparsers.add_parser("keys", help="field encryption keys")
    key_commands = keys.add_subparsers(dest="keys_command", metavar="ACTION")
    key_commands.required = True
    key_commands.add_parser("new", help="print a fresh key").set_defaults(func=run_keys_new)
    key_commands.add_parser("rotate", help="re-encrypt everything with the newest key").set_defaults(
        func=run_keys_rotate
    )
