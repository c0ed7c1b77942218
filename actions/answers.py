"""Greeting, topic answers with signposting, small talk and the fallback."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import List, Text

from rasa_sdk import Tracker

from actions.common import ReplyAction, Translate, latest_intent
from bot import replies
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
            return answer + replies.place_answer(PLACE_INTENTS[intent], directory, language, now, _, limit)
        if intent.startswith("ask_") and intent[4:] in TOPICS:
            return answer + replies.topic_answer(intent[4:], directory, language, now, _, limit)
        return answer + [replies.fallback(_)]


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
        return [replies.fallback(_)]
