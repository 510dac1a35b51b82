"""Child processes of `make bench`: timed `rasa train`, and stock Rasa's starter bot.

Every child runs in its own session so the whole group (Rasa's workers included) can be
stopped; `Children.stop_all()` is called on success, error and Ctrl-C alike.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from bot.settings import PROJECT_ROOT

RASA = PROJECT_ROOT / ".venv-rasa" / "bin" / "rasa"


def rasa_env(cache_dir: Path) -> dict[str, str]:
    """The environment for the Rasa commands: no telemetry, and a training cache of our own so
    a timed training starts cold (Rasa would otherwise reuse `.rasa/cache` from `make train`)."""
    return {
        **os.environ,
        "PYTHONPATH": str(PROJECT_ROOT),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "RASA_CACHE_DIRECTORY": str(cache_dir),
        "PYTHONUNBUFFERED": "1",
    }


@dataclass
class Children:
    """Every process this run started, so none outlives it."""

    processes: list[subprocess.Popen] = field(default_factory=list)

    def start(self, command: list[str], cwd: Path, env: dict[str, str], log: Path) -> subprocess.Popen:
        with log.open("ab") as out:
            process = subprocess.Popen(
                command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.processes.append(process)
        return process

    def run(self, command: list[str], cwd: Path, env: dict[str, str], log: Path, timeout_s: float) -> float:
        """Run to completion; wall seconds. Raises with the log's tail when it fails or overruns."""
        started = time.perf_counter()
        process = self.start(command, cwd, env, log)
        try:
            code = process.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired:
            stop(process)
            raise RuntimeError(f"{command[1]} did not finish in {timeout_s:.0f} s\n{tail(log)}") from None
        if code != 0:
            raise RuntimeError(f"`rasa {command[1]}` exited with {code}\n{tail(log)}")
        return time.perf_counter() - started

    def stop_all(self) -> None:
        for process in reversed(self.processes):
            stop(process)


def stop(process: subprocess.Popen) -> None:
    """SIGTERM the process group, SIGKILL it if it lingers."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)
    except ProcessLookupError:
        pass


def tail(log: Path, chars: int = 3000) -> str:
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback health check)
            return response.status == 200
    except OSError:
        return False


def wait_until_ready(process: subprocess.Popen, url: str, timeout_s: float, log: Path) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode} while starting\n{tail(log)}")
        if answers(url):
            return
        time.sleep(0.5)
    raise RuntimeError(f"server did not become ready in {timeout_s:.0f} s\n{tail(log)}")


def time_training(children: Children, out_dir: Path, cache_dir: Path, log: Path, timeout_s: float) -> float:
    """Seconds for `rasa train` of this project into `out_dir`, from a cold cache."""
    command = [
        str(RASA),
        "train",
        "--config",
        "config.yml",
        "--domain",
        "domain",
        "--data",
        "data",
        "--out",
        str(out_dir),
    ]
    return children.run(command, PROJECT_ROOT, rasa_env(cache_dir), log, timeout_s)


@dataclass
class StarterBot:
    """Stock Rasa's `rasa init` project, trained and served on a free loopback port."""

    directory: Path
    port: int
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def create(self, children: Children, timeout_s: float) -> float:
        """`rasa init --no-prompt` (which also trains it); wall seconds."""
        self.directory.mkdir(parents=True, exist_ok=True)
        env = rasa_env(self.directory / ".rasa" / "cache")
        env.pop("PYTHONPATH")  # the starter bot knows nothing of this project
        command = [str(RASA), "init", "--no-prompt", "--init-dir", str(self.directory)]
        return children.run(
            command, self.directory, env, self.directory.parent / "starter-init.log", timeout_s
        )

    def serve(self, children: Children, timeout_s: float) -> float:
        """`rasa run` with its own credentials.yml (stock `rest:` channel); seconds until it answers."""
        env = rasa_env(self.directory / ".rasa" / "cache")
        env.pop("PYTHONPATH")
        log = self.directory.parent / "starter-run.log"
        command = [
            str(RASA),
            "run",
            "--model",
            str(self.directory / "models"),
            "--interface",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--credentials",
            str(self.directory / "credentials.yml"),
            "--endpoints",
            str(self.directory / "endpoints.yml"),
        ]
        started = time.perf_counter()
        self.process = children.start(command, self.directory, env, log)
        wait_until_ready(self.process, f"{self.url}/", timeout_s, log)
        return time.perf_counter() - started

    def needs_action_server(self) -> bool:
        """True if the starter's stories or rules call a custom action (stock ones only utter)."""
        data = " ".join(p.read_text() for p in (self.directory / "data").glob("*.yml"))
        return "action: action_" in data
