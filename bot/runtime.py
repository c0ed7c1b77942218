"""The long-lived parts a process needs, built once from settings and passed around."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from bot.db import make_engine
from bot.directory import Directory, load_directory
from bot.i18n import Translator
from bot.settings import Settings


@dataclass
class Runtime:
    """Settings, database engine and translations of one process."""

    settings: Settings
    engine: Engine
    translator: Translator

    def directory(self) -> Directory:
        """The directory as stored now (re-read each time, so a reload needs no restart)."""
        return load_directory(self.engine)


def build_runtime(settings: Settings) -> Runtime:
    """Connects to the database and loads the catalogs of the city's languages."""
    engine = make_engine(settings.database_url)
    city = load_directory(engine).city
    translator = Translator(settings.translations_dir, city["languages"], city["default_language"])
    return Runtime(settings=settings, engine=engine, translator=translator)
