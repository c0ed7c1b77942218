"""Storing, loading and searching the directory (SQLite here; PostgreSQL in test_directory_postgres)."""

import pytest

from bot.directory import find_services, load_directory, read_directory, store_directory


def test_store_then_load_round_trip(engine, write_directory, directory_data):
    directory = read_directory(write_directory(directory_data))
    store_directory(engine, directory)
    loaded = load_directory(engine)
    assert loaded.city == directory.city
    assert sorted(loaded.services, key=lambda s: s.id) == sorted(directory.services, key=lambda s: s.id)


def test_store_replaces_previous_directory(engine, write_directory, directory_data):
    store_directory(engine, read_directory(write_directory(directory_data)))
    directory_data["services"] = directory_data["services"][:1]
    store_directory(engine, read_directory(write_directory(directory_data)))
    assert [s.id for s in load_directory(engine).services] == ["clinic"]


def test_load_without_directory_says_what_to_do(engine):
    from bot.migrate import upgrade

    upgrade(engine)
    with pytest.raises(LookupError, match="directory load"):
        load_directory(engine)


def test_find_by_topic_prefers_own_language(write_directory, directory_data):
    services = read_directory(write_directory(directory_data)).services
    assert [s.id for s in find_services(services, topic="health", language="ar")] == ["clinic", "doctor-en"]
    assert [s.id for s in find_services(services, topic="health", language="en")] == ["doctor-en", "clinic"]


def test_find_by_kind_and_limit(write_directory, directory_data):
    services = read_directory(write_directory(directory_data)).services
    assert [s.id for s in find_services(services, kind="welcome_place")] == ["cafe"]
    assert len(find_services(services, topic="health", limit=1)) == 1
    assert find_services(services, topic="childcare") == []


def test_localized_name_falls_back(write_directory, directory_data):
    service = read_directory(write_directory(directory_data)).services[0]
    assert service.localized_name("de") == "Dienst clinic"
    assert service.localized_name("uk") == "Service clinic"
