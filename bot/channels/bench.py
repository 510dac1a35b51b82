"""Channel benchmark for `make bench` (stdlib + twilio; runs in either environment).

    python -m bot.channels.bench --rasa-url http://127.0.0.1:5005 \
        --public-base-url https://report.example.org --twilio-auth-token TOKEN

Prints JSON: p50/p95 of the SMS and voice webhooks with 10 concurrent conversations, and the
p95 of small web chat messages with and without one 50,000-character message in flight.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import urllib.request
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

SAYINGS = [
    "hello",
    "yes",
    "my ex keeps texting me and waiting outside my work",
    "since March",
    "I'd rather not say",
]


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def _post(url: str, body: bytes, headers: dict[str, str]) -> bytes:
    if not url.startswith(("http://", "https://")):
        raise ValueError("only http(s) URLs")
    request = urllib.request.Request(url, body, headers, method="POST")  # noqa: S310 — scheme checked above
    with urllib.request.urlopen(request, timeout=60) as reply:  # noqa: S310 — scheme checked above
        return reply.read()


def _twilio_conversation(
    args: argparse.Namespace, path: str, params_for: Callable[[str], dict[str, str]]
) -> list[float]:
    validator = RequestValidator(args.twilio_auth_token)
    timings = []
    for saying in SAYINGS:
        params = params_for(saying)
        signature = validator.compute_signature(args.public_base_url + path, params)
        headers = {"Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": signature}
        body = urlencode(params).encode()
        timings.append(_timed(lambda body=body, headers=headers: _post(args.rasa_url + path, body, headers)))
    return timings


def bench_twilio(args: argparse.Namespace, channel: str) -> dict[str, float]:
    """Latency of one webhook with `args.concurrency` conversations at once."""

    def one_conversation(_: int) -> list[float]:
        number = f"+4477{uuid.uuid4().int % 10**9:09d}"
        call_sid = f"CA{uuid.uuid4().hex}"
        if channel == "sms":
            return _twilio_conversation(
                args,
                "/webhooks/sms/webhook",
                lambda s: {"MessageSid": f"SM{uuid.uuid4().hex}", "From": number, "Body": s, "NumMedia": "0"},
            )
        return _twilio_conversation(
            args,
            "/webhooks/voice/webhook?turn=1",
            lambda s: {
                "CallSid": call_sid,
                "From": "+266696687",
                "SpeechResult": s,
                "CallStatus": "in-progress",
            },
        )

    with ThreadPoolExecutor(args.concurrency) as pool:
        samples = [t for ts in pool.map(one_conversation, range(args.concurrency)) for t in ts]
    return {
        "p50_s": statistics.median(samples),
        "p95_s": _percentile(samples, 0.95),
        "requests": len(samples),
    }


def bench_webchat_big_message(args: argparse.Namespace) -> dict[str, float]:
    """How much one 50,000-character message delays other people's small messages."""
    base = args.rasa_url + "/webhooks/webchat/"
    json_headers = {"Content-Type": "application/json"}

    def session() -> str:
        return json.loads(_post(base + "session", b"{}", json_headers))["token"]

    def message(token: str, text: str) -> None:
        _post(
            base + "message",
            json.dumps({"message": text}).encode(),
            {**json_headers, "Authorization": f"Bearer {token}"},
        )

    tokens = [session() for _ in range(args.concurrency)]
    quiet = [_timed(lambda t=t: message(t, "hello")) for t in tokens]
    huge = "He keeps sending me messages and I don't know what to do. " * 850
    with ThreadPoolExecutor(args.concurrency + 1) as pool:
        big = pool.submit(_timed, lambda: message(tokens[0], huge))
        busy = list(pool.map(lambda t: _timed(lambda: message(t, "hello")), tokens[1:]))
        big_seconds = big.result()
    return {
        "small_p95_alone_s": _percentile(quiet, 0.95),
        "small_p95_with_50k_in_flight_s": _percentile(busy, 0.95),
        "big_message_s": big_seconds,
    }


def main() -> None:
    """Run the benchmark and print JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rasa-url", default="http://127.0.0.1:5005")
    parser.add_argument("--public-base-url", required=True)
    parser.add_argument("--twilio-auth-token", required=True)
    parser.add_argument("--concurrency", type=int, default=10)
    args = parser.parse_args()
    report = {
        "sms": bench_twilio(args, "sms"),
        "voice": bench_twilio(args, "voice"),
        "webchat_50k": bench_webchat_big_message(args),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
