"""The same storage code against the machine's real PostgreSQL (localhost:5432, database test)."""

import pytest

from bot.directory import load_directory, read_directory, store_directory

pytestmark = pytest.mark.postgres


def test_round_trip_on_postgres(pg_engine, write_directory, directory_data):
    directory = read_directory(write_directory(directory_data))
    store_directory(pg_engine, directory)
    store_directory(pg_engine, directory)  # a reload replaces, never duplicates
    loaded = load_directory(pg_engine)
    assert loaded.city["emergency"]["number"] == "112"
    assert sorted(s.id for s in loaded.services) == ["cafe", "clinic", "doctor-en", "shop"]
    clinic = next(s for s in loaded.services if s.id == "clinic")
    assert clinic.languages == ["de", "ar"] and clinic.lat == pytest.approx(52.52)
