"""Translations (gettext catalogs managed with Babel) and locale-aware formatting.

Messages are marked in code with ``N_("...")`` (a no-op marker that ``pybabel extract``
finds) and translated at the moment they are said with :meth:`Translator.gettext`.
Catalogs live in ``bot/translations/<lang>/LC_MESSAGES/messages.po``; the compiled
``.mo`` files are built by ``make catalogs`` and never committed.
"""

from __future__ import annotations

import gettext as _gettext
from pathlib import Path
from typing import Callable, Dict, Iterable

from babel import Locale

DOMAIN = "messages"


def N_(message: str) -> str:
    """Marks a message for extraction without translating it (translated when said)."""
    return message


class MissingCatalogError(RuntimeError):
    """A supported language has no compiled catalog (run ``make catalogs``)."""


class Translator:
    """Looks up translations of marked messages for each supported language.

    Args:
        translations_dir: Folder holding ``<lang>/LC_MESSAGES/messages.mo``.
        languages: Supported ISO 639-1 codes; English needs no catalog (source language).
        default_language: Used for a language that is not supported.
    """

    SOURCE_LANGUAGE = "en"

    def __init__(self, translations_dir: Path, languages: Iterable[str], default_language: str) -> None:
        self.languages = list(languages)
        self.default_language = default_language
        self._catalogs: Dict[str, _gettext.NullTranslations] = {}
        for language in self.languages:
            if language == self.SOURCE_LANGUAGE:
                self._catalogs[language] = _gettext.NullTranslations()
                continue
            try:
                self._catalogs[language] = _gettext.translation(
                    DOMAIN, localedir=str(translations_dir), languages=[language]
                )
            except OSError as error:
                raise MissingCatalogError(
                    f"No compiled catalog for language '{language}' in {translations_dir} "
                    f"(run 'make catalogs'): {error}"
                ) from error

    def supported(self, language: str) -> str:
        """Returns ``language`` when supported, otherwise the default language."""
        return language if language in self._catalogs else self.default_language

    def gettext(self, language: str, message: str) -> str:
        """Translates ``message`` into ``language`` (falls back to the default language)."""
        return self._catalogs[self.supported(language)].gettext(message)

    def for_language(self, language: str) -> Callable[[str], str]:
        """Returns a ``_`` function bound to one language."""
        catalog = self._catalogs[self.supported(language)]
        return catalog.gettext


def language_name(code: str, in_language: str = "") -> str:
    """The name of a language, in that language (``ar`` -> ``العربية``) or in another one."""
    locale = Locale.parse(code)
    if not in_language or in_language == code:
        return locale.get_display_name(code) or code
    return locale.get_display_name(in_language) or code


def text_direction(code: str) -> str:
    """``rtl`` for right-to-left languages (Arabic, Farsi), otherwise ``ltr``."""
    return Locale.parse(code).text_direction
