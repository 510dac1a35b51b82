"""One Rasa turn with a deadline, failing safe.

The turn runs as its own task and is shielded from our deadline: if it is slow we answer
the person with the static safety message, but the turn itself finishes in the background
so the tracker stays consistent and an emergency incident the actions are writing is not
cut off half way. Logs carry the channel, the outcome and the duration, never the words.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import rasa_speedups

rasa_speedups.apply()  # every channel runs its turns through this module
logger = logging.getLogger(__name__)

OnNewMessage = Callable[[UserMessage], Awaitable[Any]]

# Turns that outlived their deadline; kept referenced so they are not garbage-collected.
_LATE_TURNS: set[asyncio.Task] = set()


@dataclass
class TurnResult:
    """What the assistant said, and whether the channel must answer with the safety message."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    failed: bool = False
    reason: str = ""


@cache
def _collector_class(channel: str) -> type[CollectingOutputChannel]:
    return type(
        f"{channel.title()}Collector", (CollectingOutputChannel,), {"name": classmethod(lambda cls: channel)}
    )


def collector_for(channel: str) -> CollectingOutputChannel:
    """A collector whose name is the channel's, so Rasa picks `channel:` response variations
    (a domain can give `channel: voice` or `channel: sms` wording for a response)."""
    return _collector_class(channel)()


def _log_late_outcome(task: asyncio.Task) -> None:
    _LATE_TURNS.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logger.error("channel.turn.late_failure error=%s", type(task.exception()).__name__)


async def run_turn(
    on_new_message: OnNewMessage,
    channel: str,
    sender_id: str,
    text: str,
    timeout_seconds: float,
    output: CollectingOutputChannel | None = None,
) -> TurnResult:
    """Send `text` to Rasa as one turn; never raises, never waits longer than `timeout_seconds`."""
    collector = output or collector_for(channel)
    message = UserMessage(text, collector, sender_id, input_channel=channel, metadata={"channel": channel})
    started = time.monotonic()
    task = asyncio.ensure_future(on_new_message(message))
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=timeout_seconds)
    except asyncio.TimeoutError:
        _LATE_TURNS.add(task)
        task.add_done_callback(_log_late_outcome)
        logger.error("channel.turn.timeout channel=%s seconds=%.1f", channel, timeout_seconds)
        return TurnResult(list(collector.messages), failed=True, reason="timeout")
    except asyncio.CancelledError:
        if not task.cancelled():
            raise  # our own request was cancelled (client went away): let Sanic handle it
        logger.error("channel.turn.cancelled channel=%s", channel)
        return TurnResult(list(collector.messages), failed=True, reason="cancelled")
    except Exception as error:
        logger.error("channel.turn.error channel=%s error=%s", channel, type(error).__name__)
        return TurnResult(list(collector.messages), failed=True, reason="error")
    elapsed = time.monotonic() - started
    messages = list(collector.messages)
    if not any(m.get("text") or m.get("custom") for m in messages):
        logger.error("channel.turn.no_reply channel=%s", channel)
        return TurnResult(messages, failed=True, reason="no_reply")
    logger.info("channel.turn.ok channel=%s messages=%d seconds=%.2f", channel, len(messages), elapsed)
    return TurnResult(messages)
