"""Greeting, topic answers with signposting, small talk and the fallback."""

from __future__ import annotations

from dataclasses import replace
from typing import Dict, List, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions import services
from actions.common import ReplyAction, Translate, count_usage, latest_intent
from actions.situation import city_now, read_situation, situation_events
from bot import flow_results, replies, topic_answers
from bot.replies import Reply
from bot.runtime import Runtime
from bot.schema import TOPICS

PLACE_INTENTS = {"ask_one_stop_shop": "one_stop_shop", "ask_welcome_place": "welcome_place"}


class ActionGreet(ReplyAction):
    """Welcome: who we are (a bot), no personal details, the topic menu, the languages."""

    def name(self) -> Text:
        return "action_greet"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return replies.welcome(rt.directory().city, language, _)


class ActionAnswerTopic(ReplyAction):
    """The entitlement for the asked topic and 1-3 services that fit the person's wishes."""

    def name(self) -> Text:
        return "action_answer_topic"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        intent = latest_intent(tracker) or ""
        asked_topic = intent[4:] if intent.startswith("ask_") and intent[4:] in TOPICS else None
        topic = PLACE_INTENTS.get(intent) or asked_topic
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
            result = topic_answers.topic_answer(
                topic, directory, language, now, _, limit, situation, rt.entitlements()
            )
        offer = [flow_results.report_offer(_)] if topic == "discrimination" else []
        rating = [] if result.asked_status else [flow_results.rating_prompt(_)]
        events = [SlotSet("rated_topic", topic), SlotSet("shown_services", result.shown)]
        events += situation_events(situation, tracker.get_slot("residence_status"))
        if result.asked_status:
            events.append(SlotSet("status_asked", True))
        return switched + result.replies + offer + rating, events


class ActionChitchat(ReplyAction):
    """Goodbye, thanks, "are you a bot?", yes/no."""

    def name(self) -> Text:
        return "action_chitchat"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return [replies.chitchat(latest_intent(tracker), _)]


class ActionFallback(ReplyAction):
    """When the assistant does not understand: say so and offer the topics. But a message
    the classifier missed that plainly answers the situation question, or names a wish
    for the places just shown (by the keywords of bot/followup.py), is answered as such."""

    def name(self) -> Text:
        return "action_fallback"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return self.respond(tracker, rt, language, _)[0]

    def respond(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> Tuple[List[Reply], List[Dict]]:
        follow_up = services.follow_up_action(tracker, rt, language)
        if follow_up is not None:
            return follow_up.respond(tracker, rt, language, _)
        count_usage(rt, language, "fallback")
        return [replies.fallback(_)], []
