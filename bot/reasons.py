"""Whether a service meets each wish, and why: short translatable reasons ready to show.

Each reason holds a message from :mod:`bot.texts_filters` and its values already formatted
with Babel for the person's language (times, distances, day and language names). Opening
hours come from :func:`bot.hours.day_intervals`, so they are evaluated in the city's time
zone with the public holidays of the city's country (the calendar of opening-hours-py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import cached_property
from typing import Callable, Dict, Optional, Tuple
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_time, get_day_names

from bot import hours
from bot import texts_filters as texts
from bot.directory import Service
from bot.filters import TODAY, ServiceFilters, distance_km, format_distance, normalize
from bot.hours import Opening, next_opening, open_until, opens_on  # noqa: F401  (also used from here)
from bot.i18n import language_name

Translate = Callable[[str], str]
NEAR_KM = 3.0
WALK_IN_VALUES = ("walk_in", "both")


@dataclass(frozen=True)
class Reason:
    """A translatable phrase (from :mod:`bot.texts_filters`) with its values already formatted."""

    message: str
    values: Tuple[Tuple[str, str], ...] = ()

    def text(self, _: Translate) -> str:
        """The phrase in the person's language."""
        return _(self.message).format(**dict(self.values))


def _reason(message: str, **values: str) -> Reason:
    return Reason(message, tuple(sorted(values.items())))


@dataclass(frozen=True)
class Context:
    """When and where wishes are checked, and the language reasons are formatted in."""

    now: datetime
    place: hours.Place
    language: str
    radius_km: float = NEAR_KM

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("now must be timezone-aware (opening hours are checked in the city's time zone)")

    @cached_property
    def locale(self) -> Locale:
        """The Babel locale: the person's language as used in the city's country."""
        return hours.babel_locale(self.language, self.place.country)

    @cached_property
    def local_now(self) -> datetime:
        """``now`` in the city's time zone."""
        return self.now.astimezone(ZoneInfo(self.place.timezone))


def language_label(code: str, language: str) -> str:
    """The name of language ``code`` in ``language``; the code itself when Babel does not know it."""
    try:
        return language_name(code, language)
    except (ValueError, UnknownLocaleError):
        return code


# --- opening hours --------------------------------------------------------------------------
def _open_now_reason(until: Optional[time], context: Context) -> Reason:
    if until is None:
        return _reason(texts.OPEN_NOW_ALWAYS)
    return _reason(texts.OPEN_NOW_UNTIL, time=format_time(until, "short", locale=context.locale))


def opening_reason(opening: Opening, context: Context) -> Reason:
    """An opening as a phrase: "opens today at 14:00", "opens tomorrow at 09:00", "open all day Sunday"."""
    day, begin = opening
    today = context.local_now.date()
    day_name = get_day_names("wide", locale=context.locale)[day.weekday()]
    tomorrow = day == today + timedelta(days=1)
    if begin is None:
        return _reason(texts.OPEN_ALL_DAY_TOMORROW) if tomorrow else _reason(texts.OPEN_ALL_DAY_ON, day=day_name)
    clock = format_time(begin, "short", locale=context.locale)
    if day == today:
        return _reason(texts.OPENS_TODAY_AT, time=clock)
    if tomorrow:
        return _reason(texts.OPENS_TOMORROW_AT, time=clock)
    return _reason(texts.OPENS_ON_AT, day=day_name, time=clock)


def availability_reason(service: Service, context: Context) -> Optional[Reason]:
    """Open now until when, else when it opens next (``None``: not within a week)."""
    is_open, until = open_until(service.opening_hours, context.place, context.local_now)
    if is_open:
        return _open_now_reason(until, context)
    opening = next_opening(service.opening_hours, context.place, context.local_now)
    return opening_reason(opening, context) if opening else None


# --- one check per wish: the reason it is met, or None -------------------------------------
def _check_open_now(service: Service, filters: ServiceFilters, context: Context) -> Optional[Reason]:
    is_open, until = open_until(service.opening_hours, context.place, context.local_now)
    return _open_now_reason(until, context) if is_open else None


def _later_today(service: Service, context: Context) -> Optional[Reason]:
    opening = opens_on(service.opening_hours, context.place, context.local_now.date(), context.local_now.time())
    return opening_reason(opening, context) if opening else None


def _check_open_on(service: Service, filters: ServiceFilters, context: Context) -> Optional[Reason]:
    """Open on the wished day: for today, now or later today; for a weekday, its next date.

    When the wished weekday is today and today's hours are over, next week's counts.
    """
    today = context.local_now.date()
    weekday = today.weekday() if filters.open_on == TODAY else int(filters.open_on)
    offset = (weekday - today.weekday()) % 7
    if offset == 0:
        rest_of_today = _check_open_now(service, filters, context) or _later_today(service, context)
        if rest_of_today or filters.open_on == TODAY:
            return rest_of_today
        offset = 7
    opening = opens_on(service.opening_hours, context.place, today + timedelta(days=offset))
    return opening_reason(opening, context) if opening else None


def _check_language(service: Service, filters: ServiceFilters, context: Context) -> Optional[Reason]:
    if filters.language not in service.languages:
        return None
    return _reason(texts.STAFF_SPEAK, language=language_label(str(filters.language), context.language))


def _check_district(service: Service, filters: ServiceFilters, context: Context) -> Optional[Reason]:
    if normalize(service.district) != normalize(str(filters.district)):
        return None
    return _reason(texts.IN_DISTRICT, district=service.district)


def distance_reason(km: float, context: Context) -> Reason:
    """The distance as a phrase in the person's locale: "1.2 km away"."""
    return _reason(texts.DISTANCE, distance=format_distance(km, context.locale))


def _check_near(service: Service, filters: ServiceFilters, context: Context) -> Optional[Reason]:
    km = distance_km(service, filters.near)
    return distance_reason(km, context) if km is not None and km <= context.radius_km else None


Check = Callable[[Service, ServiceFilters, Context], Optional[Reason]]


def _flag(test: Callable[[Service], bool], message: str) -> Check:
    """A check for a yes/no field of the service."""
    return lambda service, filters, context: _reason(message) if test(service) else None


CHECKS: Dict[str, Check] = {
    "open_now": _check_open_now,
    "open_on": _check_open_on,
    "language": _check_language,
    "childcare": _flag(lambda service: service.childcare, texts.CHILDCARE),
    "free": _flag(lambda service: service.free, texts.FREE),
    "no_papers": _flag(lambda service: not service.documents_required, texts.NO_DOCUMENTS),
    "wheelchair": _flag(lambda service: service.wheelchair, texts.WHEELCHAIR),
    "walk_in": _flag(lambda service: service.appointment in WALK_IN_VALUES, texts.WALK_IN),
    "district": _check_district,
    "near": _check_near,
}


def check(service: Service, filters: ServiceFilters, context: Context) -> Dict[str, Optional[Reason]]:
    """For each wish that is set (in order): the reason the service meets it, or ``None``."""
    return {name: CHECKS[name](service, filters, context) for name in filters.active()}


WISHES = {
    "open_now": texts.WISH_OPEN_NOW,
    "childcare": texts.WISH_CHILDCARE,
    "free": texts.WISH_FREE,
    "no_papers": texts.WISH_NO_PAPERS,
    "wheelchair": texts.WISH_WHEELCHAIR,
    "walk_in": texts.WISH_WALK_IN,
}


def wish(name: str, filters: ServiceFilters, context: Context) -> Reason:
    """The wish ``name`` as a short phrase ("open now", "staff who speak Farsi", "within 3 km")."""
    if name == "open_on" and filters.open_on == TODAY:
        return _reason(texts.WISH_OPEN_TODAY)
    if name == "open_on":
        return _reason(texts.WISH_OPEN_ON, day=get_day_names("wide", locale=context.locale)[int(filters.open_on)])
    if name == "language":
        return _reason(texts.WISH_LANGUAGE, language=language_label(str(filters.language), context.language))
    if name == "district":
        return _reason(texts.WISH_DISTRICT, district=str(filters.district))
    if name == "near":
        return _reason(texts.WISH_NEAR, distance=format_distance(context.radius_km, context.locale))
    return _reason(WISHES[name])
