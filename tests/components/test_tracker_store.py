"""Conversations are kept in memory only while they are active."""

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from components.tracker_store import ExpiringInMemoryTrackerStore


class FakeClock:
    """A clock the test moves forward (time itself is not what is tested)."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def tracker(sender):
    return DialogueStateTracker.from_events(sender, [UserUttered("hello")])


def test_conversation_forgotten_after_expiry():
    clock = FakeClock()
    store = ExpiringInMemoryTrackerStore(Domain.empty(), expire_after_seconds=60, clock=clock)

    async def scenario():
        await store.save(tracker("a"))
        clock.now += 30
        await store.save(tracker("b"))
        assert await store.retrieve("a") is not None
        clock.now += 31  # a idle 61 s, b idle 31 s
        assert await store.retrieve("a") is None
        assert await store.retrieve("b") is not None
        assert list(await store.keys()) == ["b"]

    asyncio.run(scenario())


def test_activity_keeps_conversation():
    clock = FakeClock()
    store = ExpiringInMemoryTrackerStore(Domain.empty(), expire_after_seconds=60, clock=clock)

    async def scenario():
        for _ in range(5):
            await store.save(tracker("a"))
            clock.now += 50
        assert await store.retrieve("a") is not None

    asyncio.run(scenario())


def test_configured_from_endpoints_file():
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    from bot.settings import PROJECT_ROOT

    config = read_endpoint_config(str(PROJECT_ROOT / "endpoints.yml"), "tracker_store")
    store = TrackerStore.create(config, Domain.empty())
    inner = getattr(store, "_tracker_store", store)
    assert isinstance(inner, ExpiringInMemoryTrackerStore)
    assert inner.expire_after_seconds == 3600
