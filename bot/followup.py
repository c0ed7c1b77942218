"""Reading wishes ("open now", "in Arabic", "free", "near the station") and a residence
situation ("we are asylum seekers") out of a message.

The intent says *that* a message narrows the services down; this module says *which*
wishes it holds. Keywords per language are data (``data/filter_words.yml``: adding a
language adds a block); weekday and language names come from Babel (CLDR), so they exist
for every language Babel knows. Matching ignores case, accents and vowel marks, and a
keyword matches whole words only (``stem*`` matches words starting with ``stem``).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from babel import Locale, UnknownLocaleError
from babel.dates import get_day_names

from bot.directory import Service
from bot.entitlements import PREFER_NOT_TO_SAY, STATUSES
from bot.filters import TODAY, Geo, ServiceFilters, normalize, resolve_place
from bot.schema import read_yaml

FLAGS = ("childcare", "free", "no_papers", "wheelchair", "walk_in")
WORD_LISTS = FLAGS + ("open_now", "today", "tomorrow", "near_me", "near_words", "ignore")
STATUS_CHOICES = STATUSES + (PREFER_NOT_TO_SAY,)
# Weekday names are matched as stems ("samstags", "в субботу") except where a stem would
# catch other words (Arabic "الجمع…" is also "associations").
UNINFLECTED_DAYS = ("ar", "fa")


@dataclass(frozen=True)
class Words:
    """One language's keywords, normalised: ``lists[name]`` and the extra language names."""

    lists: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    languages: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)
    statuses: Mapping[str, Tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class Wishes:
    """What one message asks for; ``needs_location`` when it says "near me" and none is known."""

    filters: ServiceFilters
    needs_location: bool = False


def _normal_list(values: Any) -> Tuple[str, ...]:
    if not isinstance(values, list):
        return ()
    return tuple(key for key in (_normal_keyword(str(value)) for value in values if value) if key)


def _normal_keyword(keyword: str) -> str:
    """A keyword as matched: normalised, keeping a trailing ``*`` (a stem)."""
    stem = keyword.strip().endswith("*")
    key = normalize(keyword.strip().rstrip("*"))
    return key + "*" if stem and key else key


def read_words(path: Path) -> Dict[str, Words]:
    """Reads the keyword file; a missing file gives no keywords (Babel's names still work)."""
    if not path.is_file():
        return {}
    data = read_yaml(path) or {}
    words: Dict[str, Words] = {}
    for language, block in data.items():
        if not isinstance(block, Mapping):
            continue
        words[str(language)] = Words(
            lists={name: _normal_list(block.get(name)) for name in WORD_LISTS},
            languages={str(code): _normal_list(forms) for code, forms in (block.get("languages") or {}).items()},
            statuses={status: _normal_list(block.get("statuses", {}).get(status)) for status in STATUS_CHOICES},
        )
    return words


@functools.lru_cache(maxsize=8192)
def _pattern(keyword: str) -> re.Pattern:
    if keyword.endswith("*"):
        return re.compile(rf"(?<!\w){re.escape(keyword[:-1])}\w*")
    return re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)")


def _without(text: str, phrases: Iterable[str]) -> str:
    """The text with phrases that only look like wishes ("guten Morgen" is not "tomorrow") blanked."""
    for phrase in phrases:
        text = _pattern(phrase).sub(" ", text)
    return text


def _longest_matches(text: str, keywords: Sequence[Tuple[str, str]]) -> set:
    """The names whose keywords occur in ``text``; a longer keyword takes its words first, so
    "step free" is wheelchair access, not "free", and "close to me" is not "close to"."""
    taken = [False] * len(text)
    names = set()
    for keyword, name in sorted(keywords, key=lambda pair: -len(pair[0].rstrip("*"))):
        for match in _pattern(keyword).finditer(text):
            if not any(taken[match.start():match.end()]):
                names.add(name)
                taken[match.start():match.end()] = [True] * (match.end() - match.start())
    return names


def contains(text: str, keywords: Iterable[str]) -> bool:
    """Whether the normalised ``text`` holds any keyword as whole words."""
    return any(_pattern(keyword).search(text) for keyword in keywords if keyword)


@functools.lru_cache(maxsize=32)
def _locale(language: str) -> Optional[Locale]:
    try:
        return Locale.parse(language)
    except (ValueError, UnknownLocaleError):
        return None


@functools.lru_cache(maxsize=32)
def weekday_names(language: str) -> Tuple[Tuple[str, int], ...]:
    """Every CLDR name of each weekday in ``language`` (wide ones as stems, abbreviated ones
    as whole words), normalised."""
    locale = _locale(language)
    if locale is None:
        return ()
    names = []
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for day, name in get_day_names(width, context, locale).items():
                key = normalize(name)
                if width == "wide" and len(key) >= 5 and " " not in key and language not in UNINFLECTED_DAYS:
                    key = key[:-1] + "*"  # inflected forms: "samstags", "в субботу", "w niedzielę"
                if len(key) >= 3:
                    names.append((key, day))
    return tuple(sorted(set(names), key=lambda pair: -len(pair[0])))


def language_names(language: str, codes: Sequence[str], extra: Mapping[str, Tuple[str, ...]]) -> List[Tuple[str, str]]:
    """``(name, code)`` for the spoken languages ``codes``: CLDR names in ``language`` and in
    English, plus the keyword file's extra forms; longest first."""
    names = []
    for code in codes:
        for locale in filter(None, (_locale(language), _locale("en"))):
            name = locale.languages.get(code)
            if name:
                names.append((normalize(name), code))
        names.extend((form, code) for form in extra.get(code, ()))
    return sorted(set(names), key=lambda pair: -len(pair[0]))


def _weekday(text: str, language: str) -> Optional[int]:
    for name, day in weekday_names(language):
        if _pattern(name).search(text):
            return day
    return None


def _spoken_language(text: str, language: str, codes: Sequence[str], words: Words) -> Optional[str]:
    for name, code in language_names(language, codes, words.languages):
        if _pattern(name).search(text):
            return code
    return None


def parse_wishes(
    message: str,
    language: str,
    words: Mapping[str, Words],
    city: Mapping[str, Any],
    services: Sequence[Service],
    today: date,
    *,
    location: Optional[Geo] = None,
    follow_up: bool = True,
) -> Wishes:
    """The wishes in one message.

    Args:
        language: The conversation language (keywords of English are tried as well).
        today: The city's date, for "tomorrow".
        location: A location the person shared earlier in the conversation.
        follow_up: The message narrows a list down. In a topic question ("a doctor near
            the station") a place counts only after a "near" word, and the language being
            learnt is not a wish ("where can I learn German").
    """
    own = words.get(language, Words())
    both = [own] + ([words["en"]] if language != "en" and "en" in words else [])
    text = _without(normalize(message), [key for block in both for key in block.lists.get("ignore", ())])
    found = _longest_matches(text, [(key, name) for block in both for name in WORD_LISTS
                                    for key in block.lists.get(name, ())])

    def said(name: str) -> bool:
        return name in found

    values: Dict[str, Any] = {flag: True for flag in FLAGS if said(flag)}
    if said("open_now"):
        values["open_now"] = True
    if said("today"):
        values["open_on"] = TODAY
    elif said("tomorrow"):
        values["open_on"] = (today + timedelta(days=1)).weekday()
    else:
        day = _weekday(text, language)
        if day is None and language != "en":
            day = _weekday(text, "en")
        if day is not None:
            values["open_on"] = day
    codes = sorted({code for service in services for code in service.languages})
    extra = Words(languages={code: sum((block.languages.get(code, ()) for block in both), ()) for code in codes})
    spoken = _spoken_language(text, language, codes, extra)
    if spoken:
        values["language"] = spoken
    needs_location = False
    if said("near_me"):
        if location:
            values["near"] = location
        else:
            needs_location = True
    if follow_up or said("near_words"):
        place = resolve_place(message, city, services)
        if place is not None:
            values.update({key: value for key, value in (("district", place.district), ("near", place.geo)) if value})
            needs_location = False
    return Wishes(ServiceFilters(**values), needs_location)


def parse_status(message: str, language: str, words: Mapping[str, Words]) -> Optional[str]:
    """The residence situation a message states (one of the statuses or ``prefer_not_to_say``)."""
    text = normalize(message)
    blocks = [words.get(language, Words())] + ([words["en"]] if language != "en" and "en" in words else [])
    for status in (PREFER_NOT_TO_SAY,) + STATUSES:
        if any(contains(text, block.statuses.get(status, ())) for block in blocks):
            return status
    return None


def filters_to_slot(filters: ServiceFilters) -> Dict[str, Any]:
    """The wishes as a JSON-friendly dict (for a conversation slot): only those that are set."""
    values = {name: getattr(filters, name) for name in filters.active()}
    if "near" in values:
        values["near"] = list(values["near"])
    return values


def filters_from_slot(value: Any) -> ServiceFilters:
    """The wishes kept in the conversation; anything malformed is dropped."""
    if not isinstance(value, Mapping):
        return ServiceFilters()
    clean: Dict[str, Any] = {}
    for name in FLAGS + ("open_now",):
        if value.get(name) is True:
            clean[name] = True
    open_on = value.get("open_on")
    if open_on == TODAY or (isinstance(open_on, int) and not isinstance(open_on, bool) and 0 <= open_on <= 6):
        clean["open_on"] = open_on
    for name in ("language", "district"):
        if isinstance(value.get(name), str) and len(value[name]) <= 100:
            clean[name] = value[name]
    near = value.get("near")
    if isinstance(near, (list, tuple)) and len(near) == 2 and all(isinstance(x, (int, float)) for x in near):
        if -90 <= near[0] <= 90 and -180 <= near[1] <= 180:
            clean["near"] = (float(near[0]), float(near[1]))
    return ServiceFilters(**clean)


def rounded_location(lat: Any, lon: Any) -> Optional[Geo]:
    """A shared position, rounded to about 100 m (3 decimals); ``None`` when it is not a position."""
    try:
        point = (round(float(lat), 3), round(float(lon), 3))
    except (TypeError, ValueError):
        return None
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180) or point != point:  # NaN
        return None
    return point
