"""Database migrations (Alembic, scripts in ``bot/migrations``), run from Python.

``python -m bot db upgrade`` (run by ``make db`` / ``make run``) brings any database named
by ``DATABASE_URL`` to the latest schema; the directory commands do the same first.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Applies every migration up to ``revision`` (default: the latest) in one transaction."""
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at, or ``None`` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    """The latest revision in ``bot/migrations``."""
    return ScriptDirectory.from_config(_config()).get_current_head()
