#!/usr/bin/env python3
"""Write `.env` from `.env.example`, filling every empty secret with a fresh random value.

Run by `make` when there is no `.env`. Never overwrites an existing `.env`. Standard library
only (a Fernet key is 32 random bytes, urlsafe-base64 encoded).
"""

from __future__ import annotations

import base64
import secrets
import sys
from pathlib import Path

SECRETS = {
    "FIELD_ENCRYPTION_KEYS": lambda: base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
    "LOOKUP_HASH_KEY": lambda: secrets.token_urlsafe(32),
    "REVIEW_SECRET_KEY": lambda: secrets.token_urlsafe(32),
    "WEBCHAT_SECRET": lambda: secrets.token_urlsafe(32),
}


def render(example: str) -> str:
    """The example file with each empty secret line given a new value."""
    lines = []
    for line in example.splitlines():
        name, sep, value = line.partition("=")
        if sep and not line.startswith("#") and name in SECRETS and not value.strip():
            line = f"{name}={SECRETS[name]()}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else root / ".env"
    if target.exists():
        print(f"{target.name} exists; leaving it alone")
        return 0
    target.write_text(render((root / ".env.example").read_text()))
    target.chmod(0o600)
    print(f"wrote {target} with new random secrets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
