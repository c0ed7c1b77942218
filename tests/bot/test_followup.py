"""Reading wishes and a residence situation out of messages (bot.followup), and the keyword file."""

from datetime import date

import pytest
import yaml

from bot.filters import TODAY, ServiceFilters
from bot.followup import (
    contains,
    filters_from_slot,
    filters_to_slot,
    parse_status,
    parse_wishes,
    read_words,
    rounded_location,
)
from bot.settings import PROJECT_ROOT
from tests.conftest import SAMPLE_CITY, make_service

TODAY_DATE = date(2026, 11, 26)  # a Thursday
GOAL_LANGUAGES = ["en", "de", "fr", "es", "ar", "uk", "ru", "tr", "fa", "pl"]
WORDS = {
    "en": {
        "open_now": ["open now", "still open"], "today": ["today"], "tomorrow": ["tomorrow"],
        "childcare": ["childcare", "kids"], "free": ["free", "no cost"], "no_papers": ["without papers", "no papers"],
        "wheelchair": ["wheelchair"], "walk_in": ["walk in", "without appointment"], "near_me": ["near me"],
        "near_words": ["near", "close to"], "languages": {"fa": ["farsi"]},
        "statuses": {"asylum_seeker": ["asylum seeker*"], "no_papers": ["no papers", "undocumented"],
                     "prefer_not_to_say": ["rather not say", "prefer not to say"], "eu_citizen": ["eu citizen"]},
    },
    "de": {"free": ["kostenlos", "gratis"], "childcare": ["kinderbetreu*"], "today": ["heute"],
           "statuses": {"asylum_seeker": ["asylbewerber*", "asylverfahren"]}},
    "uk": {"languages": {"ar": ["арабською"]}},
}


@pytest.fixture
def words(tmp_path):
    path = tmp_path / "filter_words.yml"
    path.write_text(yaml.safe_dump(WORDS, allow_unicode=True), encoding="utf-8")
    return read_words(path)


@pytest.fixture
def services():
    return [
        __import__("bot.directory", fromlist=["_service_from_yaml"])._service_from_yaml(
            make_service("a", district="North", languages=["de", "ar", "fa"]), "en"),
        __import__("bot.directory", fromlist=["_service_from_yaml"])._service_from_yaml(
            make_service("b", district="Centre", languages=["uk", "ru"]), "en"),
    ]


def wishes(text, language="en", words=None, services=(), **options):
    return parse_wishes(text, language, words or {}, SAMPLE_CITY, list(services), TODAY_DATE, **options)


def test_keywords_match_whole_words_and_stems():
    assert contains("is it free", ["free"]) and not contains("freedom", ["free"])
    assert contains("gibt es kinderbetreuung", ["kinderbetreu*"])
    assert contains("open now please", ["open now"]) and not contains("reopen nowhere", ["open now"])


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Which one is open now and free?", ServiceFilters(open_now=True, free=True)),
        ("any of them open today?", ServiceFilters(open_on=TODAY)),
        ("open tomorrow?", ServiceFilters(open_on=4)),  # Friday
        ("and on Saturday?", ServiceFilters(open_on=5)),
        ("with childcare, without appointment", ServiceFilters(childcare=True, walk_in=True)),
        ("I have no papers, wheelchair user", ServiceFilters(no_papers=True, wheelchair=True)),
        ("one where they speak Farsi", ServiceFilters(language="fa")),
        ("in the North district", ServiceFilters(district="North")),
    ],
)
def test_english_wishes(words, services, text, expected):
    assert wishes(text, words=words, services=services).filters == expected


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("Gibt es was Kostenloses mit Kinderbetreuung heute?", "de", ServiceFilters(childcare=True, open_on=TODAY)),
        ("ist das kostenlos", "de", ServiceFilters(free=True)),
        ("jemand, der Arabisch spricht, am Samstag", "de", ServiceFilters(language="ar", open_on=5)),
        ("хто розмовляє арабською?", "uk", ServiceFilters(language="ar")),
        ("کسی که فارسی صحبت کند", "fa", ServiceFilters(language="fa")),
        ("يوم السبت", "ar", ServiceFilters(open_on=5)),
        ("free and open now", "de", ServiceFilters(free=True, open_now=True)),  # English words work everywhere
    ],
)
def test_wishes_in_other_languages_use_babel_names_and_the_keyword_file(words, services, text, language, expected):
    assert wishes(text, language, words, services).filters == expected


def test_near_me_needs_a_location_unless_one_was_shared(words):
    assert wishes("anything near me?", words=words).needs_location
    shared = wishes("anything near me?", words=words, location=(52.52, 13.4))
    assert shared.filters == ServiceFilters(near=(52.52, 13.4)) and not shared.needs_location


def test_in_a_topic_question_a_place_needs_a_near_word(words, services):
    assert wishes("a doctor at the Centre", words=words, services=services, follow_up=False).filters.is_empty
    assert wishes("a doctor near the Centre", words=words, services=services, follow_up=False).filters == (
        ServiceFilters(district="Centre"))


def test_nothing_is_read_from_an_unrelated_message(words, services):
    assert wishes("my son has a fever", words=words, services=services).filters.is_empty


@pytest.mark.parametrize(
    "text, language, status",
    [
        ("can my children go to school if we are asylum seekers?", "en", "asylum_seeker"),
        ("I'd rather not say", "en", "prefer_not_to_say"),
        ("i am undocumented", "en", "no_papers"),
        ("Unser Asylverfahren läuft noch", "de", "asylum_seeker"),
        ("EU citizen here", "pl", "eu_citizen"),
        ("hello", "en", None),
    ],
)
def test_status(words, text, language, status):
    assert parse_status(text, language, words) == status


def test_wishes_survive_the_slot_round_trip_and_junk_is_dropped():
    filters = ServiceFilters(open_on=0, language="ar", free=True, near=(52.5, 13.4))
    assert filters_from_slot(filters_to_slot(filters)) == filters
    junk = {"open_on": 9, "free": "yes", "near": [500, 0], "language": 7, "district": "x" * 500, "evil": True}
    assert filters_from_slot(junk) == ServiceFilters()
    assert filters_from_slot("not a dict") == ServiceFilters()


def test_shared_locations_are_rounded_to_about_100_m():
    assert rounded_location(52.520008, 13.404954) == (52.52, 13.405)
    assert rounded_location("52.5", "13.4") == (52.5, 13.4)
    for bad in ((None, 1), ("x", 1), (91, 0), (0, 181), (float("nan"), 0)):
        assert rounded_location(*bad) is None


def test_the_projects_keyword_file_covers_every_language_and_wish():
    words = read_words(PROJECT_ROOT / "data" / "filter_words.yml")
    assert sorted(words) == sorted(GOAL_LANGUAGES)
    for language, block in words.items():
        for name in ("open_now", "today", "childcare", "free", "no_papers", "wheelchair", "walk_in", "near_me"):
            assert block.lists[name], f"{language}: no keywords for {name}"
        for status, keywords in block.statuses.items():
            assert keywords, f"{language}: no keywords for the status {status}"


@pytest.mark.parametrize(
    "text, language, expected",
    [
        ("step free access please", "en", ServiceFilters(wheelchair=True)),
        ("Guten Morgen, welche hat heute offen?", "de", ServiceFilters(open_on=TODAY)),
        ("¿cuál abre por la mañana?", "es", ServiceFilters()),
        ("¿cuál abre mañana?", "es", ServiceFilters(open_on=4)),
    ],
)
def test_the_projects_keywords_longest_first_and_ignored_phrases(text, language, expected):
    words = read_words(PROJECT_ROOT / "data" / "filter_words.yml")
    assert wishes(text, language, words).filters == expected


def test_districts_are_found_by_the_forms_the_city_lists(words, services):
    city = dict(SAMPLE_CITY, districts={"North": {"de": ["norden", "nördlich*"], "uk": ["північн*"]}})
    for text, language in (("was im Norden", "de"), ("etwas nördlicher", "de"), ("в північному районі", "uk")):
        found = parse_wishes(text, language, words, city, services, TODAY_DATE).filters
        assert found == ServiceFilters(district="North"), text
    assert parse_wishes("im Süden", "de", words, city, services, TODAY_DATE).filters.is_empty
