"""Greeting, topic answers, small talk and fallback actions."""

import asyncio

import pytest

from actions.answers import ActionAnswerTopic, ActionChitchat, ActionFallback, ActionGreet
from tests.actions.conftest import make_tracker, run_action


def run(action, tracker):
    return asyncio.run(run_action(action, tracker))


def all_payloads(messages):
    return [button["payload"] for message in messages for button in message.get("buttons") or []]


def test_greet_says_it_is_a_bot_warns_about_personal_details_and_offers_topics():
    _, messages = run(ActionGreet(), make_tracker("hello", "greet", {"language": "en"}))
    assert "not a person" in messages[0]["text"] and "personal details" in messages[0]["text"]
    payloads = all_payloads(messages)
    assert "/ask_health" in payloads and "/ask_one_stop_shop" in payloads
    assert '/choose_language{"language": "ar"}' in payloads


def test_greet_in_german_is_translated():
    _, messages = run(ActionGreet(), make_tracker("hallo", "greet", {"language": "de"}))
    assert "Teststadt" in messages[0]["text"]
    assert "not a person" not in messages[0]["text"]
    assert any(b["title"] == "Gesundheit" for m in messages for b in m.get("buttons") or [])


@pytest.mark.parametrize("language", ["en", "de", "ar", "uk"])
def test_topic_answer_gives_entitlements_then_services(language):
    tracker = make_tracker("my son has a fever", "ask_health", {"language": language})
    events, messages = run(ActionAnswerTopic(), tracker)
    texts = [m["text"] for m in messages]
    assert len(texts) >= 4
    cards = texts[2:-1]
    assert 1 <= len(cards) <= 3
    assert [b["payload"] for b in messages[-1]["buttons"]] == ["/answer_helpful", "/answer_not_helpful"]
    slots = {event["name"]: event["value"] for event in events}
    assert slots["rated_topic"] == "health" and len(slots["shown_services"]) == len(cards)
    assert all("+49 30 5550 1234" in card and "https://example.org/service" in card for card in cards)
    if language == "ar":  # the service speaking Arabic comes first
        assert cards[0].startswith("Service clinic")


def test_topic_without_services_points_to_one_stop_shop():
    _, messages = run(ActionAnswerTopic(), make_tracker("kita", "ask_childcare", {"language": "en"}))
    assert "one-stop shop" in messages[1]["text"]
    assert messages[2]["text"].startswith("Service shop")


@pytest.mark.parametrize("intent, service", [("ask_one_stop_shop", "shop"), ("ask_welcome_place", "cafe")])
def test_places(intent, service):
    _, messages = run(ActionAnswerTopic(), make_tracker("", intent, {"language": "en"}))
    assert messages[1]["text"].startswith(f"Service {service}")


def test_switch_notice_comes_first_with_a_way_back():
    slots = {"language": "uk", "language_switched_from": "de"}
    _, messages = run(ActionAnswerTopic(), make_tracker("мені потрібен лікар", "ask_health", slots))
    assert "Deutsch" in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == '/choose_language{"language": "de"}'


def test_unknown_intent_gets_fallback_not_silence():
    _, messages = run(ActionAnswerTopic(), make_tracker("?", "ask_astrology", {"language": "en"}))
    assert "did not understand" in messages[0]["text"]


def test_fallback_offers_topics():
    _, messages = run(ActionFallback(), make_tracker("asdfgh", "nlu_fallback", {"language": "uk"}))
    assert len(messages) == 1 and "/ask_housing" in all_payloads(messages)


def test_fallbacks_and_messages_are_counted_per_language_without_text(use_test_runtime):
    from actions.language import ActionDecideLanguage
    from bot.staff import usage

    run(ActionDecideLanguage(), make_tracker("дякую", "thank", {"language": "uk"}, scores={"uk": 0.99}))
    run(ActionFallback(), make_tracker("asdfgh", "nlu_fallback", {"language": "uk"}))
    run(ActionAnswerTopic(), make_tracker("?", "ask_astrology", {"language": "en"}))
    counts = {(row.language, row.messages, row.fallbacks) for row in usage.read(use_test_runtime.engine)}
    assert counts == {("uk", 1, 1), ("en", 0, 1)}


@pytest.mark.parametrize("intent, words", [("thank", "welcome"), ("goodbye", "Goodbye"), ("bot_challenge", "not a person")])
def test_chitchat(intent, words):
    _, messages = run(ActionChitchat(), make_tracker("", intent, {"language": "en"}))
    assert words in messages[0]["text"]


def test_phone_numbers_are_isolated_for_right_to_left_text():
    _, messages = run(ActionAnswerTopic(), make_tracker("", "ask_health", {"language": "ar"}))
    assert "\u2068+49 30 5550 1234\u2069" in messages[2]["text"]
