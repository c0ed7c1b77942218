"""Action tests: a Tracker built inline, the real bot code and a temporary database."""

from __future__ import annotations

from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.common


@pytest.fixture(autouse=True)
def use_test_runtime(runtime, monkeypatch):
    """Makes every action use the test runtime instead of the process one."""
    monkeypatch.setattr(actions.common, "runtime", lambda: runtime)
    return runtime


def make_tracker(
    text: str = "",
    intent: Optional[str] = None,
    slots: Optional[Dict[str, Any]] = None,
    entities: Optional[List[Dict[str, Any]]] = None,
    metadata: Optional[Dict[str, Any]] = None,
    scores: Optional[Dict[str, float]] = None,
    ranking: Optional[List[Dict[str, Any]]] = None,
) -> Tracker:
    """A tracker whose latest message has the given text, intent (and ranking), entities and detection."""
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "intent_ranking": ranking or ([{"name": intent, "confidence": 1.0}] if intent else []),
        "entities": entities or [],
        "metadata": metadata or {},
        "language_detection": {"scores": scores or {}},
    }
    return Tracker("test-user", slots or {}, latest, [], False, None, {}, "action_listen")


async def run_action(action, tracker: Tracker):
    """Runs an action; returns (events, messages)."""
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, {})
    return events, dispatcher.messages
