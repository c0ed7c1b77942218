"""Greeting, topic answers with signposting, small talk and the fallback."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.common import ReplyAction, Translate, count_usage, latest_intent
from bot import flow_results, replies
from bot.directory import find_services
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
    """The general answer for the asked topic and 1–3 matching services."""

    def name(self) -> Text:
        return "action_answer_topic"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        intent = latest_intent(tracker) or ""
        directory = rt.directory()
        now = datetime.now(timezone.utc)
        limit = rt.settings.max_services_per_answer
        previous = tracker.get_slot("language_switched_from")
        answer = [replies.language_switched(language, previous, _)] if previous else []
        if intent in PLACE_INTENTS:
            return (
                answer
                + replies.place_answer(PLACE_INTENTS[intent], directory, language, now, _, limit)
                + [flow_results.rating_prompt(_)]
            )
        if intent.startswith("ask_") and intent[4:] in TOPICS:
            topic = intent[4:]
            offer = [flow_results.report_offer(_)] if topic == "discrimination" else []
            return (
                answer
                + replies.topic_answer(topic, directory, language, now, _, limit)
                + offer
                + [flow_results.rating_prompt(_)]
            )
        count_usage(rt, language, "fallback")
        return answer + [replies.fallback(_)]

    def events(self, tracker: Tracker, rt: Runtime, language: str) -> List[Dict[Text, Any]]:
        """Remembers the topic and the services shown, for "Was this helpful?" and feedback."""
        intent = latest_intent(tracker) or ""
        topic = PLACE_INTENTS.get(intent) or (intent[4:] if intent[4:] in TOPICS else None)
        if not topic:
            return []
        directory = rt.directory()
        limit = rt.settings.max_services_per_answer
        if intent in PLACE_INTENTS:
            shown = find_services(directory.services, kind=topic, language=language, limit=limit)
        else:
            shown = replies.signposted(topic, directory, language, limit)
        return [SlotSet("rated_topic", topic), SlotSet("shown_services", [service.id for service in shown])]


class ActionChitchat(ReplyAction):
    """Goodbye, thanks, "are you a bot?", yes/no."""

    def name(self) -> Text:
        return "action_chitchat"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        return [replies.chitchat(latest_intent(tracker), _)]


class ActionFallback(ReplyAction):
    """When the assistant does not understand: say so and offer the topics."""

    def name(self) -> Text:
        return "action_fallback"

    def replies(self, tracker: Tracker, rt: Runtime, language: str, _: Translate) -> List[Reply]:
        count_usage(rt, language, "fallback")
        return [replies.fallback(_)]
