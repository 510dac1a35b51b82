"""Shared fixtures for channel tests (run in .venv-rasa)."""

from __future__ import annotations

import pytest

from tests.channels.harness import StubAssistant


@pytest.fixture
def assistant() -> StubAssistant:
    """A stub assistant that echoes."""
    return StubAssistant()
