"""Follow-up wishes on the services shown, the shared location, and the situation question."""

import asyncio
import shutil

import pytest

from actions.answers import ActionAnswerTopic
from actions.services import ActionAnswerStatus, ActionNarrowServices
from bot.settings import PROJECT_ROOT
from tests.actions.conftest import make_tracker, run_action


def run(action, tracker):
    return asyncio.run(run_action(action, tracker))


@pytest.fixture(autouse=True)
def data_files(use_test_runtime):
    """The project's keyword file and entitlements beside the test directory."""
    for name in ("filter_words.yml", "entitlements.yaml"):
        shutil.copy(PROJECT_ROOT / "data" / name, use_test_runtime.settings.data_dir / name)


def slot_events(events):
    return {event["name"]: event["value"] for event in events if event.get("event") == "slot"}


def texts(messages):
    return "\n".join(message.get("text") or "" for message in messages)


def payloads(messages):
    return [button["payload"] for message in messages for button in message.get("buttons") or []]


def test_a_follow_up_narrows_the_last_topic_and_keeps_the_wish():
    slots = {"language": "en", "rated_topic": "health"}
    tracker = make_tracker("one where they speak arabic?", "narrow_services", slots)
    events, messages = run(ActionNarrowServices(), tracker)
    assert "staff speak Arabic" in texts(messages)
    slots = slot_events(events)
    assert slots["service_filters"] == {"language": "ar"} and slots["shown_services"] == ["clinic"]


def test_wishes_add_up_over_several_messages():
    slots = {"language": "en", "rated_topic": "health", "service_filters": {"language": "ar"}}
    events, messages = run(ActionNarrowServices(), make_tracker("and free?", "narrow_services", slots))
    assert slot_events(events)["service_filters"] == {"language": "ar", "free": True}


def test_a_wish_button_works_like_typing_it():
    tracker = make_tracker('/narrow_services{"wish": "walk_in"}', "narrow_services",
                           {"language": "en", "rated_topic": "health"},
                           entities=[{"entity": "wish", "value": "walk_in"}])
    events, _ = run(ActionNarrowServices(), tracker)
    assert slot_events(events)["service_filters"] == {"walk_in": True}


def test_without_a_topic_it_asks_for_one_and_keeps_the_wish():
    events, messages = run(ActionNarrowServices(), make_tracker("open now?", "narrow_services", {"language": "en"}))
    assert "/ask_health" in payloads(messages)
    assert slot_events(events)["service_filters"] == {"open_now": True}


def test_without_any_wish_it_offers_the_wish_buttons_and_location():
    _, messages = run(ActionNarrowServices(), make_tracker("hmm which", "narrow_services",
                                                           {"language": "en", "rated_topic": "health"}))
    assert "/share_location" in payloads(messages) and '/narrow_services{"wish": "free"}' in payloads(messages)


def test_near_me_asks_for_the_location_then_uses_it_rounded():
    _, messages = run(ActionNarrowServices(), make_tracker("near me", "narrow_services",
                                                           {"language": "en", "rated_topic": "health"}))
    assert payloads(messages) == ["/share_location"]
    shared = make_tracker('/narrow_services{"lat": 52.520008, "lon": 13.404954}', "narrow_services",
                          {"language": "en", "rated_topic": "health"},
                          entities=[{"entity": "lat", "value": 52.520008}, {"entity": "lon", "value": 13.404954}])
    events, messages = run(ActionNarrowServices(), shared)
    slots = slot_events(events)
    assert slots["location"] == [52.52, 13.405] and slots["service_filters"]["near"] == [52.52, 13.405]
    assert " m away" in texts(messages) or " km away" in texts(messages)


def test_a_malformed_location_is_refused_politely():
    bad = make_tracker("/narrow_services", "narrow_services", {"language": "en", "rated_topic": "health"},
                       entities=[{"entity": "lat", "value": "DROP TABLE"}, {"entity": "lon", "value": 13.4}])
    events, messages = run(ActionNarrowServices(), bad)
    assert events == [] and payloads(messages) == ["/share_location"]


def test_a_topic_question_asks_for_the_situation_once_then_answers_for_it():
    events, messages = run(ActionAnswerTopic(), make_tracker("can I see a doctor?", "ask_health", {"language": "en"}))
    assert '/inform_status{"residence_status": "no_papers"}' in payloads(messages)
    assert "/answer_helpful" not in payloads(messages)  # the rating waits for the situation
    chosen = make_tracker('/inform_status{"residence_status": "no_papers"}', "inform_status",
                          {"language": "en", "rated_topic": "health"},
                          entities=[{"entity": "residence_status", "value": "no_papers"}])
    events, messages = run(ActionAnswerStatus(), chosen)
    assert slot_events(events) == {"residence_status": "no_papers"}
    assert "No papers, or not sure" in texts(messages) and "/answer_helpful" in payloads(messages)


def test_a_situation_in_the_question_is_used_at_once():
    question = "can my children go to school if we are asylum seekers?"
    tracker = make_tracker(question, "ask_education", {"language": "en"})
    events, messages = run(ActionAnswerTopic(), tracker)
    assert slot_events(events)["residence_status"] == "asylum_seeker"
    assert "Asylum seeker" in texts(messages) and "/inform_status" not in " ".join(payloads(messages))


def test_a_situation_stated_with_a_topic_question_answers_that_topic_for_it():
    # The classifier read it as a bare situation, with the topic it asks about close behind.
    ranking = [{"name": "inform_status", "confidence": 0.6}, {"name": "affirm", "confidence": 0.2},
               {"name": "ask_education", "confidence": 0.15}]
    tracker = make_tracker("we are asylum seekers, can the kids go to school", "inform_status", {"language": "en"},
                           ranking=ranking)
    events, messages = run(ActionAnswerStatus(), tracker)
    slots = slot_events(events)
    assert slots["rated_topic"] == "education" and slots["residence_status"] == "asylum_seeker"
    assert "Asylum seeker" in texts(messages) and "/answer_helpful" in payloads(messages)


def test_a_bare_situation_before_any_topic_asks_for_the_topic():
    ranking = [{"name": "inform_status", "confidence": 0.9}, {"name": "ask_education", "confidence": 0.05}]
    tracker = make_tracker("we are asylum seekers", "inform_status", {"language": "en"}, ranking=ranking)
    events, messages = run(ActionAnswerStatus(), tracker)
    assert slot_events(events) == {"residence_status": "asylum_seeker"}
    assert "Ask me about a topic" in texts(messages)


def test_after_a_topic_the_situation_answers_that_topic_whatever_ranks_behind_it():
    ranking = [{"name": "inform_status", "confidence": 0.6}, {"name": "ask_housing", "confidence": 0.4}]
    tracker = make_tracker("asylum seeker, and a flat?", "inform_status", {"language": "en", "rated_topic": "health"},
                           ranking=ranking)
    events, _ = run(ActionAnswerStatus(), tracker)
    assert slot_events(events) == {"residence_status": "asylum_seeker"}


def test_prefer_not_to_say_gives_the_general_answer():
    tracker = make_tracker("I'd rather not say", "inform_status", {"language": "en", "rated_topic": "health"})
    events, messages = run(ActionAnswerStatus(), tracker)
    assert slot_events(events) == {"residence_status": "prefer_not_to_say"}
    assert "general answer" in texts(messages)


def test_an_unclear_situation_is_asked_again():
    tracker = make_tracker("it's complicated", "inform_status", {"language": "en", "rated_topic": "health"})
    events, messages = run(ActionAnswerStatus(), tracker)
    assert events == [] and len(payloads(messages)) == 6


def test_the_situation_question_is_not_repeated_once_asked():
    tracker = make_tracker("I need a flat", "ask_housing", {"language": "en", "status_asked": True})
    events, messages = run(ActionAnswerTopic(), tracker)
    assert "/inform_status" not in " ".join(payloads(messages)) and "/answer_helpful" in payloads(messages)


def test_clear_my_wishes_forgets_them_and_the_location():
    slots = {"language": "en", "rated_topic": "health", "service_filters": {"free": True}, "location": [52.5, 13.4]}
    narrowed = make_tracker("and open now", "narrow_services", slots)
    _, messages = run(ActionNarrowServices(), narrowed)
    assert '/narrow_services{"wish": "clear"}' in payloads(messages)
    cleared = make_tracker('/narrow_services{"wish": "clear"}', "narrow_services", slots,
                           entities=[{"entity": "wish", "value": "clear"}])
    events, messages = run(ActionNarrowServices(), cleared)
    assert slot_events(events) == {"service_filters": None, "location": None}
    assert "/ask_health" in payloads(messages)


def test_a_missed_answer_to_the_situation_question_is_still_understood():
    from actions.answers import ActionFallback

    slots = {"language": "en", "rated_topic": "health", "status_asked": True}
    events, messages = run(ActionFallback(), make_tracker("honestly I am undocumented", "nlu_fallback", slots))
    assert slot_events(events) == {"residence_status": "no_papers"} and "No papers, or not sure" in texts(messages)


def test_a_missed_wish_is_still_understood_and_anything_else_is_a_fallback(use_test_runtime):
    from actions.answers import ActionFallback
    from bot.staff import usage

    slots = {"language": "en", "rated_topic": "health"}
    events, messages = run(ActionFallback(), make_tracker("wheelchair pls", "nlu_fallback", slots))
    assert slot_events(events)["service_filters"] == {"wheelchair": True}
    _, messages = run(ActionFallback(), make_tracker("asdfgh qwerty", "nlu_fallback", slots))
    assert "did not understand" in texts(messages)
    assert [row.fallbacks for row in usage.read(use_test_runtime.engine)] == [1]
