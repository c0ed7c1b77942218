"""Topic answers that fit the person: entitlement by situation, services by wishes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.directory import read_directory
from bot.entitlements import read_entitlements
from bot.filters import ServiceFilters
from bot.settings import PROJECT_ROOT
from bot.topic_answers import Situation, services_reply, topic_answer
from tests.conftest import make_service

NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Berlin"))  # Thursday morning
_ = str  # English source texts


@pytest.fixture
def directory(write_directory, directory_data):
    directory_data["services"][0]["opening_hours"] = "Sa 10:00-14:00"  # clinic: Saturdays only
    return read_directory(write_directory(directory_data))


@pytest.fixture(scope="module")
def entitlements():
    return read_entitlements(PROJECT_ROOT / "data" / "entitlements.yaml", ["en", "de", "ar", "uk"])


def texts(answer):
    return "\n".join(reply.text for reply in answer.replies)


def test_without_a_situation_the_general_answer_comes_with_the_question(directory, entitlements):
    answer = topic_answer("health", directory, "en", NOW, _, 3, Situation(), entitlements)
    assert answer.asked_status
    assert entitlements["health"].general["en"].strip()[:60] in texts(answer)
    question = answer.replies[-1]
    payloads = [button["payload"] for button in question.buttons]
    assert '/inform_status{"residence_status": "prefer_not_to_say"}' in payloads and len(payloads) == 6
    assert "Source: " in texts(answer)


@pytest.mark.parametrize("status", ["asylum_seeker", "no_papers", "eu_citizen"])
def test_a_known_situation_gets_its_own_answer_and_no_question(directory, entitlements, status):
    answer = topic_answer("health", directory, "en", NOW, _, 3, Situation(status=status), entitlements)
    assert not answer.asked_status
    variation = entitlements["health"].by_status[status]
    assert variation.text["en"].strip()[:60] in texts(answer)
    assert variation.source in texts(answer)


def test_prefer_not_to_say_gives_the_general_answer_and_is_not_asked_again(directory, entitlements):
    answer = topic_answer("health", directory, "de", NOW, _, 3, Situation(status="prefer_not_to_say"), entitlements)
    assert not answer.asked_status
    assert entitlements["health"].general["de"].strip()[:60] in texts(answer)


def test_the_checked_date_is_formatted_for_the_language(directory, entitlements):
    checked = entitlements["health"].last_checked
    german = texts(topic_answer("health", directory, "de", NOW, _, 3, Situation(status="x"), entitlements))
    assert f"{checked.day}. " in german and str(checked.year) in german


def test_wishes_narrow_the_services_with_reasons(directory):
    answer = services_reply("health", directory, "en", NOW, _, 3, ServiceFilters(language="ar"))
    assert answer.shown == ["clinic"]
    assert "staff speak Arabic" in texts(answer)


def test_when_no_place_fits_the_answer_says_which_wish_ruled_them_out(directory):
    answer = services_reply("health", directory, "en", NOW, _, 3, ServiceFilters(language="ar", open_now=True))
    assert answer.shown == []
    assert "open now" in texts(answer) and "rules out every place" in texts(answer)


def test_no_wishes_keeps_the_usual_signposting(directory):
    answer = services_reply("health", directory, "en", NOW, _, 2, ServiceFilters())
    assert len(answer.shown) == 2 and "These places can help you" in texts(answer)


def test_the_citys_interpreter_services_are_offered_when_no_place_fits(write_directory, directory_data):
    directory_data["services"].append(
        make_service("interpreters", topics=["legal_advice"], languages=["de", "en", "ti"], kind="service"))
    directory_data["city"]["interpreter_services"] = ["interpreters"]
    directory = read_directory(write_directory(directory_data))
    answer = services_reply("health", directory, "en", NOW, _, 3, ServiceFilters(language="ti"))
    assert answer.shown == [] and "Service interpreters" in texts(answer)
