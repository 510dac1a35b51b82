#!/usr/bin/env python3
"""`rasa data validate --fail-on-warnings`, minus one false warning Rasa 3.6 is known for.

Rasa warns "The utterance 'utter_x' is not used in any story or rule" for responses that
forms ask (`utter_ask_<slot>`) and that custom actions send (`response="utter_x"`): they
are used, just not from stories (RasaHQ/rasa#11843). This runs the real validator and
excuses exactly those, after proving each one is used: a form slot of that name exists,
or the action code names the response. Every other warning, and any unused response,
still fails. Standard library only; run from the project root.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UNUSED = re.compile(r"The utterance '(utter_[a-z0-9_]+)' is not used in any story or rule")
WARNING = re.compile(r"UserWarning: (.*)")


def used_by_code() -> set[str]:
    """Responses named in the action server's code or asked for by a form's slots."""
    names: set[str] = set()
    for path in [*ROOT.glob("actions/*.py"), *ROOT.glob("bot/**/*.py")]:
        names.update(re.findall(r"[\"'](utter_[a-z0-9_]+)[\"']", path.read_text()))
    for path in ROOT.glob("domain/*.yml"):
        text = path.read_text()
        for block in re.findall(r"required_slots:\n((?:\s+- \w+\n)+)", text):
            names.update(f"utter_ask_{slot}" for slot in re.findall(r"- (\w+)", block))
    return names


def main() -> int:
    rasa = ROOT / ".venv-rasa" / "bin" / "rasa"
    command = [
        str(rasa),
        "data",
        "validate",
        "--fail-on-warnings",
        "--config",
        "config.yml",
        "--domain",
        "domain",
        "--data",
        "data",
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RASA_TELEMETRY_ENABLED": "false"}
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    output = run.stdout + run.stderr
    used = used_by_code()
    problems = []
    for line in output.splitlines():
        warning = WARNING.search(line)
        if not warning:
            continue
        unused = UNUSED.search(line)
        if unused and unused.group(1) in used:
            continue
        problems.append(warning.group(1))
    errors = [line for line in output.splitlines() if " ERROR " in line or "Error" in line.split(":")[0]]
    for problem in problems:
        print(f"warning: {problem}")
    for error in errors:
        print(error)
    excused = len(UNUSED.findall(output)) - sum(1 for p in problems if UNUSED.search(p))
    print(
        f"rasa data validate: {len(problems)} warnings, {len(errors)} errors "
        f"({excused} responses used by forms or actions, not stories)"
    )
    failed = problems or errors or (run.returncode != 0 and excused == 0)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
