"""A tracker store that keeps conversations in memory and forgets idle ones.

Rasa's own ``InMemoryTrackerStore`` keeps every conversation until the server stops. A
newcomer's conversation is needed only while they talk, so this one drops a conversation
``expire_after_seconds`` after its last message. (Scaled out, use Rasa's ``RedisTrackerStore``
with ``record_exp`` for the same effect; see the README.)
"""

from __future__ import annotations

import time
from typing import Any, Callable, Dict, Iterable, Optional, Text

from rasa.core.brokers.broker import EventBroker
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.trackers import DialogueStateTracker

DEFAULT_EXPIRY_SECONDS = 3600


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
        """Saves the conversation and marks it as active now."""
        await super().save(tracker)
        self._last_seen[tracker.sender_id] = self._clock()
        self.forget_expired()

    async def _retrieve(self, sender_id: Text, fetch_all_sessions: bool) -> Optional[DialogueStateTracker]:
        self.forget_expired()
        return await super()._retrieve(sender_id, fetch_all_sessions)

    async def keys(self) -> Iterable[Text]:
        """Conversation ids that have not expired."""
        self.forget_expired()
        return list(self.store.keys())
