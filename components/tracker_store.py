"""Tracker stores that forget: idle conversations expire, finished reports lose their words.

Rasa's own ``InMemoryTrackerStore`` keeps every conversation until the server stops. A
newcomer's conversation is needed only while they talk, so this one drops a conversation
``expire_after_seconds`` after its last message. Scaled out, ``RedactingRedisTrackerStore``
does the same with Redis's own expiry (``record_exp``). Both remove the text of finished
feedback and report flows before they store a conversation (:mod:`bot.redaction`).
"""

from __future__ import annotations

import json
import time
from typing import Any, Callable, Dict, Iterable, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore, RedisTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

from bot.redaction import redact_finished_flows

DEFAULT_EXPIRY_SECONDS = 3600


def serialise_redacted(tracker: DialogueStateTracker) -> Text:
    """The tracker as Rasa stores it (JSON text), without the words of finished flows."""
    dialogue = tracker.as_dialogue().as_dict()
    redact_finished_flows(dialogue.get("events") or [])
    return json.dumps(dialogue)


class ExpiringInMemoryTrackerStore(InMemoryTrackerStore):
    """In-memory tracker store whose conversations expire after a period without messages."""

    def __init__(
        self,
        domain: Domain,
        host: Optional[Text] = None,
        event_broker: Optional[EventBroker] = None,
        expire_after_seconds: float = DEFAULT_EXPIRY_SECONDS,
        clock: Callable[[], float] = time.monotonic,
        **kwargs: Dict[Text, Any],
    ) -> None:
        self.expire_after_seconds = float(expire_after_seconds)
        self._clock = clock
        self._last_seen: Dict[Text, float] = {}
        super().__init__(domain, event_broker, **kwargs)

    def forget_expired(self) -> int:
        """Drops conversations idle for longer than the expiry; returns how many."""
        cutoff = self._clock() - self.expire_after_seconds
        expired = [sender for sender, seen in self._last_seen.items() if seen < cutoff]
        for sender in expired:
            self._last_seen.pop(sender, None)
            self.store.pop(sender, None)
        return len(expired)

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Saves the conversation (redacted) and marks it as active now."""
        await self.stream_events(tracker)
        self.store[tracker.sender_id] = serialise_redacted(tracker)
        self._last_seen[tracker.sender_id] = self._clock()
        self.forget_expired()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        self.forget_expired()
        return await super()._retrieve(sender_id, fetch_all_sessions)

    async def keys(self) -> Iterable[Text]:
        """Conversation ids that have not expired."""
        self.forget_expired()
        return list(self.store.keys())


class RedactingRedisTrackerStore(RedisTrackerStore):
    """Rasa's Redis tracker store (use ``record_exp`` for expiry) that stores redacted conversations."""

    def serialise_tracker(self, tracker: DialogueStateTracker) -> Text:  # type: ignore[override]
        return serialise_redacted(tracker)
