"""Entitlement answers by residence status: selection, and validation of the file."""

from __future__ import annotations

import copy
from datetime import date

import pytest
import yaml

from bot.entitlements import (
    PREFER_NOT_TO_SAY,
    STATUSES,
    Entitlement,
    EntitlementsError,
    Variation,
    answer,
    needs_status,
    read_entitlements,
    validate_entitlements,
)
from bot.schema import read_yaml
from bot.settings import PROJECT_ROOT

LANGUAGES = ["en", "de"]
TODAY = date(2026, 11, 15)
CHECKED = date(2026, 11, 1)
GENERAL_SOURCE = "https://example.org/health"


def variation(status: str) -> dict:
    return {
        "text": {"en": f"Health for {status}.", "de": f"Gesundheit für {status}."},
        "source": f"https://example.org/health/{status}",
        "last_checked": CHECKED,
    }


SAMPLE = {
    "entitlements": [
        {
            "topic": "health",
            "general": {"en": "Health in general.", "de": "Gesundheit allgemein."},
            "source": GENERAL_SOURCE,
            "last_checked": CHECKED,
            # every status but eu_citizen differs from the general answer
            "by_status": {status: variation(status) for status in STATUSES if status != "eu_citizen"},
        },
        {
            "topic": "registration",
            "general": {"en": "Register within two weeks.", "de": "Melden Sie sich innerhalb von zwei Wochen an."},
            "source": "https://example.org/registration",
            "last_checked": "2026-10-01",  # a quoted date is accepted too
        },
    ]
}


@pytest.fixture
def data() -> dict:
    """A small valid entitlements document (a fresh copy per test)."""
    return copy.deepcopy(SAMPLE)


@pytest.fixture
def write(tmp_path):
    """Writes a document (or raw YAML text) to ``tmp_path/entitlements.yaml``."""

    def write_file(document):
        path = tmp_path / "entitlements.yaml"
        text = document if isinstance(document, str) else yaml.safe_dump(document, allow_unicode=True, sort_keys=False)
        path.write_text(text, encoding="utf-8")
        return path

    return write_file


@pytest.fixture
def entitlements(write, data):
    return read_entitlements(write(data), LANGUAGES, today=TODAY)


def problems_for(write, document) -> list:
    with pytest.raises(EntitlementsError) as raised:
        read_entitlements(write(document), LANGUAGES, today=TODAY)
    return [str(problem) for problem in raised.value.problems]


# --- reading and selection ---


def test_valid_file_reads(entitlements):
    assert list(entitlements) == ["health", "registration"]
    health = entitlements["health"]
    assert health.last_checked == CHECKED
    assert health.by_status["asylum_seeker"] == Variation(
        text={"en": "Health for asylum_seeker.", "de": "Gesundheit für asylum_seeker."},
        source="https://example.org/health/asylum_seeker",
        last_checked=CHECKED,
    )
    assert entitlements["registration"].last_checked == date(2026, 10, 1)
    assert entitlements["registration"].by_status == {}


@pytest.mark.parametrize("status", [s for s in STATUSES if s != "eu_citizen"])
def test_each_status_gets_its_variation(entitlements, status):
    result = answer(entitlements["health"], status, "de", "en")
    assert result.text == f"Gesundheit für {status}."
    assert result.source == f"https://example.org/health/{status}"
    assert result.last_checked == CHECKED
    assert result.status_used == status


@pytest.mark.parametrize("status", [None, PREFER_NOT_TO_SAY, "eu_citizen", "martian"])
def test_general_answer_without_a_matching_variation(entitlements, status):
    result = answer(entitlements["health"], status, "en", "en")
    assert (result.text, result.source, result.last_checked, result.status_used) == (
        "Health in general.",
        GENERAL_SOURCE,
        CHECKED,
        None,
    )


def test_language_falls_back(entitlements):
    assert answer(entitlements["health"], None, "uk", "en").text == "Health in general."
    assert answer(entitlements["health"], "asylum_seeker", "uk", "de").text == "Gesundheit für asylum_seeker."
    assert answer(entitlements["registration"], "no_papers", "ar", "de").text.startswith("Melden Sie sich")


def test_needs_status(entitlements):
    assert needs_status(entitlements["health"]) is True
    assert needs_status(entitlements["registration"]) is False
    empty = Entitlement("housing", {"en": "x"}, "https://example.org", CHECKED, by_status={})
    assert needs_status(empty) is False


# --- validation ---

HEALTH = "entitlement 'health'"
ASYLUM = "entitlement 'health', status 'asylum_seeker'"


def _health(data):
    return data["entitlements"][0]


def _asylum(data):
    return _health(data)["by_status"]["asylum_seeker"]


@pytest.mark.parametrize(
    "change, where, field, words",
    [
        (
            lambda d: _health(d).update(topic="astrology"),
            "entitlement 'astrology'",
            "topic",
            "unknown topic 'astrology'",
        ),
        (lambda d: _health(d).pop("topic"), "entitlements[0]", "topic", "is required"),
        (lambda d: d["entitlements"][1].update(topic="health"), HEALTH, "topic", "more than one entitlement"),
        (lambda d: _health(d).pop("general"), HEALTH, "general", "must be a map language→text"),
        (lambda d: _health(d)["general"].pop("de"), HEALTH, "general", "text for 'de' is missing"),
        (lambda d: _health(d)["general"].update(xx1="?"), HEALTH, "general", "'xx1' is not an ISO 639-1"),
        (lambda d: _health(d)["general"].update(de="  "), HEALTH, "general", "text for 'de' is empty"),
        (lambda d: _health(d).pop("source"), HEALTH, "source", "is required"),
        (lambda d: _health(d).update(source="ftp://example.org"), HEALTH, "source", "not an http(s) URL"),
        (lambda d: _health(d).pop("last_checked"), HEALTH, "last_checked", "is required"),
        (lambda d: _health(d).update(last_checked="2026-13-40"), HEALTH, "last_checked", "not a date"),
        (lambda d: _health(d).update(last_checked=date(2026, 11, 16)), HEALTH, "last_checked", "in the future"),
        (lambda d: _health(d).update(notes="x"), HEALTH, "notes", "unknown field"),
        (lambda d: _health(d).update(by_status=["asylum_seeker"]), HEALTH, "by_status", "must be a map"),
        (
            lambda d: _health(d)["by_status"].update(tourist=variation("x")),
            HEALTH,
            "by_status",
            "unknown status 'tourist'",
        ),
        (lambda d: _asylum(d).pop("text"), ASYLUM, "text", "must be a map language→text"),
        (lambda d: _asylum(d)["text"].pop("en"), ASYLUM, "text", "text for 'en' is missing"),
        (lambda d: _asylum(d)["text"].update(english="x"), ASYLUM, "text", "'english' is not an ISO 639-1"),
        (lambda d: _asylum(d)["text"].update(en=""), ASYLUM, "text", "text for 'en' is empty"),
        (lambda d: _asylum(d).pop("source"), ASYLUM, "source", "is required"),
        (lambda d: _asylum(d).update(source="example.org/health"), ASYLUM, "source", "not an http(s) URL"),
        (lambda d: _asylum(d).pop("last_checked"), ASYLUM, "last_checked", "is required"),
        (lambda d: _asylum(d).update(last_checked="soon"), ASYLUM, "last_checked", "not a date"),
        (lambda d: _asylum(d).update(last_checked=date(2027, 1, 1)), ASYLUM, "last_checked", "in the future"),
        (lambda d: _asylum(d).update(general={"en": "x"}), ASYLUM, "general", "unknown field"),
    ],
)
def test_each_problem_names_topic_status_and_field(write, data, change, where, field, words):
    change(data)
    problems = problems_for(write, data)
    expected = f"{where}: field '{field}': "
    assert any(p.startswith(expected) and words in p for p in problems), problems


def test_all_problems_reported_at_once_with_the_path(write, data):
    _health(data)["source"] = "nope"
    _asylum(data)["last_checked"] = "nope"
    path = write(data)
    with pytest.raises(EntitlementsError) as raised:
        read_entitlements(path, LANGUAGES, today=TODAY)
    assert len(raised.value.problems) == 2
    assert str(path) in str(raised.value)
    assert "2 problem(s)" in str(raised.value)


@pytest.mark.parametrize(
    "document, field, words",
    [
        (["health"], "-", "must be a mapping with 'entitlements:'"),
        ({"entitlements": {"health": {}}}, "entitlements", "must be a list"),
        ({"services": []}, "entitlements", "must be a list"),
        ({"entitlements": [], "extra": 1}, "extra", "unknown field"),
    ],
)
def test_top_level_shape(document, field, words):
    problems = [str(p) for p in validate_entitlements(document, LANGUAGES, TODAY)]
    assert any(p.startswith(f"file: field '{field}': ") and words in p for p in problems), problems


def test_entry_that_is_not_a_mapping():
    problems = [str(p) for p in validate_entitlements({"entitlements": ["health"]}, LANGUAGES, TODAY)]
    assert problems == ["entitlements[0]: field '-': must be a mapping of fields"]


def test_valid_data_has_no_problems(data):
    assert validate_entitlements(data, LANGUAGES, TODAY) == []


def test_broken_yaml_is_a_clear_error(write):
    problems = problems_for(write, "entitlements:\n  - topic: [unclosed\n")
    assert "not valid YAML" in problems[0]


def test_missing_file_is_a_clear_error(tmp_path):
    path = tmp_path / "nowhere.yaml"
    with pytest.raises(EntitlementsError) as raised:
        read_entitlements(path, LANGUAGES, today=TODAY)
    assert "cannot read file" in str(raised.value) and str(path) in str(raised.value)


def test_shipped_entitlements_are_valid():
    city_languages = read_yaml(PROJECT_ROOT / "data" / "services.yaml")["city"]["languages"]
    entitlements = read_entitlements(PROJECT_ROOT / "data" / "entitlements.yaml", city_languages)
    assert entitlements
