"""Opening hours: OpenStreetMap ``opening_hours`` values parsed by ``opening-hours-py``.

Parsing, holidays and the open/closed computation are the library's; this module only
turns its intervals into short texts in the person's language with Babel.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable, List, Optional, Sequence, Tuple
from zoneinfo import ZoneInfo

import opening_hours
from babel import Locale, UnknownLocaleError
from babel.dates import format_time, get_day_names
from babel.lists import format_list

from bot.i18n import N_

Interval = Tuple[time, time]
END_OF_DAY = time(23, 59, 59)


@dataclass(frozen=True)
class Place:
    """Where opening hours are evaluated: the city's time zone and country (for holidays)."""

    timezone: str
    country: Optional[str] = None


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


def status_line(value: str, place: Place, language: str, now: datetime, _: Callable[[str], str]) -> str:
    """A whole translated sentence saying whether the place is open now and until/from when."""
    locale = babel_locale(language, place.country)
    zone = ZoneInfo(place.timezone)
    now = now.astimezone(zone)
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
