"""The service directory: read and validate ``services.yaml``, store it, look services up."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError, ProgrammingError

from bot import hours
from bot.db import city_table, services_table
from bot.schema import DirectoryError, read_yaml, validate_directory

NOT_LOADED = "Cannot read the service directory from the database; if it was never loaded, run 'python -m bot directory load'"


@dataclass(frozen=True)
class Service:
    """One service, one-stop shop or welcome place from the directory."""

    id: str
    kind: str
    name: Dict[str, str]
    topics: List[str]
    languages: List[str]
    address: str
    district: str
    opening_hours: str
    description: Dict[str, str] = field(default_factory=dict)
    lat: Optional[float] = None
    lon: Optional[float] = None
    phone: Optional[str] = None
    email: Optional[str] = None
    website: Optional[str] = None
    childcare: bool = False
    free: bool = False
    wheelchair: bool = False
    documents_required: bool = False
    appointment: Optional[str] = None

    def localized_name(self, language: str, fallback: str = "en") -> str:
        """The name in ``language``, else in ``fallback``, else any."""
        return localized_text(self.name, language, fallback)

    def localized_description(self, language: str, fallback: str = "en") -> str:
        """The description in ``language``, else in ``fallback``, else any (may be empty)."""
        return localized_text(self.description, language, fallback)


@dataclass(frozen=True)
class Directory:
    """A validated directory: the city block and its services."""

    city: Dict[str, Any]
    services: List[Service]


def _pick(texts: Dict[str, str], language: str, fallback: str) -> str:
    return texts.get(language) or texts.get(fallback) or next(iter(texts.values()), "")


def localized_text(value: Any, language: str, fallback: str) -> str:
    """A text from the directory that is either plain or a map language→text."""
    if isinstance(value, dict):
        return _pick(value, language, fallback)
    return "" if value is None else str(value)


def _as_text_map(value: Any, default_language: str) -> Dict[str, str]:
    return dict(value) if isinstance(value, dict) else {default_language: str(value)}


def _service_from_yaml(entry: Dict[str, Any], default_language: str) -> Service:
    geo = entry.get("geo") or {}
    return Service(
        id=entry["id"],
        kind=entry["kind"],
        name=_as_text_map(entry["name"], default_language),
        topics=list(entry["topics"]),
        languages=list(entry["languages"]),
        address=entry["address"],
        district=str(entry["district"]),
        opening_hours=entry["opening_hours"],
        description=dict(entry.get("description") or {}),
        lat=geo.get("lat"),
        lon=geo.get("lon"),
        phone=entry.get("phone"),
        email=entry.get("email"),
        website=entry.get("website"),
        childcare=bool(entry.get("childcare", False)),
        free=bool(entry.get("free", False)),
        wheelchair=bool(entry.get("wheelchair", False)),
        documents_required=bool(entry.get("documents_required", False)),
        appointment=entry.get("appointment"),
    )


def read_directory(path: Path) -> Directory:
    """Reads and validates a directory file.

    Raises:
        DirectoryError: listing every problem, each with the service id and field.
    """
    data = read_yaml(path)
    problems = validate_directory(data, hours.syntax_error)
    if problems:
        raise DirectoryError(path, problems)
    city = data["city"]
    default_language = city["default_language"]
    services = [_service_from_yaml(entry, default_language) for entry in data["services"]]
    return Directory(city=city, services=services)


def store_directory(engine: Engine, directory: Directory) -> None:
    """Brings the schema up to date, then replaces the stored directory in one transaction."""
    from bot.migrate import upgrade  # Alembic is needed only here, not by every reader

    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(delete(services_table))
        connection.execute(delete(city_table))
        connection.execute(insert(city_table), [{"key": "city", "data": directory.city}])
        rows = [
            {column: getattr(service, column) for column in services_table.columns.keys()}
            for service in directory.services
        ]
        connection.execute(insert(services_table), rows)


def load_directory(engine: Engine) -> Directory:
    """Reads the stored directory (as loaded by :func:`store_directory`).

    Raises:
        LookupError: when no directory has been loaded into this database yet.
    """
    try:
        with engine.connect() as connection:
            city_row = connection.execute(select(city_table.c.data).where(city_table.c.key == "city")).first()
            rows = connection.execute(select(services_table).order_by(services_table.c.id)).mappings().all()
    except (OperationalError, ProgrammingError) as error:
        raise LookupError(f"{NOT_LOADED} ({error.orig})") from error
    if city_row is None:
        raise LookupError(NOT_LOADED)
    return Directory(city=city_row[0], services=[Service(**dict(row)) for row in rows])


def find_services(
    services: Sequence[Service],
    topic: Optional[str] = None,
    kind: Optional[str] = None,
    language: Optional[str] = None,
    limit: int = 3,
) -> List[Service]:
    """Services for a topic and/or kind, best first.

    Ranking: services whose main (first-listed) topic it is; then those whose staff speak
    the person's language; then specific services before one-stop shops and welcome
    places; then by how early the topic is listed, and by id for a stable order.
    """
    matches = [
        service
        for service in services
        if (topic is None or topic in service.topics) and (kind is None or service.kind == kind)
    ]

    def rank(service: Service):
        primary = 0 if topic is None or service.topics.index(topic) == 0 else 1
        speaks = 0 if language and language in service.languages else 1
        specific = 0 if service.kind == "service" or kind else 1
        position = service.topics.index(topic) if topic else 0
        return (primary, speaks, specific, position, service.id)

    return sorted(matches, key=rank)[:limit]
