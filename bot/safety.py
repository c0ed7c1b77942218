"""Danger keywords: a safety net so that a person in danger always gets the emergency number.

The intent classifier is trained on emergency examples; this list catches what it misses.
Keywords live in ``data/danger_keywords.yml`` (language -> list of words and phrases).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Dict, Iterable, List, Pattern

import yaml

# Phones type several apostrophes; keywords are written with the plain one. Turkish dotted
# and dotless i lowercase unevenly ("İ" -> "i" + U+0307, "I" -> "i" instead of "ı"), so
# both sides are folded to a plain "i".
_FOLD = str.maketrans({"\u2019": "'", "\u02bc": "'", "`": "'", "\u2018": "'", "\u0307": None, "\u0131": "i"})


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)


class DangerMatcher:
    """Finds danger keywords as whole words or phrases, case-insensitively, in any language."""

    def __init__(self, keywords: Iterable[str]) -> None:
        phrases = sorted({_normalise(k).strip() for k in keywords if k and k.strip()}, key=len, reverse=True)
        self._pattern: Pattern[str] = re.compile(
            r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)" if phrases else r"(?!x)x"
        )

    def matches(self, text: str) -> bool:
        """True when ``text`` contains a danger keyword."""
        return bool(self._pattern.search(_normalise(text or "")))


def read_keywords(path: Path) -> List[str]:
    """Reads all languages' keywords from a YAML file mapping language -> list."""
    data: Dict[str, List[str]] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping of language -> list of keywords")
    keywords: List[str] = []
    for language, words in data.items():
        if not isinstance(words, list):
            raise ValueError(f"{path}: '{language}' must be a list of keywords")
        keywords.extend(str(word) for word in words)
    return keywords
