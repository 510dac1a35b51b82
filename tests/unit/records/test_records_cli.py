"""The `stalkbot` records commands: results, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from records_helpers import add_events, report_kwargs

from bot.cli import main
from bot.crypto import FieldCipher, new_key
from bot.records import store
from bot.records.db import create_schema, engine_of, make_session_factory
from bot.settings import Settings, settings_from

PROJECT_ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def settings(db_url: str, tracker_url: str, key: str) -> Settings:
    return settings_from(
        {"DATABASE_URL": db_url, "TRACKER_STORE_URL": tracker_url, "FIELD_ENCRYPTION_KEYS": key}
    )


def _saved_reference(settings: Settings) -> str:
    factory = make_session_factory(settings)
    create_schema(engine_of(factory))
    reference = store.save_report(factory, **report_kwargs()).reference
    engine_of(factory).dispose()
    return reference


def test_init_db_then_export_of_no_incidents_prints_nothing(settings: Settings, capsys) -> None:
    assert main(["init-db"], settings=settings) == 0
    capsys.readouterr()
    assert main(["export", "--format", "jsonl"], settings=settings) == 0
    assert capsys.readouterr().out == ""


def test_export_prints_one_json_line_per_incident(settings: Settings, capsys) -> None:
    reference = _saved_reference(settings)
    assert main(["export", "--format", "jsonl"], settings=settings) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["reference"] for line in lines] == [reference]


def test_export_to_a_file_is_readable_by_its_owner_only(settings: Settings, tmp_path: Path) -> None:
    _saved_reference(settings)
    target = tmp_path / "export.csv"
    assert main(["export", "--format", "csv", "--output", str(target)], settings=settings) == 0
    assert target.read_text(encoding="utf-8").startswith("reference,conversation_id,")
    assert target.stat().st_mode & 0o077 == 0


def test_erase_removes_the_incident_and_prints_what_went(settings: Settings, capsys) -> None:
    reference = _saved_reference(settings)
    assert main(["erase", reference.lower()], settings=settings) == 0
    assert reference in capsys.readouterr().out
    factory = make_session_factory(settings)
    assert store.count_incidents(factory) == 0
    engine_of(factory).dispose()


def test_erase_of_an_unknown_reference_is_a_one_line_error(settings: Settings, capsys) -> None:
    assert main(["erase", "SK-00000000"], settings=settings) == 1
    err = capsys.readouterr().err
    assert err.strip() == "stalkbot erase: no incident SK-00000000"


def test_purge_dry_run_deletes_nothing(settings: Settings, capsys, tracker) -> None:
    _saved_reference(settings)
    add_events(tracker, "stray", [("user", 1.0, {"text": "x"})])
    assert main(["purge", "--days", "1", "--dry-run"], settings=settings) == 0
    assert capsys.readouterr().out.startswith("Would delete 0 incident(s), 0 note(s), 1 tracker event(s)")
    assert main(["purge", "--days", "1"], settings=settings) == 0
    assert capsys.readouterr().out.startswith("Deleted 0 incident(s), 0 note(s), 1 tracker event(s)")


def test_keys_new_prints_a_usable_key(capsys) -> None:
    assert main(["keys", "new"]) == 0
    printed = capsys.readouterr().out.strip()
    assert FieldCipher([printed]).decrypt(FieldCipher([printed]).encrypt("x")) == "x"


def test_keys_rotate_re_encrypts_with_the_newest_key(
    settings: Settings, db_url: str, key: str, capsys
) -> None:
    reference = _saved_reference(settings)
    newest = new_key()
    rotated = settings_from(
        {
            "DATABASE_URL": db_url,
            "TRACKER_STORE_URL": settings.tracker_store_url,
            "FIELD_ENCRYPTION_KEYS": f"{newest},{key}",
        }
    )
    assert main(["keys", "rotate"], settings=rotated) == 0
    assert "Re-encrypted 2 record value(s)" in capsys.readouterr().out
    only_new = make_session_factory(db_url, cipher=FieldCipher([newest]))
    assert store.get_incident(only_new, reference).fields["frequency"]["value"] == "daily"
    engine_of(only_new).dispose()


def test_keys_rotate_without_a_key_is_a_one_line_error(db_url: str, capsys) -> None:
    assert main(["keys", "rotate"], settings=settings_from({"DATABASE_URL": db_url})) == 1
    err = capsys.readouterr().err
    assert err.startswith("stalkbot keys: no field encryption key configured")
    assert len(err.strip().splitlines()) == 1


def test_unknown_command_exits_with_usage_error(capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["frobnicate"])
    assert caught.value.code == 2


def _run_cli(args: list[str], env_overrides: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.isupper() or k in ("PATH", "HOME", "LANG")}
    env.update({"STALKBOT_ENV_FILE": str(tmp_path / "absent.env"), **env_overrides})
    return subprocess.run(
        [sys.executable, "-c", "import sys; from bot.cli import main; sys.exit(main())", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_console_export_on_a_database_not_yet_created_prints_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/var/stalkbot.db"
    result = _run_cli(["export", "--format", "jsonl"], {"DATABASE_URL": url}, tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_console_database_failure_is_one_line_without_a_traceback(tmp_path: Path) -> None:
    url = "postgresql+psycopg2://nobody@127.0.0.1:1/none"
    result = _run_cli(["export"], {"DATABASE_URL": url}, tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        "stalkbot export: database error (OperationalError); check DATABASE_URL / TRACKER_STORE_URL"
    ]
