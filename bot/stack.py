"""Start and stop the three servers: action server, Rasa, review site.

`make run` calls `python -m bot.stack run` (foreground, readable prefixed logs, Ctrl-C stops
all three). The integration tests and `make bench` use `Stack` to start the same servers
on other ports with their own databases. Runs in .venv and never imports Rasa: Rasa is a
subprocess from .venv-rasa.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from dotenv import dotenv_values

from bot.settings import PROJECT_ROOT, Settings, settings_from

MODEL = PROJECT_ROOT / "models" / "stalkbot.tar.gz"


def environment_for(overrides: Mapping[str, str] | None = None) -> tuple[dict[str, str], Settings]:
    """The environment the servers run in, and the settings it amounts to.

    Starts from `.env`, then the real environment, then `overrides`; exports what the Rasa
    YAML files substitute (`${ACTION_ENDPOINT_URL}` ...) so they agree with bot/settings.py.
    """
    env_file = Path(os.environ.get("STALKBOT_ENV_FILE", PROJECT_ROOT / ".env"))
    values = {k: v for k, v in dotenv_values(env_file).items() if v is not None} if env_file.exists() else {}
    values.update(os.environ)
    values.update(overrides or {})
    settings = settings_from(values)
    values.update(
        {
            "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{settings.actions_port}/webhook",
            "TRACKER_STORE_URL": settings.tracker_store_url,
            "DATABASE_URL": settings.database_url,
            "LOCK_STORE_URL": settings.lock_store_url or "memory://",
            "PYTHONPATH": str(PROJECT_ROOT),
            "PYTHONUNBUFFERED": "1",
            # Rasa: no telemetry calls out of this machine, no usage prompts.
            "RASA_TELEMETRY_ENABLED": "false",
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SANIC_HOST": settings.bind_host,
        }
    )
    return values, settings


@dataclass
class Server:
    """One child process and how to tell it is ready."""

    name: str
    command: list[str]
    health_url: str
    process: subprocess.Popen | None = None


@dataclass
class Stack:
    """The three servers, started with one environment."""

    overrides: Mapping[str, str] = field(default_factory=dict)
    log_dir: Path | None = None  # None: lines go to this process's stdout, prefixed
    with_review: bool = True
    with_actions: bool = True
    servers: list[Server] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.env, self.settings = environment_for(self.overrides)
        s = self.settings
        venv, venv_rasa = PROJECT_ROOT / ".venv" / "bin", PROJECT_ROOT / ".venv-rasa" / "bin"
        if self.with_actions:
            self.servers.append(
                Server(
                    "actions",
                    [str(venv / "python"), "-m", "actions.serve"],
                    f"http://127.0.0.1:{s.actions_port}/health",
                )
            )
        self.servers.append(
            Server(
                "rasa",
                [
                    str(venv_rasa / "rasa"),
                    "run",
                    "--model",
                    str(MODEL),
                    "--interface",
                    s.bind_host,
                    "--port",
                    str(s.rasa_port),
                    "--credentials",
                    str(PROJECT_ROOT / "credentials.yml"),
                    "--endpoints",
                    str(PROJECT_ROOT / "endpoints.yml"),
                ],
                f"http://127.0.0.1:{s.rasa_port}/",
            )
        )
        if self.with_review:
            self.servers.append(
                Server(
                    "review",
                    [str(venv / "python"), "-m", "bot.review"],
                    f"http://127.0.0.1:{s.review_port}/healthz",
                )
            )

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.rasa_port}"

    @property
    def review_url(self) -> str:
        return f"http://127.0.0.1:{self.settings.review_port}"

    def start(self, timeout: float = 300.0) -> None:
        """Start every server and wait until each answers its health check."""
        if not MODEL.exists():
            raise RuntimeError(f"no trained model at {MODEL}; run `make train` first")
        for server in self.servers:
            self._launch(server)
        deadline = time.monotonic() + timeout
        for server in self.servers:
            self._wait(server, deadline)

    def _launch(self, server: Server) -> None:
        out: int | IO[bytes] = subprocess.PIPE
        if self.log_dir is not None:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            out = open(self.log_dir / f"{server.name}.log", "ab")  # noqa: SIM115 (lives with the process)
        server.process = subprocess.Popen(
            server.command,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        if self.log_dir is None:
            threading.Thread(target=_relay, args=(server,), daemon=True).start()

    def _wait(self, server: Server, deadline: float) -> None:
        while time.monotonic() < deadline:
            if server.process and server.process.poll() is not None:
                raise RuntimeError(f"{server.name} exited with {server.process.returncode} while starting")
            if _answers(server.health_url):
                return
            time.sleep(0.5)
        raise RuntimeError(f"{server.name} did not become ready in time")

    def stop_server(self, name: str) -> None:
        """Stop one server (tests use this to prove the emergency path survives it)."""
        for server in self.servers:
            if server.name == name:
                _terminate(server)

    def stop(self) -> None:
        """Stop every server, politely first."""
        for server in reversed(self.servers):
            _terminate(server)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback health check)
            return response.status == 200
    except OSError:
        return False


def _terminate(server: Server) -> None:
    process = server.process
    if process is None or process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def _relay(server: Server) -> None:
    assert server.process and server.process.stdout
    for raw in iter(server.process.stdout.readline, b""):
        sys.stdout.write(f"[{server.name:7}] {raw.decode('utf-8', 'replace')}")
        sys.stdout.flush()


def _interrupt(signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def run_foreground() -> int:
    """`make run`: start everything, print where it is, stop everything on Ctrl-C (or SIGTERM)."""
    # A terminated `make run` must not leave the servers running on their own.
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGHUP, _interrupt)
    stack = Stack()
    print("Starting the action server, Rasa and the review site (Rasa takes a minute to load the model)...")
    try:
        stack.start()
    except (RuntimeError, KeyboardInterrupt) as err:
        print(f"Could not start: {err}", file=sys.stderr)
        stack.stop()
        return 1
    s = stack.settings
    print(
        "\nReady.\n"
        f"  Web chat:        {stack.rasa_url}/webhooks/webchat/\n"
        f'  REST (testing):  POST {stack.rasa_url}/webhooks/rest/webhook  {{"sender", "message"}}\n'
        f"  SMS webhook:     POST {stack.rasa_url}/webhooks/sms/webhook\n"
        f"  Voice webhook:   POST {stack.rasa_url}/webhooks/voice/webhook\n"
        f"  Action server:   http://127.0.0.1:{s.actions_port}/health\n"
        f"  Review site:     {stack.review_url}/  (add a handler: .venv/bin/stalkbot handlers add NAME)\n"
        "Press Ctrl-C to stop.\n",
        flush=True,
    )
    try:
        while all(server.process and server.process.poll() is None for server in stack.servers):
            time.sleep(1)
        print("A server stopped; stopping the others.", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...")
        return 0
    finally:
        stack.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.stack", description=__doc__)
    parser.add_argument("command", choices=["run"])
    parser.parse_args(argv)
    return run_foreground()


if __name__ == "__main__":
    sys.exit(main())
