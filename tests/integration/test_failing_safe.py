"""The emergency reply does not depend on the action server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.integration.stack_fixture import RunningStack, start_stack


@pytest.fixture(scope="module")
def rasa_alone(tmp_path_factory) -> Iterator[RunningStack]:
    """Rasa with its action server stopped (and no review site)."""
    running = start_stack(tmp_path_factory.mktemp("no-actions"))
    running.stack.stop_server("actions")
    yield running
    running.stack.stop()


def test_with_the_action_server_down_an_emergency_still_gets_999(rasa_alone):
    conversation = rasa_alone.conversation()
    reply = conversation.say("he's trying to get in through my back door")
    assert reply.startswith("Call 999") or reply.startswith("Please call 999")
    assert "55" in reply


def test_with_the_action_server_down_an_emergency_mid_conversation_still_gets_999(rasa_alone):
    conversation = rasa_alone.conversation()
    conversation.say("hello")
    conversation.say("yes")
    reply = conversation.say("he's at the door right now")
    assert "999" in reply
