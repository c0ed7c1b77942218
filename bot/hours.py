"""Opening hours: OpenStreetMap ``opening_hours`` values parsed by ``opening-hours-py``.

Parsing, holidays and the open/closed computation are the library's; this module only
turns its intervals into short texts in the person's language with Babel.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Callable, List, Mapping, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

import opening_hours
from babel import Locale, UnknownLocaleError
from babel.dates import format_time, get_day_names
from babel.lists import format_list

from bot.i18n import N_

Interval = Tuple[time, time]
Opening = Tuple[date, Optional[time]]
END_OF_DAY = time(23, 59, 59)
HORIZON_DAYS = 7


@dataclass(frozen=True)
class Place:
    """Where opening hours are evaluated: the city's time zone, its country (whose public
    holidays the library knows) and the holidays the city lists itself (``PH`` rules apply
    on those days too, e.g. a regional holiday the national calendar lacks)."""

    timezone: str
    country: Optional[str] = None
    holidays: Tuple[date, ...] = ()


def place_of(city: Mapping[str, Any]) -> Place:
    """The :class:`Place` of a directory's ``city:`` block (``public_holidays`` as dates)."""
    holidays = []
    for value in city.get("public_holidays") or []:
        try:
            holidays.append(value if isinstance(value, date) else date.fromisoformat(str(value)))
        except ValueError:
            continue
    return Place(city["timezone"], city.get("country"), tuple(sorted(holidays)))


_PH = re.compile(r"\bPH\b")


def _country_holiday(place: Place, day: date) -> bool:
    """Whether the library's calendar for the country has a public holiday on ``day``."""
    if not place.country:
        return False
    return bool(day_intervals("PH", Place(place.timezone, place.country), day))


@functools.lru_cache(maxsize=64)
def _holiday_like(timezone: str, country: str, weekday: int) -> Optional[date]:
    """A known public holiday of the country falling on ``weekday`` (to evaluate ``PH`` rules)."""
    place = Place(timezone, country)
    for year in range(2020, 2031):
        for month, day in ((1, 1), (5, 1), (10, 3), (12, 25), (12, 26), (11, 1), (8, 15), (1, 6), (11, 11)):
            candidate = date(year, month, day)
            if candidate.weekday() == weekday and _country_holiday(place, candidate):
                return candidate
    return None


def _extra_holiday(value: str, place: Place, day: date) -> Optional[date]:
    """For a city-listed holiday the national calendar lacks: a day on which the library
    applies the ``PH`` rules, with the same weekday; ``None`` when nothing changes."""
    if day not in place.holidays or not _PH.search(value) or not place.country:
        return None
    if _country_holiday(place, day):
        return None
    return _holiday_like(place.timezone, place.country, day.weekday())


def syntax_error(value: str) -> Optional[str]:
    """Returns why ``value`` is not valid opening_hours syntax, or ``None`` when it is."""
    try:
        opening_hours.OpeningHours(value)
    except (SyntaxError, opening_hours.ParserError) as error:
        detail = " ".join(str(error).split()) or "invalid syntax"
        return f"'{value}' is not valid OpenStreetMap opening_hours syntax: {detail}"
    return None


def _parse(value: str, place: Place):
    try:
        return opening_hours.OpeningHours(value, timezone=ZoneInfo(place.timezone), country=place.country)
    except Exception:  # unknown country calendar: evaluate without public holidays
        return opening_hours.OpeningHours(value, timezone=ZoneInfo(place.timezone))


def day_intervals(value: str, place: Place, day: date) -> List[Interval]:
    """The open intervals of one local day (times in the city's time zone)."""
    proxy = _extra_holiday(value, place, day)
    if proxy is not None:
        return day_intervals(value, Place(place.timezone, place.country), proxy)
    zone = ZoneInfo(place.timezone)
    start = datetime.combine(day, time.min, tzinfo=zone)
    end = start + timedelta(days=1)
    result: List[Interval] = []
    for begin, finish, state, _comment in _parse(value, place).intervals(start, end):
        if state != opening_hours.State.OPEN:
            continue
        begin = begin.astimezone(zone)
        finish = (finish or end).astimezone(zone)
        closing = END_OF_DAY if finish >= end else finish.time()
        result.append((begin.time(), closing))
    return result


def babel_locale(language: str, country: Optional[str]) -> Locale:
    """The locale for formatting: the language as used in the city's country when CLDR has it."""
    if country:
        try:
            return Locale.parse(f"{language}_{country.upper()}")
        except (ValueError, UnknownLocaleError):
            pass
    return Locale.parse(language)


def _format_intervals(intervals: Sequence[Interval], locale: Locale, _: Callable[[str], str]) -> str:
    parts = []
    for begin, end in intervals:
        if begin == time.min and end == END_OF_DAY:
            parts.append(_(ALL_DAY))
            continue
        until = format_time(time.min if end == END_OF_DAY else end, "short", locale=locale)
        parts.append(f"{format_time(begin, 'short', locale=locale)}–{until}")
    return format_list(parts, style="standard", locale=locale)


def weekly_summary(value: str, place: Place, language: str, today: date, _: Callable[[str], str]) -> str:
    """The hours of the week (Monday to Sunday) that contains ``today``, equal days grouped.

    Example (en): ``Mon–Wed 08:00–16:00 · Thu 08:00–18:00 · Fri 08:00–16:00``.
    Returns an empty string when the place is closed all week.
    """
    locale = babel_locale(language, place.country)
    names = get_day_names("abbreviated", locale=locale)
    monday = today - timedelta(days=today.weekday())
    days = [monday + timedelta(days=offset) for offset in range(7)]
    groups: List[Tuple[date, date, List[Interval]]] = []
    for day in days:
        intervals = day_intervals(value, place, day)
        if groups and groups[-1][2] == intervals and groups[-1][1] + timedelta(days=1) == day:
            groups[-1] = (groups[-1][0], day, intervals)
        else:
            groups.append((day, day, intervals))
    lines = []
    for first, last, intervals in groups:
        if not intervals:
            continue
        label = names[first.weekday()] if first == last else f"{names[first.weekday()]}–{names[last.weekday()]}"
        lines.append(f"{label} {_format_intervals(intervals, locale, _)}")
    return " · ".join(lines)


ALL_DAY = N_("24 hours")
OPEN_UNTIL = N_("Open now, until {time}")
OPEN_ALWAYS = N_("Open 24 hours")
CLOSED_OPENS_TODAY = N_("Closed now, opens today at {time}")
CLOSED_OPENS_TOMORROW = N_("Closed now, opens tomorrow at {time}")
CLOSED_OPENS_ON = N_("Closed now, opens {day} at {time}")
CLOSED_THIS_WEEK = N_("Closed for the next 7 days")


def _status_from_days(value: str, place: Place, locale: Locale, now: datetime, _: Callable[[str], str]) -> str:
    """:func:`status_line` computed day by day (used when a city-listed holiday is near)."""
    is_open, until = open_until(value, place, now)
    if is_open:
        if until is None:
            return _(OPEN_ALWAYS)
        return _(OPEN_UNTIL).format(time=format_time(until, "short", locale=locale))
    opening = next_opening(value, place, now)
    if opening is None:
        return _(CLOSED_THIS_WEEK)
    day, clock = opening[0], format_time(opening[1] or time.min, "short", locale=locale)
    if day == now.date():
        return _(CLOSED_OPENS_TODAY).format(time=clock)
    if day == now.date() + timedelta(days=1):
        return _(CLOSED_OPENS_TOMORROW).format(time=clock)
    return _(CLOSED_OPENS_ON).format(day=get_day_names("wide", locale=locale)[day.weekday()], time=clock)


def status_line(value: str, place: Place, language: str, now: datetime, _: Callable[[str], str]) -> str:
    """A whole translated sentence saying whether the place is open now and until/from when."""
    locale = babel_locale(language, place.country)
    zone = ZoneInfo(place.timezone)
    now = now.astimezone(zone)
    if any(now.date() <= day <= now.date() + timedelta(days=HORIZON_DAYS) for day in place.holidays):
        return _status_from_days(value, place, locale, now, _)
    parsed = _parse(value, place)
    change = parsed.next_change(now)
    if parsed.is_open(now):
        if change is None or change - now > timedelta(days=7):
            return _(OPEN_ALWAYS)
        return _(OPEN_UNTIL).format(time=format_time(change.astimezone(zone), "short", locale=locale))
    if change is None or change - now > timedelta(days=7):
        return _(CLOSED_THIS_WEEK)
    opens = change.astimezone(zone)
    clock = format_time(opens, "short", locale=locale)
    if opens.date() == now.date():
        return _(CLOSED_OPENS_TODAY).format(time=clock)
    if opens.date() == now.date() + timedelta(days=1):
        return _(CLOSED_OPENS_TOMORROW).format(time=clock)
    day = get_day_names("wide", locale=locale)[opens.weekday()]
    return _(CLOSED_OPENS_ON).format(day=day, time=clock)


# --- open now / next opening, from the day intervals (so city-listed holidays count) ---
def open_until(value: str, place: Place, local_now: datetime) -> Tuple[bool, Optional[time]]:
    """Whether open at ``local_now`` and, if so, when it closes (``None``: not within a week)."""
    day, clock = local_now.date(), local_now.time()
    intervals = day_intervals(value, place, day)
    current = next((i for i in intervals if i[0] <= clock and (clock < i[1] or i[1] == END_OF_DAY)), None)
    if current is None:
        return False, None
    end = current[1]
    for offset in range(1, HORIZON_DAYS + 1):
        if end != END_OF_DAY:
            return True, end
        following = day_intervals(value, place, day + timedelta(days=offset))
        if not following or following[0][0] != time.min:
            return True, time.min
        end = following[0][1]
    return True, None


def opens_on(value: str, place: Place, day: date, after: Optional[time] = None) -> Optional[Opening]:
    """When the place opens on ``day``, not before ``after``: ``(day, time)``, ``(day, None)`` if open all day.

    Returns ``None`` when it does not open that day. The rest of a night opening
    (``00:00–02:00`` after ``22:00–24:00`` the day before) is not an opening of ``day``.
    """
    intervals = day_intervals(value, place, day)
    if after is None and (time.min, END_OF_DAY) in intervals:
        return day, None
    continues_night = bool(intervals) and intervals[0][0] == time.min and _open_at_midnight(value, place, day)
    for index, (begin, _end) in enumerate(intervals):
        if (index == 0 and continues_night) or (after is not None and begin < after):
            continue
        return day, begin
    return None


def _open_at_midnight(value: str, place: Place, day: date) -> bool:
    before = day_intervals(value, place, day - timedelta(days=1))
    return bool(before) and before[-1][1] == END_OF_DAY


def next_opening(value: str, place: Place, local_now: datetime) -> Optional[Opening]:
    """The next time the place opens after ``local_now``, within a week."""
    today = local_now.date()
    for offset in range(HORIZON_DAYS + 1):
        found = opens_on(value, place, today + timedelta(days=offset), local_now.time() if offset == 0 else None)
        if found:
            return found
    return None
