"""Follow-up wishes: merging them over a conversation, place names, distances."""

import pytest
from babel import Locale

from bot.directory import Service
from bot.filters import TODAY, NamedPlace, ServiceFilters, distance_km, format_distance, haversine_km, resolve_place
from tests.conftest import SAMPLE_CITY, make_service

STATION = {
    "name": {"en": "Central Station", "de": "Hauptbahnhof", "ar": "المحطة المركزية"},
    "lat": 52.525,
    "lon": 13.369,
}
NORTH_GATE = {"name": "North Gate", "lat": 52.55, "lon": 13.39}


def service(service_id: str, **fields) -> Service:
    """A directory ``Service`` from the shared test entry (``geo`` becomes ``lat``/``lon``)."""
    entry = make_service(service_id, **fields)
    geo = entry.pop("geo") or {}
    return Service(**entry, lat=geo.get("lat"), lon=geo.get("lon"))


def test_no_wishes_is_empty():
    assert ServiceFilters().is_empty
    assert ServiceFilters().active() == ()


def test_active_wishes_in_fixed_order_and_monday_counts():
    filters = ServiceFilters(near=(52.5, 13.4), free=True, open_on=0, language="fa")
    assert not filters.is_empty
    assert filters.active() == ("open_on", "language", "free", "near")


@pytest.mark.parametrize("value", [7, -1, "tomorrow", True, 2.0])
def test_open_on_takes_a_weekday_or_today_only(value):
    with pytest.raises(ValueError, match="open_on"):
        ServiceFilters(open_on=value)


def test_open_on_today_and_sunday():
    assert ServiceFilters(open_on=TODAY).active() == ("open_on",)
    assert ServiceFilters(open_on=6).open_on == 6


def test_merge_adds_wishes_and_a_later_value_replaces_an_earlier_one():
    first = ServiceFilters(open_now=True, language="fa", district="North")
    later = ServiceFilters(language="ar", childcare=True, near=(52.5, 13.4))
    merged = first.merge(later)
    assert merged == ServiceFilters(open_now=True, language="ar", childcare=True, district="North", near=(52.5, 13.4))
    assert first == ServiceFilters(open_now=True, language="fa", district="North")  # unchanged (frozen)


def test_merge_never_unsets_a_wish():
    merged = ServiceFilters(free=True, open_on=TODAY).merge(ServiceFilters())
    assert merged == ServiceFilters(free=True, open_on=TODAY)


def test_merge_replaces_today_with_monday():
    assert ServiceFilters(open_on=TODAY).merge(ServiceFilters(open_on=0)).open_on == 0


def test_without_unsets_wishes():
    filters = ServiceFilters(free=True, language="fa", near=(52.5, 13.4))
    assert filters.without("language", "near") == ServiceFilters(free=True)


SERVICES = [
    service("a", district="North"),
    service("b", district="Südstadt"),
    service("c", district="Centre"),
]


@pytest.mark.parametrize(
    "text, district",
    [
        ("any clinic in the NORTH district?", "North"),
        ("in der sudstadt bitte", "Südstadt"),
        ("in der Südstadt", "Südstadt"),
        ("something in the centre", "Centre"),
    ],
)
def test_resolve_district_ignores_case_and_accents(text, district):
    place = resolve_place(text, SAMPLE_CITY, SERVICES)
    assert place == NamedPlace(district, district=district)
    assert place.as_filters() == ServiceFilters(district=district)


@pytest.mark.parametrize("text", ["near central station", "am Hauptbahnhof bitte", "قرب المحطّة المركزيّة"])
def test_resolve_landmark_in_any_language(text):
    city = {**SAMPLE_CITY, "landmarks": [STATION]}
    place = resolve_place(text, city, SERVICES)
    assert place.geo == (52.525, 13.369)
    assert place.as_filters() == ServiceFilters(near=(52.525, 13.369))


def test_longest_name_wins_and_landmark_over_district():
    city = {**SAMPLE_CITY, "landmarks": [NORTH_GATE]}
    assert resolve_place("near the north gate", city, SERVICES).name == "North Gate"
    assert resolve_place("in the north", city, SERVICES).district == "North"


def test_names_match_whole_words_only_and_unknown_is_none():
    assert resolve_place("northern lights", SAMPLE_CITY, SERVICES) is None
    assert resolve_place("near the zoo", SAMPLE_CITY, SERVICES) is None
    assert resolve_place("", SAMPLE_CITY, []) is None


def test_malformed_landmarks_are_skipped():
    city = {**SAMPLE_CITY, "landmarks": ["Zoo", {"name": "Zoo"}, {"name": "Zoo", "lat": "x", "lon": 1}, STATION]}
    assert resolve_place("near the zoo", city, SERVICES) is None
    assert resolve_place("near central station", city, SERVICES).name == "Central Station"


def test_haversine_km():
    assert haversine_km((52.52, 13.40), (52.52, 13.40)) == 0
    assert haversine_km((52.0, 13.0), (53.0, 13.0)) == pytest.approx(111.195, abs=0.01)
    assert haversine_km((52.52, 13.405), (48.8566, 2.3522)) == pytest.approx(877.5, abs=1)  # Berlin–Paris


def test_distance_needs_both_positions():
    one_km_north = service("a", geo={"lat": 52.53, "lon": 13.40})
    assert distance_km(one_km_north, (52.52, 13.40)) == pytest.approx(1.112, abs=0.001)
    assert distance_km(service("a", geo=None), (52.52, 13.40)) is None
    assert distance_km(service("a"), None) is None


@pytest.mark.parametrize(
    "km, locale, expected",
    [
        (1.23, "en", "1.2 km"),
        (1.23, "de", "1,2 km"),
        (1.23, "en_DE", "1,2 km"),
        (1.23, "ar", "1.2 كم"),
        (0.34, "en", "350 m"),
        (0.01, "de", "50 m"),
        (0.96, "en", "1 km"),
        (12.4, "de", "12 km"),
    ],
)
def test_format_distance_in_locale(km, locale, expected):
    assert format_distance(km, Locale.parse(locale)) == expected
