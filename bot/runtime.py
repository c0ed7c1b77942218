"""The long-lived parts a process needs, built once from settings and passed around."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Tuple

from sqlalchemy.engine import Engine

from bot.db import make_engine
from bot.directory import Directory, load_directory
from bot.i18n import Translator
from bot.settings import Settings

logger = logging.getLogger(__name__)


@dataclass
class Runtime:
    """Settings, database engine and translations of one process."""

    settings: Settings
    engine: Engine
    translator: Translator

    _files: Dict[str, Tuple[float, Any]] = field(default_factory=dict, repr=False)

    def directory(self) -> Directory:
        """The directory as stored now (re-read each time, so a reload needs no restart)."""
        return load_directory(self.engine)

    def _data_file(self, name: str, read: Callable[[Path], Any], empty: Any) -> Any:
        """A file of the data folder, re-read when it changes; ``empty`` when missing or broken."""
        path = self.settings.data_dir / name
        try:
            stamp = path.stat().st_mtime
        except OSError:
            return empty
        cached = self._files.get(name)
        if cached and cached[0] == stamp:
            return cached[1]
        try:
            value = read(path)
        except ValueError as error:  # EntitlementsError, DirectoryError: keep answering without it
            logger.error("%s is invalid, not used until fixed: %s", path, error)
            value = empty
        self._files[name] = (stamp, value)
        return value

    def entitlements(self) -> Dict[str, Any]:
        """``data/entitlements.yaml`` by topic (see :mod:`bot.entitlements`)."""
        from bot.entitlements import read_entitlements

        languages = self.translator.languages
        return self._data_file("entitlements.yaml", lambda path: read_entitlements(path, languages), {})

    def filter_words(self) -> Dict[str, Any]:
        """``data/filter_words.yml`` by language (see :mod:`bot.followup`)."""
        from bot.followup import read_words

        return self._data_file("filter_words.yml", read_words, {})


def build_runtime(settings: Settings) -> Runtime:
    """Connects to the database and loads the catalogs of the city's languages."""
    engine = make_engine(settings.database_url)
    city = load_directory(engine).city
    translator = Translator(settings.translations_dir, city["languages"], city["default_language"])
    return Runtime(settings=settings, engine=engine, translator=translator)
