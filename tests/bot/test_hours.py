"""Opening hours texts in the person's language (parsing by opening-hours-py)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot import hours

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
