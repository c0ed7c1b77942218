"""Danger keywords: whole words and phrases, any case, any apostrophe, in every language."""

import pytest

from bot.safety import DangerMatcher, read_keywords
from bot.settings import PROJECT_ROOT

SHIPPED = DangerMatcher(read_keywords(PROJECT_ROOT / "data" / "danger_keywords.yml"))


@pytest.mark.parametrize(
    "text",
    [
        "My husband is HITTING ME",
        "my friend is not breathing!!",
        "I can’t breathe",
        "Hilfe, meine Wohnung brennt",
        "mein Vater ist bewusstlos",
        "زوجي يضربني",
        "чоловік мене бʼє",
        "чоловік мене б'є",
        "İntihar etmek istiyorum",
        "BIÇAK var",
    ],
)
def test_shipped_keywords_catch_danger(text):
    assert SHIPPED.matches(text)


@pytest.mark.parametrize(
    "text",
    [
        "I need a doctor for my son",
        "I got fired from my job",
        "wo finde ich eine Wohnung",
        "أحتاج طبيب",
        "мені потрібен лікар",
        "we bought a brand new flat",
        "",
    ],
)
def test_ordinary_questions_are_not_danger(text):
    assert not SHIPPED.matches(text)


def test_whole_words_only():
    matcher = DangerMatcher(["fire"])
    assert matcher.matches("FIRE in the kitchen")
    assert not matcher.matches("firefighters visit schools")


def test_empty_list_matches_nothing():
    assert not DangerMatcher([]).matches("fire")


def test_bad_file_is_a_clear_error(tmp_path):
    path = tmp_path / "k.yml"
    path.write_text("en: fire\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'en' must be a list"):
        read_keywords(path)
