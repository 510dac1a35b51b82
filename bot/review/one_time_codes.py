"""Time-based one-time codes (TOTP, RFC 6238, via pyotp) for the second sign-in factor."""

from __future__ import annotations

import hmac
import threading

import pyotp

ISSUER = "Stalking report review"
_STEP_SECONDS = 30


def new_totp_secret() -> str:
    """A fresh random base32 secret for an authenticator app."""
    return pyotp.random_base32()


def provisioning_uri(secret: str, username: str) -> str:
    """The otpauth:// URI an authenticator app scans; show it once, never log it."""
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=ISSUER)


class CodeChecker:
    """Checks one-time codes and refuses a code that was already used (ASVS 2.8.4).

    The last accepted time step per handler is kept in memory: one review-site process
    serves the site (waitress threads), so memory is shared by every request.
    """

    def __init__(self) -> None:
        self._last_step: dict[int, int] = {}
        self._lock = threading.Lock()

    def accept(self, handler_id: int, secret: str, code: str, *, at: float) -> bool:
        """True if `code` is valid at unix time `at` (one step of clock drift) and not yet used."""
        code = code.strip().replace(" ", "")
        if not (code.isdigit() and len(code) == 6):
            return False
        totp = pyotp.TOTP(secret)
        now_step = int(at) // _STEP_SECONDS
        for step in (now_step, now_step - 1, now_step + 1):
            if hmac.compare_digest(totp.at(step * _STEP_SECONDS), code):
                with self._lock:
                    if self._last_step.get(handler_id, -1) >= step:
                        return False
                    self._last_step[handler_id] = step
                return True
        return False
