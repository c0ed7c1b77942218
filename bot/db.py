"""Database engine factory and table definitions (SQLAlchemy Core, 1.4 and 2.0 compatible).

The service directory tables are derived data: ``python -m bot directory load`` rebuilds
them from ``data/services.yaml`` in one transaction. The schema of every table is created
and changed by Alembic migrations (``bot/migrations``, run by :func:`bot.migrate.upgrade`).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import JSON, Boolean, Column, Float, MetaData, String, Table, Text, create_engine
from sqlalchemy.engine import Engine, make_url

metadata = MetaData()

services_table = Table(
    "directory_services",
    metadata,
    Column("id", String(100), primary_key=True),
    Column("kind", String(20), nullable=False),
    Column("name", JSON, nullable=False),
    Column("topics", JSON, nullable=False),
    Column("languages", JSON, nullable=False),
    Column("address", Text, nullable=False),
    Column("district", String(100), nullable=False),
    Column("lat", Float),
    Column("lon", Float),
    Column("opening_hours", Text, nullable=False),
    Column("phone", String(50)),
    Column("email", String(200)),
    Column("website", Text),
    Column("description", JSON, nullable=False),
    Column("childcare", Boolean, nullable=False, default=False),
    Column("free", Boolean, nullable=False, default=False),
    Column("wheelchair", Boolean, nullable=False, default=False),
    Column("documents_required", Boolean, nullable=False, default=False),
    Column("appointment", String(20)),
)

city_table = Table(
    "directory_city",
    metadata,
    Column("key", String(20), primary_key=True),
    Column("data", JSON, nullable=False),
)


def make_engine(database_url: str) -> Engine:
    """Creates an engine; for a SQLite file, its folder is created first."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    return create_engine(database_url, future=True, pool_pre_ping=True)

