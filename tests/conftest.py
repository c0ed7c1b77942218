"""Shared fixtures: a small valid directory, a fresh database per test."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from bot.db import make_engine

SAMPLE_CITY = {
    "name": {"en": "Testville", "de": "Teststadt"},
    "country": "DE",
    "timezone": "Europe/Berlin",
    "default_language": "en",
    "languages": ["en", "de", "ar", "uk"],
    "emergency": {"number": "112", "police": "110"},
    "hotlines": [{"id": "violence", "name": {"en": "Violence hotline", "de": "Hilfetelefon"}, "phone": "+49 30 5550 0001", "hours": "24/7"}],
    "redress": [{"id": "equality", "kind": "equality_body", "name": "Equality Office", "email": "equality@example.org"}],
}


def make_service(service_id: str, **fields) -> dict:
    """A valid service entry; keyword arguments override fields."""
    service = {
        "id": service_id,
        "name": {"en": f"Service {service_id}", "de": f"Dienst {service_id}"},
        "kind": "service",
        "topics": ["health"],
        "languages": ["de", "en"],
        "address": "Marktplatz 1, 10115 Testville",
        "district": "Centre",
        "geo": {"lat": 52.52, "lon": 13.40},
        "opening_hours": "Mo-Fr 09:00-17:00",
        "phone": "+49 30 5550 1234",
        "email": "info@example.org",
        "website": "https://example.org/service",
        "description": {"en": "Helps with health.", "de": "Hilft bei Gesundheit."},
        "childcare": False,
        "free": True,
        "wheelchair": True,
        "documents_required": False,
        "appointment": "walk_in",
    }
    service.update(fields)
    return service


@pytest.fixture
def directory_data() -> dict:
    """A small valid directory document (a fresh copy per test)."""
    return {
        "city": copy.deepcopy(SAMPLE_CITY),
        "services": [
            make_service("clinic", topics=["health"], languages=["de", "ar"]),
            make_service("doctor-en", topics=["health"], languages=["en"]),
            make_service("shop", kind="one_stop_shop", topics=["registration", "housing"], languages=["de", "en", "uk"]),
            make_service("cafe", kind="welcome_place", topics=["language_learning"], languages=["de", "uk"]),
        ],
    }


@pytest.fixture
def write_directory(tmp_path):
    """Writes a directory document to ``tmp_path/services.yaml`` and returns the path."""

    def write(data) -> Path:
        path = tmp_path / "services.yaml"
        text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def engine(tmp_path):
    """A fresh SQLite database per test."""
    engine = make_engine(f"sqlite:///{tmp_path / 'test.db'}")
    yield engine
    engine.dispose()


POSTGRES_URL = "postgresql+psycopg2://postgres@localhost:5432/test"


@pytest.fixture
def pg_engine():
    """An engine on the machine's PostgreSQL whose search path is a fresh schema (dropped after)."""
    import uuid

    from sqlalchemy import create_engine, text

    schema = f"t_{uuid.uuid4().hex[:10]}"
    admin = make_engine(POSTGRES_URL)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = create_engine(POSTGRES_URL, future=True, connect_args={"options": f"-csearch_path={schema}"})
    yield engine
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def compile_catalog(po_path: Path, translations_dir: Path, language: str) -> None:
    """Compiles one .po file into ``translations_dir/<language>/LC_MESSAGES/messages.mo``."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po_path.open("rb") as handle:
        catalog = read_po(handle, locale=language)
    target = translations_dir / language / "LC_MESSAGES"
    target.mkdir(parents=True, exist_ok=True)
    with (target / "messages.mo").open("wb") as handle:
        write_mo(handle, catalog)


@pytest.fixture(scope="session")
def compiled_translations(tmp_path_factory) -> Path:
    """The project's .po catalogs compiled into a temporary folder (independent of make)."""
    from bot.settings import PROJECT_ROOT

    out = tmp_path_factory.mktemp("translations")
    for po_path in (PROJECT_ROOT / "bot" / "translations").glob("*/LC_MESSAGES/messages.po"):
        compile_catalog(po_path, out, po_path.parent.parent.name)
    return out


@pytest.fixture
def runtime(engine, write_directory, directory_data, compiled_translations, tmp_path):
    """A runtime over a fresh database holding the small test directory."""
    from bot.directory import read_directory, store_directory
    from bot.runtime import build_runtime
    from bot.settings import Settings

    store_directory(engine, read_directory(write_directory(directory_data)))
    settings = Settings(database_url=str(engine.url), translations_dir=compiled_translations, data_dir=tmp_path)
    return build_runtime(settings)
