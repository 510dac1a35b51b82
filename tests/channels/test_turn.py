"""The guarded Rasa turn."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.channels.turn import run_turn
from tests.channels.harness import StubAssistant


def run(coro):
    return asyncio.new_event_loop().run_until_complete(coro)


def test_reply_is_collected() -> None:
    result = run(run_turn(StubAssistant(), "sms", "sms-1", "hi", 1.0))
    assert not result.failed
    assert result.messages[0]["text"] == "You said: hi"


def test_slow_turn_fails_safe_but_still_finishes_in_the_background() -> None:
    assistant = StubAssistant(delay_seconds=0.3)

    async def scenario():
        result = await run_turn(assistant, "sms", "sms-1", "hi", 0.05)
        await asyncio.sleep(0.6)
        return result

    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(scenario())
    assert result.failed and result.reason == "timeout"
    # The turn was not cancelled: Rasa still recorded it (an emergency incident is not cut off).
    assert len(assistant.received) == 1


@pytest.mark.parametrize(
    "assistant, reason",
    [(StubAssistant(reply=lambda m: 1 / 0), "error"), (StubAssistant(reply=lambda m: []), "no_reply")],
)
def test_error_or_silence_fails_safe(assistant: StubAssistant, reason: str) -> None:
    result = run(run_turn(assistant, "voice", "voice-CA1", "hi", 1.0))
    assert result.failed and result.reason == reason


def test_failure_logs_never_contain_the_persons_words(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    secret_words = "my ex John Smith 07700900123"
    run(run_turn(StubAssistant(reply=lambda m: 1 / 0), "sms", "sms-1", secret_words, 1.0))
    run(run_turn(StubAssistant(reply=lambda m: []), "sms", "sms-1", secret_words, 1.0))
    assert "channel.turn.error" in caplog.text and "channel.turn.no_reply" in caplog.text
    assert "John" not in caplog.text and "07700900123" not in caplog.text
