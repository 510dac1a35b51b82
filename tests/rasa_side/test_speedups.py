"""The cached action-response validator accepts and rejects exactly what Rasa's does."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError, validate
from rasa.core.actions.action import RemoteAction

import bot.channels.turn  # noqa: F401 (the channels apply the speed-up)

VALID = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "x", "value": 1}], "responses": [{"text": "hi"}]},
    {},
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"no_event_key": 1}]},
    {"responses": "nope"},
]


def action() -> RemoteAction:
    return RemoteAction("action_x", None)


def test_the_speed_up_is_installed():
    assert RemoteAction._validate_action_result.__module__ == "bot.channels.rasa_speedups"


@pytest.mark.parametrize("result", VALID)
def test_valid_responses_pass_as_with_rasas_own_check(result):
    validate(result, RemoteAction.action_response_format_spec())  # Rasa's reference check agrees
    assert action()._validate_action_result(result) is True


@pytest.mark.parametrize("result", INVALID)
def test_invalid_responses_are_rejected_as_with_rasas_own_check(result):
    with pytest.raises(ValidationError):
        validate(result, RemoteAction.action_response_format_spec())
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        action()._validate_action_result(result)
