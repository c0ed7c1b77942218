"""The answer to a topic question: the entitlement and 1-3 services that fit the person's wishes.

Used for the topic intents, and for a message the classifier read as a statement of one's
residence situation that also asks about a topic ("I have subsidiary protection, can my
family come?"): there, the topic behind the situation is answered for that situation.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Dict, List, Optional, Sequence, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import Translate, count_usage
from actions.situation import city_now, read_situation, situation_events
from bot import flow_results, replies, topic_answers
from bot.replies import Reply
from bot.runtime import Runtime
from bot.schema import TOPICS

PLACE_INTENTS = {"ask_one_stop_shop": "one_stop_shop", "ask_welcome_place": "welcome_place"}
# How confident the classifier must be of a topic it ranked behind "inform_status" for that
# topic to be answered. Measured on the held-out sets (tests/nlu_eval): at 0.1 this
# answers the topic for about a third of the topic questions read as a bare situation,
# and for one in about ninety bare situations.
TOPIC_BEHIND_STATUS = 0.1


def topic_of(intent: str) -> Optional[str]:
    """The topic or place kind an intent asks about (``ask_health`` → ``health``), or None."""
    if intent in PLACE_INTENTS:
        return PLACE_INTENTS[intent]
    topic = intent[4:] if intent.startswith("ask_") else ""
    return topic if topic in TOPICS else None


def topic_behind_status(ranking: Optional[Sequence[Dict[str, Any]]]) -> Optional[str]:
    """The topic intent ranked highest after ``inform_status``, if confident enough."""
    for entry in ranking or []:
        name = str(entry.get("name") or "")
        if topic_of(name):
            return name if float(entry.get("confidence") or 0.0) >= TOPIC_BEHIND_STATUS else None
    return None


def answer_topic(
    tracker: Tracker, rt: Runtime, language: str, _: Translate, intent: str
) -> Tuple[List[Reply], List[Dict]]:
    """The replies and slot events that answer ``intent``'s topic (the fallback if it has none)."""
    topic = topic_of(intent)
    previous = tracker.get_slot("language_switched_from")
    switched = [replies.language_switched(language, previous, _)] if previous else []
    if topic is None:
        count_usage(rt, language, "fallback")
        return switched + [replies.fallback(_)], []
    directory = rt.directory()
    limit = rt.settings.max_services_per_answer
    situation, _wishes = read_situation(tracker, rt, language, directory, follow_up=False)
    if topic == "language_learning":  # "where can I learn German": German is not a wish for the staff
        situation = replace(situation, filters=situation.filters.without("language"))
    now = city_now(directory)
    if topic in PLACE_INTENTS.values():
        result = topic_answers.services_reply(topic, directory, language, now, _, limit, situation.filters)
    else:
        result = topic_answers.topic_answer(topic, directory, language, now, _, limit, situation, rt.entitlements())
    offer = [flow_results.report_offer(_)] if topic == "discrimination" else []
    rating = [] if result.asked_status else [flow_results.rating_prompt(_)]
    events = [SlotSet("rated_topic", topic), SlotSet("shown_services", result.shown)]
    events += situation_events(situation, tracker.get_slot("residence_status"))
    if result.asked_status:
        events.append(SlotSet("status_asked", True))
    return switched + result.replies + offer + rating, events
