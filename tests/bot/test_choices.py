"""Typed answers to list questions, months in every language, service names."""

from datetime import date

import pytest

from bot import texts_feedback as tf
from bot.choices import match_service, month_label, parse_month, parse_options

TODAY = date(2026, 11, 26)


def identity(message):
    return message


GERMAN = {"Religion or belief": "Religion oder Weltanschauung", "Language": "Sprache", "Age": "Alter"}


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("4", ["religion"]),
        ("1, 4", ["ethnic_origin", "religion"]),
        ("4 und 5", ["religion", "language"]),
        ("religion", ["religion"]),
        ("wegen meiner Religion und der Sprache", ["religion", "language"]),
        ("RELIGIÓN", ["religion"]),
        ("alter", ["age"]),
        ("99", []),
        ("weiß nicht genau", []),
    ],
)
def test_grounds_by_number_or_label_in_the_conversation_language(answer, expected):
    assert parse_options(answer, tf.GROUNDS, lambda m: GERMAN.get(m, m), multiple=True) == expected


def test_single_choice_needs_exactly_one_match():
    assert parse_options("2", tf.RATING_LABELS, identity) == ["2"]
    assert parse_options("2 or 3", tf.RATING_LABELS, identity) == []


@pytest.mark.parametrize(
    "answer, language, expected",
    [
        ("03/2026", "en", "2026-03"),
        ("2026-03", "en", "2026-03"),
        ("im März 2026", "de", "2026-03"),
        ("maerz", "de", None),
        ("märz", "de", "2026-03"),
        ("en octobre", "fr", "2026-10"),
        ("diciembre", "es", "2025-12"),
        ("у листопаді", "uk", "2026-11"),
        ("в сентябре 2025", "ru", "2025-09"),
        ("mart ayında", "tr", "2026-03"),
        ("w lipcu", "pl", "2026-07"),
        ("February", "ar", "2026-02"),
        ("12/2026", "en", None),
        ("yesterday", "en", None),
    ],
)
def test_months(answer, language, expected):
    assert parse_month(answer, language, TODAY) == expected


def test_month_labels_are_localised():
    assert month_label("2026-03", "de", "?") == "März 2026"
    assert month_label(None, "de", "weiß nicht") == "weiß nicht"


def test_service_names_in_any_language(directory_data, write_directory):
    from bot.directory import read_directory

    services = read_directory(write_directory(directory_data)).services
    found = match_service("at the Service clinic yesterday", services)
    assert found is not None and found.id == "clinic"
    assert match_service("xy", services) is None
