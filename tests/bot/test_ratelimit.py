"""Wrong receipt codes are counted per key and window, in memory or in the machine's Redis."""

import uuid

import pytest

from bot.ratelimit import MemoryCounter, RedisCounter, make_counter


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_memory_counter_blocks_after_the_allowed_failures_until_the_window_ends():
    clock = Clock()
    counter = MemoryCounter(attempts=3, window_seconds=900, clock=clock)
    for _ in range(3):
        assert not counter.blocked("conversation:a")
        counter.fail("conversation:a")
    assert counter.blocked("conversation:a")
    assert not counter.blocked("conversation:b"), "keys are counted separately"
    clock.now += 901
    assert not counter.blocked("conversation:a")


def test_memory_counter_keeps_no_key_in_clear():
    counter = MemoryCounter(attempts=3, window_seconds=900)
    counter.fail("conversation:secret-sender-id")
    assert not any("secret" in key for key in counter._windows)


@pytest.mark.redis
def test_redis_counter_is_shared_and_expires():
    import redis

    client = redis.Redis(host="localhost", port=6379, db=2, socket_timeout=5)
    prefix = f"openwelcome-test:{uuid.uuid4().hex}:"
    first, second = RedisCounter(client, 2, 60, prefix), RedisCounter(client, 2, 60, prefix)
    try:
        first.fail("receipt:ABCD")
        second.fail("receipt:ABCD")
        assert first.blocked("receipt:ABCD") and second.blocked("receipt:ABCD"), "replicas share the count"
        keys = client.keys(prefix + "*")
        assert len(keys) == 1 and b"ABCD" not in keys[0]
        assert 0 < client.ttl(keys[0]) <= 60
    finally:
        for key in client.keys(prefix + "*"):
            client.delete(key)
        client.close()


def test_storage_setting():
    assert isinstance(make_counter("memory://", 5, 900), MemoryCounter)
    assert isinstance(make_counter("redis://localhost:6379/2", 5, 900), RedisCounter)
    with pytest.raises(ValueError, match="RATE_LIMIT_STORAGE"):
        make_counter("memcached://x", 5, 900)
