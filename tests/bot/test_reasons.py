"""Whether a service meets each wish and why: opening hours in the city's time zone, Babel formatting."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import hours
from bot.filters import TODAY, ServiceFilters
from bot.reasons import Context, availability_reason, check, wish
from tests.bot.test_filters import service

BERLIN = hours.Place("Europe/Berlin", "DE")
TZ = ZoneInfo("Europe/Berlin")
UTC = ZoneInfo("UTC")
THURSDAY_10 = datetime(2026, 11, 26, 10, 0, tzinfo=TZ)  # an ordinary Thursday


def identity(message):
    return message


def reason(svc, filters, now=THURSDAY_10, language="en", **context):
    """The text of the single reason for the single wish in ``filters`` (``None``: not met)."""
    results = check(svc, filters, Context(now, BERLIN, language, **context))
    [(name, found)] = results.items()
    return found.text(identity) if found else None


def open_now(hours_value, now, language="en"):
    return reason(service("s", opening_hours=hours_value), ServiceFilters(open_now=True), now, language)


def open_on(hours_value, day, now=THURSDAY_10, language="en"):
    return reason(service("s", opening_hours=hours_value), ServiceFilters(open_on=day), now, language)


def test_context_needs_an_aware_time():
    with pytest.raises(ValueError, match="timezone-aware"):
        Context(datetime(2026, 11, 26, 10, 0), BERLIN, "en")


def test_no_wishes_no_checks():
    assert check(service("s"), ServiceFilters(), Context(THURSDAY_10, BERLIN, "en")) == {}


def test_checks_come_in_the_order_of_the_wishes():
    filters = ServiceFilters(free=True, open_now=True, childcare=True)
    results = check(service("s"), filters, Context(THURSDAY_10, BERLIN, "en"))
    assert list(results) == ["open_now", "childcare", "free"]
    assert results["childcare"] is None and results["free"].text(identity) == "free"


# --- each yes/no wish -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "filters, meets, fails, expected",
    [
        (ServiceFilters(childcare=True), {"childcare": True}, {"childcare": False}, "childcare available"),
        (ServiceFilters(free=True), {"free": True}, {"free": False}, "free"),
        (
            ServiceFilters(no_papers=True),
            {"documents_required": False},
            {"documents_required": True},
            "no documents needed",
        ),
        (ServiceFilters(wheelchair=True), {"wheelchair": True}, {"wheelchair": False}, "wheelchair accessible"),
        (
            ServiceFilters(walk_in=True),
            {"appointment": "walk_in"},
            {"appointment": "appointment"},
            "walk-in, no appointment",
        ),
    ],
)
def test_yes_no_wishes(filters, meets, fails, expected):
    assert reason(service("yes", **meets), filters) == expected
    assert reason(service("no", **fails), filters) is None


@pytest.mark.parametrize(
    "appointment, meets", [("walk_in", True), ("both", True), ("appointment", False), (None, False)]
)
def test_walk_in_means_no_appointment_needed(appointment, meets):
    assert (reason(service("s", appointment=appointment), ServiceFilters(walk_in=True)) is not None) == meets


@pytest.mark.parametrize(
    "language, expected",
    [("en", "staff speak Persian"), ("de", "staff speak Persisch"), ("ar", "staff speak الفارسية")],
)
def test_language_named_in_the_persons_language(language, expected):
    assert reason(service("s", languages=["de", "fa"]), ServiceFilters(language="fa"), language=language) == expected
    assert reason(service("s", languages=["de", "ar"]), ServiceFilters(language="fa"), language=language) is None


def test_unknown_language_code_is_shown_as_is():
    assert reason(service("s", languages=["xx"]), ServiceFilters(language="xx")) == "staff speak xx"


def test_district_ignores_case_and_accents():
    svc = service("s", district="Südstadt")
    assert reason(svc, ServiceFilters(district="sudstadt")) == "in the Südstadt district"
    assert reason(svc, ServiceFilters(district="North")) is None


@pytest.mark.parametrize("language, expected", [("en", "1,1 km away"), ("de", "1,1 km away"), ("ar", "1.1 كم away")])
def test_near_within_radius_with_distance_in_locale(language, expected):
    svc = service("s", geo={"lat": 52.53, "lon": 13.40})  # 1.1 km north of the origin
    assert reason(svc, ServiceFilters(near=(52.52, 13.40)), language=language) == expected


def test_english_distance_outside_a_country_uses_a_decimal_point():
    svc = service("s", geo={"lat": 52.53, "lon": 13.40})
    context = Context(THURSDAY_10, hours.Place("Europe/Berlin"), "en")
    assert check(svc, ServiceFilters(near=(52.52, 13.40)), context)["near"].text(identity) == "1.1 km away"


def test_near_excludes_far_and_unknown_positions():
    far = service("far", geo={"lat": 52.60, "lon": 13.40})  # 8.9 km
    assert reason(far, ServiceFilters(near=(52.52, 13.40))) is None
    assert reason(far, ServiceFilters(near=(52.52, 13.40)), radius_km=10) == "8,9 km away"
    assert reason(service("nowhere", geo=None), ServiceFilters(near=(52.52, 13.40))) is None


# --- opening hours ------------------------------------------------------------------------
@pytest.mark.parametrize(
    "language, expected",
    [("en", "open now until 18:00"), ("de", "open now until 18:00"), ("ar", "open now until 6:00 م")],
)
def test_open_now_until_in_locale(language, expected):
    assert open_now("Mo-Fr 08:00-18:00", THURSDAY_10, language) == expected
    assert open_now("Mo-Fr 08:00-09:00", THURSDAY_10, language) is None


@pytest.mark.parametrize(
    "hour, expected",
    [(1, "open now until 02:00"), (23, "open now until 02:00"), (3, None), (22, "open now until 02:00")],
)
def test_open_now_around_midnight(hour, expected):
    assert open_now("Mo-Su 22:00-02:00", datetime(2026, 11, 26, hour, 0, tzinfo=TZ)) == expected


def test_closes_at_midnight_when_the_next_day_starts_closed():
    assert open_now("Th 20:00-24:00", datetime(2026, 11, 26, 21, 0, tzinfo=TZ)) == "open now until 00:00"


def test_open_today_later_around_midnight():
    at_three = datetime(2026, 11, 26, 3, 0, tzinfo=TZ)
    assert open_on("Mo-Su 22:00-02:00", TODAY, at_three) == "opens today at 22:00"
    assert open_on("Mo-Su 22:00-02:00", TODAY, datetime(2026, 11, 26, 1, 0, tzinfo=TZ)) == "open now until 02:00"


def test_always_open_and_never_open():
    night = datetime(2026, 11, 26, 3, 0, tzinfo=TZ)
    assert open_now("24/7", night) == "open now, day and night"
    assert open_on("24/7", 4, night) == "open all day tomorrow"
    assert open_on("24/7", 6, night) == "open all day Sunday"
    assert open_now("off", night) is None
    assert open_on("off", TODAY, night) is None
    assert open_on("off", 4, night) is None
    assert availability_reason(service("s", opening_hours="off"), Context(night, BERLIN, "en")) is None


def test_public_holiday_off():
    value = "Mo-Fr 09:00-17:00; PH off"
    christmas = datetime(2026, 12, 25, 10, 0, tzinfo=TZ)  # a Friday, public holiday in Germany
    assert open_now(value, datetime(2026, 12, 18, 10, 0, tzinfo=TZ)) == "open now until 17:00"
    assert open_now(value, christmas) is None
    assert open_on(value, TODAY, christmas) is None
    assert open_on(value, 4, datetime(2026, 12, 24, 10, 0, tzinfo=TZ)) is None  # Friday is Christmas
    closed = service("s", opening_hours=value)
    assert availability_reason(closed, Context(christmas, BERLIN, "en")).text(identity) == "opens Monday at 09:00"


@pytest.mark.parametrize(
    "utc_moment, expected",
    [
        # 29 March 2026: clocks go forward at 02:00; 06:30 UTC is 08:30 summer time (07:30 in winter time).
        (datetime(2026, 3, 29, 6, 30, tzinfo=UTC), "open now until 12:00"),
        (datetime(2026, 3, 22, 6, 30, tzinfo=UTC), None),  # a week earlier: 07:30 winter time
        # 25 October 2026: clocks go back at 03:00; 06:30 UTC is 07:30 winter time (08:30 in summer time).
        (datetime(2026, 10, 25, 6, 30, tzinfo=UTC), None),
        (datetime(2026, 10, 18, 6, 30, tzinfo=UTC), "open now until 12:00"),
    ],
)
def test_open_now_across_daylight_saving_changes(utc_moment, expected):
    assert open_now("Su 08:00-12:00", utc_moment) == expected


def test_overnight_opening_across_the_spring_change():
    # Saturday 22:00 to Sunday 06:00; 03:30 UTC on 29 March is 05:30 summer time.
    assert open_now("Sa 22:00-06:00", datetime(2026, 3, 29, 3, 30, tzinfo=UTC)) == "open now until 06:00"
    assert open_on("Su 08:00-12:00", TODAY, datetime(2026, 10, 25, 6, 30, tzinfo=UTC)) == "opens today at 08:00"


@pytest.mark.parametrize(
    "day, language, expected",
    [
        (4, "en", "opens tomorrow at 09:00"),
        (0, "en", "opens Monday at 09:00"),
        (0, "de", "opens Montag at 09:00"),
        (0, "ar", "opens الاثنين at 9:00 ص"),
        (3, "en", "open now until 17:00"),  # today is Thursday
        (5, "en", None),
    ],
)
def test_open_on_a_weekday(day, language, expected):
    assert open_on("Mo-Fr 09:00-17:00", day, language=language) == expected


def test_open_on_todays_weekday_after_hours_means_next_week():
    evening = datetime(2026, 11, 26, 19, 0, tzinfo=TZ)  # Thursday
    assert open_on("Mo-Fr 09:00-17:00", 3, evening) == "opens Thursday at 09:00"
    assert open_on("Mo-Fr 09:00-17:00", TODAY, evening) is None


def test_the_rest_of_a_night_is_not_an_opening_of_the_next_day():
    assert open_on("Su 22:00-02:00", 0) is None  # Monday 00:00-02:00 only continues Sunday night
    assert open_on("Su 22:00-02:00", 6) == "opens Sunday at 22:00"


# --- wishes named in an explanation ---------------------------------------------------------
@pytest.mark.parametrize(
    "filters, name, language, expected",
    [
        (ServiceFilters(open_now=True), "open_now", "en", "open now"),
        (ServiceFilters(open_on=TODAY), "open_on", "en", "open today"),
        (ServiceFilters(open_on=6), "open_on", "de", "open on Sonntag"),
        (ServiceFilters(language="fa"), "language", "ar", "staff who speak الفارسية"),
        (ServiceFilters(childcare=True), "childcare", "en", "childcare"),
        (ServiceFilters(no_papers=True), "no_papers", "en", "no documents needed"),
        (ServiceFilters(district="North"), "district", "en", "in the North district"),
        (ServiceFilters(near=(52.5, 13.4)), "near", "de", "within 3 km"),
    ],
)
def test_wish_labels(filters, name, language, expected):
    assert wish(name, filters, Context(THURSDAY_10, BERLIN, language)).text(identity) == expected
