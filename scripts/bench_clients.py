"""The simulated people of `make bench`: REST, SMS, voice and web chat conversations over HTTP.

Every request has a timeout; every loop is bounded and stops early when `STOP` is set (Ctrl-C,
an error elsewhere). Conversations run in daemon threads so an interrupted run can exit.
"""

from __future__ import annotations

import contextlib
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from bench_stats import LatencySummary, summarise
from twilio.request_validator import RequestValidator

STOP = threading.Event()
REQUEST_TIMEOUT = (5, 60)  # connect, read (seconds): well over the channels' 8 s turn deadline
FALLBACK_PREFIX = "Sorry, I can't answer properly right now"  # bot/channels/safety.py failure_text

# The brief's report conversation; the assistant may need fewer or more turns, replies are not checked.
REPORT_TURNS = (
    "hi",
    "yes",
    "my ex keeps following me home from work and sending me messages every night",
    "last tuesday",
    "outside my flat",
    "since june, most days",
    "skip",
    "screenshots of his messages",
    "my flatmate saw him",
    "I changed my route to work",
    "very frightened",
    "no",
    "no",
    "yes",
    "no",
    "text me after 6",
    "yes",
    "yes save it",
)
EMERGENCY_TEXT = "hes outside my door now banging"
STARTER_TURNS = ("hello", "I am feeling great", "bye") * 6  # stock starter bot: greet / mood_great / goodbye
LONG_TEXT_CHARS = 50_000
# Neutral words (no danger signal), so the long message takes the "too long" path, not the emergency one.
LONG_TEXT = ("This has been going on for months and I do not know what to do about it. " * 700)[
    :LONG_TEXT_CHARS
]


@dataclass
class Recorder:
    """Latencies of successful requests, and counts of the ones that were not, from many threads."""

    seconds: list[float] = field(default_factory=list)
    errors: int = 0
    fallbacks: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def ok(self, elapsed: float, fallback: bool = False) -> None:
        with self._lock:
            self.seconds.append(elapsed)
            self.fallbacks += int(fallback)

    def failed(self) -> None:
        with self._lock:
            self.errors += 1

    def summary(self, wall_s: float) -> LatencySummary:
        with self._lock:
            return summarise(list(self.seconds), self.errors, self.fallbacks, wall_s)


@dataclass
class Tally:
    """A count shared by many threads."""

    count: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self) -> None:
        with self._lock:
            self.count += 1


def run_parallel(workers: Sequence[Callable[[], None]], deadline_s: float) -> float:
    """Run each worker in its own daemon thread; wait for all (at most `deadline_s`); wall seconds.

    Joins in short slices so Ctrl-C reaches the main thread; on it, or at the deadline, `STOP`
    tells every worker to finish after its current request."""
    threads = [threading.Thread(target=w, daemon=True) for w in workers]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                if time.perf_counter() - started > deadline_s:
                    STOP.set()
                    raise TimeoutError(f"phase did not finish within {deadline_s:.0f} s")
                thread.join(0.2)
    except BaseException:
        STOP.set()
        raise
    return time.perf_counter() - started


def _timed_post(
    session: requests.Session, recorder: Recorder | None, url: str, **kwargs
) -> requests.Response | None:
    """POST and record its latency; None (and an error counted) when it fails."""
    started = time.perf_counter()
    try:
        response = session.post(url, timeout=REQUEST_TIMEOUT, **kwargs)
        response.raise_for_status()
    except requests.RequestException:
        if recorder is not None:
            recorder.failed()
        return None
    if recorder is not None:
        recorder.ok(time.perf_counter() - started, FALLBACK_PREFIX in response.text)
    return response


def new_sender(prefix: str) -> str:
    return f"bench-{prefix}-{uuid.uuid4().hex[:12]}"


# ---------------------------------------------------------------- REST (ours and the starter bot's)


def rest_conversation(
    rasa_url: str, turns: Sequence[str], recorder: Recorder | None, prefix: str = "rest"
) -> None:
    """One conversation over the REST channel, every turn timed."""
    sender = new_sender(prefix)
    with requests.Session() as session:
        for text in turns:
            if STOP.is_set():
                return
            _timed_post(
                session,
                recorder,
                f"{rasa_url}/webhooks/rest/webhook",
                json={"sender": sender, "message": text},
            )


def emergency_first_reply(rasa_url: str, recorder: Recorder, quoted_999: Tally) -> None:
    """A new conversation whose first message is an emergency; times the first reply.

    `quoted_999` counts replies that quote 999, as a check that the emergency path answered."""
    with requests.Session() as session:
        response = _timed_post(
            session,
            recorder,
            f"{rasa_url}/webhooks/rest/webhook",
            json={"sender": new_sender("emergency"), "message": EMERGENCY_TEXT},
        )
        if response is not None and "999" in response.text:
            quoted_999.add()


# ---------------------------------------------------------------- Twilio SMS and voice (signed)


@dataclass(frozen=True)
class Twilio:
    """Where Twilio would post, and how it would sign."""

    rasa_url: str
    public_base_url: str
    auth_token: str

    def post(
        self, session: requests.Session, recorder: Recorder, path_and_query: str, params: dict[str, str]
    ) -> requests.Response | None:
        signature = RequestValidator(self.auth_token).compute_signature(
            self.public_base_url.rstrip("/") + path_and_query, params
        )
        return _timed_post(
            session,
            recorder,
            self.rasa_url + path_and_query,
            data=params,
            headers={"X-Twilio-Signature": signature},
        )


def _twilio_sid(prefix: str) -> str:
    return prefix + uuid.uuid4().hex


def sms_conversation(twilio: Twilio, number_index: int, turns: Sequence[str], recorder: Recorder) -> None:
    """One texter (an Ofcom drama number, never a real one) sending the report conversation."""
    sender = f"+447700900{number_index:03d}"
    account = _twilio_sid("AC")
    with requests.Session() as session:
        for text in turns:
            if STOP.is_set():
                return
            params = {"From": sender, "Body": text, "MessageSid": _twilio_sid("SM"), "AccountSid": account}
            twilio.post(session, recorder, "/webhooks/sms/webhook", params)


def _next_gather(twiml: str) -> str | None:
    """The path and query the call's next answer goes to, or None when the call ends."""
    try:
        root = ET.fromstring(twiml)  # noqa: S314 (our own server's TwiML, over loopback)
    except ET.ParseError:
        return None
    gather = root.find("Gather")
    if gather is None or not gather.get("action"):
        return None
    parts = urlsplit(gather.get("action", ""))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def voice_call(twilio: Twilio, number_index: int, turns: Sequence[str], recorder: Recorder) -> None:
    """One call: the opening, then each turn spoken, posted where the last Gather said."""
    call_sid = _twilio_sid("CA")
    caller = f"+447700900{number_index:03d}"
    base = {"CallSid": call_sid, "From": caller, "AccountSid": _twilio_sid("AC"), "CallStatus": "in-progress"}
    with requests.Session() as session:
        response = twilio.post(session, recorder, "/webhooks/voice/webhook", base)
        for text in turns:
            if STOP.is_set() or response is None:
                return
            target = _next_gather(response.text)
            if target is None:
                return  # the assistant ended the call
            response = twilio.post(
                session, recorder, target, {**base, "SpeechResult": text, "Confidence": "0.9"}
            )


# ---------------------------------------------------------------- web chat


class WebChat:
    """One web chat visitor: a server-issued session, then messages with the renewed token."""

    def __init__(self, rasa_url: str) -> None:
        self.base = f"{rasa_url}/webhooks/webchat"
        self.session = requests.Session()
        self.token = ""

    def open(self) -> bool:
        response = _timed_post(self.session, None, f"{self.base}/session")
        if response is None:
            return False
        self.token = response.json().get("token", "")
        return bool(self.token)

    def send(self, text: str, recorder: Recorder) -> bool:
        response = _timed_post(
            self.session,
            recorder,
            f"{self.base}/message",
            json={"message": text},
            headers={"Authorization": f"Bearer {self.token}"},
        )
        if response is None:
            return False
        self.token = response.json().get("token", self.token)
        return True

    def close(self) -> None:
        with contextlib.suppress(requests.RequestException):
            self.session.post(
                f"{self.base}/end", headers={"Authorization": f"Bearer {self.token}"}, timeout=10
            )
        self.session.close()


def webchat_conversation(rasa_url: str, turns: Sequence[str], recorder: Recorder) -> None:
    """A visitor sending short messages (the report conversation)."""
    chat = WebChat(rasa_url)
    try:
        if not chat.open():
            recorder.failed()
            return
        for text in turns:
            if STOP.is_set() or not chat.send(text, recorder):
                return
    finally:
        chat.close()


def webchat_long_sender(rasa_url: str, until: threading.Event, recorder: Recorder, max_sends: int) -> None:
    """A visitor pasting a 50,000-character message again and again until `until` is set."""
    chat = WebChat(rasa_url)
    try:
        if not chat.open():
            recorder.failed()
            return
        for _ in range(max_sends):
            if STOP.is_set() or until.is_set() or not chat.send(LONG_TEXT, recorder):
                return
    finally:
        chat.close()
