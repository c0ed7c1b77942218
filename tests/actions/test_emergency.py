"""A person in danger gets the emergency number first."""

import asyncio

import pytest

from actions.emergency import ActionEmergency
from tests.actions.conftest import make_tracker, run_action


@pytest.mark.parametrize("language", ["en", "de", "ar", "uk"])
def test_emergency_number_comes_first(language):
    _, messages = asyncio.run(run_action(ActionEmergency(), make_tracker("", "emergency", {"language": language})))
    assert "112" in messages[0]["text"]
    assert "110" in messages[1]["text"] and "+49 30 5550 0001" in messages[1]["text"]


def test_emergency_number_even_when_the_database_is_down(runtime, monkeypatch):
    def broken_directory():
        raise LookupError("database unavailable")

    monkeypatch.setattr(runtime, "directory", broken_directory)
    _, messages = asyncio.run(run_action(ActionEmergency(), make_tracker("", "emergency", {"language": "de"})))
    assert "112" in messages[0]["text"]
