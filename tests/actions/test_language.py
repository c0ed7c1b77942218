"""The language slot: decided after each message, explicit choices confirmed."""

import asyncio

from actions.language import ActionDecideLanguage, ActionSetLanguage
from tests.actions.conftest import make_tracker, run_action


def slots_after(tracker):
    events, _ = asyncio.run(run_action(ActionDecideLanguage(), tracker))
    return {event["name"]: event["value"] for event in events}


def test_metadata_language_wins():
    tracker = make_tracker("hello there everyone", metadata={"language": "uk"}, scores={"en": 0.9})
    assert slots_after(tracker)["language"] == "uk"


def test_entity_choice_wins():
    entities = [{"entity": "language", "value": "ar"}]
    tracker = make_tracker("auf Arabisch bitte", "choose_language", {"language": "de"}, entities, scores={"de": 0.9})
    assert slots_after(tracker) == {"language": "ar", "language_switched_from": None}


def test_language_named_in_a_question_is_not_a_choice():
    entities = [{"entity": "language", "value": "de"}]
    tracker = make_tracker("أين أتعلم اللغة الألمانية مجانا", "ask_language_learning", {"language": "ar"}, entities, scores={"ar": 0.99})
    assert slots_after(tracker)["language"] == "ar"


def test_typed_answers_in_a_form_keep_the_language_but_buttons_switch():
    entities = [{"entity": "language", "value": "en"}]
    slots = {"language": "de", "requested_slot": "feedback_comment"}
    typed = make_tracker("Niemand sprach Englisch, ich war 4 Stunden da", "choose_language", slots, entities, scores={"en": 0.1, "de": 0.9})
    assert slots_after(typed)["language"] == "de"
    foreign = make_tracker("nobody there spoke any English at all", "inform", slots, scores={"en": 0.99, "de": 0.0})
    assert slots_after(foreign)["language"] == "de"
    button = make_tracker('/choose_language{"language": "en"}', "choose_language", slots, entities)
    assert slots_after(button)["language"] == "en"


def test_detection_switch_is_recorded():
    tracker = make_tracker("мені потрібен лікар терміново", slots={"language": "de"}, scores={"uk": 0.99})
    assert slots_after(tracker) == {"language": "uk", "language_switched_from": "de"}


def test_short_message_keeps_language():
    assert slots_after(make_tracker("ok", slots={"language": "ar"}, scores={"en": 0.3}))["language"] == "ar"


def test_start_uses_city_default():
    assert slots_after(make_tracker("1"))["language"] == "en"


def test_set_language_confirms_in_new_language():
    _, messages = asyncio.run(run_action(ActionSetLanguage(), make_tracker("", "choose_language", {"language": "ar"})))
    assert "العربية" in messages[0]["text"]
