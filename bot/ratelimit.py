"""Counting wrong receipt codes: a fixed-window counter in memory or in Redis.

Rasa 3.6 pins ``packaging<21``, which every release of the ``limits`` library excludes,
so this is the standard Redis pattern (INCR, then EXPIRE on the first hit) written out,
with an in-process dictionary as the single-machine default. Keys are hashed before they
are stored, so the counter holds no conversation id in clear.
"""

from __future__ import annotations

import hashlib
import threading
import time
from typing import Callable, Dict, Protocol, Tuple


class AttemptCounter(Protocol):
    """Counts failures per key within a time window."""

    def blocked(self, key: str) -> bool:
        """Whether ``key`` has used up its attempts in the current window."""

    def fail(self, key: str) -> None:
        """Records one failed attempt for ``key``."""


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class MemoryCounter:
    """Per-process counter (one action server); expired windows are dropped as it goes."""

    def __init__(self, attempts: int, window_seconds: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._attempts, self._window, self._clock = attempts, window_seconds, clock
        self._windows: Dict[str, Tuple[float, int]] = {}
        self._lock = threading.Lock()

    def _current(self, key: str) -> int:
        start, count = self._windows.get(key, (0.0, 0))
        return count if self._clock() - start < self._window else 0

    def blocked(self, key: str) -> bool:
        with self._lock:
            return self._current(_digest(key)) >= self._attempts

    def fail(self, key: str) -> None:
        now = self._clock()
        with self._lock:
            self._windows = {k: v for k, v in self._windows.items() if now - v[0] < self._window}
            digest = _digest(key)
            start, count = self._windows.get(digest, (now, 0))
            self._windows[digest] = (start, count + 1)


class RedisCounter:
    """Counter shared by every action server replica through Redis (keys expire by TTL)."""

    def __init__(self, client, attempts: int, window_seconds: int, prefix: str = "openwelcome:attempts:") -> None:
        self._client, self._attempts, self._window, self._prefix = client, attempts, window_seconds, prefix

    def blocked(self, key: str) -> bool:
        value = self._client.get(self._prefix + _digest(key))
        return int(value or 0) >= self._attempts

    def fail(self, key: str) -> None:
        name = self._prefix + _digest(key)
        with self._client.pipeline() as pipe:
            pipe.incr(name)
            pipe.expire(name, self._window, nx=True)
            pipe.execute()


def make_counter(storage_url: str, attempts: int, window_seconds: int) -> AttemptCounter:
    """``memory://`` or ``redis://…`` (a URL ``redis.Redis.from_url`` accepts)."""
    if storage_url.startswith(("redis://", "rediss://", "unix://")):
        import redis

        client = redis.Redis.from_url(storage_url, socket_timeout=2, socket_connect_timeout=2)
        return RedisCounter(client, attempts, window_seconds)
    if storage_url != "memory://":
        raise ValueError(f"RATE_LIMIT_STORAGE must be memory:// or a redis:// URL, got {storage_url!r}")
    return MemoryCounter(attempts, window_seconds)
