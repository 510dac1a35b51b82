"""action_capture_opening: the person's own story is kept, and more of it after an emergency is added."""

from __future__ import annotations

import pytest
from rasa_sdk.executor import CollectingDispatcher

from actions.report import ActionCaptureOpening
from tests.unit.actions.conftest import make_tracker, slot_sets, user


async def capture(*events, slots=None):
    tracker = make_tracker(*events, slots=slots or {})
    return slot_sets(await ActionCaptureOpening().run(CollectingDispatcher(), tracker, {}))


@pytest.mark.asyncio
async def test_the_opening_story_is_kept_as_the_narrative():
    set_now = await capture(user("my ex keeps turning up at my work", "report_stalking", 0.9))
    assert set_now["narrative"] == "my ex keeps turning up at my work"


@pytest.mark.asyncio
async def test_more_of_the_story_after_an_emergency_is_added_not_lost():
    text = "its the same guy thats been coming into the bar i work at every shift. hes called Craig"
    set_now = await capture(user(text, "report_stalking", 0.9), slots={"narrative": "a guy followed me off the train"})
    assert set_now["narrative"] == f"a guy followed me off the train\n{text}"


@pytest.mark.asyncio
async def test_the_same_words_are_not_added_twice():
    text = "my ex keeps turning up at my work"
    assert await capture(user(text, "report_stalking", 0.9), slots={"narrative": text}) == {}


@pytest.mark.asyncio
async def test_a_typed_intent_is_never_a_story():
    assert await capture(user("/report_stalking", "report_stalking", 1.0)) == {}
