"""Opening hours texts in the person's language (parsing by opening-hours-py)."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot import hours
from bot.hours import Place, day_intervals, place_of, status_line

BERLIN = hours.Place("Europe/Berlin", "DE")
TZ = ZoneInfo("Europe/Berlin")


def identity(message):
    return message


def test_syntax_error_is_reported():
    assert hours.syntax_error("Mo-Fr 09:00-17:00") is None
    assert "not valid OpenStreetMap opening_hours" in hours.syntax_error("Mo-Fr 9-")


@pytest.mark.parametrize(
    "language, expected",
    [
        ("en", "Mon–Wed 08:00–16:00 · Thu 08:00–18:00 · Fri 08:00–16:00"),
        ("de", "Mo.–Mi. 08:00–16:00 · Do. 08:00–18:00 · Fr. 08:00–16:00"),
        ("uk", "пн–ср 08:00–16:00 · чт 08:00–18:00 · пт 08:00–16:00"),
    ],
)
def test_weekly_summary_groups_days_in_language(language, expected):
    value = "Mo-Fr 08:00-16:00; Th 08:00-18:00; PH off"
    assert hours.weekly_summary(value, BERLIN, language, date(2026, 11, 25), identity) == expected


def test_weekly_summary_arabic_uses_arabic_day_names():
    summary = hours.weekly_summary("Mo-Fr 08:00-16:00", BERLIN, "ar", date(2026, 11, 25), identity)
    assert "الاثنين" in summary and "الجمعة" in summary


def test_public_holiday_closes_the_day():
    # 25 December 2026 is a Friday and a public holiday in Germany.
    summary = hours.weekly_summary("Mo-Fr 08:00-16:00; PH off", BERLIN, "en", date(2026, 12, 21), identity)
    assert summary == "Mon–Thu 08:00–16:00"


def test_all_day_and_overnight():
    assert hours.weekly_summary("24/7", BERLIN, "en", date(2026, 11, 25), identity) == "Mon–Sun 24 hours"
    overnight = hours.weekly_summary("Mo-Su 22:00-06:00", BERLIN, "en", date(2026, 11, 25), identity)
    assert overnight == "Mon–Sun 00:00–06:00 and 22:00–00:00"


@pytest.mark.parametrize(
    "moment, expected",
    [
        (datetime(2026, 11, 26, 10, 0, tzinfo=TZ), "Open now, until 18:00"),
        (datetime(2026, 11, 26, 7, 0, tzinfo=TZ), "Closed now, opens today at 08:00"),
        (datetime(2026, 11, 26, 19, 0, tzinfo=TZ), "Closed now, opens tomorrow at 08:00"),
        (datetime(2026, 11, 27, 17, 0, tzinfo=TZ), "Closed now, opens Monday at 08:00"),
    ],
)
def test_status_line(moment, expected):
    value = "Mo-Fr 08:00-16:00; Th 08:00-18:00"
    assert hours.status_line(value, BERLIN, "en", moment, identity) == expected


def test_status_line_is_in_city_time_zone():
    utc_moment = datetime(2026, 11, 26, 16, 30, tzinfo=ZoneInfo("UTC"))  # 17:30 in Berlin
    assert hours.status_line("Mo-Fr 08:00-17:00", BERLIN, "en", utc_moment, identity) == (
        "Closed now, opens tomorrow at 08:00"
    )


def test_always_open_and_closed():
    now = datetime(2026, 11, 26, 3, 0, tzinfo=TZ)
    assert hours.status_line("24/7", BERLIN, "en", now, identity) == "Open 24 hours"
    assert hours.status_line("off", BERLIN, "en", now, identity) == "Closed for the next 7 days"


# --- holidays the city lists itself (regional ones the national calendar lacks) -----------

REPENTANCE_DAY = date(2026, 11, 18)  # a Wednesday; a holiday in Saxony only, not nationwide


def test_a_city_listed_holiday_applies_the_ph_rules():
    city = {"timezone": "Europe/Berlin", "country": "DE", "public_holidays": ["2026-11-18", "not a date"]}
    place = place_of(city)
    assert place.holidays == (REPENTANCE_DAY,)
    national = Place("Europe/Berlin", "DE")
    assert day_intervals("Mo-Fr 09:00-17:00; PH off", national, REPENTANCE_DAY) == [(time(9), time(17))]
    assert day_intervals("Mo-Fr 09:00-17:00; PH off", place, REPENTANCE_DAY) == []
    assert day_intervals("Mo-Fr 09:00-17:00; PH 10:00-12:00", place, REPENTANCE_DAY) == [(time(10), time(12))]
    assert day_intervals("Mo-Fr 09:00-17:00", place, REPENTANCE_DAY) == [(time(9), time(17))]  # no PH rule
    assert day_intervals("Mo-Fr 09:00-17:00; PH off", place, date(2026, 11, 19)) == [(time(9), time(17))]


def test_the_open_now_line_knows_the_city_listed_holiday():
    place = place_of({"timezone": "Europe/Berlin", "country": "DE", "public_holidays": ["2026-11-18"]})
    noon = datetime(2026, 11, 18, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    line = status_line("Mo-Fr 09:00-17:00; PH off", place, "en", noon, lambda text: text)
    assert line == "Closed now, opens tomorrow at 09:00"
    assert status_line("Mo-Fr 09:00-17:00; PH off", Place("Europe/Berlin", "DE"), "en", noon,
                       lambda text: text).startswith("Open now, until")
